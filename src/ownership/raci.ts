// From events to RACI letters (DOMAIN.md): per row, a person's share = their weight / the row's human weight.
// A = the largest share if >= accountableShare (ties: smaller person id); R = others >= responsibleShare;
// C = >= consultedShare or commented on the row's issues; I = anyone else seen on the row's issues
// (assignee, reporter or creator of one, commenter, or actor of any event on one). Automation never holds a letter.
//
// The whole map and every board's map come from one pass over the events: an event's boards are its issue's
// boards, so what is known per issue (rows touched, people acting) is the same in every map the issue is in.
import type { Thresholds } from './config';
import {
  AUTOMATION_ID,
  type CommentEvent,
  type IssueTimeline,
  type ProductEvent,
  type RaciCell,
  type RaciMap,
  type RaciRow,
} from './model';
import { ROW_KEYS, type RowKey } from './rows';

interface Tally {
  weight: number;
  events: ProductEvent[];
}

interface RowTally {
  people: Map<string, Tally>;
  automationWeight: number;
  eventCount: number;
}

/** One map under construction: the whole scope, or one board. */
interface ScopeTally {
  rows: Record<RowKey, RowTally>;
  commenters: Record<RowKey, Set<string>>;
  seen: Record<RowKey, Set<string>>;
}

/** Per issue: which rows have events on it (bit per row), who acted on it (any row), the maps it counts in. */
interface IssueTally {
  rows: number;
  actors: string[];
  scopes: ScopeTally[];
}

const ROW_BIT: Readonly<Record<RowKey, number>> = Object.fromEntries(
  ROW_KEYS.map((k, i) => [k, 1 << i]),
) as Record<RowKey, number>;

function perRow<T>(make: () => T): Record<RowKey, T> {
  const out = {} as Record<RowKey, T>;
  for (const row of ROW_KEYS) out[row] = make();
  return out;
}

function newScope(): ScopeTally {
  return {
    rows: perRow(() => ({ people: new Map(), automationWeight: 0, eventCount: 0 })),
    commenters: perRow(() => new Set<string>()),
    seen: perRow(() => new Set<string>()),
  };
}

/** People attached to each issue without an event: creator, reporter and every assignee it had. */
export function issuePeopleOf(issues: ReadonlyMap<string, IssueTimeline>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, issue] of issues) {
    const people = new Set<string>();
    if (issue.creatorId !== AUTOMATION_ID) people.add(issue.creatorId);
    if (issue.reporterId !== null) people.add(issue.reporterId);
    for (const a of issue.assignees) if (a.accountId !== null) people.add(a.accountId);
    people.delete(AUTOMATION_ID);
    out.set(key, [...people]);
  }
  return out;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface RaciMaps {
  overall: RaciMap;
  byBoard: Map<number, RaciMap>;
}

/**
 * The RACI over all events and per board (squad), from each event's `boardIds`. Every board in `boardIds` gets a
 * map, empty rows included, so "no owner on board X" can be told from "board X not analysed". A comment counts
 * wherever its issue's events count.
 */
