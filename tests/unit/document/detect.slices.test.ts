import { describe, expect, it, vi } from 'vitest';
import { readDocument, readDocumentSteps } from '../../../lib/document/detect';
import { runInSlices } from '../../../lib/startup/slices';
import { flattenSections } from '../../../lib/document/flatten-sections';
import { htmlDocument, LAYOUTS, loadFixture } from './fixtures';

const outlineOf = (found: ReturnType<typeof readDocument>) =>
  found && {
    title: found.document.title,
    sections: flattenSections(found.document.sections).map((s) => [s.id, s.heading]),
    text: found.model.text,
  };

/** readDocument() run in slices as the content script runs it, with `pause` as the page's turn. */
const readInSlices = async (doc: Document, pause: () => Promise<void>) =>
  (await runInSlices(readDocumentSteps(doc), { pause, sliceMs: 0 }))?.value ?? null;

describe('readDocumentSteps in slices', () => {
  it.each([...LAYOUTS, 'word-pasted-long.html'])('reads %s exactly as readDocument does', async (name) => {
    const doc = loadFixture(name);
    const whole = readDocument(doc);
    // A zero budget pauses at every step the walk offers.
    const pause = vi.fn(() => Promise.resolve());
    const sliced = await readInSlices(doc, pause);
    expect(outlineOf(sliced)).toEqual(outlineOf(whole));
    expect(sliced?.evidence).toEqual(whole?.evidence);
    expect(pause).toHaveBeenCalled();
  });

  it('pauses inside the walk of a long page, not only between stages', async () => {
    const part = (n: string) =>
      `<p><span>${n}、</span><span>加强</span><span>领导</span></p>` +
      '<p><span>各单位要</span><b>认真</b><span>落实。</span></p>'.repeat(500);
    const doc = htmlDocument(
      `<div class="v_news_content"><p>关于加强管理的通知</p><p>各学院：</p>${part('一')}${part('二')}${part('三')}</div>`,
    );
    const pause = vi.fn(() => Promise.resolve());
    await readInSlices(doc, pause);
    // More pauses than the handful of stage boundaries: the text-node walk itself is cut up.
    expect(pause.mock.calls.length).toBeGreaterThan(5);
  });

  it('hands the page a turn at each pause: a task queued meanwhile runs before the result', async () => {
    const doc = loadFixture('cms-spans.html');
    const order: string[] = [];
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    setTimeout(() => order.push('page task'), 0);
    const found = await readInSlices(doc, pause);
    order.push('read');
    expect(found).not.toBeNull();
    expect(order).toEqual(['page task', 'read']);
  });
});

describe('a long notice pasted from Word (tests/fixtures/word-pasted-long.html)', () => {
  it('is read as a document with its twelve parts, its sub-parts and its attachment table kept out of the outline', () => {
    const found = readDocument(loadFixture('word-pasted-long.html'));
    expect(found?.evidence.document).toBe(true);
    // The covering note (印发通知) is a group of its own; the 实施方案 holds the parts.
    expect(found?.document.groups?.map((g) => g.kind)).toEqual(['note', 'main']);
    const main = found?.document.groups?.[1];
    const parts = (found?.document.sections ?? []).slice(main?.from, main?.to);
    expect(parts.map((s) => s.heading.slice(0, 4))).toEqual([
      '一、指导',
      '二、总体',
      '三、课程',
      '四、师资',
      '五、实践',
      '六、教学',
      '七、信息',
      '八、学生',
      '九、教材',
      '十、保障',
      '十一、组',
      '十二、考',
    ]);
    expect(parts.every((s) => s.children.length >= 3)).toBe(true);
    expect(found?.model.text).toContain('教学质量提升工程任务分解表');
  });
});
