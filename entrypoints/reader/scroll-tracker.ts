// Follows the reader through the article: current section, text read by the reading-time rule
// (lib/reading/reading-time.ts), sections read, and where reading last happened. Layout is measured
// after layout changes (gathered and spaced out by the measure scheduler), in slices with the page's
// turns between them; scroll events and ticks only compare cached numbers.
import type { Section, TextModel } from '../../lib/document/types';
import { sectionIndexAt } from '../../lib/document/flatten-sections';
import { offsetAtY, yAtOffset, type Landmark } from '../../lib/reading/geometry';
import {
  adoptLedger,
  interruptReading,
  observeView,
  readSectionIds,
  startReading,
  textSegments,
  tickReading,
  type Ledger,
  type ReadingState,
} from '../../lib/reading/reading-time';
import { measureLandmarksSteps } from '../../lib/dom/measure';
import { runInSlices } from '../../lib/startup/slices';
import { stageSince } from '../../lib/startup/marks';
import { fixedHeaderOffset } from '../../lib/dom/scroll';
import { createMeasureScheduler, windowClock } from '../../lib/dom/measure-scheduler';

export interface TrackerState {
  readonly currentId: string | null;
  /** Text offset at the top of the reading area (below any fixed header). */
  readonly topOffset: number;
  /** Furthest text offset that has been on screen (where the reader looked, not what was read). */
  readonly furthest: number;
  /** Sections read by the rule (or stored as read), never unmarked except by a reset. */
  readonly readIds: ReadonlySet<string>;
  /** Characters credited per text segment. */
  readonly ledger: Ledger;
  /** Reading-area top where reading last earned credit in this visit, or null. */
  readonly resumeAt: number | null;
}

/** Everything a reset removes, kept whole so an undo puts it back exactly. */
export interface ProgressSnapshot {
  readonly reading: ReadingState;
  readonly readIds: ReadonlySet<string>;
  readonly furthest: number;
}

export interface TrackerOptions {
  readonly win: Window;
  /** The current text model (re-read in the highlight wrapping fallback). */
  readonly model: () => TextModel;
  /** Top-level sections (the outline tree). */
  readonly sections: readonly Section[];
  /** The same sections in reading order. */
  readonly flat: readonly Section[];
  readonly initialFurthest: number;
  readonly initialRead: readonly string[];
  readonly initialLedger: Ledger;
  readonly ignore: () => Element | null;
  /** Offsets whose on-screen position must be exact, not interpolated (the resume target). */
  readonly exactOffsets?: readonly number[];
  readonly onChange: (state: TrackerState) => void;
}

export interface ScrollTracker {
  /**
   * A jump starts: the text now on screen has not been read. Holds `id` (if given) as current
   * until the reader scrolls after the jump has settled.
   */
  pin(id: string | null): void;
  state(): TrackerState;
  /** True when `offset` sits more than `slackPx` above or below the top of the reading area. */
  isAwayFromReadingLine(offset: number, slackPx?: number): boolean;
  /** Measures the layout again (in slices); resolves once the new landmarks are in use. */
  remeasure(): Promise<unknown>;
  /** Forgets all progress; the snapshot taken just before can be restored. */
  forgetProgress(): ProgressSnapshot;
  restoreProgress(snapshot: ProgressSnapshot): void;
  /** Reading stored meanwhile elsewhere (another tab, another computer through sync) joins this visit's. */
  adoptStored(stored: { readonly ledger: Ledger; readonly readSections: readonly string[] }): void;
  stop(): void;
}

const TICK_MS = 1000;
/** A jump whose scroll never reports its end (already in place) counts as settled after this. */
const SETTLE_MAX_MS = 2000;

