// Ownership over time (DOMAIN.md): per row that has an owner in the map's sense (strategic and tactical rows:
// delivery is the team's, and the map never ranks engineers), site-wide over calendar months and per board over its
// sprints, who is accountable in each period; then the handovers, gaps and accretions read from those sequences.
// One pass over the window's events fills every period's tally.
import { AUTOMATION_ID, type ProductEvent, type SprintInfo } from '../model';
import { ROWS, type RowKey } from '../rows';
import type { ResolvedWindow } from '../window';
import { accretionsOf, type Accretion } from './accretions';
import { handoversOf, type Handover } from './handovers';
import { ownershipGapsOf, type OwnershipGap } from './ownership-gaps';
import { Bucket, newestOf, periodOwners, type PeriodOwner } from './period-owners';
import { monthPeriods, periodIndexOf, sprintPeriods, type Period } from './periods';

export const TIMELINE_ROWS: readonly RowKey[] = ROWS.filter((r) => r.layer !== 'delivery').map((r) => r.key);

export interface ScopeOverTime {
  /** null: the whole scope, over calendar months. */
  boardId: number | null;
  periods: Period[];
  owners: Map<RowKey, PeriodOwner[]>;
  buckets: Map<RowKey, Bucket[]>;
  handovers: Map<RowKey, Handover[]>;
  gaps: Map<RowKey, OwnershipGap[]>;
  accretions: Accretion[];
}

export interface OverTimeInput {
  /** The window's events. */
  events: readonly ProductEvent[];
  window: ResolvedWindow;
  /** The boards in scope with their sprints; a board without sprints is cut into months. */
  sprintsByBoard: ReadonlyMap<number, readonly SprintInfo[]>;
  accountableShare: number;
  /** How the result names a person (people who only deliver are the team). */
  present: (personId: string) => string;
}

function firstEventAt(events: readonly ProductEvent[]): number | null {
  let first: number | null = null;
  for (const e of events) if (first === null || e.at < first) first = e.at;
  return first;
}

export function ownershipOverTime(input: OverTimeInput): ScopeOverTime[] {
  const { events, window } = input;
  const start = window.from ?? firstEventAt(events);
  if (start === null) return [];
  const scopes: { boardId: number | null; periods: Period[]; buckets: Map<RowKey, Bucket[]> }[] = [];
  const make = (boardId: number | null, periods: Period[]) => {
    const buckets = new Map(TIMELINE_ROWS.map((row) => [row, periods.map(() => new Bucket())]));
    const scope = { boardId, periods, buckets };
    scopes.push(scope);
    return scope;
  };
  const site = make(null, monthPeriods(start, window.to));
  const boards = new Map<number, (typeof scopes)[number]>();
  for (const [boardId, sprints] of [...input.sprintsByBoard].sort(([a], [b]) => a - b)) {
    const periods = sprintPeriods(sprints, window.from, window.to);
    boards.set(boardId, make(boardId, periods.length > 0 ? periods : monthPeriods(start, window.to)));
  }

  const add = (scope: (typeof scopes)[number], e: ProductEvent) => {
    const index = periodIndexOf(scope.periods, e.at);
    if (index === -1) return;
    scope.buckets.get(e.row)![index]!.add(e);
  };
  for (const e of events) {
    // Automation never holds a row; delivery is not a row anyone owns.
    if (e.row === 'delivery' || e.actorId === AUTOMATION_ID) continue;
    add(site, e);
    for (const boardId of e.boardIds) {
      const scope = boards.get(boardId);
      if (scope !== undefined) add(scope, e);
    }
  }

  return scopes.map(({ boardId, periods, buckets }) => {
    const owners = new Map(
      TIMELINE_ROWS.map((row) => [
        row,
        periodOwners(periods, buckets.get(row)!, input.accountableShare, input.present),
      ]),
    );
    return {
      boardId,
      periods,
      owners,
      buckets,
      handovers: new Map(TIMELINE_ROWS.map((row) => [row, handoversOf(owners.get(row)!)])),
      gaps: new Map(TIMELINE_ROWS.map((row) => [row, ownershipGapsOf(owners.get(row)!)])),
      accretions: accretionsOf(owners),
    };
  });
}

/**
 * The human events by `people` on a row in the rolling window that decides period `index`: how many, and the
 * newest EVIDENCE_CAP of them, newest first.
 */
export function eventsBehind(
  scope: ScopeOverTime,
  row: RowKey,
  index: number,
  people: ReadonlySet<string>,
  present: (personId: string) => string,
  rollingPeriods: number,
): { total: number; newest: ProductEvent[] } {
  let total = 0;
  const newest: ProductEvent[] = [];
  const buckets = scope.buckets.get(row)!;
  for (let i = Math.max(0, index - rollingPeriods + 1); i <= index; i++) {
    const behind = (buckets[i] as Bucket).eventsOf((id) => people.has(present(id)));
    total += behind.total;
    for (const e of behind.newest) newest.push(e);
  }
  return { total, newest: newestOf(newest) };
}
