// Content script: find an official document on the page, then mount the reader beside it.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isReaderMessage, type PageStatus } from '../../lib/messages';
import { watchForDocument } from './watch-document';
import { CHECK_MEASURE, startReader, START_MARK } from './start-reader';
import type { ReaderController } from './reader-controller';

export default defineContentScript({
  matches: ['*://*.edu.cn/*', 'http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    performance.mark(START_MARK);
    let reader: ReaderController | null = null;
    let watching = true;
    const stopWatching = watchForDocument(
      document,
      (found) => {
        watching = false;
        startReader(ctx, found)
          .then((controller) => (reader = controller))
          .catch((error: unknown) => console.error('[gongwen-reader]', error));
      },
      { onGiveUp: () => (watching = false) },
    );
    // What the first check cost, on every page (documents or not), for the benchmark.
    performance.measure(CHECK_MEASURE, START_MARK);
    ctx.onInvalidated(stopWatching);

    // The popup asks the active tab what it shows, and asks it to jump.
    const onMessage = (message: unknown): Promise<PageStatus | boolean> | undefined => {
      if (!isReaderMessage(message)) return undefined;
      if (message.type === 'gongwen:jump') return Promise.resolve(reader?.jumpToId(message.sectionId) ?? false);
      return Promise.resolve(reader ? reader.status() : { found: false, reason: watching ? 'starting' : 'no-parts' });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
