// Messages between the popup / background and the content script of a tab, and from extension
// pages and content scripts to the background, typed on both ends.

import type { DetectionEvidence } from './document/signals';
import type { OutlineGroup } from './document/types';

export interface PartStatus {
  readonly id: string;
  readonly heading: string;
  readonly read: boolean;
  /** The group the entry belongs to (covering note, main or forwarded document, attachment); absent on a plain document. */
  readonly group?: OutlineGroup['kind'];
  /** How many （一）-level sections it holds. */
  readonly subparts?: number;
  /** Its key phrases (study mode's blanks), once each, for the popup's review card. */
  readonly terms?: readonly string[];
}

/** Why the page was (or was not) taken for a document: the weighed signals (lib/document/signals.ts). */
export type DetectionWhy = Pick<DetectionEvidence, 'score' | 'threshold' | 'signals'>;

export type PageStatus =
  | {
      readonly found: true;
      readonly docId: string;
      readonly title: string | null;
      readonly kind: string | null;
      readonly percent: number;
      readonly parts: readonly PartStatus[];
      readonly why?: DetectionWhy;
      /** Served on the user's request although the page showed too few document signals. */
      readonly requested?: boolean;
    }
  | { readonly found: false; readonly reason: 'no-parts' | 'starting' | 'disabled' }
  /** Numbered headings, but too few document signals: the reader waits for the user's request. */
  | { readonly found: false; readonly reason: 'no-signals'; readonly why: DetectionWhy };

/** Keyboard commands from the browser's commands API (manifest `commands`), forwarded to the active tab. */
export const READER_COMMANDS = ['next-part', 'previous-part', 'toggle-panel', 'toggle-highlights', 'toggle-study'] as const;
export type ReaderCommand = (typeof READER_COMMANDS)[number];

export function isReaderCommand(value: unknown): value is ReaderCommand {
  return typeof value === 'string' && (READER_COMMANDS as readonly string[]).includes(value);
}

export type ReaderMessage =
  | { readonly type: 'gongwen:status' }
  /** The user asks for the reader on this page (toolbar button), whatever its document signals. */
  | { readonly type: 'gongwen:run' }
  | { readonly type: 'gongwen:jump'; readonly sectionId: string }
  | { readonly type: 'gongwen:command'; readonly command: ReaderCommand };

export function isReaderMessage(value: unknown): value is ReaderMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return (
    type === 'gongwen:status' ||
    type === 'gongwen:run' ||
    (type === 'gongwen:jump' && typeof (value as { sectionId?: unknown }).sectionId === 'string') ||
    (type === 'gongwen:command' && isReaderCommand((value as { command?: unknown }).command))
  );
}

/** Messages to the background. */
export type BackgroundMessage =
  /** From a content script: this tab's reading progress (0–100) for the toolbar badge; null clears it. */
  | { readonly type: 'gongwen:progress'; readonly percent: number | null }
  /** From the options page after the portal list changed: bring registrations in line; answers PortalSyncResult. */
  | { readonly type: 'gongwen:sync-portals' }
  /**
   * From a content script that found a document: inject the reader bundle into its frame; answers
   * true/false, or LoadReaderLater when the tab has had its share of injections for now.
   */
  | { readonly type: 'gongwen:load-reader' }
  /** From a reader about to load its panel frame: the nonce the frame must see before it takes a port. */
  | { readonly type: 'gongwen:panel-nonce'; readonly nonce: string }
  /** From a panel frame on a page: its tab and the nonces of that tab's readers; answers PanelIdentity. */
  | { readonly type: 'gongwen:panel-identity' };

export interface PanelIdentity {
  readonly tabId: number | null;
  readonly nonces: readonly string[];
}

/** The answer to 'gongwen:load-reader' from a tab that asked too often: ask again after this long. */
export interface LoadReaderLater {
  readonly retryInMs: number;
}

export function isLoadReaderLater(value: unknown): value is LoadReaderLater {
  const ms = (value as { retryInMs?: unknown } | null)?.retryInMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0;
}

export interface PortalSyncResult {
  /** Portal origins whose content script is registered now. */
  readonly registered: readonly string[];
  /** Portal origins kept in the list but not registered: their host permission is not granted. */
  readonly withoutPermission: readonly string[];
}

export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  const v = value as { type?: unknown; percent?: unknown } | null;
  if (v?.type === 'gongwen:sync-portals' || v?.type === 'gongwen:load-reader' || v?.type === 'gongwen:panel-identity') return true;
  if (v?.type === 'gongwen:panel-nonce') return typeof (v as { nonce?: unknown }).nonce === 'string';
  return (
    v?.type === 'gongwen:progress' &&
    (v.percent === null || (typeof v.percent === 'number' && Number.isFinite(v.percent)))
  );
}
