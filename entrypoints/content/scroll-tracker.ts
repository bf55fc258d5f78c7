// Follows the reader through the article: current section, furthest point, sections read.
// Layout is measured after layout changes (gathered and spaced out by the measure scheduler);
// scroll events only compare cached numbers.
import type { Section, TextModel } from '../../lib/document/types';
import { sectionIndexAt } from '../../lib/document/flatten-sections';
import { offsetAtY, yAtOffset, type Landmark } from '../../lib/reading/geometry';
import { measureLandmarks } from '../../lib/dom/measure';
import { fixedHeaderOffset } from '../../lib/dom/scroll';
import { createMeasureScheduler } from '../../lib/dom/measure-scheduler';

export interface TrackerState {
  readonly currentId: string | null;
  /** Text offset at the top of the reading area (below any fixed header). */
  readonly topOffset: number;
  /** Furthest text offset that has been on screen. */
  readonly furthest: number;
  /** Sections whose end came into view after the reader spent time in them. */
  readonly readIds: ReadonlySet<string>;
}

export interface TrackerOptions {
  readonly win: Window;
  /** The current text model (re-read in the highlight wrapping fallback). */
  readonly model: () => TextModel;
  readonly flat: readonly Section[];
  readonly initialFurthest: number;
  readonly initialRead: readonly string[];
  readonly ignore: () => Element | null;
  /** Offsets whose on-screen position must be exact, not interpolated (the resume target). */
  readonly exactOffsets?: readonly number[];
  readonly onChange: (state: TrackerState) => void;
  /** Time a section must be on screen before reaching its end marks it read. */
  readonly minDwellMs?: number;
}

export interface ScrollTracker {
  /** Holds `id` as current until the reader scrolls after the jump has settled. */
  pin(id: string): void;
  state(): TrackerState;
  /** True when `offset` lies below the top of the reading area by more than `slackPx`. */
  isBelowReadingLine(offset: number, slackPx?: number): boolean;
  remeasure(): void;
  forgetProgress(): void;
  stop(): void;
}

const TICK_MS = 1000;

export function createScrollTracker(options: TrackerOptions): ScrollTracker {
  const { win, model, flat, onChange } = options;
  const minDwell = options.minDwellMs ?? 1500;
  const dwell = new Map<string, number>();
  let landmarks: Landmark[] = [];
  let header = 0;
  let readIds = new Set(options.initialRead);
  let furthest = options.initialFurthest;
  let current: TrackerState = { currentId: null, topOffset: 0, furthest, readIds };
  let pinned: string | null = null;
  let settling = false;
  let lastTick = win.performance.now();
  let frame = 0;

  const measure = () => {
    header = fixedHeaderOffset(win.document, options.ignore());
    landmarks = measureLandmarks(model(), win, options.exactOffsets);
    update();
  };

  const accrue = (top: number, bottom: number) => {
    const now = win.performance.now();
    const dt = Math.min(now - lastTick, TICK_MS * 2);
    lastTick = now;
    if (win.document.visibilityState !== 'visible') return;
    let changed = false;
    for (const section of flat) {
      if (section.start >= bottom || section.end <= top) continue;
      const total = (dwell.get(section.id) ?? 0) + dt;
      dwell.set(section.id, total);
      if (!readIds.has(section.id) && total >= minDwell && section.end <= bottom) {
        readIds = new Set(readIds).add(section.id);
        changed = true;
      }
    }
    return changed;
  };

  const update = () => {
    frame = 0;
    if (landmarks.length === 0) return;
    const y = win.scrollY;
    const top = offsetAtY(landmarks, y + header);
    const bottom = offsetAtY(landmarks, y + win.innerHeight);
    furthest = Math.max(furthest, bottom);
    accrue(top, bottom);
    const index = sectionIndexAt(flat, offsetAtY(landmarks, y + header + 48));
    const currentId = pinned ?? (index >= 0 ? flat[index]!.id : (flat[0]?.id ?? null));
    const next: TrackerState = { currentId, topOffset: top, furthest, readIds };
    if (
      next.currentId !== current.currentId ||
      next.topOffset !== current.topOffset ||
      next.furthest !== current.furthest ||
      next.readIds !== current.readIds
    ) {
      current = next;
      onChange(current);
    }
  };

  const onScroll = () => {
    if (pinned && !settling) pinned = null;
    if (!frame) frame = win.requestAnimationFrame(update);
  };
  const onScrollEnd = () => {
    settling = false;
  };
  // An article resized every frame would otherwise be measured every frame (seconds of script).
  const scheduler = createMeasureScheduler(
    {
      now: () => win.performance.now(),
      requestAnimationFrame: (callback) => win.requestAnimationFrame(callback),
      cancelAnimationFrame: (id) => win.cancelAnimationFrame(id),
      setTimeout: (callback, ms) => win.setTimeout(callback, ms),
      clearTimeout: (id) => win.clearTimeout(id),
    },
    measure,
  );
  const onResize = () => scheduler.changed();

  const resizeObserver = new ResizeObserver(onResize);
  resizeObserver.observe(model().root);
  win.addEventListener('scroll', onScroll, { passive: true });
  win.addEventListener('scrollend', onScrollEnd, { passive: true });
  win.addEventListener('resize', onResize, { passive: true });
  const tick = win.setInterval(() => {
    if (landmarks.length && !frame) frame = win.requestAnimationFrame(update);
  }, TICK_MS);
  const firstAt = win.performance.now();
  measure();
  scheduler.measured(firstAt, win.performance.now());

  return {
    pin(id) {
      pinned = id;
      settling = true;
      current = { ...current, currentId: id };
      onChange(current);
    },
    state: () => current,
    isBelowReadingLine(offset, slackPx = 48) {
      return landmarks.length > 0 && yAtOffset(landmarks, offset) > win.scrollY + header + slackPx;
    },
    remeasure: measure,
    forgetProgress() {
      readIds = new Set();
      dwell.clear();
      furthest = 0;
      current = { ...current, furthest, readIds };
      update();
    },
    stop() {
      resizeObserver.disconnect();
      scheduler.stop();
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('scrollend', onScrollEnd);
      win.removeEventListener('resize', onResize);
      win.clearInterval(tick);
      if (frame) win.cancelAnimationFrame(frame);
    },
  };
}
