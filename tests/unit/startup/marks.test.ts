import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { mark, measure, stage, STAGE_PREFIX } from '../../../lib/startup/marks';
import { readDiagnostics } from '../../../lib/storage/diagnostics';

const ours = () => performance.getEntries().filter((e) => e.name.startsWith('test-gongwen:'));

async function settled(): Promise<void> {
  await readDiagnostics();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the reader’s timing marks', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    performance.clearMarks();
    performance.clearMeasures();
    const scope = globalThis as Record<string, unknown>;
    delete scope.__gongwenTimeline;
    delete scope.__gongwenDiagnostics;
  });

  it('leave nothing in the page’s timeline unless extension storage asks for them', async () => {
    mark('test-gongwen:start');
    measure('test-gongwen:ready', 'test-gongwen:start');
    await settled();
    mark('test-gongwen:later');
    expect(ours()).toEqual([]);
  });

  it('are written with the times they were taken once the benchmark switch is read', async () => {
    await fakeBrowser.storage.local.set({ diagnostics: { marks: true } });
    const before = performance.now();
    mark('test-gongwen:start');
    expect(ours()).toEqual([]); // not before the switch is read
    await new Promise((resolve) => setTimeout(resolve, 5));
    measure('test-gongwen:ready', 'test-gongwen:start');
    await settled();
    mark('test-gongwen:after');
    const entries = Object.fromEntries(ours().map((e) => [e.name, e]));
    expect(Object.keys(entries).sort()).toEqual(['test-gongwen:after', 'test-gongwen:ready', 'test-gongwen:start']);
    expect(entries['test-gongwen:start']!.entryType).toBe('mark');
    expect(entries['test-gongwen:start']!.startTime).toBeGreaterThanOrEqual(before);
    expect(entries['test-gongwen:ready']!.entryType).toBe('measure');
    expect(entries['test-gongwen:ready']!.startTime).toBe(entries['test-gongwen:start']!.startTime);
    expect(entries['test-gongwen:ready']!.duration).toBeGreaterThanOrEqual(4);
  });

  it('time each start-up stage as a mark with its length, returning what the stage returns', async () => {
    await fakeBrowser.storage.local.set({ diagnostics: { marks: true } });
    const value = stage('test-outline', () => 42);
    expect(value).toBe(42);
    expect(() =>
      stage('test-failing', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    await settled();
    const stages = performance
      .getEntriesByType('mark')
      .filter((e) => e.name.startsWith(STAGE_PREFIX + 'test-')) as PerformanceMark[];
    expect(stages.map((e) => e.name).sort()).toEqual([STAGE_PREFIX + 'test-failing', STAGE_PREFIX + 'test-outline']);
    for (const entry of stages) expect((entry.detail as { duration: number }).duration).toBeGreaterThanOrEqual(0);
  });

  it('only `true` switches anything on', async () => {
    await fakeBrowser.storage.local.set({ diagnostics: { marks: 'yes', fakeSync: 1, openPanelRoot: 1 } });
    expect(await readDiagnostics()).toEqual({ marks: false });
  });
});
