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
import { SITE_ADMIN_ACCOUNT_ID } from '../viewer';

export function fieldList(ctx: RequestContext): Reply {
  return ok(ctx.index.meta.fields);
}

export function statusList(ctx: RequestContext): Reply {
  return ok(ctx.index.meta.statuses);
}

export function myself(ctx: RequestContext): Reply {
  const accountId = ctx.viewer.accountId;
  if (accountId === undefined) {
    return ok({
      accountId: SITE_ADMIN_ACCOUNT_ID,
      accountType: 'atlassian',
      displayName: 'Site admin',
      active: true,
    });
  }
  const displayName =
    ctx.index.meta.permissions?.accounts[accountId]?.displayName ??
    ctx.index.displayNames.get(accountId) ??
    accountId;
  return ok({ accountId, accountType: 'atlassian', displayName, active: true });
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
  return ok({ permissions });
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
  return ok({
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
  });
}