export function createScrollTracker(options: TrackerOptions): ScrollTracker {
  const { win, model, flat, sections, onChange } = options;
  const segments = textSegments(sections, model().text.length);
  let landmarks: Landmark[] = [];
  let header = 0;
  let reading = startReading(segments, options.initialLedger);
  /** The outline's section ids: read state stored elsewhere names only these. */
  const flatIds = new Set(flat.map((s) => s.id));
  let readIds: ReadonlySet<string> = new Set([
    ...options.initialRead,
    ...readSectionIds(sections, segments, reading.ledger),
  ]);
  let furthest = options.initialFurthest;
  let current: TrackerState = {
    currentId: null,
    topOffset: 0,
    furthest,
    readIds,
    ledger: reading.ledger,
    resumeAt: null,
  };
  let pinned: string | null = null;
  let settlingSince: number | null = null;
  let tickDue = false;
  let frame = 0;
  const life = new AbortController();
  /** The measure under way: the landmarks in use stay whole until it has read every line. */
  let measuring: Promise<number> | null = null;

  /**
   * Reads where every line sits, in slices of a few ms with the page's turns between them (each a
   * 'measure' stage for the benchmark); nothing is reported from a half-read layout. Resolves with
   * the work's ms.
   */
  /** The article's border box when the last measure began (the layout it measured). */
  let measuredSize: { readonly width: number; readonly height: number } | null = null;
  function* measureSteps(current: TextModel): Generator<void, Landmark[], void> {
    const { width, height } = current.root.getBoundingClientRect();
    measuredSize = { width, height };
    return yield* measureLandmarksSteps(current, win, options.exactOffsets);
  }
  const measure = (): Promise<number> => {
    if (measuring) return measuring;
    const run = runInSlices(measureSteps(model()), {
      signal: life.signal,
      later: true,
      onSlice: (began) => stageSince('measure', began),
    }).then(
      (result) => {
        measuring = null;
        if (!result || life.signal.aborted) return 0;
        const began = win.performance.now();
        header = fixedHeaderOffset(win.document, options.ignore());
        landmarks = result.value;
        update();
        stageSince('measure', began);
        return result.workMs + (win.performance.now() - began);
      },
      () => {
        // The page's text nodes changed under the measure (the <mark> fallback painted meanwhile): again, later.
        measuring = null;
        if (!life.signal.aborted) scheduler.changed();
        return 0;
      },
    );
    measuring = run;
    return run;
  };

  /** One reading-time tick: credit for still text, then any sections that became read. */
  const tick = (view: { start: number; end: number }, top: number) => {
    const now = win.performance.now();
    if (settlingSince !== null && now - settlingSince > SETTLE_MAX_MS) settlingSince = null;
    const still = win.document.visibilityState === 'visible' && settlingSince === null;
    const before = reading.ledger;
    reading = tickReading(reading, segments, { view, top, now, still });
    if (reading.ledger === before) return;
    const newly = readSectionIds(sections, segments, reading.ledger).filter((id) => !readIds.has(id));
    if (newly.length > 0) readIds = new Set([...readIds, ...newly]);
  };

  const update = () => {
    frame = 0;
    if (landmarks.length === 0) return;
    const y = win.scrollY;
    const top = offsetAtY(landmarks, y + header);
    const bottom = offsetAtY(landmarks, y + win.innerHeight);
    const view = { start: top, end: bottom };
    furthest = Math.max(furthest, bottom);
    reading = observeView(reading, view);
    if (tickDue) {
      tickDue = false;
      tick(view, top);
    }
    const index = sectionIndexAt(flat, offsetAtY(landmarks, y + header + 48));
    const currentId = pinned ?? (index >= 0 ? flat[index]!.id : (flat[0]?.id ?? null));
    const next: TrackerState = {
      currentId,
      topOffset: top,
      furthest,
      readIds,
      ledger: reading.ledger,
      resumeAt: reading.resumeAt,
    };
    if (
      next.currentId !== current.currentId ||
      next.topOffset !== current.topOffset ||
      next.furthest !== current.furthest ||
      next.readIds !== current.readIds ||
      next.ledger !== current.ledger ||
      next.resumeAt !== current.resumeAt
    ) {
      current = next;
      onChange(current);
    }
  };

  const onScroll = () => {
    if (pinned && settlingSince === null) pinned = null;
    if (!frame) frame = win.requestAnimationFrame(update);
  };
  const onScrollEnd = () => {
    settlingSince = null;
  };
  // An article resized every frame would otherwise be measured every frame (seconds of script).
  const scheduler = createMeasureScheduler(windowClock(win), measure);
  const onResize = () => scheduler.changed();
  // Time away from the page is not reading time: the clock restarts when it is shown again.
  const onVisibility = () => {
    reading = interruptReading(reading);
  };

  // The observer reports every element once when it starts observing: the layout the first measure
  // reads anyway (before it began, or the size it began with), so that report needs no measure of
  // its own — on a long page it would read every line a second time.
  const resizeObserver = new ResizeObserver((entries) => {
    if (!measuredSize) return;
    const box = entries[entries.length - 1]?.borderBoxSize?.[0];
    if (box && box.inlineSize === measuredSize.width && box.blockSize === measuredSize.height) return;
    onResize();
  });
  resizeObserver.observe(model().root);
  win.addEventListener('scroll', onScroll, { passive: true });
  win.addEventListener('scrollend', onScrollEnd, { passive: true });
  win.addEventListener('resize', onResize, { passive: true });
  win.document.addEventListener('visibilitychange', onVisibility);
  const interval = win.setInterval(() => {
    tickDue = true;
    // Frames do not run in a hidden tab, and hidden time earns nothing anyway.
    if (landmarks.length && !frame) frame = win.requestAnimationFrame(update);
  }, TICK_MS);
  scheduler.measuring(measure());

  return {
    pin(id) {
      pinned = id;
      settlingSince = win.performance.now();
      reading = interruptReading(reading);
      if (id !== null) {
        current = { ...current, currentId: id };
        onChange(current);
      }
    },
    state: () => current,
    isAwayFromReadingLine(offset, slackPx = 48) {
      return landmarks.length > 0 && Math.abs(yAtOffset(landmarks, offset) - (win.scrollY + header)) > slackPx;
    },
    remeasure: measure,
    forgetProgress() {
      const snapshot: ProgressSnapshot = { reading, readIds, furthest };
      reading = startReading(segments, {});
      readIds = new Set();
      furthest = 0;
      current = { ...current, furthest, readIds, ledger: reading.ledger, resumeAt: null };
      update();
      return snapshot;
    },
    restoreProgress(snapshot) {
      // The reading state from before the reset comes back whole (the seconds since add little);
      // sections marked read meanwhile stay marked.
      reading = { ...snapshot.reading, steady: null };
      readIds = new Set([...snapshot.readIds, ...readIds]);
      furthest = Math.max(furthest, snapshot.furthest);
      current = { ...current, furthest, readIds, ledger: reading.ledger, resumeAt: reading.resumeAt };
      onChange(current);
    },
    adoptStored(stored) {
      const next = adoptLedger(reading, segments, stored.ledger);
      const added = [
        ...stored.readSections.filter((id) => flatIds.has(id)),
        ...readSectionIds(sections, segments, next.ledger),
      ].filter((id) => !readIds.has(id));
      if (next === reading && added.length === 0) return;
      reading = next;
      if (added.length > 0) readIds = new Set([...readIds, ...added]);
      current = { ...current, readIds, ledger: reading.ledger };
      onChange(current);
    },
    stop() {
      life.abort();
      resizeObserver.disconnect();
      scheduler.stop();
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('scrollend', onScrollEnd);
      win.removeEventListener('resize', onResize);
      win.document.removeEventListener('visibilitychange', onVisibility);
      win.clearInterval(interval);
      if (frame) win.cancelAnimationFrame(frame);
    },
  };
}
