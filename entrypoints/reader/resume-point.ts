// Where 继续阅读 goes and whether it is offered: the place reading last earned credit (this
// visit, else as stored), offered on arrival and after each jump, until reading happens again or
// it is used.

/** A stopping point this close to the start is not worth a resume button. */
export const RESUME_SLACK = 40;

export interface ResumeSnapshot {
  readonly target: number | null;
  readonly offered: boolean;
}

export interface ResumePoint {
  target(): number | null;
  /** Offered now: a target, and no reading since arrival or the last jump. */
  offered(): boolean;
  /** A jump: the place to come back to is offered again. */
  offer(): void;
  /** Reading earned credit with the reading area's top at `at`: the new place, not offered now. */
  readAt(at: number): void;
  /** 继续阅读 was used: not offered until the next jump. */
  use(): void;
  snapshot(): ResumeSnapshot;
  restore(snapshot: ResumeSnapshot): void;
  /** A reset: no place to come back to. */
  clear(): void;
}

export function createResumePoint(stored: number | null): ResumePoint {
  let target = stored !== null && stored > RESUME_SLACK ? stored : null;
  let offered = true;
  return {
    target: () => target,
    offered: () => offered && target !== null,
    offer: () => void (offered = true),
    readAt(at) {
      target = at > RESUME_SLACK ? at : null;
      offered = false;
    },
    use: () => void (offered = false),
    snapshot: () => ({ target, offered }),
    restore(snapshot) {
      target = snapshot.target;
      offered = snapshot.offered;
    },
    clear: () => void (target = null),
  };
}
