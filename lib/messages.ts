// Messages between the popup and the content script of the active tab, typed on both ends.

export interface PartStatus {
  readonly id: string;
  readonly heading: string;
  readonly read: boolean;
}

export type PageStatus =
  | {
      readonly found: true;
      readonly docId: string;
      readonly title: string | null;
      readonly kind: string | null;
      readonly percent: number;
      readonly parts: readonly PartStatus[];
    }
  | { readonly found: false; readonly reason: 'no-parts' | 'starting' };

export type ReaderMessage =
  | { readonly type: 'gongwen:status' }
  | { readonly type: 'gongwen:jump'; readonly sectionId: string };

export function isReaderMessage(value: unknown): value is ReaderMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'gongwen:status' || (type === 'gongwen:jump' && typeof (value as { sectionId?: unknown }).sectionId === 'string');
}
