// The reader's start-up runs in stages with the main thread handed back to the page between them
// (issue 14); the panel's frame starts loading before the stored state is in.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DetectedDocument } from '../../../lib/document/detect';
import type { RestoredState } from '../../../lib/startup/restore-state';

const log: string[] = [];

vi.mock('../../../lib/startup/yield-to-page', () => ({
  yieldToPage: vi.fn(async () => {
    log.push('yield');
  }),
}));
vi.mock('../../../entrypoints/reader/panel-host', () => ({
  preloadPanelFrame: vi.fn(() => {
    log.push('frame');
    return { element: document.createElement('gongwen-reader'), remove: () => log.push('frame removed') };
  }),
  mountPanelHost: vi.fn(() => {
    log.push('host');
    return {
      element: document.createElement('gongwen-reader'),
      ready: Promise.resolve(),
      remove: () => log.push('host removed'),
    };
  }),
}));
vi.mock('../../../entrypoints/reader/reader-controller', () => ({
  createReaderController: vi.fn(() => {
    log.push('controller');
    return {
      showPhrases: () => log.push('phrases'),
      start: () => log.push('start'),
      stop: () => log.push('stop'),
      model: () => null,
      jumpToId: () => true,
    };
  }),
}));
vi.mock('../../../lib/storage/pending-jump', () => ({ takePendingJump: vi.fn(async () => null) }));

const { startReader } = await import('../../../entrypoints/reader/start-reader');

const ctx = { onInvalidated: vi.fn() } as unknown as ContentScriptContext;
const found = {} as DetectedDocument;
const state = {
  settings: {},
  docId: 'd',
  record: null,
  kept: false,
  url: 'http://x.edu.cn/',
  epoch: 0,
} as unknown as RestoredState;

describe('startReader', () => {
  beforeEach(() => {
    log.length = 0;
  });

  it('loads the panel frame first, then hands the page a turn between each stage of its own', async () => {
    let restore!: (value: RestoredState) => void;
    const restoring = new Promise<RestoredState>((resolve) => (restore = resolve));
    const started = startReader(ctx, found, restoring);
    // The frame is on its way before the stored state is read.
    expect(log).toEqual(['frame']);
    restore(state);
    await started;
    expect(log).toEqual(['frame', 'yield', 'controller', 'host', 'yield', 'phrases', 'yield', 'start']);
  });

  it('takes the preloaded frame away when the stored state cannot be read', async () => {
    await expect(startReader(ctx, found, Promise.reject(new Error('storage')))).rejects.toThrow('storage');
    expect(log).toEqual(['frame', 'frame removed']);
  });
});
