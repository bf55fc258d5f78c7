// The composed reader: every panel action is wired, stored settings reach it, and stop() ends
// every listener and watch at once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installWriter } from '../../../lib/storage/writer';
import * as stored from '../../../lib/storage/settings';
import { DEFAULT_SETTINGS } from '../../../lib/storage/schema';
import { ACTION_NAMES } from '../../../lib/ui/panel-protocol';
import { detectedFixture, selectText } from './reader-fixture';

vi.mock('../../../lib/i18n', () => ({
  t: (key: string, ...subs: (string | number)[]) => (subs.length ? `${key}(${subs.join('|')})` : key),
}));
const { createReaderController } = await import('../../../entrypoints/reader/reader-controller');

function setUp() {
  const found = detectedFixture();
  const controller = createReaderController({
    found,
    docId: 'url:https://www.example.edu.cn/a',
    settings: DEFAULT_SETTINGS,
    record: null,
    url: 'https://www.example.edu.cn/a',
    epoch: 0,
    host: () => null,
  });
  return { found, controller };
}

describe('createReaderController', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installWriter();
    Object.defineProperty(document, 'elementsFromPoint', { value: () => [], configurable: true });
    getSelection()?.removeAllRanges();
  });

  it('wires every action the panel can send', () => {
    const { controller } = setUp();
    for (const name of ACTION_NAMES) expect(typeof controller.actions[name], name).toBe('function');
    controller.stop();
  });

  it('a phrase added elsewhere (the options page) is listed without a reload', async () => {
    const { controller } = setUp();
    controller.start();
    await stored.addUserPhrase('组织引领');
    await vi.waitFor(() =>
      expect(controller.store.get().phrases.some((p) => p.term === '组织引领' && p.category === 'user')).toBe(true),
    );
    controller.stop();
  });

  it('a phrase added in the panel keeps one added elsewhere, in the panel and in storage', async () => {
    const { found, controller } = setUp();
    controller.start();
    await stored.addUserPhrase('组织引领');
    selectText(found.root, '守护好校园安全稳定');
    controller.actions.addSelectedPhrase();
    await vi.waitFor(async () =>
      expect((await stored.loadSettings()).userPhrases).toEqual(['组织引领', '守护好校园安全稳定']),
    );
    await vi.waitFor(() =>
      expect(
        controller.store
          .get()
          .phrases.filter((p) => p.category === 'user')
          .map((p) => p.term)
          .sort(),
      ).toEqual(['守护好校园安全稳定', '组织引领'].sort()),
    );
    controller.stop();
  });

  it('stop() ends its listeners and watches together', async () => {
    const { found, controller } = setUp();
    controller.start();
    controller.stop();
    selectText(found.root, '守护好校园安全稳定');
    expect(controller.store.get().hasSelection).toBe(false);
    await stored.addUserPhrase('组织引领');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(controller.store.get().phrases.some((p) => p.term === '组织引领')).toBe(false);
  });

  it('tells the popup the parts and which are read', () => {
    const { found, controller } = setUp();
    const status = controller.status();
    expect(status).toMatchObject({ found: true, percent: 0 });
    expect(status.found && status.parts.map((p) => p.id)).toEqual(found.document.sections.map((s) => s.id));
    controller.stop();
  });
});
