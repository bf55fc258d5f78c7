// The two-step press of a destructive button (lib/ui/confirm-timing.ts) as a Preact hook: the
// state, the timers that move it to 'ready' and back to idle, and the press handler.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CONFIRM_TIMING,
  IDLE,
  phaseAt,
  press,
  type ArmedPhase,
  type ConfirmState,
  type ConfirmTiming,
} from '../lib/ui/confirm-timing';

export interface ConfirmOptions {
  /** False: the action runs on the first press (e.g. unbookmarking a section without a note). */
  readonly needed?: boolean;
  /** Mounted already armed: the first step happened elsewhere (a "clear all…" trigger). */
  readonly startArmed?: boolean;
  readonly timing?: ConfirmTiming;
  /** A monotonic clock; tests pass their own. */
  readonly now?: () => number;
}

export interface Confirm {
  readonly phase: ArmedPhase;
  /** One press: arms, is ignored, or runs the action. */
  readonly activate: () => void;
  readonly disarm: () => void;
}

const monotonic = () => performance.now();

export function useConfirm(action: () => void, options: ConfirmOptions = {}): Confirm {
  const { needed = true, startArmed = false, timing = CONFIRM_TIMING, now = monotonic } = options;
  const state = useRef<ConfirmState>(startArmed ? { kind: 'armed', since: now() } : IDLE);
  const [phase, setPhase] = useState<ArmedPhase>(() => phaseAt(state.current, now(), timing));
  // Bumped on every wake-up: a timer may fire a hair before its edge by this clock, and then the
  // phase is unchanged but the edges must be scheduled again.
  const [wakes, setWakes] = useState(0);

  // While armed, wake at the two edges (ready, run out) so the button shows where it stands.
  useEffect(() => {
    const current = state.current;
    if (current.kind === 'idle') return;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const settle = () => {
      const next = phaseAt(state.current, now(), timing);
      if (next === 'idle') state.current = IDLE;
      setPhase(next);
      setWakes((n) => n + 1);
    };
    const age = now() - current.since;
    if (phase === 'wait') timers.push(setTimeout(settle, Math.max(0, timing.readyAfterMs - age)));
    if (Number.isFinite(timing.disarmAfterMs)) timers.push(setTimeout(settle, Math.max(0, timing.disarmAfterMs - age)));
    return () => timers.forEach(clearTimeout);
  }, [phase, wakes, timing, now]);

  const activate = () => {
    if (!needed) {
      action();
      return;
    }
    const result = press(state.current, now(), timing);
    state.current = result.state;
    setPhase(phaseAt(result.state, now(), timing));
    if (result.act) action();
  };
  const disarm = () => {
    state.current = IDLE;
    setPhase('idle');
  };
  return { phase, activate, disarm };
}
