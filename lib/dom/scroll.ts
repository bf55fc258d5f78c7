// Scrolling to a text range so it sits just below any fixed page header, honouring reduced motion.

export function prefersReducedMotion(win: Window): boolean {
  return win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Height covered by fixed or sticky bars at the top of the viewport.
 * Read only when a jump is requested, so it costs nothing while scrolling.
 */
export function fixedHeaderOffset(doc: Document, ignore?: Element | null): number {
  const win = doc.defaultView;
  if (!win) return 0;
  let bottom = 0;
  const width = win.innerWidth;
  for (const x of [width * 0.25, width * 0.5, width * 0.75]) {
    for (const el of doc.elementsFromPoint(x, 2)) {
      if (el === ignore || el === doc.documentElement || el === doc.body) continue;
      const position = win.getComputedStyle(el).position;
      if (position !== 'fixed' && position !== 'sticky') continue;
      const rect = el.getBoundingClientRect();
      if (rect.top <= 2 && rect.bottom < win.innerHeight / 2) bottom = Math.max(bottom, rect.bottom);
    }
  }
  return Math.ceil(bottom);
}

export interface ScrollOptions {
  readonly ignore?: Element | null;
  /** Extra breathing room above the target, in CSS px. */
  readonly gap?: number;
}

/** Scrolls the window so the top of `target` sits just below the fixed header. */
export function scrollToTarget(doc: Document, target: Range | Element, options: ScrollOptions = {}): void {
  const win = doc.defaultView;
  if (!win) return;
  const rect = target.getBoundingClientRect();
  const offset = fixedHeaderOffset(doc, options.ignore) + (options.gap ?? 12);
  const top = Math.max(0, rect.top + win.scrollY - offset);
  win.scrollTo({ top, behavior: prefersReducedMotion(win) ? 'instant' : 'smooth' });
}
