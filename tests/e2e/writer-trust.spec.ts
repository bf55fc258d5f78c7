// Issue 25: the single writer believes only the extension's own pages for clear, import, sync,
// portals and site settings. The messages here are sent from the reader's own content-script
// world on a portal page (found through the DevTools protocol: the isolated world Chromium made
// for this extension in the page's frame), so the browser names the sender exactly as it would
// for a reader script that a page had somehow steered.
import type { CDPSession, Page, Worker } from '@playwright/test';
import { test, expect, testTime } from './harness';
import { openPortal, stored, storedRecords } from './helpers';

declare const chrome: {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

/** Evaluates an expression in the extension's content-script world of the page's main frame. */
async function inContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  if (!world) throw new Error(`no content-script world among ${JSON.stringify(contexts)}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
  return result.value;
}

async function storedKeys(worker: Worker): Promise<string[]> {
  return Object.keys(await stored(worker)).sort();
}

test("a portal content script's clear, import, sync and portal writes are refused; its own page's bookmark is not", async ({
  page,
  fixtureUrl,
  extensionId,
  serviceWorker,
}) => {
  test.setTimeout(testTime(60_000));
  await openPortal(page, fixtureUrl('cms-spans.html'));
  // Something the reader keeps, and another portal's record.
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({
      'doc:fp:0f0f0f0f0f0f0f0f': {
        id: 'fp:0f0f0f0f0f0f0f0f',
        title: '别处的通知',
        issuer: null,
        date: null,
        kind: null,
        urls: ['https://other.edu.cn/n.html'],
        textLength: 100,
        furthest: 0,
        percent: 0,
        readSections: [],
        ledger: {},
        sectionTitles: {},
        parts: [],
        bookmarks: { p1: { sectionId: 'p1', heading: '一、', note: '别处的备注', createdAt: 1, updatedAt: 1 } },
        lastReadAt: 1,
        updatedAt: 1,
        resetAt: 0,
        v: 3,
      },
    }),
  );
  const before = await storedKeys(serviceWorker);
  expect(before).toContain('doc:fp:0f0f0f0f0f0f0f0f');

  const send = (op: string, req: object) =>
    inContentScript(
      page,
      extensionId,
      `chrome.runtime.sendMessage(${JSON.stringify({ type: 'gongwen:write', op, req })})`,
    );
  expect(await send('clear', {})).toEqual({ ok: false, code: 'refused' });
  expect(await send('import', { text: '{"format":"gongwen-reader","version":3,"documents":{}}' })).toEqual({
    ok: false,
    code: 'refused',
  });
  expect(await send('sync.set', { on: true })).toEqual({ ok: false, code: 'refused' });
  expect(await send('portal.add', { origin: 'https://evil.example.com' })).toEqual({ ok: false, code: 'refused' });
  expect(await send('site.set', { origin: 'https://other.edu.cn', patch: { disabled: true } })).toEqual({
    ok: false,
    code: 'refused',
  });
  expect(await send('doc.reset', { id: 'fp:0f0f0f0f0f0f0f0f' })).toEqual({ ok: false, code: 'refused' });
  expect(await send('doc.unbookmark', { id: 'fp:0f0f0f0f0f0f0f0f', sectionId: 'p1' })).toEqual({
    ok: false,
    code: 'refused',
  });
  expect(await storedKeys(serviceWorker)).toEqual(before);
  const other = (await storedRecords(serviceWorker))['doc:fp:0f0f0f0f0f0f0f0f'];
  expect(JSON.stringify(other)).toContain('别处的备注');

  // The reader's own writes from the same world still work: a bookmark on a new record.
  const own = (await send('doc.bookmark', {
    id: 'fp:0e0e0e0e0e0e0e0e',
    sectionId: 'p1',
    heading: '一、',
    note: '',
  })) as { ok: boolean };
  expect(own.ok).toBe(true);
});
