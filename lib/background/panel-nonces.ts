// The nonces readers give their panel frames, kept per tab for a short while: a panel frame on a
// page takes a port only from a message carrying one of its tab's nonces, which page script
// never sees (they travel through the background, never through the page).

/** A frame loads within a second or two; a nonce not used by then is dropped. */
const NONCE_TTL_MS = 30_000;

export interface PanelNonces {
  add(tabId: number, nonce: string, now?: number): void;
  /** The tab's live nonces. */
  of(tabId: number, now?: number): string[];
}

export function createPanelNonces(): PanelNonces {
  const byTab = new Map<number, { nonce: string; at: number }[]>();
  const live = (tabId: number, now: number) => {
    const list = (byTab.get(tabId) ?? []).filter((entry) => now - entry.at < NONCE_TTL_MS);
    if (list.length) byTab.set(tabId, list);
    else byTab.delete(tabId);
    return list;
  };
  return {
    add(tabId, nonce, now = Date.now()) {
      byTab.set(tabId, [...live(tabId, now), { nonce, at: now }]);
    },
    of(tabId, now = Date.now()) {
      return live(tabId, now).map((entry) => entry.nonce);
    },
  };
}
