// Sprints and boards: the sprint list (agile API plus what issues' Sprint fields reveal), an issue's sprint ids
// from its Sprint field (Cloud objects or Server "Sprint@…[id=…]" strings), and which boards an issue belongs to.
import type { JiraBoard, JiraSprint } from '../../jira/schemas';
import type { BoardInfo, SprintInfo } from '../model';
import { parseJiraTime } from './time';

export function parseTime(value: unknown): number | null {
  if (typeof value !== 'string' || value === '' || value === '<null>') return null;
  const t = parseJiraTime(value);
  return Number.isNaN(t) ? null : t;
}

/** One sprint as an issue's Sprint field describes it. */
export interface SprintSighting {
  id: number;
  boardId: number | null;
  name: string | null;
  state: string | null;
  start: number | null;
  end: number | null;
  complete: number | null;
}

const SERVER_SPRINT = /\[(.*)\]\s*$/;

function serverSprint(text: string): SprintSighting | null {
  const body = SERVER_SPRINT.exec(text)?.[1];
  if (body === undefined) return null;
  const values = new Map<string, string>();
  // "id=1,rapidViewId=2,state=CLOSED,name=Sprint 1, with comma,startDate=…": keys are known, names may hold commas.
  for (const match of body.matchAll(/(?:^|,)(\w+)=((?:(?!,\w+=).)*)/g)) {
    if (match[1] !== undefined) values.set(match[1], match[2] ?? '');
  }
  const id = Number(values.get('id'));
  if (!Number.isInteger(id)) return null;
  const board = Number(values.get('rapidViewId'));
  return {
    id,
    boardId: Number.isInteger(board) && board > 0 ? board : null,
    name: values.get('name') ?? null,
    state: values.get('state')?.toLowerCase() ?? null,
    start: parseTime(values.get('startDate')),
    end: parseTime(values.get('endDate')),
    complete: parseTime(values.get('completeDate')),
  };
}

/** The sprints an issue's Sprint field holds; tolerant of null, a single value, objects or Server strings. */
export function parseSprintField(value: unknown): SprintSighting[] {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: SprintSighting[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') {
      const parsed = serverSprint(entry);
      if (parsed) out.push(parsed);
    } else if (typeof entry === 'number' && Number.isInteger(entry)) {
      out.push({ id: entry, boardId: null, name: null, state: null, start: null, end: null, complete: null });
    } else if (typeof entry === 'object' && entry !== null) {
      const o = entry as Record<string, unknown>;
      const id = typeof o.id === 'number' ? o.id : Number(o.id);
      if (!Number.isInteger(id)) continue;
      const board = typeof o.boardId === 'number' ? o.boardId : Number(o.boardId ?? o.originBoardId);
      out.push({
        id,
        boardId: Number.isInteger(board) && board > 0 ? board : null,
        name: typeof o.name === 'string' ? o.name : null,
        state: typeof o.state === 'string' ? o.state.toLowerCase() : null,
        start: parseTime(o.startDate),
        end: parseTime(o.endDate),
        complete: parseTime(o.completeDate),
      });
    }
  }
  return out;
}

/** Sprint ids in a Sprint change item ("12, 13"); names are not ids, so non-numbers are skipped. */
export function parseSprintIds(value: string | null | undefined): number[] {
  if (!value) return [];
  // Exact-size arrays: these lists live in every issue timeline. A plain loop: a big site has a hundred thousand
  // of these values, mostly a single id.
  if (!value.includes(',')) {
    const part = value.trim();
    const id = Number(part);
    return part !== '' && Number.isInteger(id) ? [id] : [];
  }
  const out: number[] = [];
  for (const raw of value.split(',')) {
    const part = raw.trim();
    const id = Number(part);
    if (part !== '' && Number.isInteger(id)) out.push(id);
  }
  return out.slice();
}

/** Ascending numbers (a comparator made once rather than per call). */
export const byNumber = (a: number, b: number): number => a - b;

export function boardInfos(boards: readonly JiraBoard[]): BoardInfo[] {
  const byId = new Map<number, BoardInfo>();
  for (const b of boards) {
    const info: BoardInfo = { id: b.id, name: b.name };
    if (b.location?.projectKey !== undefined) info.projectKey = b.location.projectKey;
    byId.set(b.id, info);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/**
 * Every sprint known: the agile API's lists (authoritative), completed by what issue fields say about sprints the
 * API did not list (other boards, Server data). Sorted by id.
 */
export class SprintCatalogue {
  private readonly byId = new Map<number, SprintInfo>();
  private readonly fromApi = new Set<number>();

  constructor(sprintsByBoard: Record<string, readonly JiraSprint[]>) {
    for (const key of Object.keys(sprintsByBoard).sort()) {
      const boardKey = Number(key);
      for (const s of sprintsByBoard[key] ?? []) {
        const boardId = Number.isInteger(boardKey) ? boardKey : (s.originBoardId ?? 0);
        const existing = this.byId.get(s.id);
        // A sprint listed under two boards (shared sprints) belongs to its origin board.
        if (existing && s.originBoardId !== boardId) continue;
        this.byId.set(s.id, {
          id: s.id,
          boardId,
          name: s.name,
          state: s.state.toLowerCase(),
          start: parseTime(s.startDate),
          end: parseTime(s.endDate),
          complete: parseTime(s.completeDate),
        });
        this.fromApi.add(s.id);
      }
    }
  }

  /** Adds what an issue's Sprint field says, for sprints the API did not list; the first complete sighting wins. */
  see(s: SprintSighting): void {
    if (this.fromApi.has(s.id)) return;
    const existing = this.byId.get(s.id);
    const candidate: SprintInfo = {
      id: s.id,
      boardId: s.boardId ?? 0,
      name: s.name ?? `Sprint ${s.id}`,
      state: s.state ?? 'unknown',
      start: s.start,
      end: s.end,
      complete: s.complete,
    };
    // Deterministic whatever the issue order: keep the sighting that knows more, then the smaller board id.
    if (!existing || richer(candidate, existing)) this.byId.set(s.id, candidate);
  }

  get(id: number): SprintInfo | undefined {
    return this.byId.get(id);
  }

  list(): SprintInfo[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }
}

function known(s: SprintInfo): number {
  return (
    (s.boardId ? 1 : 0) +
    (s.start !== null ? 1 : 0) +
    (s.end !== null ? 1 : 0) +
    (s.complete !== null ? 1 : 0)
  );
}

function richer(a: SprintInfo, b: SprintInfo): boolean {
  const ka = known(a);
  const kb = known(b);
  if (ka !== kb) return ka > kb;
  return JSON.stringify(a) < JSON.stringify(b);
}

/** Board membership: a board located in the issue's project, or a board whose sprint the issue was ever in. */
export function boardsOfIssue(
  projectKey: string,
  sprintIds: Iterable<number>,
  boardsByProject: ReadonlyMap<string, readonly number[]>,
  sprints: SprintCatalogue,
  knownBoards: ReadonlySet<number>,
): number[] {
  const out = new Set<number>(boardsByProject.get(projectKey) ?? []);
  for (const id of sprintIds) {
    const board = sprints.get(id)?.boardId;
    if (board !== undefined && knownBoards.has(board)) out.add(board);
  }
  return [...out].sort(byNumber);
}
