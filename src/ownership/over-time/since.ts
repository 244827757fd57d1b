// Since when a person holds a row: the first period of the run of theirs that reaches the last period, so the
// warnings that depend on time can say so ("…since Jul 2026"). Undefined when they do not hold it at the end.
import type { RowKey } from '../rows';
import type { Period } from './periods';
import { runsOf } from './runs';
import type { ScopeOverTime } from './timeline';

export function heldSince(scope: ScopeOverTime, row: RowKey, personId: string): Period | undefined {
  const owners = scope.owners.get(row);
  if (owners === undefined || owners.length === 0) return undefined;
  const last = runsOf(owners).at(-1);
  if (last === undefined || last.ownerId !== personId) return undefined;
  return scope.periods[last.first];
}

/** The scope a scope-wide rule speaks of: the one board when the map covers one, else the whole site. */
export function mainScope(scopes: readonly ScopeOverTime[]): ScopeOverTime | undefined {
  const boards = scopes.filter((s) => s.boardId !== null);
  return boards.length === 1 ? boards[0] : scopes.find((s) => s.boardId === null);
}
