// From events to RACI letters (DOMAIN.md): per row, a person's share = their weight / the row's human weight.
// A = the largest share if >= accountableShare (ties: smaller person id); R = others >= responsibleShare;
// C = >= consultedShare, or commented on at least CONSULTED_COMMENT_SHARE of the row's issues and on at least
// CONSULTED_COMMENT_ISSUES of them (a single comment does not make anyone consulted); I = anyone else seen on the
// row's issues (assignee, reporter or creator of one, commenter, or actor of any event on one). Automation never
// holds a letter.
//
// The whole map and every board's map come from one pass over the events: an event's boards are its issue's
// boards, so what is known per issue (rows touched, people acting) is the same in every map the issue is in.
import { CONSULTED_COMMENT_ISSUES, CONSULTED_COMMENT_SHARE, type Thresholds } from './config';
import {
  AUTOMATION_ID,
  type CommentEvent,
  type IssueTimeline,
  type ProductEvent,
  type RaciCell,
  type RaciMap,
  type RaciRow,
} from './model';
import { CellEvidence } from './cell-evidence';
import { ROW_KEYS, type RowKey } from './rows';

interface Tally {
  weight: number;
  count: number;
  /**
   * Overall map only: the events, and their evidence gathered while they are at hand (the result shows it). A
   * board's cell picks its events out of the overall cell when asked: few are ever asked for, and keeping a list per
   * board would hold every event once more per board its issue is on.
   */
  events: ProductEvent[] | null;
  evidence: CellEvidence | null;
}

interface RowTally {
  people: Map<string, Tally>;
  automationWeight: number;
  eventCount: number;
  /** Issues with any event of the row (automation's included): what a commenter's share of issues is out of. */
  issueCount: number;
}

/** One map under construction: the whole scope, or one board. */
interface ScopeTally {
  rows: Record<RowKey, RowTally>;
  /** Per person, on how many of each row's issues (by row index) they commented: one count per person and issue. */
  commented: Map<string, number[]>;
  /** Per person, the rows (bits) on whose issues they were seen: one update per person and issue. */
  seen: Map<string, number>;
}

/** Per issue: which rows have events on it (bit per row), who acted on it (any row), the maps it counts in. */
interface IssueTally {
  rows: number;
  /** Rows with an event by a person (not automation) on it. */
  humanRows: number;
  actors: string[];
  /** People who commented on the issue, each once however many comments they wrote. */
  commenters: string[];
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
    rows: perRow(() => ({ people: new Map(), automationWeight: 0, eventCount: 0, issueCount: 0 })),
    commented: new Map(),
    seen: new Map(),
  };
}

function addRows(into: Map<string, number>, personId: string, rows: number): void {
  into.set(personId, (into.get(personId) ?? 0) | rows);
}

/** The people whose bits include the row's. */
function peopleWithRow(byPerson: ReadonlyMap<string, number>, row: RowKey): Set<string> {
  const out = new Set<string>();
  const bit = ROW_BIT[row];
  for (const [id, rows] of byPerson) if (rows & bit) out.add(id);
  return out;
}

/** Per person, on how many of the row's issues they commented (people with at least one). */
function commentCountsOf(byPerson: ReadonlyMap<string, readonly number[]>, row: RowKey): Map<string, number> {
  const out = new Map<string, number>();
  const r = ROW_KEYS.indexOf(row);
  for (const [id, counts] of byPerson) {
    const n = counts[r] ?? 0;
    if (n > 0) out.set(id, n);
  }
  return out;
}

