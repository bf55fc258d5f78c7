// Finding the document now, after late content, or after a single-page portal's navigation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForDocument, type Detected } from '../../../entrypoints/content/watch-document';

const FOUND = { root: document.body } as unknown as Detected;
const PARTS = '<p>一、甲</p><p>二、乙</p>';

describe('watchForDocument', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '';
  });
  afterEach(() => vi.useRealTimers());

  it('checks at once when the page already reads as a document', async () => {
    document.body.innerHTML = PARTS;
    const detect = vi.fn(async () => FOUND);
    const onFound = vi.fn();
    const stop = watchForDocument(document, detect, onFound);
    expect(detect).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(onFound).toHaveBeenCalledExactlyOnceWith(FOUND);
    stop();
  });

  it('never runs the full check on a page without part markers', async () => {
    document.body.innerHTML = '<p>通知公告</p>';
    const detect = vi.fn(async () => FOUND);
    const onGiveUp = vi.fn();
    watchForDocument(document, detect, vi.fn(), { timeoutMs: 1000, onGiveUp });
    document.body.append(Object.assign(document.createElement('p'), { textContent: '学院新闻' }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(detect).not.toHaveBeenCalled();
    expect(onGiveUp).toHaveBeenCalledOnce();
  });

  it('after a navigation, reads the page only once the portal has swapped the article in', async () => {
    document.body.innerHTML = PARTS; // the old article, still there when the address changes
    const seen: string[] = [];
    const detect = vi.fn(async () => {
      seen.push(document.body.textContent ?? '');
      return FOUND;
    });
    const stop = watchForDocument(document, detect, vi.fn(), { firstCheckAfterMs: 250, settleMs: 100 });
    expect(detect).not.toHaveBeenCalled();
    document.body.innerHTML = '<p>一、新文件</p><p>二、新内容</p>';
    await vi.advanceTimersByTimeAsync(300);
    expect(seen).toEqual(['一、新文件二、新内容']);
    stop();
  });
});

describe('watchForDocument while a check is running', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '';
  });
  afterEach(() => vi.useRealTimers());

  it('checks again when the page changed during a check that found nothing', async () => {
    document.body.innerHTML = '<p>一、甲</p><p>二、</p>';
    let finishFirst: (value: Detected | null) => void = () => {};
    const detect = vi
      .fn<() => Promise<Detected | null>>()
      .mockImplementationOnce(() => new Promise((resolve) => (finishFirst = resolve)))
      .mockImplementation(async () => FOUND);
    const onFound = vi.fn();
    const stop = watchForDocument(document, detect, onFound, { settleMs: 50 });
    document.body.append(Object.assign(document.createElement('p'), { textContent: '三、丙' }));
    await vi.advanceTimersByTimeAsync(100); // the mutation's check comes while the first is still running
    expect(detect).toHaveBeenCalledTimes(1);
    finishFirst(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(detect).toHaveBeenCalledTimes(2);
    expect(onFound).toHaveBeenCalledExactlyOnceWith(FOUND);
    stop();
  });
});
