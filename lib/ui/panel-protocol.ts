// The messages between the reader on a page and its panel, an extension page shown in a frame on
// the page or in the browser's side panel: the reader sends the document once and its state on
// every change; the panel sends back the reader's actions by name, with plain arguments.
import type { GongwenDocument } from '../document/types';
import type { ReaderActions, ReaderState } from './reader-state';

/**
 * Every action of ReaderActions with the number of arguments it takes. Handlers are often given
 * straight to event props, so a call may carry an Event too: only the declared arguments cross
 * (an Event cannot be posted), and the reader runs an action with no more than these.
 */
export const ACTION_ARITY = {
  setOpen: 1,
  jumpTo: 1,
  stepSection: 1,
  toggleBookmark: 1,
  setBookmarkNote: 2,
  resume: 0,
  resetProgress: 0,
  undoReset: 0,
  toggleHighlights: 0,
  goToPhrase: 1,
  addSelectedPhrase: 0,
  removeUserPhrase: 1,
  setSide: 1,
  setWidth: 1,
  setTextSize: 1,
  dismissKeysHint: 0,
  setDocked: 1,
  toggleStudy: 0,
  revealNext: 0,
  markPart: 2,
} as const satisfies Record<keyof ReaderActions, number>;

export const ACTION_NAMES = Object.keys(ACTION_ARITY) as (keyof typeof ACTION_ARITY)[];

export type ActionName = keyof typeof ACTION_ARITY;

export type PanelAction = {
  [K in ActionName]: { readonly name: K; readonly args: Parameters<ReaderActions[K]> };
}[ActionName];

/** The state the panel shows, without the document (sent once). */
export type PanelState = Omit<ReaderState, 'doc'>;

export type ToPanel =
  | { readonly type: 'gongwen:doc'; readonly doc: GongwenDocument }
  | { readonly type: 'gongwen:state'; readonly state: PanelState };

export type FromPanel =
  | { readonly type: 'gongwen:action'; readonly action: PanelAction }
  /** The frame's content needs this height (the rail is as tall as its parts). */
  | { readonly type: 'gongwen:height'; readonly height: number }
  /** The frame's page took its port: the reader's check that the frame shows its own page (frame-guard.ts). */
  | { readonly type: 'gongwen:hello' };

const actionNames: ReadonlySet<string> = new Set(ACTION_NAMES);

/** Shape check of what arrives from a panel; the reader's actions check their own arguments' values. */
export function isFromPanel(value: unknown): value is FromPanel {
  const v = value as { type?: unknown; action?: { name?: unknown; args?: unknown }; height?: unknown } | null;
  if (v?.type === 'gongwen:height') return typeof v.height === 'number' && Number.isFinite(v.height);
  if (v?.type === 'gongwen:hello') return true;
  if (v?.type !== 'gongwen:action' || typeof v.action !== 'object' || v.action === null) return false;
  return typeof v.action.name === 'string' && actionNames.has(v.action.name) && Array.isArray(v.action.args);
}

export function isToPanel(value: unknown): value is ToPanel {
  const v = value as { type?: unknown; doc?: unknown; state?: unknown } | null;
  return (
    (v?.type === 'gongwen:doc' && typeof v.doc === 'object' && v.doc !== null) ||
    (v?.type === 'gongwen:state' && typeof v.state === 'object' && v.state !== null)
  );
}

/** Runs a panel's action on the reader's own actions, with no more than its declared arguments. */
export function dispatchAction(actions: ReaderActions, action: PanelAction): void {
  const run = actions[action.name] as (...args: unknown[]) => void;
  run.apply(actions, (action.args as unknown[]).slice(0, ACTION_ARITY[action.name]));
}

/** The panel's side: ReaderActions that send each call as a message. */
export function actionSender(send: (message: FromPanel) => void): ReaderActions {
  const out: Partial<Record<ActionName, (...args: unknown[]) => void>> = {};
  for (const name of ACTION_NAMES) {
    out[name] = (...args: unknown[]) =>
      send({ type: 'gongwen:action', action: { name, args: args.slice(0, ACTION_ARITY[name]) } as PanelAction });
  }
  return out as ReaderActions;
}

/** Port names and the frame's handshake. */
export const SIDE_PANEL_PORT = 'gongwen-side-panel';
export const FRAME_CONNECT = 'gongwen:connect-panel';
