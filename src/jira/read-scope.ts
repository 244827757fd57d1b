// Reads one scope (projects, optionally boards) into SiteData: the single entry point of resolvers, CLI and preview.
// Order: browse permission per project first, then fields and statuses, issues, every changelog, boards, sprints.
// Whatever cannot be read becomes a DataGap; a failure that leaves nothing trustworthy rejects with a JiraError.
import { withChangelogs } from './changelog';
import type { JiraClient } from './client';
import { isJiraError } from './errors';
import { issueFieldsToRequest, resolveProductFields, type ProductFieldOverrides } from './fields';
import type { JiraBoard, JiraIssue, JiraSprint } from './schemas';
import { scopeJql } from './search';
import type { DataGap, SiteData } from './site';

export interface ReadScope {
  /** Project keys. */
  projects: string[];
  /** Board ids to read with their sprints; when absent, every board of the projects. */
  boards?: number[];
  /** Only issues updated on or after this day (ISO date or date-time). */
  updatedSince?: string;
  /** Field ids the user chose over the resolved ones (two fields of one name are common). */
  fieldOverrides?: ProductFieldOverrides;
}

export type ReadPhase = 'permissions' | 'fields' | 'issues' | 'changelogs' | 'boards' | 'sprints';

export interface ReadProgress {
  phase: ReadPhase;
  done: number;
  total?: number;
}

export interface ReadScopeOptions {
  onProgress?(progress: ReadProgress): void;
  /** Overrides the client's baseUrl in the SiteData. */
  baseUrl?: string;
}

/** A project of the scope the viewer may not browse: it contributes this gap and nothing else. */
export function noAccessGap(project: string): DataGap {
  return { kind: 'no-access', message: `You cannot browse project ${project} in Jira.`, project };
}

/** A configured board that is not a board of a project the viewer may browse. */
export function boardOutOfReachGap(boardId: number): DataGap {
  return {
    kind: 'no-access',
    message: `Board ${boardId} is not a board of a project you can browse, so it is left out.`,
    boardId,
  };
}

export async function readScope(
  client: JiraClient,
  scope: ReadScope,
  options: ReadScopeOptions = {},
): Promise<SiteData> {
  const progress = options.onProgress ?? (() => {});
  const gaps: DataGap[] = [];
  const projects = [...new Set(scope.projects.map((key) => key.trim()).filter((key) => key.length > 0))];

  // 1. Permission first: a project the viewer cannot browse contributes a gap and nothing else.
  const browsable: string[] = [];
  progress({ phase: 'permissions', done: 0, total: projects.length });
  for (const [index, project] of projects.entries()) {
    if (await client.canBrowse(project)) browsable.push(project);
    else gaps.push(noAccessGap(project));
    progress({ phase: 'permissions', done: index + 1, total: projects.length });
  }

  // 2. Fields and statuses: the custom field ids to ask for, and the categories of historic statuses.
  progress({ phase: 'fields', done: 0, total: 2 });
  const fields = await client.getFields();
  progress({ phase: 'fields', done: 1, total: 2 });
  const statuses = await client.getStatuses();
  progress({ phase: 'fields', done: 2, total: 2 });
  const productFields = resolveProductFields(fields, scope.fieldOverrides);

  // 3. Issues (no total from search/jql, so progress counts up), 4. all their histories.
  let issues: JiraIssue[] = [];
  if (browsable.length > 0) {
    progress({ phase: 'issues', done: 0 });
    const found = await client.searchIssues(
      scopeJql(browsable, scope.updatedSince),
      issueFieldsToRequest(productFields),
      (done) => progress({ phase: 'issues', done }),
    );
    gaps.push(...found.gaps);
    const allowed = new Set(browsable.map((key) => key.toUpperCase()));
    issues = found.items.filter((issue) => allowed.has(issue.fields.project.key.toUpperCase()));

    progress({ phase: 'changelogs', done: 0, total: issues.length });
    const changelogs = await client.fetchChangelogs(
      issues.map((issue) => ({ id: issue.id, key: issue.key })),
      (done) => progress({ phase: 'changelogs', done, total: issues.length }),
    );
    gaps.push(...changelogs.gaps);
    issues = withChangelogs(issues, changelogs);
  }

  // 5. Boards, 6. sprints of the boards that have them.
  const boards = await readBoards(client, scope, browsable, gaps, progress);
  const sprints: Record<string, JiraSprint[]> = {};
  const withSprints = boards.filter((board) => board.type !== 'kanban');
  progress({ phase: 'sprints', done: 0, total: withSprints.length });
  for (const [index, board] of withSprints.entries()) {
    sprints[String(board.id)] = await readSprints(client, board, gaps);
    progress({ phase: 'sprints', done: index + 1, total: withSprints.length });
  }

  return {
    baseUrl: options.baseUrl ?? client.baseUrl,
    fields,
    statuses,
    issues,
    boards,
    sprints,
    gaps,
  };
}

async function readBoards(
  client: JiraClient,
  scope: ReadScope,
  browsable: readonly string[],
  gaps: DataGap[],
  progress: (p: ReadProgress) => void,
): Promise<JiraBoard[]> {
  const boards = new Map<number, JiraBoard>();
  progress({ phase: 'boards', done: 0, total: browsable.length });
  for (const [index, project] of browsable.entries()) {
    try {
      const found = await client.listBoards(project);
      gaps.push(...found.gaps);
      for (const board of found.items) if (!boards.has(board.id)) boards.set(board.id, board);
    } catch (error) {
      // Sites without Jira Software, or a project whose boards are hidden: the issues still stand on their own.
      if (!isJiraError(error) || (error.code !== 'forbidden' && error.code !== 'not-found')) throw error;
      gaps.push({
        kind: 'unavailable',
        message: `The boards of ${project} could not be read, so sprints are not shown for it. ${error.message}`,
        project,
      });
    }
    progress({ phase: 'boards', done: index + 1, total: browsable.length });
  }
  if (scope.boards === undefined) return [...boards.values()];
  // Named boards are looked for among the boards of the browsable projects: a board elsewhere is out of reach.
  const chosen: JiraBoard[] = [];
  for (const boardId of new Set(scope.boards)) {
    const board = boards.get(boardId);
    if (board !== undefined) chosen.push(board);
    else {
      gaps.push(boardOutOfReachGap(boardId));
    }
  }
  return chosen;
}

async function readSprints(client: JiraClient, board: JiraBoard, gaps: DataGap[]): Promise<JiraSprint[]> {
  try {
    const found = await client.listSprints(board.id);
    gaps.push(...found.gaps);
    return found.items;
  } catch (error) {
    if (!isJiraError(error)) throw error;
    // Jira answers 400 "The board does not support sprints" for boards without sprints: nothing is missing.
    if (error.code === 'bad-request' && error.status === 400) return [];
    if (error.code !== 'forbidden' && error.code !== 'not-found') throw error;
    gaps.push({
      kind: 'unavailable',
      message: `The sprints of board ${board.name} could not be read. ${error.message}`,
      boardId: board.id,
    });
    return [];
  }
}
