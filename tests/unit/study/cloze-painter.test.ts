// Study mode is off where the Highlight API is missing, and paints its layers under the palette's names.
import { describe, expect, it } from 'vitest';
import { clozeSupported, createClozePainter } from '../../../lib/study/cloze-painter';

describe('without the Highlight API', () => {
  it('there is no study mode (no DOM fallback that would change the page)', () => {
    const fake = { document, CSS: {} } as unknown as Window;
    expect(clozeSupported(fake)).toBe(false);
    const doc = { defaultView: fake } as unknown as Document;
    expect(createClozePainter(doc)).toBeNull();
  });
});

describe('with the Highlight API (stubbed)', () => {
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
    constructor(...ranges: AbstractRange[]) {
      super(ranges);
    }
  }

  function stubbed(): { doc: Document; registry: Map<string, FakeHighlight> } {
    const registry = new Map<string, FakeHighlight>();
    const win = {
      CSS: { highlights: registry },
      Highlight: FakeHighlight,
      getComputedStyle: () => ({ getPropertyValue: () => '1' }),
    };
    const doc = { defaultView: win, documentElement: {} } as unknown as Document;
    return { doc, registry };
  }

  it('paints blanks above revealed ones under the palette’s names, and a repaint in the other palette leaves none behind', () => {
    const { doc, registry } = stubbed();
    const painter = createClozePainter(doc)!;
    const [a, b] = [new Range(), new Range()];
    painter.paint([a], [b], 'light');
    expect([...registry.keys()].sort()).toEqual(['gongwen-light-study-blank', 'gongwen-light-study-revealed']);
    expect(registry.get('gongwen-light-study-blank')!.priority).toBeGreaterThan(
      registry.get('gongwen-light-study-revealed')!.priority,
    );
    painter.paint([a, b], [], 'dark');
    expect([...registry.keys()].sort()).toEqual(['gongwen-dark-study-blank', 'gongwen-dark-study-revealed']);
    expect(registry.get('gongwen-dark-study-blank')!.size).toBe(2);
    painter.clear();
    expect(registry.size).toBe(0);
  });
});
