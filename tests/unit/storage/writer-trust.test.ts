// Whom the writer believes: extension pages for everything; a content script only for its own
// origin's documents and never for clear, import, sync, portals or site settings; anyone else
// (no sender, another extension, a sender without a URL) for nothing. And the writer applies it.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { classifySender, EXTENSION_PAGE_OPS, mayWrite, type Sender } from '../../../lib/storage/writer-trust';
import { handleWriteMessage, installWriter } from '../../../lib/storage/writer';
import { docKey, setBookmark } from '../../../lib/storage/documents';
import type { OpName, OpRequest } from '../../../lib/storage/protocol';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ROOT = `chrome-extension://${ID}/`;
const PORTAL = 'https://www.example.edu.cn';

describe('classifySender', () => {
  it('knows extension pages, content scripts and strangers', () => {
    expect(classifySender({ id: ID, url: `${ROOT}options.html` }, ID, ROOT)).toEqual({ kind: 'extension' });
    expect(classifySender({ id: ID, url: `${ROOT}sidepanel.html?frame=1` }, ID, ROOT)).toEqual({ kind: 'extension' });
    expect(classifySender({ id: ID, url: `${PORTAL}/a/b.html#x` }, ID, ROOT)).toEqual({
      kind: 'content',
      origin: PORTAL,
    });
    expect(classifySender({ id: 'other', url: `${ROOT}options.html` }, ID, ROOT)).toEqual({ kind: 'stranger' });
    expect(classifySender({ id: ID }, ID, ROOT)).toEqual({ kind: 'stranger' });
    expect(classifySender({}, ID, ROOT)).toEqual({ kind: 'stranger' });
    expect(classifySender(undefined, ID, ROOT)).toEqual({ kind: 'stranger' });
    // A look-alike path on a page is not the extension.
    expect(classifySender({ id: ID, url: `${PORTAL}/${ROOT}` }, ID, ROOT)).toEqual({ kind: 'content', origin: PORTAL });
    expect(classifySender({ id: ID, url: 'file:///etc/passwd' }, ID, ROOT)).toEqual({ kind: 'stranger' });
  });
});

describe('mayWrite', () => {
  const content: Sender = { kind: 'content', origin: PORTAL };
  const ask = <K extends OpName>(sender: Sender, op: K, req: OpRequest<K>, urls: string[] | null = null) =>
    mayWrite(sender, op, req, urls);

  it('keeps clear, import, sync, portals and site settings for extension pages', () => {
    expect([...EXTENSION_PAGE_OPS].sort()).toEqual([
      'clear',
      'import',
      'portal.add',
      'portal.remove',
      'site.set',
      'sync.set',
    ]);
    expect(ask(content, 'clear', {})).toBe(false);
    expect(ask(content, 'import', { text: '{}' })).toBe(false);
    expect(ask(content, 'sync.set', { on: false })).toBe(false);
    expect(ask(content, 'portal.add', { origin: 'https://evil.example' })).toBe(false);
    expect(ask(content, 'portal.remove', { origin: PORTAL })).toBe(false);
    expect(ask(content, 'site.set', { origin: PORTAL, patch: { disabled: true } })).toBe(false);
    expect(ask({ kind: 'extension' }, 'clear', {})).toBe(true);
    expect(ask({ kind: 'stranger' }, 'doc.bookmark', { id: 'fp:1', sectionId: 'p1', heading: 'h', note: '' })).toBe(
      false,
    );
  });

  it("lets a content script write its own origin's documents only", () => {
    const bookmark = { id: 'fp:1', sectionId: 'p1', heading: 'h', note: '' };
    expect(ask(content, 'doc.bookmark', bookmark, null)).toBe(true);
    expect(ask(content, 'doc.bookmark', bookmark, [`${PORTAL}/doc.html`])).toBe(true);
    expect(ask(content, 'doc.reset', { id: 'fp:1' }, ['https://other.edu.cn/doc.html'])).toBe(false);
    expect(
      ask(content, 'doc.unbookmark', { id: 'fp:1', sectionId: 'p1' }, [
        'https://other.edu.cn/doc.html',
        `${PORTAL}/mirror.html`,
      ]),
    ).toBe(true);
    expect(
      ask(content, 'doc.adopt', { meta: { title: 't', issuer: null, date: null }, url: 'https://other.edu.cn/x' }),
    ).toBe(false);
    expect(ask(content, 'doc.adopt', { meta: { title: 't', issuer: null, date: null }, url: `${PORTAL}/x` })).toBe(
      true,
    );
    // Settings and phrases are the reader's own controls on the page.
    expect(ask(content, 'phrase.add', { phrase: '立德树人' })).toBe(true);
  });
});

describe('the writer', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installWriter();
  });

  it("refuses a content script's clear and another site's record, and runs an extension page's", async () => {
    await setBookmark('fp:00000000000000aa', 'p1', '一、', '备注', 10);
    await fakeBrowser.storage.local.set({
      [docKey('fp:00000000000000aa')]: {
        ...((await fakeBrowser.storage.local.get(docKey('fp:00000000000000aa')))[
          docKey('fp:00000000000000aa')
        ] as object),
        urls: ['https://other.edu.cn/d.html'],
      },
    });
    const fromPortal = { id: fakeBrowser.runtime.id, url: `${PORTAL}/notice.html` };
    expect(await handleWriteMessage({ type: 'gongwen:write', op: 'clear', req: {} }, fromPortal)).toEqual({
      ok: false,
      code: 'refused',
    });
    expect(
      await handleWriteMessage(
        { type: 'gongwen:write', op: 'doc.reset', req: { id: 'fp:00000000000000aa' } },
        fromPortal,
      ),
    ).toEqual({ ok: false, code: 'refused' });
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toContain(docKey('fp:00000000000000aa'));
    const fromOptions = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    expect(await handleWriteMessage({ type: 'gongwen:write', op: 'clear', req: {} }, fromOptions)).toEqual({
      ok: true,
      value: null,
    });
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).not.toContain(docKey('fp:00000000000000aa'));
  });
});
