// In-page keys: maps a keydown to a reader action, ignoring typing and modified keys, and runs it.
import type { ReaderActions } from '../ui/reader-state';

export type ShortcutAction =
  | { type: 'part'; index: number }
  | { type: 'previous' }
  | { type: 'next' }
  | { type: 'toggle-highlights' }
  | { type: 'toggle-study' };

export interface KeyEventLike {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly isComposing?: boolean;
  readonly defaultPrevented?: boolean;
  /** The element the key went to, after retargeting (composedPath()[0]). */
  readonly target: EventTarget | null;
}

/** True when keys belong to a field the reader is typing into. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'range', 'color', 'file'].includes(type);
  }
  return el.isContentEditable === true || el.closest?.('[contenteditable=""],[contenteditable="true"]') != null;
}

export function shortcutFor(event: KeyEventLike): ShortcutAction | null {
  if (event.defaultPrevented || event.isComposing) return null;
  // Shift is allowed only where a layout needs it to produce the key ([ and ] never do on CN/US layouts).
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (isTypingTarget(event.target)) return null;
  const { key } = event;
  if (key.length === 1 && key >= '1' && key <= '9') return { type: 'part', index: Number(key) - 1 };
  if (key === '[' || key === '【') return { type: 'previous' };
  if (key === ']' || key === '】') return { type: 'next' };
  if (key === 'h' || key === 'H') return { type: 'toggle-highlights' };
  // s: study mode (学习模式); inside it Space and Esc are study mode's own (entrypoints/reader/study-mode.ts).
  if (key === 's' || key === 'S') return { type: 'toggle-study' };
  return null;
}

/** The fields shortcutFor reads, taken off a real keydown (its getters don't survive a spread). */
export function keyEventLike(event: KeyboardEvent): KeyEventLike {
  return {
    key: event.key,
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
    isComposing: event.isComposing,
    defaultPrevented: event.defaultPrevented,
    target: event.composedPath()[0] ?? event.target,
  };
}

/** The reader's actions a shortcut runs (the panel's in-frame keys and the page's keys alike). */
export type ShortcutTarget = Pick<ReaderActions, 'jumpTo' | 'stepSection' | 'toggleHighlights' | 'toggleStudy'>;

/** Runs `action` on the reader; false when it names nothing here (a part number past the last part). */
export function runShortcut(
  action: ShortcutAction,
  parts: readonly { readonly id: string }[],
  actions: ShortcutTarget,
): boolean {
  if (action.type === 'part') {
    const part = parts[action.index];
    if (!part) return false;
    actions.jumpTo(part.id);
  } else if (action.type === 'previous') actions.stepSection(-1);
  else if (action.type === 'next') actions.stepSection(1);
  else if (action.type === 'toggle-study') actions.toggleStudy();
  else actions.toggleHighlights();
  return true;
}
