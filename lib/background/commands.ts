// Keyboard commands (manifest `commands`, changeable at the browser's shortcuts page) go to the
// content script of the tab they were pressed in.
import { isReaderCommand, type ReaderProtocol } from '../messages';
import type { MessageOf, ReplyOf } from '../messaging';

export interface CommandApi {
  activeTabId(): Promise<number | null>;
  sendToTab(
    tabId: number,
    message: MessageOf<ReaderProtocol, 'gongwen:command'>,
  ): Promise<ReplyOf<ReaderProtocol, 'gongwen:command'> | undefined>;
}

/** Forwards a known command; false when it was unknown or no reader listens in that tab. */
export async function forwardCommand(command: string, tabId: number | undefined, api: CommandApi): Promise<boolean> {
  if (!isReaderCommand(command)) return false;
  const target = tabId ?? (await api.activeTabId());
  if (target === null || target < 0) return false;
  try {
    await api.sendToTab(target, { type: 'gongwen:command', command });
    return true;
  } catch {
    // No content script in that tab (not a portal page): nothing to do.
    return false;
  }
}
