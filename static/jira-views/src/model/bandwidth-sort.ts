// Sorting and filtering the bandwidth rows: by any column, either direction, ties broken by name so the order is
// stable; "product people only" keeps the PM-like, PO-like and PM/PO rows.
import type { BandwidthPersonRow } from './bandwidth-table';

export const BANDWIDTH_SORT_KEYS = [
  'name',
  'role',
  'strategic',
  'tactical',
  'delivery',
  'tacticalOfProduct',
  'trend',
] as const;
export type BandwidthSortKey = (typeof BANDWIDTH_SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface BandwidthSort {
  key: BandwidthSortKey;
  direction: SortDirection;
}

/** Text columns sort as text; figure columns as numbers, a missing figure after every present one. */
function valueOf(row: BandwidthPersonRow, key: BandwidthSortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'role':
      return row.roleLabel;
    case 'strategic':
      return row.strategicShare;
    case 'tactical':
      return row.tacticalShare;
    case 'delivery':
      return row.deliveryShare;
    case 'tacticalOfProduct':
      return row.tacticalShareOfProduct;
    case 'trend':
      // The change of the strategic share from the first to the last active period: collapses sort first ascending.
      return row.trendFirst === null || row.trendLast === null ? null : row.trendLast - row.trendFirst;
  }
}

export function sortBandwidthRows(
  rows: readonly BandwidthPersonRow[],
  sort: BandwidthSort,
): BandwidthPersonRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.key);
    const y = valueOf(b, sort.key);
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    let order = 0;
    if (typeof x === 'string' && typeof y === 'string') order = x.localeCompare(y);
    else if (typeof x === 'number' && typeof y === 'number') order = x - y;
    return sign * order || a.name.localeCompare(b.name) || (a.personId < b.personId ? -1 : 1);
  });
}

export function filterBandwidthRows(
  rows: readonly BandwidthPersonRow[],
  productPeopleOnly: boolean,
): BandwidthPersonRow[] {
  return productPeopleOnly ? rows.filter((row) => row.productPerson) : [...rows];
}

/** A click on a header: a new column starts ascending for text and descending for figures; the same one flips. */
export function nextSort(current: BandwidthSort, key: BandwidthSortKey): BandwidthSort {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: key === 'name' || key === 'role' ? 'ascending' : 'descending' };
}
