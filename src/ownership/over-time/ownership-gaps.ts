// A gap in ownership (DOMAIN.md): periods in which a row that had an accountable person has none. Only after a
// holder (see runs.ts): a row that never had an owner has no gap, it has no owner.
import type { PeriodOwner } from './period-owners';
import { isHeld, runsOf } from './runs';

export interface OwnershipGap {
  previousOwnerId: string;
  firstIndex: number;
  lastIndex: number;
  /** True when the row is still without owner in the last period. */
  ongoing: boolean;
}

export function ownershipGapsOf(owners: readonly PeriodOwner[]): OwnershipGap[] {
  const runs = runsOf(owners);
  const out: OwnershipGap[] = [];
  let holder: string | null = null;
  for (const run of runs) {
    if (run.ownerId !== null) {
      if (isHeld(run)) holder = run.ownerId;
      continue;
    }
    if (holder === null) continue;
    out.push({
      previousOwnerId: holder,
      firstIndex: run.first,
      lastIndex: run.last,
      ongoing: run.last === owners.length - 1,
    });
  }
  return out;
}