/** People attached to each issue without an event: creator, reporter and every assignee it had. */
export function issuePeopleOf(issues: ReadonlyMap<string, IssueTimeline>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // Few people per issue: a small array with `includes` beats a Set per issue.
  const add = (people: string[], id: string | null) => {
    if (id !== null && id !== AUTOMATION_ID && !people.includes(id)) people.push(id);
  };
  for (const [key, issue] of issues) {
    const people: string[] = [];
    add(people, issue.creatorId);
    add(people, issue.reporterId);
    const assignees = issue.assignees;
    for (let i = 0; i < assignees.length; i++)
      add(people, (assignees[i] as (typeof assignees)[number]).accountId);
    out.set(key, people);
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
  // Normalised events come grouped by issue: look the issue (and its boards' scopes) up only when it changes.
  let issueKey: string | null = null;
  let issue: IssueTally | undefined;
  let boardsOfLast: readonly number[] | null = null;
  let scopes: ScopeTally[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ProductEvent;
    // Each property read once: normalised events read them through shared objects.
    const row = e.row;
    const actorId = e.actorId;
    const weight = e.weight;
    const boardsOfEvent = e.boardIds;
    if (boardsOfEvent !== boardsOfLast) {
      boardsOfLast = boardsOfEvent;
      scopes = resolveScopes(boardsOfEvent);
    }
    if (e.issueKey !== issueKey || issue === undefined) {
      issueKey = e.issueKey;
      issue = byIssue.get(issueKey);
      if (issue === undefined) {
        issue = { rows: 0, humanRows: 0, actors: [], commenters: [], scopes };
        byIssue.set(issueKey, issue);
      }
    }
    if (issue.scopes !== scopes) {
      // Normalised events of one issue share one boards array; hand-made ones may not: keep the union.
      issue.scopes = [...new Set([...issue.scopes, ...scopes])];
    }
    const bit = ROW_BIT[row];
    issue.rows |= bit;
    const human = actorId !== AUTOMATION_ID;
    if (human) issue.humanRows |= bit;
    // Few people act on one issue: a small array beats a Set per issue.
    if (human && !issue.actors.includes(actorId)) issue.actors.push(actorId);
    for (let s = 0; s < scopes.length; s++) {
      const scope = scopes[s] as ScopeTally;
      const t = scope.rows[row];
      t.eventCount += 1;
      if (!human) {
        t.automationWeight += weight;
        continue;
      }
      let tally = t.people.get(actorId);
      if (tally === undefined) {
        tally =
          scope === overall
            ? { weight: 0, count: 0, events: [], evidence: new CellEvidence() }
            : { weight: 0, count: 0, events: null, evidence: null };
        t.people.set(actorId, tally);
      }
      tally.weight += weight;
      tally.count += 1;
      if (tally.events !== null) {
        tally.events.push(e);
        tally.evidence?.push(e);
      }
    }
  }

  // Commenters on each issue, once per person (ten comments on one issue are one issue commented on).
  for (const c of comments) {
    if (c.actorId === AUTOMATION_ID) continue;
    const issue = byIssue.get(c.issueKey);
    if (issue !== undefined && !issue.commenters.includes(c.actorId)) issue.commenters.push(c.actorId);
  }
  // One pass over the issues (forEach and indexed loops: no step objects for tens of thousands of issues): the
  // people seen on them, and per row the issues with an event by a person (every issue is in the overall map).
  const issuesWithPeople = ROW_KEYS.map(() => 0);
  byIssue.forEach((issue, issueKey) => {
    const attached = issuePeople.get(issueKey);
    for (let s = 0; s < issue.scopes.length; s++) {
      const scope = issue.scopes[s] as ScopeTally;
      const seen = scope.seen;
      for (let i = 0; i < issue.actors.length; i++) addRows(seen, issue.actors[i] as string, issue.rows);
      if (attached !== undefined) {
        for (let i = 0; i < attached.length; i++) addRows(seen, attached[i] as string, issue.rows);
      }
      for (let i = 0; i < issue.commenters.length; i++)
        addRows(seen, issue.commenters[i] as string, issue.rows);
      for (let r = 0; r < ROW_KEYS.length; r++) {
        if (!(issue.rows & (1 << r))) continue;
        scope.rows[ROW_KEYS[r] as RowKey].issueCount += 1;
        for (let i = 0; i < issue.commenters.length; i++) {
          const id = issue.commenters[i] as string;
          let counts = scope.commented.get(id);
          if (counts === undefined) {
            counts = ROW_KEYS.map(() => 0);
            scope.commented.set(id, counts);
          }
          counts[r] = (counts[r] as number) + 1;
        }
      }
    }
    for (let r = 0; r < ROW_KEYS.length; r++) {
      if (issue.humanRows & (1 << r)) issuesWithPeople[r] = (issuesWithPeople[r] as number) + 1;
    }
  });

  const toMap = (scope: ScopeTally, board: number | null): RaciMap => {
    const map = {} as RaciMap;
    for (const row of ROW_KEYS) {
      const commenters = commentCountsOf(scope.commented, row);
      const seen = peopleWithRow(scope.seen, row);
      const events =
        board === null
          ? (tally: Tally) => tally.events ?? []
          : (_: Tally, personId: string) => boardEvents(overall.rows[row].people.get(personId), board);
      map[row] = rowOf(row, scope.rows[row], commenters, seen, thresholds, events);
    }
    return map;
  };
  const byBoard = new Map<number, RaciMap>();
  for (const [id, scope] of boards) byBoard.set(id, toMap(scope, id));
  const overallMap = toMap(overall, null);
  ROW_KEYS.forEach((row, r) => (overallMap[row].issueCount = issuesWithPeople[r]));
  return { overall: overallMap, byBoard };
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

/**
 * A board cell's events: those of the person's overall cell whose issue is on the board, each as many times as
 * the board is listed for it (as the board's tally counted them), in the same order.
 */
function boardEvents(overall: Tally | undefined, board: number): ProductEvent[] {
  const out: ProductEvent[] = [];
  for (const e of overall?.events ?? []) for (const b of e.boardIds) if (b === board) out.push(e);
  return out;
}

/**
 * A cell whose events (board cells) and event ids are made each time they are asked for, and not kept: a big site
 * has a million events, and a board cell's list is a filtered copy of its person's overall list (kept, they were
 * ~14 MB of a 50k-issue analysis); the few rules that read them ask once or twice.
 */
function cellOf(
  personId: string,
  weight: number,
  share: number,
  commentedIssues: number,
  eventCount: number,
  eventsOf: () => ProductEvent[],
  evidence: CellEvidence | null,
): RaciCell {
  const cell: RaciCell = {
    personId,
    weight,
    share,
    eventCount,
    commented: commentedIssues > 0,
    commentedIssues,
    letter: 'I',
    get eventIds(): string[] {
      return eventsOf().map((e) => e.id);
    },
    get events(): ProductEvent[] {
      return eventsOf();
    },
  };
  if (evidence !== null) cell.evidence = evidence.close();
  return cell;
}

const NO_EVENTS = (): ProductEvent[] => [];

function rowOf(
  row: RowKey,
  t: RowTally,
  commenters: ReadonlyMap<string, number>,
  seen: ReadonlySet<string>,
  thresholds: Thresholds,
  eventsOf: (tally: Tally, personId: string) => ProductEvent[],
): RaciRow {
  let totalWeight = 0;
  // Summed in id order so floating-point totals never depend on event order.
  const ids = [...t.people.keys()].sort(compareIds);
  for (const id of ids) totalWeight += (t.people.get(id) as Tally).weight;
  const cells: RaciCell[] = [];
  for (const id of ids) {
    const tally = t.people.get(id) as Tally;
    const share = totalWeight > 0 ? tally.weight / totalWeight : 0;
    const events = () => eventsOf(tally, id);
    cells.push(cellOf(id, tally.weight, share, commenters.get(id) ?? 0, tally.count, events, tally.evidence));
  }
  // `seen` holds the commenters too.
  for (const id of [...seen].sort(compareIds)) {
    if (t.people.has(id)) continue;
    cells.push(cellOf(id, 0, 0, commenters.get(id) ?? 0, 0, NO_EVENTS, null));
  }
  const consultedByComments = (n: number) =>
    n >= CONSULTED_COMMENT_ISSUES && n >= CONSULTED_COMMENT_SHARE * t.issueCount;
  cells.sort((a, b) => b.share - a.share || compareIds(a.personId, b.personId));

  let accountableId: string | null = null;
  cells.forEach((cell, index) => {
    if (index === 0 && cell.weight > 0 && cell.share >= thresholds.accountableShare) {
      cell.letter = 'A';
      accountableId = cell.personId;
    } else if (cell.weight > 0 && cell.share >= thresholds.responsibleShare) {
      cell.letter = 'R';
    } else if (
      (cell.weight > 0 && cell.share >= thresholds.consultedShare) ||
      consultedByComments(cell.commentedIssues)
    ) {
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
