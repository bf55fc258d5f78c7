// The two-step press of destructive buttons: nothing on one press, nothing on a hurried second,
// the action on a second press between the pause and the end of the offer.
import { describe, expect, it } from 'vitest';
import { IDLE, phaseAt, press, type ConfirmTiming } from '../../../lib/ui/confirm-timing';

const timing: ConfirmTiming = { readyAfterMs: 500, disarmAfterMs: 5000 };

describe('press', () => {
  it('arms on the first press and does not act', () => {
    const first = press(IDLE, 1000, timing);
    expect(first.act).toBe(false);
    expect(first.state).toEqual({ kind: 'armed', since: 1000 });
    expect(phaseAt(first.state, 1000, timing)).toBe('wait');
  });

  it('ignores a second press sooner than the pause, and stays armed from the first', () => {
    const first = press(IDLE, 1000, timing);
    const hurried = press(first.state, 1499, timing);
    expect(hurried.act).toBe(false);
    expect(hurried.state).toEqual({ kind: 'armed', since: 1000 });
  });

  it('acts on a second press at or after the pause, then is idle again', () => {
    const first = press(IDLE, 1000, timing);
    expect(phaseAt(first.state, 1500, timing)).toBe('ready');
    const second = press(first.state, 1500, timing);
    expect(second.act).toBe(true);
    expect(second.state).toEqual(IDLE);
  });

  it('a burst of fast clicks acts only once one of them lands after the pause', () => {
    let state = IDLE;
    const acted: number[] = [];
    for (const at of [0, 80, 160, 240, 320, 400, 480, 560]) {
      const r = press(state, at, timing);
      state = r.state;
      if (r.act) acted.push(at);
    }
    expect(acted).toEqual([560]);
  });

  it('runs out: a press after the offer ended arms again instead of acting', () => {
    const first = press(IDLE, 0, timing);
    expect(phaseAt(first.state, 5000, timing)).toBe('idle');
    const late = press(first.state, 5000, timing);
    expect(late.act).toBe(false);
    expect(late.state).toEqual({ kind: 'armed', since: 5000 });
  });

  it('a clock that went backwards has not waited', () => {
    const first = press(IDLE, 1000, timing);
    expect(phaseAt(first.state, 10, timing)).toBe('wait');
    expect(press(first.state, 10, timing).act).toBe(false);
  });

  it('an offer without an end stays ready', () => {
    const endless: ConfirmTiming = { readyAfterMs: 500, disarmAfterMs: Infinity };
    const first = press(IDLE, 0, endless);
    expect(phaseAt(first.state, 1e9, endless)).toBe('ready');
    expect(press(first.state, 1e9, endless).act).toBe(true);
  });
});
