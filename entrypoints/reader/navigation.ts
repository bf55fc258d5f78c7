// Moving through the document: to a section (outline, keys, popup, commands), to the previous or
// next section or part, and back to where reading last happened (继续阅读).
import { mainParts } from '../../lib/document/main-parts';
import type { GongwenDocument, Section, TextModel } from '../../lib/document/types';
import type { ReaderActions, ReaderState } from '../../lib/ui/reader-state';
import type { Store } from '../../lib/ui/create-store';
import { sectionIndexAt } from '../../lib/document/flatten-sections';
import { textRange } from '../../lib/dom/ranges';
import { scrollToTarget } from '../../lib/dom/scroll';
import type { ScrollTracker } from './scroll-tracker';
import type { ResumePoint } from './resume-point';

export interface NavigationDeps {
  readonly win: Window;
  readonly store: Store<ReaderState>;
  readonly doc: GongwenDocument;
  /** The document's sections in reading order. */
  readonly flat: readonly Section[];
  readonly model: () => TextModel;
  readonly tracker: () => ScrollTracker | null;
  readonly resume: ResumePoint;
  readonly host: () => Element | null;
}

export type NavigationActions = Pick<ReaderActions, 'jumpTo' | 'stepSection' | 'resume'>;

export interface Navigation {
  readonly actions: NavigationActions;
  /** By id from the popup or a bookmark link; false when the id is unknown. */
  jumpToId(id: string): boolean;
  /** Next (1) or previous (-1) part, from the part the reader is in (also inside its subsections). */
  stepPart(step: -1 | 1): void;
  /** A jump elsewhere than a section start (a phrase): nothing held as current, 继续阅读 offered again. */
  jumped(): void;
}

export function createNavigation({ win, store, doc, flat, model, tracker, resume, host }: NavigationDeps): Navigation {
  const jumpToOffset = (start: number, end: number) => {
    scrollToTarget(win.document, textRange(model(), start, Math.max(start + 1, end)), { ignore: host() });
  };

  /** An overlay panel (no room beside the text) gives the page back after a jump. */
  const afterJump = () => {
    const state = store.get();
    if (state.open && !state.beside) store.set({ open: false });
  };

  const jumpTo = (section: Section) => {
    resume.offer();
    tracker()?.pin(section.id);
    jumpToOffset(section.headingStart, section.headingEnd);
    afterJump();
  };

  const byId = (id: unknown): Section | undefined =>
    typeof id === 'string' ? flat.find((s) => s.id === id) : undefined;

  const relative = (step: -1 | 1) => {
    const index = flat.findIndex((s) => s.id === store.get().currentId);
    const from = index >= 0 ? index : sectionIndexAt(flat, tracker()?.state().topOffset ?? 0);
    const target = flat[Math.min(flat.length - 1, Math.max(0, from + step))];
    if (target) jumpTo(target);
  };

  return {
    actions: {
      jumpTo(id) {
        const section = byId(id);
        if (section) jumpTo(section);
      },
      stepSection(step) {
        relative(step === -1 ? -1 : 1);
      },
      resume() {
        const target = resume.target();
        if (target === null) return;
        const index = sectionIndexAt(flat, target);
        resume.use();
        tracker()?.pin(index >= 0 ? flat[index]!.id : null);
        store.set({ showResume: false });
        jumpToOffset(target, target + 1);
        afterJump();
      },
    },
    jumpToId(id) {
      const section = byId(id);
      if (section) jumpTo(section);
      return !!section;
    },
    stepPart(step) {
      const current = flat.find((s) => s.id === store.get().currentId);
      const parts = mainParts(doc);
      const at = current ? sectionIndexAt(parts, current.headingStart) : -1;
      const target = parts[Math.min(parts.length - 1, Math.max(0, at + step))];
      if (target) jumpTo(target);
    },
    jumped() {
      resume.offer();
      tracker()?.pin(null);
    },
  };
}
