// The site-wide facts the analysis needs beside the issues — fields, statuses, each project's boards, each board's
// sprints — stored whole under one key each, and the stored scope read back as the SiteData the analysis takes.
import { z } from 'zod';
import {
  BoardSchema,
  FieldListSchema,
  SprintSchema,
  StatusListSchema,
  type JiraBoard,
  type JiraField,
  type JiraIssue,
  type JiraSprint,
  type JiraStatus,
} from '../jira/schemas';
import type { DataGap, SiteData } from '../jira/site';
import { readProjectRecords } from './issues';
import { unpackIssue, type StoredIssue } from './records';
import type { Storage } from './storage';

const FIELDS_KEY = 'site:fields';
const STATUSES_KEY = 'site:statuses';
const boardsKey = (project: string) => `boards:${project}`;
const sprintsKey = (boardId: number) => `sprints:${boardId}`;

const BoardListSchema = z.array(BoardSchema);
const SprintListSchema = z.array(SprintSchema);

export async function putSiteFacts(
  storage: Storage,
  facts: { fields: JiraField[]; statuses: JiraStatus[] },
): Promise<void> {
  await storage.putWhole(FIELDS_KEY, facts.fields);
  await storage.putWhole(STATUSES_KEY, facts.statuses);
}

export async function putProjectBoards(
  storage: Storage,
  project: string,
  boards: JiraBoard[],
  sprints: Record<string, JiraSprint[]>,
): Promise<void> {
  await storage.putWhole(boardsKey(project), boards);
  for (const board of boards) await storage.putWhole(sprintsKey(board.id), sprints[String(board.id)] ?? []);
}

export async function readStoredFields(storage: Storage): Promise<JiraField[] | undefined> {
  return storage.getWhole(FIELDS_KEY, FieldListSchema);
}

type Scope = { projects: readonly string[]; boards?: readonly number[] };

/**
 * The stored scope as SiteData: what `readScope` would have read from Jira when the store was last synced,
 * issues in key order. `gaps` are the sync's own (e.g. a project whose backfill has not finished).
 */
export async function readStoredSite(
  storage: Storage,
  scope: Scope,
  baseUrl: string,
  gaps: DataGap[] = [],
): Promise<SiteData> {
  const issues: JiraIssue[] = [];
  const site = await readStoredRecords(storage, scope, baseUrl, gaps, (record) =>
    issues.push(unpackIssue(record)),
  );
  return { ...site, issues };
}

/** The stored scope's site facts, each stored record handed to `onRecord` as it is read (still packed). */
export async function readStoredRecords(
  storage: Storage,
  scope: Scope,
  baseUrl: string,
  gaps: DataGap[],
  onRecord: (record: StoredIssue) => void,
): Promise<Omit<SiteData, 'issues'>> {
  const fields = (await storage.getWhole(FIELDS_KEY, FieldListSchema)) ?? [];
  const statuses = (await storage.getWhole(STATUSES_KEY, StatusListSchema)) ?? [];
  const boards = new Map<number, JiraBoard>();
  for (const project of scope.projects) {
    for await (const record of readProjectRecords(storage, project)) onRecord(record);
    for (const board of (await storage.getWhole(boardsKey(project), BoardListSchema)) ?? []) {
      if (!boards.has(board.id)) boards.set(board.id, board);
    }
  }
  const chosen =
    scope.boards === undefined ? [...boards.values()] : scope.boards.flatMap((id) => boards.get(id) ?? []);
  const sprints: Record<string, JiraSprint[]> = {};
  for (const board of chosen) {
    if (board.type === 'kanban') continue;
    sprints[String(board.id)] = (await storage.getWhole(sprintsKey(board.id), SprintListSchema)) ?? [];
  }
  return { baseUrl, fields, statuses, boards: chosen, sprints, gaps };
}
