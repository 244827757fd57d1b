// The Jira Software (agile) endpoints: boards, a board's sprints, a sprint's issues; offset-paged, cap 50.
import type { JiraBoard, JiraSprint } from '../../../src/jira/schemas';
import type { RequestContext } from '../context';
import { fieldSelection, issueJson } from '../issue-fields';
import { parseJql } from '../jql';
import { AGILE_MAX_RESULTS, intParam, pageSize, truncatedLength } from '../paging';
import { badRequest, notFound, ok, type Reply } from '../reply';
import type { IndexedIssue } from '../site-index';
import { requireAccount } from '../viewer';
import { matchIssues } from './search';

interface OffsetPage<T> {
  values: T[];
  startAt: number;
  maxResults: number;
  total: number;
  isLast: boolean;
}

function offsetPage<T>(ctx: RequestContext, all: T[]): OffsetPage<T> {
  const q = ctx.url.searchParams;
  const startAt = intParam(q.get('startAt'), 'startAt', 0);
  const maxResults = pageSize(
    intParam(q.get('maxResults'), 'maxResults', AGILE_MAX_RESULTS),
    AGILE_MAX_RESULTS,
    AGILE_MAX_RESULTS,
  );
  let values = all.slice(startAt, startAt + maxResults);
  if (values.length >= 2 && ctx.page.truncate()) values = values.slice(0, truncatedLength(values.length));
  if (startAt + values.length < all.length && ctx.page.empty()) values = [];
  return { values, startAt, maxResults, total: all.length, isLast: startAt + values.length >= all.length };
}

function boardProjectKey(ctx: RequestContext, board: JiraBoard): string | undefined {
  const location = board.location;
  if (location?.projectKey) return location.projectKey;
  if (location?.projectId !== undefined) return ctx.index.projectById.get(String(location.projectId))?.key;
  return undefined;
}

/** Boards located in a project the viewer cannot browse are hidden; boards with no project location are not. */
function visibleBoards(ctx: RequestContext): JiraBoard[] {
  return ctx.index.meta.boards.filter((board) => {
    const key = boardProjectKey(ctx, board);
    return key === undefined || ctx.viewer.canBrowse(key);
  });
}

// Every agile endpoint answers 401 "if the user is not logged in" (Jira Software OpenAPI): anonymous is refused.
export function boardList(ctx: RequestContext): Reply {
  requireAccount(ctx.viewer);
  const q = ctx.url.searchParams;
  const projectKeyOrId = q.get('projectKeyOrId');
  const types = (q.get('type') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const name = q.get('name')?.toLowerCase();
  const boards = visibleBoards(ctx).filter((board) => {
    if (projectKeyOrId !== null) {
      const wanted = projectKeyOrId.toUpperCase();
      const key = boardProjectKey(ctx, board)?.toUpperCase();
      if (key !== wanted && String(board.location?.projectId ?? '') !== projectKeyOrId) return false;
    }
    if (types.length > 0 && !types.includes(board.type ?? '')) return false;
    if (name !== undefined && !board.name.toLowerCase().includes(name)) return false;
    return true;
  });
  const page = offsetPage(ctx, boards);
  return ok(
    {
      ...page,
      values: page.values.map((board) => ({
        ...board,
        self: `${ctx.baseUrl}/rest/agile/1.0/board/${board.id}`,
      })),
    },
    page.values.length,
  );
}

const STATE_ORDER: Record<string, number> = { closed: 0, active: 1, future: 2 };

export function boardSprints(ctx: RequestContext): Reply {
  requireAccount(ctx.viewer);
  const boardId = Number(ctx.params.boardId);
  const board = Number.isInteger(boardId) ? visibleBoards(ctx).find((b) => b.id === boardId) : undefined;
  if (!board)
    notFound(
      'The requested board cannot be viewed because it either does not exist or you do not have permission to view it.',
    );
  const states = (ctx.url.searchParams.get('state') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const unknownState = states.find((s) => !(s in STATE_ORDER));
  if (unknownState)
    badRequest(`The sprint state '${unknownState}' is not valid: use future, active or closed.`);
  // Jira orders a board's sprints by state (closed, active, future), then by their position (kept from the snapshot).
  const sprints = (ctx.index.meta.sprints[String(board.id)] ?? [])
    .map((sprint, position) => ({ sprint, position }))
    .filter(({ sprint }) => states.length === 0 || states.includes(sprint.state.toLowerCase()))
    .sort(
      (a, b) =>
        (STATE_ORDER[a.sprint.state.toLowerCase()] ?? 3) - (STATE_ORDER[b.sprint.state.toLowerCase()] ?? 3) ||
        a.position - b.position,
    )
    .map(({ sprint }): JiraSprint => sprint);
  const page = offsetPage(ctx, sprints);
  return ok(
    {
      ...page,
      values: page.values.map((sprint) => ({
        ...sprint,
        self: `${ctx.baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
      })),
    },
    page.values.length,
  );
}

/** GET /rest/agile/1.0/sprint/{sprintId}/issue: issues whose Sprint field names the sprint, in rank order. */
export function sprintIssues(ctx: RequestContext): Reply {
  requireAccount(ctx.viewer);
  const sprintId = Number(ctx.params.sprintId);
  if (!Number.isInteger(sprintId) || !ctx.index.sprintIds.has(sprintId)) {
    notFound(
      `Sprint with id ${ctx.params.sprintId ?? ''} does not exist or you do not have permission to view it.`,
    );
  }
  const q = ctx.url.searchParams;
  let issues = (ctx.index.issuesOfSprint.get(sprintId) ?? []).filter((issue) => ctx.viewer.canSee(issue));
  const jql = q.get('jql');
  if (jql !== null && jql.trim() !== '') {
    const matched = new Set<IndexedIssue>(matchIssues(parseJql(jql, ctx.now), ctx.index, ctx.viewer));
    issues = issues.filter((issue) => matched.has(issue));
  }
  const fields = q.getAll('fields');
  const selection = fieldSelection(fields.length > 0 ? fields : undefined, 'all');
  const page = offsetPage(ctx, issues);
  const body =
    `{"expand":"schema,names","startAt":${page.startAt},"maxResults":${page.maxResults},"total":${page.total},` +
    `"issues":[${page.values.map((issue) => issueJson(issue, selection, ctx.index, ctx.baseUrl)).join(',')}]}`;
  return ok(body, page.values.length);
}
