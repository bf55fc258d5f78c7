// Moving through the document: sections, parts, and back to where reading last happened.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createNavigation } from '../../../entrypoints/reader/navigation';
import { createResumePoint } from '../../../entrypoints/reader/resume-point';
import type { ScrollTracker } from '../../../entrypoints/reader/scroll-tracker';
import { detectedFixture, flatOf, readerStore } from './reader-fixture';

function fakeTracker(topOffset = 0) {
  const pins: (string | null)[] = [];
  const tracker = {
    pin: (id: string | null) => void pins.push(id),
    state: () => ({ currentId: null, topOffset, furthest: 0, readIds: new Set<string>(), ledger: {}, resumeAt: null }),
  } as unknown as ScrollTracker;
  return { tracker, pins };
}

function setUp(resumeAt: number | null = null) {
  const found = detectedFixture();
  const flat = flatOf(found);
  const store = readerStore(found);
  const resume = createResumePoint(resumeAt);
  const { tracker, pins } = fakeTracker();
  const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  const nav = createNavigation({
    win: window,
    store,
    doc: found.document,
    flat,
    model: () => found.model,
    tracker: () => tracker,
    resume,
    host: () => null,
  });
  return { found, flat, store, resume, pins, scrollTo, nav };
}

describe('createNavigation', () => {
  // happy-dom has no hit testing: no fixed header found above the text.
  beforeEach(() => {
    Object.defineProperty(document, 'elementsFromPoint', { value: () => [], configurable: true });
  });

  it('jumps to a section by id, holding it as current; an unknown id does nothing', () => {
    const { flat, pins, scrollTo, nav } = setUp();
    const target = flat[2]!;
    expect(nav.jumpToId(target.id)).toBe(true);
    expect(pins).toEqual([target.id]);
    expect(scrollTo).toHaveBeenCalledOnce();
    expect(nav.jumpToId('no-such-id')).toBe(false);
    nav.actions.jumpTo(42 as never);
    expect(pins).toEqual([target.id]);
  });

  it('steps to the next and previous section from the current one, staying at the ends', () => {
    const { flat, store, pins, nav } = setUp();
    store.set({ currentId: flat[1]!.id });
    nav.actions.stepSection(1);
    nav.actions.stepSection(-1);
    store.set({ currentId: flat[0]!.id });
    nav.actions.stepSection(-1);
    expect(pins).toEqual([flat[2]!.id, flat[0]!.id, flat[0]!.id]);
  });

  it('steps by part from inside a part, also from one of its subsections', () => {
    const { found, flat, store, pins, nav } = setUp();
    const [first, second] = found.document.sections;
    const inside = flat.find(
      (s) => s.level > 1 && s.headingStart > first!.headingStart && s.headingStart < second!.headingStart,
    )!;
    expect(inside).toBeDefined();
    store.set({ currentId: inside.id });
    nav.stepPart(1);
    expect(pins).toEqual([second!.id]);
  });

  it('an overlay panel folds after a jump; one beside the text stays', () => {
    const { flat, store, nav } = setUp();
    store.set({ open: true, beside: false });
    nav.actions.jumpTo(flat[1]!.id);
    expect(store.get().open).toBe(false);
    store.set({ open: true, beside: true });
    nav.actions.jumpTo(flat[2]!.id);
    expect(store.get().open).toBe(true);
  });

  it('继续阅读 goes to the stored place, then is not offered until the next jump', () => {
    const { flat, store, resume, pins, nav } = setUp(600);
    store.set({ showResume: true });
    nav.actions.resume();
    expect(store.get().showResume).toBe(false);
    expect(resume.offered()).toBe(false);
    expect(pins).toHaveLength(1);
    nav.actions.jumpTo(flat[0]!.id);
    expect(resume.offered()).toBe(true);
    nav.jumped();
    expect(pins.at(-1)).toBeNull();
  });

  it('without a place to return to, 继续阅读 does nothing', () => {
    const { pins, scrollTo, nav } = setUp(null);
    nav.actions.resume();
    expect(pins).toEqual([]);
    expect(scrollTo).not.toHaveBeenCalled();
  });
});
