// Accretion (DOMAIN.md): one person becomes accountable for a further row while keeping the rows they held — the
// PM who took acceptance over when the PO left. Within one scope (the site, or one board): a held run of the new
// row starts while the person has already held another row for HOLD_PERIODS periods and still holds it then.
// Rows held together from the first period on are not an accretion: nothing was taken on later; nor is taking
// back a row the person held before (after a cover or a gap): that row is not new to them.
import type { RowKey } from '../rows';
import type { PeriodOwner } from './period-owners';
import { HOLD_PERIODS, heldRuns, runsOf } from './runs';

export interface Accretion {
  personId: string;
  row: RowKey;
  /** Index of the first period the person held the new row. */
  sinceIndex: number;
  share: number;
  keptRows: RowKey[];
}

/** `owners`: one scope's sequences, every row over the same periods. */
export function accretionsOf(owners: ReadonlyMap<RowKey, readonly PeriodOwner[]>): Accretion[] {
  const held = new Map([...owners].map(([row, sequence]) => [row, heldRuns(runsOf(sequence))]));
  const out: Accretion[] = [];
  for (const [row, runs] of held) {
    for (const [index, run] of runs.entries()) {
      if (runs.slice(0, index).some((earlier) => earlier.ownerId === run.ownerId)) continue;
      const kept: RowKey[] = [];
      for (const [other, otherRuns] of held) {
        if (other === row) continue;
        const keeps = otherRuns.some(
          (r) => r.ownerId === run.ownerId && r.first <= run.first - HOLD_PERIODS && r.last >= run.first,
        );
        if (keeps) kept.push(other);
      }
      if (kept.length === 0) continue;
      out.push({
        personId: run.ownerId,
        row,
        sinceIndex: run.first,
        share: owners.get(row)![run.first]!.share ?? 0,
        keptRows: kept,
      });
    }
  }
  return out;
}
