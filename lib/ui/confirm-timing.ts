// When a two-step destructive button acts: the first press arms it, a second press acts only after
// a pause and before the offer runs out. A page that lays a decoy over an invisible panel gets one
// click from the user, maybe two in quick succession; neither deletes anything (issue 25).
// Pure, with the clock passed in, so the rule is tested without timers.

export interface ConfirmTiming {
  /** A second press sooner than this after arming is ignored: a double click is not a confirmation. */
  readonly readyAfterMs: number;
  /** The armed state ends this long after arming (Infinity: it stays until cancelled). */
  readonly disarmAfterMs: number;
}

export const CONFIRM_TIMING: ConfirmTiming = { readyAfterMs: 500, disarmAfterMs: 5000 };

export type ConfirmState = { readonly kind: 'idle' } | { readonly kind: 'armed'; readonly since: number };

export const IDLE: ConfirmState = { kind: 'idle' };

export type ArmedPhase = 'idle' | 'wait' | 'ready';

/** Where an armed button stands at `now`: still waiting, ready for the second press, or run out. */
export function phaseAt(state: ConfirmState, now: number, timing: ConfirmTiming = CONFIRM_TIMING): ArmedPhase {
  if (state.kind === 'idle') return 'idle';
  const age = now - state.since;
  // A clock that went backwards cannot have waited.
  if (age < 0 || age < timing.readyAfterMs) return 'wait';
  return age < timing.disarmAfterMs ? 'ready' : 'idle';
}

/** One press at `now`: the state after it, and whether the action runs. */
export function press(
  state: ConfirmState,
  now: number,
  timing: ConfirmTiming = CONFIRM_TIMING,
): { readonly state: ConfirmState; readonly act: boolean } {
  const phase = phaseAt(state, now, timing);
  if (phase === 'ready') return { state: IDLE, act: true };
  // Too soon: stay armed from the first press, so repeated fast clicks never reach 'ready' early.
  if (phase === 'wait') return { state, act: false };
  return { state: { kind: 'armed', since: now }, act: false };
}
