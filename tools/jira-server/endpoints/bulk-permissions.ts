// POST /rest/api/3/permissions/check (Get bulk permissions): per asked project permission, which of the asked
// projects and issues the caller holds it on. The snapshot knows only who may see what, so every project
// permission answers browse rights, as GET /mypermissions does: a project the account may browse, an issue it
// may see (its project browsable and its security level held). It knows no global permission: none is granted.
import { z } from 'zod';
import type { RequestContext } from '../context';
import { badRequest, JiraRequestError, ok, type Reply } from '../reply';
import { LOCAL_APP_ACCOUNT_ID } from '../../snapshot/read';
import { SITE_ADMIN_ACCOUNT_ID, viewerFor, type Viewer } from '../viewer';

/** Jira checks at most this many valid project ids, and as many valid issue ids, in one call. */
export const BULK_PERMISSIONS_MAX_IDS = 1000;

// Jira ignores null values in every list of the request (and empty permission keys); other wrong types are a 400.
const IdListSchema = z.array(z.number().int().nullable()).optional();
const BulkPermissionsRequestSchema = z.object({
  projectPermissions: z
    .array(
      z
        .object({
          permissions: z.array(z.string().nullable()),
          projects: IdListSchema,
          issues: IdListSchema,
        })
        .nullable(),
    )
    .optional(),
  globalPermissions: z.array(z.string().nullable()).optional(),
  accountId: z.string().nullish(),
});

interface Granted {
  projects: Set<number>;
  issues: Set<number>;
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

/** An account the site knows: listed in permissions.json, seen in the snapshot, the site admin or the app. */
function isKnownAccount(ctx: RequestContext, accountId: string): boolean {
  return (
    accountId === SITE_ADMIN_ACCOUNT_ID ||
    accountId === LOCAL_APP_ACCOUNT_ID ||
    ctx.index.users.has(accountId) ||
    ctx.index.meta.permissions?.accounts[accountId] !== undefined
  );
}

/** Whose permissions are checked: the caller, or another account, which only a Jira administrator may name. */
function subjectOf(ctx: RequestContext, accountId: string | null | undefined): Viewer {
  if (accountId === undefined || accountId === null || accountId === ctx.viewer.accountId) return ctx.viewer;
  // Jira needs Administer Jira to check another user; on the local server only the site admin administers Jira.
  if (ctx.viewer.accountId !== SITE_ADMIN_ACCOUNT_ID) {
    throw new JiraRequestError(403, 'Only Jira administrators can perform this operation.');
  }
  if (!isKnownAccount(ctx, accountId)) {
    badRequest(`The account ID '${accountId}' is not valid.`, { accountId: 'invalid account ID' });
  }
  return viewerFor(accountId, ctx.index);
}

/**
 * Costs 1 point plus 1 per project or issue id the answer grants (points.ts: "1 + objects returned"): each id
 * stands for an object Jira looked up and answers about, as a search answers for each issue it returns, so a
 * check of 1000 issues costs what reading them would, not 2 points for one grant.
 */
export function bulkPermissions(ctx: RequestContext): Reply {
  const parsed = BulkPermissionsRequestSchema.safeParse(ctx.body);
  if (!parsed.success) {
    badRequest('Invalid request payload. Refer to the REST API documentation and try again.');
  }
  const subject = subjectOf(ctx, parsed.data.accountId);
  const asked = (parsed.data.projectPermissions ?? []).filter(present).map((entry) => ({
    permissions: entry.permissions.filter((key): key is string => key !== null && key !== ''),
    // Invalid ids (no such project or issue) are ignored, as in Jira.
    projects: (entry.projects ?? []).filter(present).filter((id) => ctx.index.projectById.has(String(id))),
    issues: (entry.issues ?? []).filter(present).filter((id) => ctx.index.byId.has(String(id))),
  }));
  if (asked.some((entry) => entry.permissions.length === 0)) {
    badRequest('Each projectPermissions entry needs at least one project permission.', {
      projectPermissions: 'at least one project permission is required',
    });
  }
  const projectCount = new Set(asked.flatMap((entry) => entry.projects)).size;
  const issueCount = new Set(asked.flatMap((entry) => entry.issues)).size;
  if (projectCount > BULK_PERMISSIONS_MAX_IDS || issueCount > BULK_PERMISSIONS_MAX_IDS) {
    badRequest(
      `At most ${BULK_PERMISSIONS_MAX_IDS} projects and ${BULK_PERMISSIONS_MAX_IDS} issues can be checked ` +
        `(got ${projectCount} projects and ${issueCount} issues).`,
    );
  }

  // One grant per permission, however many entries ask for it.
  const granted = new Map<string, Granted>();
  for (const entry of asked) {
    const projects = entry.projects.filter((id) => {
      const project = ctx.index.projectById.get(String(id));
      return project !== undefined && subject.canBrowse(project.key);
    });
    const issues = entry.issues.filter((id) => {
      const issue = ctx.index.byId.get(String(id));
      return issue !== undefined && subject.canSee(issue);
    });
    for (const permission of entry.permissions) {
      const grant = granted.get(permission) ?? { projects: new Set<number>(), issues: new Set<number>() };
      for (const id of projects) grant.projects.add(id);
      for (const id of issues) grant.issues.add(id);
      granted.set(permission, grant);
    }
  }
  const projectPermissions = [...granted].map(([permission, grant]) => ({
    permission,
    projects: [...grant.projects],
    issues: [...grant.issues],
  }));
  const objects = projectPermissions.reduce((sum, g) => sum + g.projects.length + g.issues.length, 0);
  return ok({ projectPermissions, globalPermissions: [] }, objects);
}
