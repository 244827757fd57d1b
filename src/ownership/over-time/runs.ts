// The owner sequence of one row read as runs: consecutive periods with the same owner. A run "holds" the row when
// the owner acted on it in at least HOLD_PERIODS of its periods (DOMAIN.md: "having held it for at least 2
// periods"); shorter runs, and runs that are only the rolling window's echo of one busy period, are noise between
// holders, never a holder themselves.
import type { PeriodOwner } from './period-owners';

export const HOLD_PERIODS = 2;

export interface Run {
  /** null: periods without an owner. */
  ownerId: string | null;
  first: number;
  last: number;
  /** Periods of the run in which the owner acted on the row themselves. */
  active: number;
}

export function runsOf(owners: readonly PeriodOwner[]): Run[] {
  const runs: Run[] = [];
  owners.forEach((owner, index) => {
    const current = runs[runs.length - 1];
    const active = owner.ownerActive ? 1 : 0;
    if (current !== undefined && current.ownerId === owner.ownerId) {
      current.last = index;
      current.active += active;
    } else {
      runs.push({ ownerId: owner.ownerId, first: index, last: index, active });
    }
  });
  return runs;
}

export const isHeld = (run: Run): run is Run & { ownerId: string } =>
  run.ownerId !== null && run.active >= HOLD_PERIODS;

/** The runs in which someone holds the row, in order. */
export function heldRuns(runs: readonly Run[]): (Run & { ownerId: string })[] {
  return runs.filter(isHeld);
}
