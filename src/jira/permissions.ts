// Whether the viewer may browse a project, asked before reading it so a refusal becomes a stated gap, not a hole;
// and, in bulk, which of many projects and issues the viewer may see (an issue also needs its security level).
import { route } from '@forge/api';
import { isJiraError } from './errors';
import type { JiraRequestLayer } from './request';
import { BulkPermissionGrantsSchema, MyPermissionsSchema } from './schemas';

const BROWSE = 'BROWSE_PROJECTS';

/** GET /rest/api/3/mypermissions for BROWSE_PROJECTS; an unknown project reads as "cannot browse", as Jira intends. */
export async function canBrowse(layer: JiraRequestLayer, projectKey: string): Promise<boolean> {
  const query = new URLSearchParams({ projectKey, permissions: BROWSE });
  try {
    const answer = await layer.json(route`/rest/api/3/mypermissions?${query}`, {
      schema: MyPermissionsSchema,
      messages: { forbidden: `You cannot browse project ${projectKey}.` },
    });
    return answer.permissions[BROWSE]?.havePermission === true;
  } catch (error) {
    // Jira answers 404 alike for a project that does not exist and one the viewer may not see.
    if (isJiraError(error) && (error.code === 'not-found' || error.code === 'forbidden')) return false;
    throw error;
  }
}

/** POST /rest/api/3/permissions/check checks at most this many projects, and as many issues, in one call. */
export const BULK_PERMISSIONS_MAX_IDS = 1000;

/** The project and issue ids to check (Jira ids, numeric strings). */
export interface BrowsableQuery {
  projectIds?: Iterable<string>;
  issueIds?: Iterable<string>;
}

export interface BrowsableOf {
  /** The asked project ids the viewer may browse. */
  projects: Set<string>;
  /** The asked issue ids the viewer may see: their project browsable and their security level held. */
  issues: Set<string>;
}

/** Jira ids are numbers in this endpoint; an id that is not one names nothing, so it is never browsable. */
function numericIds(ids: Iterable<string>): number[] {
  return [...new Set(ids)].filter((id) => /^\d+$/.test(id)).map(Number);
}

/**
 * Which of the given projects and issues the viewer may see, asked as the viewer with POST
 * /rest/api/3/permissions/check (BROWSE_PROJECTS), in as few calls as Jira's 1000 projects and 1000 issues a call
 * allow. Ids Jira does not know are simply not in the answer.
 */
export async function browsableOf(layer: JiraRequestLayer, ids: BrowsableQuery): Promise<BrowsableOf> {
  const projects = numericIds(ids.projectIds ?? []);
  const issues = numericIds(ids.issueIds ?? []);
  const browsable: BrowsableOf = { projects: new Set(), issues: new Set() };
  const calls = Math.ceil(Math.max(projects.length, issues.length) / BULK_PERMISSIONS_MAX_IDS);
  for (let call = 0; call < calls; call++) {
    const from = call * BULK_PERMISSIONS_MAX_IDS;
    const answer = await layer.json(route`/rest/api/3/permissions/check`, {
      method: 'POST',
      schema: BulkPermissionGrantsSchema,
      body: {
        projectPermissions: [
          {
            permissions: [BROWSE],
            projects: projects.slice(from, from + BULK_PERMISSIONS_MAX_IDS),
            issues: issues.slice(from, from + BULK_PERMISSIONS_MAX_IDS),
          },
        ],
      },
    });
    for (const grant of answer.projectPermissions) {
      if (grant.permission !== BROWSE) continue;
      for (const id of grant.projects) browsable.projects.add(String(id));
      for (const id of grant.issues) browsable.issues.add(String(id));
    }
  }
  return browsable;
}
