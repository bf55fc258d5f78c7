// Test helper: happy-dom lays nothing out, so Ranges get made-up boxes — each text node a line
// 20 px below the one before it, indented by its order — and `scrolled` moves them as a scroll would.
import { vi } from 'vitest';

export interface FakeGeometry {
  /** Pretends the window scrolled by `dy` (rects move up, scrollY grows). */
  scroll(dy: number): void;
  /** How many Range boxes have been read so far (one per line a measure reads). */
  rangeReads(): number;
  restore(): void;
}

export function fakeGeometry(root: Element, win: Window = window): FakeGeometry {
  const lines = new Map<Node, number>();
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) lines.set(n, lines.size);
  let scrollY = 0;
  const box = (range: Range): DOMRect => {
    const line = lines.get(range.startContainer) ?? 0;
    const top = 100 + line * 20 - scrollY;
    const left = 50 + (line % 7);
    return {
      top,
      bottom: top + 18,
      left,
      right: left + 400 + (line % 5) * 10,
      width: 400 + (line % 5) * 10,
      height: 18,
      x: left,
      y: top,
      toJSON: () => ({}),
    } as DOMRect;
  };
  const rect = vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    return box(this);
  });
  const rects = vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    return [box(this)] as unknown as DOMRectList;
  });
  // The article's own box ends below its last line, and moves with the scroll like them.
  const rootBox = vi.spyOn(root, 'getBoundingClientRect').mockImplementation(() => {
    const bottom = 100 + lines.size * 20 - scrollY;
    return {
      top: 100 - scrollY,
      bottom,
      left: 40,
      right: 600,
      width: 560,
      height: bottom - 100 + scrollY,
      x: 40,
      y: 100 - scrollY,
      toJSON: () => ({}),
    } as DOMRect;
  });
  const scrollDescriptor = Object.getOwnPropertyDescriptor(win, 'scrollY');
  Object.defineProperty(win, 'scrollY', { get: () => scrollY, configurable: true });
  return {
    scroll(dy) {
      scrollY += dy;
    },
    rangeReads: () => rect.mock.calls.length,
    restore() {
      rect.mockRestore();
      rects.mockRestore();
      rootBox.mockRestore();
      if (scrollDescriptor) Object.defineProperty(win, 'scrollY', scrollDescriptor);
      else delete (win as { scrollY?: number }).scrollY;
    },
  };
}
