// Study mode (学习模式) on the page: the document's key phrases become cloze blanks painted by
// the highlight layer (the page's text and markup stay as they are), revealed one by one by a
// click on a blank or Space; Esc leaves. Per part the student marks 会了 / 再看, kept with the
// document record (DocRecord.study) through the writer. Decisions are in lib/study/.
//
// The page's scripts cannot drive it: clicks and keys count only when the browser made them
// (isTrusted), and what is revealed lives here, never read back from the shared highlight
// registry. What the registry shows them is described in lib/study/cloze-painter.ts.
import type { Section, TextModel } from '../../lib/document/types';
import type { PhraseMatch } from '../../lib/phrases/find-phrases';
import type { HighlightScheme } from '../../lib/phrases/highlight-scheme';
import type { DocRecord, StudyMark } from '../../lib/storage/schema';
import type { StudyMarkValue, StudyView } from '../../lib/ui/reader-state';
import { clozeItems, nextToReveal, partTerms, type ClozeItem } from '../../lib/study/cloze';
import { clozeSupported, createClozePainter } from '../../lib/study/cloze-painter';
import { textRange } from '../../lib/dom/ranges';
import { fixedHeaderOffset, scrollToTarget } from '../../lib/dom/scroll';
import { isTypingTarget } from '../../lib/keys/shortcuts';
import { markStudy, watchDocumentStudy } from '../../lib/storage/study';

export interface StudyModeInit {
  readonly win: Window;
  readonly docId: string;
  /** The document's top-level parts. */
  readonly parts: readonly Section[];
  readonly model: () => TextModel;
  /** The phrase layer's found phrases (they change when the reader adds a phrase of their own). */
  readonly matches: () => readonly PhraseMatch[];
  readonly record: DocRecord | null;
  readonly scheme: () => HighlightScheme;
  /** Where the view's top is in the text (the tracker's offset). */
  readonly topOffset: () => number;
  /** The reader's own element, left out when measuring the page's fixed header. */
  readonly ignore: () => Element | null;
  /** False while the stored record is kept aside: marks are not saved over it. */
  readonly canSave: () => boolean;
  readonly onChange: (view: StudyView) => void;
  readonly onError: (error: unknown) => void;
}

export interface StudyMode {
  view(): StudyView;
  toggle(): void;
  leave(): void;
  revealNext(): void;
  markPart(partId: string, mark: StudyMarkValue): void;
  /** A part's key phrases, once each (for the popup's review card). */
  terms(partId: string): readonly string[];
  /** The page's palette or the found phrases changed: blanks and the panel's view follow. */
  refresh(): void;
  stop(): void;
}

/** Breathing room above a blank that Space scrolled to. */
const REVEAL_GAP = 120;

