// The content script's status for the tab showing a URL, asked through the extension's service
// worker as the popup asks it (`gongwen:status`). Shared by the corpus run and the bench.

/**
 * The status for the tab showing `url` (or the active tab when none shows it), or `{ error }` when
 * no tab or no content script answers.
 */
export function statusOf(worker, url) {
  return worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === target) ?? tabs.find((t) => t.active);
    if (!tab?.id) return { error: 'no tab' };
    try {
      return (
        (await chrome.tabs.sendMessage(tab.id, { type: 'gongwen:status' }, { frameId: 0 })) ?? { error: 'no answer' }
      );
    } catch (error) {
      return { error: String(error) };
    }
  }, url);
}
