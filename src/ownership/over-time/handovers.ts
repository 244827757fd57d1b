// A handover (DOMAIN.md): the accountable person of a row changes from X to Y, each having held it for at least
// HOLD_PERIODS periods. Unowned or briefly owned periods between them do not break it; the date is the start of
// the first period Y held it, the shares are X's in the last period X held it and Y's in the first Y held it.
import type { PeriodOwner } from './period-owners';
import { heldRuns, runsOf } from './runs';

export interface Handover {
  fromId: string;
  toId: string;
  /** Index of X's last held period and of Y's first. */
  fromIndex: number;
  toIndex: number;
  fromShare: number;
  toShare: number;
}

export function handoversOf(owners: readonly PeriodOwner[]): Handover[] {
  const held = heldRuns(runsOf(owners));
  const out: Handover[] = [];
  for (let i = 1; i < held.length; i++) {
    const before = held[i - 1]!;
    const after = held[i]!;
    if (before.ownerId === after.ownerId) continue;
    out.push({
      fromId: before.ownerId,
      toId: after.ownerId,
      fromIndex: before.last,
      toIndex: after.first,
      fromShare: owners[before.last]!.share ?? 0,
      toShare: owners[after.first]!.share ?? 0,
    });
  }
  return out;
}