export function createStudyMode(init: StudyModeInit): StudyMode {
  const { win, parts } = init;
  const doc = win.document;
  const painter = clozeSupported(win) ? createClozePainter(doc) : null;
  let marks: Record<string, StudyMark> = { ...(init.record?.study ?? {}) };
  let on = false;
  let items: ClozeItem[] = [];
  let ranges: Range[] = [];
  const revealed = new Set<number>();

  // Items follow the phrase layer's matches; recomputed only when those change.
  let itemsFor: readonly PhraseMatch[] | null = null;
  let terms: Record<string, string[]> = {};
  const current = (): ClozeItem[] => {
    const matches = init.matches();
    if (matches !== itemsFor) {
      itemsFor = matches;
      items = clozeItems(matches, parts);
      terms = partTerms(items);
      revealed.clear();
      ranges = on ? rangesOf(items) : [];
    }
    return items;
  };
  const rangesOf = (list: readonly ClozeItem[]): Range[] => {
    const model = init.model();
    return list.map((item) => textRange(model, item.start, item.end));
  };

  const markOf = (id: string): StudyMarkValue => {
    const state = marks[id]?.state;
    return state === 'known' || state === 'again' ? state : null;
  };

  const view = (): StudyView => {
    // Before the phrases were asked for (start-up stages them after the outline), no blanks yet.
    const all = itemsFor === null ? [] : current();
    // One pass over the blanks for every part's counts (a long document has hundreds of parts).
    const counts = new Map<string | null, { revealed: number; total: number }>();
    all.forEach((item, i) => {
      const count = counts.get(item.partId) ?? { revealed: 0, total: 0 };
      count.total++;
      if (revealed.has(i)) count.revealed++;
      counts.set(item.partId, count);
    });
    return {
      docId: init.docId,
      available: painter !== null && all.length > 0,
      on,
      revealed: revealed.size,
      total: all.length,
      parts: parts.map((part) => {
        const count = counts.get(part.id) ?? { revealed: 0, total: 0 };
        return {
          id: part.id,
          terms: terms[part.id] ?? [],
          revealed: count.revealed,
          total: count.total,
          mark: markOf(part.id),
        };
      }),
    };
  };
  const changed = () => init.onChange(view());

  const paint = () => {
    if (!painter || !on) return;
    const blanks: Range[] = [];
    const shown: Range[] = [];
    ranges.forEach((range, i) => (revealed.has(i) ? shown : blanks).push(range));
    painter.paint(blanks, shown, init.scheme());
  };

  const reveal = (index: number, scroll: boolean) => {
    const range = ranges[index];
    if (!range) return;
    revealed.add(index);
    paint();
    if (scroll && !inView(range)) scrollToTarget(doc, range, { ignore: init.ignore(), gap: REVEAL_GAP });
    changed();
  };

  const inView = (range: Range): boolean => {
    const rect = range.getBoundingClientRect();
    return rect.top >= fixedHeaderOffset(doc, init.ignore()) && rect.bottom <= win.innerHeight;
  };

  /** The still-masked blank under a trusted click, if any. */
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0) return;
    const { clientX: x, clientY: y } = event;
    for (let i = 0; i < ranges.length; i++) {
      if (revealed.has(i)) continue;
      const hit = [...ranges[i]!.getClientRects()].some(
        (r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom,
      );
      if (!hit) continue;
      // A blank inside a link reveals instead of following it.
      event.preventDefault();
      reveal(i, false);
      return;
    }
  };

  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted || event.defaultPrevented || event.isComposing) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.composedPath()[0] ?? event.target;
    if (isTypingTarget(target)) return;
    if (event.key === 'Escape') {
      leave();
      event.preventDefault();
    } else if (event.key === ' ' && !isControl(target)) {
      // Space would scroll the page a screen; in study mode it reveals the next blank instead.
      event.preventDefault();
      revealNextBlank();
    }
  };

  const revealNextBlank = () => {
    if (!on) return;
    const index = nextToReveal(current(), revealed, init.topOffset());
    if (index >= 0) reveal(index, true);
  };

  const enter = () => {
    if (!painter || on) return;
    const all = current();
    if (all.length === 0) return;
    ranges = rangesOf(all);
    revealed.clear();
    on = true;
    paint();
    win.addEventListener('click', onClick, true);
    win.addEventListener('keydown', onKey, true);
    changed();
  };

  function leave() {
    if (!on) return;
    on = false;
    painter?.clear();
    win.removeEventListener('click', onClick, true);
    win.removeEventListener('keydown', onKey, true);
    revealed.clear();
    changed();
  }

  // Marks made in another tab or the popup show here too; this page's progress saves change nothing shown.
  const unwatch = watchDocumentStudy(init.docId, (study) => {
    const next = { ...study };
    if (parts.some((p) => (next[p.id]?.state ?? null) !== (marks[p.id]?.state ?? null))) {
      marks = next;
      changed();
    } else {
      marks = next;
    }
  });

  return {
    view,
    toggle: () => (on ? leave() : enter()),
    leave,
    revealNext: revealNextBlank,
    markPart(partId, mark) {
      const part = parts.find((p) => p.id === partId);
      if (!part || (mark !== 'known' && mark !== 'again' && mark !== null)) return;
      const before = marks[partId];
      const state = mark ?? 'none';
      current();
      const partTermList = terms[partId] ?? [];
      marks = { ...marks, [partId]: { state, heading: part.heading, terms: partTermList, updatedAt: Date.now() } };
      changed();
      if (!init.canSave()) return;
      markStudy(init.docId, partId, state, part.heading, partTermList).then(
        (stored) => {
          marks = { ...(stored.study ?? {}) };
          changed();
        },
        (error: unknown) => {
          // Not stored: show the mark as it was.
          const back = { ...marks };
          if (before) back[partId] = before;
          else delete back[partId];
          marks = back;
          changed();
          init.onError(error);
        },
      );
    },
    // Before the phrases were asked for, none: the popup's question must not find them ahead of the outline.
    terms: (partId) => (itemsFor === null ? [] : (current(), terms[partId] ?? [])),
    refresh() {
      const before = itemsFor;
      current();
      paint();
      if (itemsFor !== before) changed();
    },
    stop() {
      leave();
      unwatch();
    },
  };
}

/** A focused control on the page, where Space belongs to the control. */
function isControl(target: EventTarget | null): boolean {
  const el = target as Element | null;
  return (
    typeof el?.closest === 'function' &&
    el.closest('a[href], button, summary, [role="button"], [role="checkbox"], [role="switch"]') !== null
  );
}
