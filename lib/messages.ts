// Messages between the popup / background and the content script of a tab, and from extension
// pages and content scripts to the background: one protocol map each (lib/messaging.ts), with
// their guards and send helpers. The storage writer's protocol is lib/storage/protocol.ts.

import type { DetectionEvidence } from './document/signals';
import type { OutlineGroup } from './document/types';
import { backgroundSender, messageGuard, tabSender } from './messaging';

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
      /** Where 继续阅读 leads (the heading of the section the stored position lies in), when it is offered. */
      readonly resume?: string | null;
    }
  /** 'login': a CAS / 统一身份认证 sign-in page, never read (lib/portals/login-page.ts). */
  | { readonly found: false; readonly reason: 'no-parts' | 'starting' | 'disabled' | 'login' }
  /** Numbered headings, but too few document signals: the reader waits for the user's request. */
  | { readonly found: false; readonly reason: 'no-signals'; readonly why: DetectionWhy };

/** Keyboard commands from the browser's commands API (manifest `commands`), forwarded to the active tab. */
export const READER_COMMANDS = [
  'next-part',
  'previous-part',
  'toggle-panel',
  'toggle-highlights',
  'toggle-study',
] as const;
export type ReaderCommand = (typeof READER_COMMANDS)[number];

export function isReaderCommand(value: unknown): value is ReaderCommand {
  return typeof value === 'string' && (READER_COMMANDS as readonly string[]).includes(value);
}

/** Nothing besides the message's name. */
type NoFields = Record<never, never>;

/** To the content scripts of a tab (popup, background): message name → [request fields, reply]. */
export interface ReaderProtocol {
  /** What the page shows. */
  'gongwen:status': [NoFields, PageStatus];
  /** The user asks for the reader on this page (toolbar button), whatever its document signals. */
  'gongwen:run': [NoFields, boolean];
  /** Scroll to a section; false when no reader runs or the section is unknown. */
  'gongwen:jump': [{ readonly sectionId: string }, boolean];
  /** Go back to the stored reading position (继续阅读); false when none is offered or no reader runs. */
  'gongwen:resume': [NoFields, boolean];
  /** A keyboard command; false when no reader runs. */
  'gongwen:command': [{ readonly command: ReaderCommand }, boolean];
}

const isString = (v: unknown): boolean => typeof v === 'string';

export const isReaderMessage = messageGuard<ReaderProtocol>({
  'gongwen:status': () => true,
  'gongwen:run': () => true,
  'gongwen:resume': () => true,
  'gongwen:jump': (m) => isString(m.sectionId),
  'gongwen:command': (m) => isReaderCommand(m.command),
});

export const sendToTab = tabSender<ReaderProtocol>();

/** To the background (content scripts, readers, extension pages): message name → [request fields, reply]. */
export interface BackgroundProtocol {
  /** From a reader: this tab's reading progress (0–100) for the toolbar badge; null clears it. False: no badge shown. */
  'gongwen:progress': [{ readonly percent: number | null }, boolean];
  /** From the options page after the portal list changed: bring registrations in line. */
  'gongwen:refresh-portals': [NoFields, PortalRefreshResult];
  /**
   * From a content script that found a document: inject the reader bundle into its frame; answers
   * true/false, or LoadReaderLater when the tab has had its share of injections for now.
   */
  'gongwen:load-reader': [NoFields, boolean | LoadReaderLater];
  /** From a reader about to load its panel frame: the nonce the frame must see before it takes a port. */
  'gongwen:panel-nonce': [{ readonly nonce: string }, boolean];
  /** From a panel frame on a page: its tab and the nonces of that tab's readers. */
  'gongwen:panel-identity': [NoFields, PanelIdentity];
  /** From the panel, the pointer-page chip or the PDF-tab offer: open the attachment viewer on this http(s) file in a new tab. */
  'gongwen:open-viewer': [{ readonly src: string }, boolean];
}

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

export interface PortalRefreshResult {
  /** Portal origins whose content script is registered now. */
  readonly registered: readonly string[];
  /** Portal origins kept in the list but not registered: their host permission is not granted. */
  readonly withoutPermission: readonly string[];
}

export const isBackgroundMessage = messageGuard<BackgroundProtocol>({
  'gongwen:progress': (m) => m.percent === null || (typeof m.percent === 'number' && Number.isFinite(m.percent)),
  'gongwen:refresh-portals': () => true,
  'gongwen:load-reader': () => true,
  'gongwen:panel-nonce': (m) => isString(m.nonce),
  'gongwen:panel-identity': () => true,
  'gongwen:open-viewer': (m) => isString(m.src),
});

export const sendToBackground = backgroundSender<BackgroundProtocol>();