export function computeRaciMaps(
  events: readonly ProductEvent[],
  comments: readonly CommentEvent[],
  thresholds: Thresholds,
  boardIds: readonly number[] = [],
  issuePeople: ReadonlyMap<string, readonly string[]> = new Map(),
): RaciMaps {
  const overall = newScope();
  const boards = new Map<number, ScopeTally>();
  for (const id of [...new Set(boardIds)].sort((a, b) => a - b)) boards.set(id, newScope());
  // Boards arrays are shared between the events of an issue: resolve each distinct array to its scopes once.
  const scopesOf = new Map<readonly number[], ScopeTally[]>();
  const resolveScopes = (ids: readonly number[]): ScopeTally[] => {
    let scopes = scopesOf.get(ids);
    if (scopes === undefined) {
      scopes = [overall];
      for (const id of ids) {
        const board = boards.get(id);
        if (board !== undefined) scopes.push(board);
      }
      scopesOf.set(ids, scopes);
    }
    return scopes;
  };

  const byIssue = new Map<string, IssueTally>();
  for (const e of events) {
    const scopes = resolveScopes(e.boardIds);
    let issue = byIssue.get(e.issueKey);
    if (issue === undefined) {
      issue = { rows: 0, actors: [], scopes };
      byIssue.set(e.issueKey, issue);
    } else if (issue.scopes !== scopes) {
      // Normalised events of one issue share one boards array; hand-made ones may not: keep the union.
      issue.scopes = [...new Set([...issue.scopes, ...scopes])];
    }
    issue.rows |= ROW_BIT[e.row];
    const human = e.actorId !== AUTOMATION_ID;
    // Few people act on one issue: a small array beats a Set per issue.
    if (human && !issue.actors.includes(e.actorId)) issue.actors.push(e.actorId);
    for (const scope of scopes) {
      const t = scope.rows[e.row];
      t.eventCount += 1;
      if (!human) {
        t.automationWeight += e.weight;
        continue;
      }
      let tally = t.people.get(e.actorId);
      if (tally === undefined) {
        tally = { weight: 0, events: [] };
        t.people.set(e.actorId, tally);
      }
      tally.weight += e.weight;
      tally.events.push(e);
    }
  }

  // Commenters on, and people seen on, each row's issues.
  for (const c of comments) {
    if (c.actorId === AUTOMATION_ID) continue;
    const issue = byIssue.get(c.issueKey);
    if (issue === undefined) continue;
    for (const scope of issue.scopes) {
      for (const row of ROW_KEYS) if (issue.rows & ROW_BIT[row]) scope.commenters[row].add(c.actorId);
    }
  }
  for (const [issueKey, issue] of byIssue) {
    const attached = issuePeople.get(issueKey);
    for (const scope of issue.scopes) {
      for (const row of ROW_KEYS) {
        if ((issue.rows & ROW_BIT[row]) === 0) continue;
        const set = scope.seen[row];
        for (const id of issue.actors) set.add(id);
        if (attached !== undefined) for (const id of attached) set.add(id);
      }
    }
  }

  const toMap = (scope: ScopeTally): RaciMap => {
    const map = {} as RaciMap;
    for (const row of ROW_KEYS) {
      map[row] = rowOf(row, scope.rows[row], scope.commenters[row], scope.seen[row], thresholds);
    }
    return map;
  };
  const byBoard = new Map<number, RaciMap>();
  for (const [id, scope] of boards) byBoard.set(id, toMap(scope));
  return { overall: toMap(overall), byBoard };
}

export function computeRaci(
  events: readonly ProductEvent[],
  comments: readonly CommentEvent[],
  thresholds: Thresholds,
  issuePeople: ReadonlyMap<string, readonly string[]> = new Map(),
): RaciMap {
  return computeRaciMaps(events, comments, thresholds, [], issuePeople).overall;
}

/** Per board only (computeRaciMaps gives the overall map from the same pass). */
export function computeRaciByBoard(
  events: readonly ProductEvent[],
  comments: readonly CommentEvent[],
  thresholds: Thresholds,
  boardIds: readonly number[],
  issuePeople: ReadonlyMap<string, readonly string[]> = new Map(),
): Map<number, RaciMap> {
  return computeRaciMaps(events, comments, thresholds, boardIds, issuePeople).byBoard;
}

/** A cell whose event ids are made only when asked for (a big site has a million events). */
function cellOf(
  personId: string,
  weight: number,
  share: number,
  commented: boolean,
  events: ProductEvent[],
): RaciCell {
  let ids: string[] | undefined;
  return {
    personId,
    weight,
    share,
    eventCount: events.length,
    commented,
    letter: 'I',
    get eventIds(): string[] {
      ids ??= events.map((e) => e.id);
      return ids;
    },
    events,
  };
}

function rowOf(
  row: RowKey,
  t: RowTally,
  commenters: ReadonlySet<string>,
  seen: ReadonlySet<string>,
  thresholds: Thresholds,
): RaciRow {
  let totalWeight = 0;
  // Summed in id order so floating-point totals never depend on event order.
  const ids = [...t.people.keys()].sort(compareIds);
  for (const id of ids) totalWeight += (t.people.get(id) as Tally).weight;
  const cells: RaciCell[] = [];
  for (const id of ids) {
    const tally = t.people.get(id) as Tally;
    const share = totalWeight > 0 ? tally.weight / totalWeight : 0;
    cells.push(cellOf(id, tally.weight, share, commenters.has(id), tally.events));
  }
  const others = new Set([...commenters, ...seen]);
  for (const id of [...others].sort(compareIds)) {
    if (t.people.has(id)) continue;
    cells.push(cellOf(id, 0, 0, commenters.has(id), []));
  }
  cells.sort((a, b) => b.share - a.share || compareIds(a.personId, b.personId));

  let accountableId: string | null = null;
  cells.forEach((cell, index) => {
    if (index === 0 && cell.weight > 0 && cell.share >= thresholds.accountableShare) {
      cell.letter = 'A';
      accountableId = cell.personId;
    } else if (cell.weight > 0 && cell.share >= thresholds.responsibleShare) {
      cell.letter = 'R';
    } else if ((cell.weight > 0 && cell.share >= thresholds.consultedShare) || cell.commented) {
      cell.letter = 'C';
    } else {
      cell.letter = 'I';
    }
  });
  return {
    row,
    totalWeight,
    automationWeight: t.automationWeight,
    eventCount: t.eventCount,
    accountableId,
    cells,
  };
}
