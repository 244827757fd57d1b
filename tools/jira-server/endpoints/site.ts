// The site-level endpoints: fields, statuses, the current user, permissions, and the projects one may browse.
import type { RequestContext } from '../context';
import {
  intParam,
  pageSize,
  PROJECT_SEARCH_DEFAULT_MAX_RESULTS,
  PROJECT_SEARCH_MAX_RESULTS,
  truncatedLength,
} from '../paging';
import { badRequest, notFound, ok, type Reply } from '../reply';
import { requireAccount, SITE_ADMIN_ACCOUNT_ID } from '../viewer';

export function fieldList(ctx: RequestContext): Reply {
  return ok(ctx.index.meta.fields, ctx.index.meta.fields.length);
}

export function statusList(ctx: RequestContext): Reply {
  return ok(ctx.index.meta.statuses, ctx.index.meta.statuses.length);
}

/** GET /rest/api/3/myself: "Permission to access Jira" is required, so an anonymous request is a 401. */
export function myself(ctx: RequestContext): Reply {
  requireAccount(ctx.viewer);
  const accountId = ctx.viewer.accountId ?? SITE_ADMIN_ACCOUNT_ID;
  const displayName =
    ctx.index.meta.permissions?.accounts[accountId]?.displayName ??
    ctx.index.users.get(accountId)?.displayName ??
    (accountId === SITE_ADMIN_ACCOUNT_ID ? 'Site admin' : accountId);
  // One object for the points quota: the user.
  return ok({ accountId, accountType: 'atlassian', displayName, active: true }, 1);
}

const PERMISSION_NAMES: Record<string, string> = {
  BROWSE_PROJECTS: 'Browse Projects',
};

/**
 * GET /rest/api/3/mypermissions?permissions=BROWSE_PROJECTS[&projectKey=X|projectId=N]. The snapshot knows only
 * browse rights, so every asked key answers whether the viewer may browse the project (or any project, with none).
 */
export function myPermissions(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const keys = (q.get('permissions') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (keys.length === 0) {
    badRequest('The permissions parameter is required: a comma-separated list of permission keys.', {
      permissions: 'required',
    });
  }
  const projectId = q.get('projectId');
  const projectKey = q.get('projectKey');
  let havePermission: boolean;
  if (projectId !== null || projectKey !== null) {
    const project =
      projectId !== null
        ? ctx.index.projectById.get(projectId)
        : ctx.index.projectByKey.get((projectKey ?? '').toUpperCase());
    if (!project)
      notFound(
        `No project could be found with ${projectId !== null ? 'id' : 'key'} '${projectId ?? projectKey}'.`,
      );
    havePermission = ctx.viewer.canBrowse(project.key);
  } else {
    havePermission = ctx.index.projects.some((p) => ctx.viewer.canBrowse(p.key));
  }
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    permissions[key] = { key, name: PERMISSION_NAMES[key] ?? key, type: 'PROJECT', havePermission };
  }
  return ok({ permissions }, Object.keys(permissions).length);
}

/** GET /rest/api/3/project/search: the browsable projects, ordered by key, offset-paged (cap 100). */
export function projectSearch(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const startAt = intParam(q.get('startAt'), 'startAt', 0);
  const maxResults = pageSize(
    intParam(q.get('maxResults'), 'maxResults', PROJECT_SEARCH_DEFAULT_MAX_RESULTS),
    PROJECT_SEARCH_DEFAULT_MAX_RESULTS,
    PROJECT_SEARCH_MAX_RESULTS,
  );
  const wantedKeys = new Set(
    q
      .getAll('keys')
      .flatMap((k) => k.split(','))
      .map((k) => k.trim().toUpperCase()),
  );
  const visible = ctx.index.projects
    .filter((p) => ctx.viewer.canBrowse(p.key))
    .filter((p) => wantedKeys.size === 0 || wantedKeys.has(p.key.toUpperCase()))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let values = visible.slice(startAt, startAt + maxResults);
  if (values.length >= 2 && ctx.page.truncate()) values = values.slice(0, truncatedLength(values.length));
  const isLast = startAt + values.length >= visible.length;
  return ok(
    {
      self: `${ctx.baseUrl}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`,
      ...(isLast
        ? {}
        : {
            nextPage: `${ctx.baseUrl}/rest/api/3/project/search?startAt=${startAt + values.length}&maxResults=${maxResults}`,
          }),
      maxResults,
      startAt,
      total: visible.length,
      isLast,
      values: values.map((p) => ({
        self: `${ctx.baseUrl}/rest/api/3/project/${p.id}`,
        id: p.id,
        key: p.key,
        name: p.name,
      })),
    },
    values.length,
  );
}

/** Jira's default and cap for GET /rest/api/3/user/search (maxResults). */
const USER_SEARCH_MAX_RESULTS = 50;

/**
 * GET /rest/api/3/user/search?query=…: people whose display name contains the query, case-insensitive, as Jira
 * matches on the start of name parts and on e-mail (which snapshots never hold). Every account may search people;
 * an anonymous request finds no one (Jira: "Anonymous calls … return empty search results").
 */
export function userSearch(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const query = (q.get('query') ?? '').trim().toLowerCase();
  if (query === '') badRequest('The query parameter is required.', { query: 'required' });
  if (ctx.viewer.accountId === undefined) return ok([], 0);
  const max = Math.min(
    intParam(q.get('maxResults'), 'maxResults', USER_SEARCH_MAX_RESULTS),
    USER_SEARCH_MAX_RESULTS,
  );
  const found = [...ctx.index.users.values()]
    .filter((user) => (user.displayName ?? '').toLowerCase().includes(query))
    .sort(
      (a, b) =>
        (a.displayName ?? '').localeCompare(b.displayName ?? '') ||
        (a.accountId ?? '').localeCompare(b.accountId ?? ''),
    )
    .slice(0, max)
    .map((user) => ({
      accountId: user.accountId,
      accountType: user.accountType ?? 'atlassian',
      displayName: user.displayName,
      active: user.active ?? true,
    }));
  return ok(found, found.length);
}
