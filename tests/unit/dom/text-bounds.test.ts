// Where the text lies, measured in slices (issue 14): the same edges as in one go.
import { afterEach, describe, expect, it } from 'vitest';
import { measureTextBounds, measureTextBoundsSteps } from '../../../lib/dom/text-bounds';
import { runInSlices } from '../../../lib/startup/slices';
import { detectedFixture } from '../reader/reader-fixture';
import { fakeGeometry, type FakeGeometry } from './fake-geometry';

let geometry: FakeGeometry | null = null;
afterEach(() => {
  geometry?.restore();
  geometry = null;
});

describe('measureTextBoundsSteps', () => {
  it("in slices with the page's turns between them gives the bounds measured in one go, sampled or not", async () => {
    const { model } = detectedFixture();
    geometry = fakeGeometry(model.root);
    for (const sample of [160, 5]) {
      const whole = measureTextBounds(model, sample);
      expect(whole).not.toBeNull();
      const sliced = await runInSlices(measureTextBoundsSteps(model, sample), {
        sliceMs: 0,
        pause: () => new Promise<void>((resolve) => setTimeout(() => (geometry!.scroll(50), resolve()), 0)),
      });
      expect(sliced?.value).toEqual(whole);
    }
  });
});
