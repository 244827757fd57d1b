// Each row states its owner in words (issue 13: a product lead reads "Owner: Priya Raman, 87 % · 231 events"
// without decoding a grid), for the whole map and for each board (the "by squad" view).
import { NO_ACTIVITY_TEXT, type RowOwner } from '../../contract/analysis';
import type { RaciRow } from '../model';
import { percent, percentBelow, plural } from '../warnings/wording';
import { share4 } from './numbers';

export interface OwnerNames {
  /** The id the result shows a person under: their own, or their folded column's. */
  shownId: (personId: string) => string;
  /** The name of a shown id (a person's distinct name, or "Team (5 people)"). */
  nameOf: (shownId: string) => string;
}

export function rowOwner(
  row: RaciRow,
  accountableShare: number,
  names: OwnerNames,
): { owner: RowOwner | null; ownerText: string } {
  const a = row.accountableId === null ? undefined : row.cells.find((c) => c.personId === row.accountableId);
  if (a !== undefined) {
    const personId = names.shownId(a.personId);
    return {
      owner: { personId, share: share4(a.share), eventCount: a.eventCount },
      ownerText: `Owner: ${names.nameOf(personId)}, ${percent(a.share)} · ${plural(a.eventCount, 'event')}`,
    };
  }
  // Cells are sorted by share: the first is the largest, and a share under the threshold never reads as it.
  const top = row.cells[0];
  if (top === undefined || top.weight <= 0) return { owner: null, ownerText: NO_ACTIVITY_TEXT };
  return {
    owner: null,
    ownerText:
      `No clear owner: the largest share is ${percentBelow(top.share, accountableShare)} ` +
      `(an owner needs ${percent(accountableShare)})`,
  };
}
