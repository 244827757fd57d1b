// Columns of the map (DOMAIN.md "Columns of the map"): a person gets their own column when they hold an A or R
// on a product row, or the evidence names them PM-like, PO-like or PM/PO. Everyone else folds into a group: people
// whose activity is mostly delivery into Team, people with no product activity (commenters, watchers, reporters)
// into Others. Roles, not rankings: a grid of twenty engineer columns full of C letters says nothing.
import type { RaciMap } from './model';
import type { ObservedRole, ObservedRoleKind } from './roles';
import { ROW_KEYS } from './rows';

export const MAP_COLUMNS = ['own', 'team', 'others'] as const;
export type MapColumn = (typeof MAP_COLUMNS)[number];
export type FoldedGroup = Exclude<MapColumn, 'own'>;

const PRODUCT_ROLES: ReadonlySet<ObservedRoleKind> = new Set<ObservedRoleKind>(['pm', 'po', 'pm-po']);

export interface ColumnInput {
  /** The map the columns are drawn for: the whole scope, or one board. */
  raci: RaciMap;
  roles: ReadonlyMap<string, ObservedRole>;
  /** People who deliver in that map's scope (a delivery event, or assignee of an issue in it). */
  deliveryPeople: ReadonlySet<string>;
  /** People the user declared as A or R of a declared row: the declaration gives them a column. */
  declaredHolders: ReadonlySet<string>;
}

/**
 * The group a person folds into, or null when they earn their own column. `delivery` is left out of "holds an
 * A or R": it is the team's own work, and on a squad of six every engineer holds an R of it.
 */
export function foldOf(input: ColumnInput): (personId: string) => FoldedGroup | null {
  const holders = new Set<string>(input.declaredHolders);
  for (const row of ROW_KEYS) {
    if (row === 'delivery') continue;
    for (const cell of input.raci[row].cells) {
      if (cell.letter === 'A' || cell.letter === 'R') holders.add(cell.personId);
    }
  }
  return (personId) => {
    if (holders.has(personId)) return null;
    const role = input.roles.get(personId)?.role ?? 'none';
    if (PRODUCT_ROLES.has(role)) return null;
    return role === 'engineer' || input.deliveryPeople.has(personId) ? 'team' : 'others';
  };
}

/** Where the map draws a person: delivery people get their own column when the user asked to see them. */
export function columnOf(fold: FoldedGroup | null, showDeliveryPeople: boolean): MapColumn {
  if (fold === null || (fold === 'team' && showDeliveryPeople)) return 'own';
  return fold;
}
