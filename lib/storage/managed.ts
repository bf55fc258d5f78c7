// Reading the organisation's policy from the browser's managed storage area, at start and on every
// change: Chromium fills the area seconds after a force-install, and IT may change it while the
// browser runs. Where there is no policy Firefox rejects get() (no managed-storage manifest) and a
// browser may lack the area altogether: both mean "not managed".
import { browser } from 'wxt/browser';
import { validateManaged, type ManagedResult } from '../managed/validate';

/** The part of the storage API this needs, so tests can pass a fake. */
export interface ManagedArea {
  get(): Promise<Record<string, unknown>>;
}

function managedArea(): ManagedArea | null {
  const storage = browser.storage as unknown as { managed?: ManagedArea } | undefined;
  return storage?.managed ?? null;
}

export async function readManaged(area: ManagedArea | null = managedArea()): Promise<ManagedResult> {
  if (!area) return validateManaged(undefined);
  let raw: unknown;
  try {
    raw = await area.get();
  } catch {
    raw = undefined; // Firefox: "Managed storage manifest not found"
  }
  return validateManaged(raw);
}

/** Calls `cb` with the policy now and after every change to it; returns the unsubscribe. */
export function watchManaged(cb: (result: ManagedResult) => void): () => void {
  let stopped = false;
  let latest = 0;
  const refresh = () => {
    const ticket = ++latest;
    void readManaged().then((result) => {
      if (!stopped && ticket === latest) cb(result);
    });
  };
  const onChanged = (_changes: unknown, areaName: string) => {
    if (areaName === 'managed') refresh();
  };
  browser.storage.onChanged.addListener(onChanged);
  refresh();
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(onChanged);
  };
}
