// A section the popup asked a newly opened tab to scroll to: requested by the popup, taken once
// by the content script of that document; both through the writer, which owns the stored value.
import { guardedWrite } from './document-store';
import { pendingJumpItem } from './items';
import { send } from './protocol';

/** How long a popup's jump request waits for its tab to load. */
export const JUMP_TTL_MS = 60_000;

/** Popup side: the tab about to open for `docId` should land on `sectionId`. */
export function requestJump(docId: string, sectionId: string, now?: number): Promise<null> {
  return send('jump.request', { docId, sectionId, ...(now === undefined ? {} : { now }) });
}

/** Content-script side: the section to land on, if a fresh request for this document waits; clears it. */
export function takePendingJump(docId: string, now?: number): Promise<string | null> {
  return send('jump.take', { docId, ...(now === undefined ? {} : { now }) });
}

export async function applyRequestJump(docId: string, sectionId: string, now: number): Promise<null> {
  await guardedWrite(() => pendingJumpItem().setValue({ docId, sectionId, at: now }));
  return null;
}

export async function applyTakeJump(docId: string, now: number): Promise<string | null> {
  const raw: unknown = await pendingJumpItem().getValue();
  if (typeof raw !== 'object' || raw === null) return null;
  const { docId: id, sectionId, at } = raw as Partial<Record<string, unknown>>;
  if (id !== docId) return null;
  await guardedWrite(() => pendingJumpItem().removeValue());
  const fresh = typeof at === 'number' && now - at >= 0 && now - at <= JUMP_TTL_MS;
  return fresh && typeof sectionId === 'string' ? sectionId : null;
}
