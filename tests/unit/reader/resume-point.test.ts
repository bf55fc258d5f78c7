// 继续阅读: offered on arrival and after jumps, moved by reading, put back by an undo.
import { describe, expect, it } from 'vitest';
import { createResumePoint, RESUME_SLACK } from '../../../entrypoints/reader/resume-point';

describe('createResumePoint', () => {
  it('offers a stored place on arrival, but not one at the very start', () => {
    expect(createResumePoint(500).offered()).toBe(true);
    expect(createResumePoint(500).target()).toBe(500);
    expect(createResumePoint(RESUME_SLACK).offered()).toBe(false);
    expect(createResumePoint(null).target()).toBeNull();
  });

  it('reading moves the place and withdraws the offer; a jump offers it again; using it withdraws it', () => {
    const point = createResumePoint(500);
    point.readAt(900);
    expect([point.target(), point.offered()]).toEqual([900, false]);
    point.offer();
    expect(point.offered()).toBe(true);
    point.use();
    expect(point.offered()).toBe(false);
  });

  it('a reset clears the place; restoring a snapshot puts it back as it was', () => {
    const point = createResumePoint(500);
    const before = point.snapshot();
    point.clear();
    expect([point.target(), point.offered()]).toEqual([null, false]);
    point.restore(before);
    expect([point.target(), point.offered()]).toEqual([500, true]);
  });
});
