// The panel page's own timing marks, for the benchmark's account of where the panel's start-up
// goes (bench/run.mjs reads them from the frame). They stay in the panel page's own timeline, which
// only the extension page itself can read (not the portal page: the frame is another origin, in
// another process), so unlike the reader's marks on the page (lib/startup/marks.ts) they need no switch.

export const PANEL_MARKS = {
  /** The panel page's script is running: its HTML parsed, its bundle fetched and its imports evaluated. */
  script: 'gongwen-panel:script',
  /** The reader's port taken (the nonce checked). */
  connected: 'gongwen-panel:connected',
  /** The first render with the reader's document and state: the rail or the outline is drawn. */
  drawn: 'gongwen-panel:drawn',
} as const;

/** A mark in this page's timeline (once per name: the first time is the one the benchmark wants). */
export function mark(name: string): void {
  try {
    if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
  } catch {
    // A timeline that refuses a mark costs the benchmark a number, never the panel.
  }
}
