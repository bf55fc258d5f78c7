// Measuring every line in slices (issue 14): the same landmarks as in one go, also when the reader
// scrolls while the page has its turn between slices.
import { afterEach, describe, expect, it } from 'vitest';
import { measureLandmarks, measureLandmarksSteps } from '../../../lib/dom/measure';
import { runInSlices } from '../../../lib/startup/slices';
import { detectedFixture } from '../reader/reader-fixture';
import { fakeGeometry, type FakeGeometry } from './fake-geometry';

let geometry: FakeGeometry | null = null;
afterEach(() => {
  geometry?.restore();
  geometry = null;
});

describe('measureLandmarksSteps', () => {
  it('in slices, with a scroll between them, gives the landmarks measured in one go', async () => {
    const { model } = detectedFixture();
    geometry = fakeGeometry(model.root);
    const exact = [Math.floor(model.text.length / 3)];
    const whole = measureLandmarks(model, window, exact);
    expect(whole.length).toBeGreaterThan(10);
    let slices = 0;
    const sliced = await runInSlices(measureLandmarksSteps(model, window, exact), {
      sliceMs: 0,
      // The reader scrolls while the page has its turn: tops are taken against the document, not the viewport.
      pause: () => new Promise<void>((resolve) => setTimeout(() => (geometry!.scroll(37), resolve()), 0)),
      onSlice: () => slices++,
    });
    expect(sliced?.value).toEqual(whole);
    expect(slices).toBeGreaterThan(10);
  });
});
