// Whether the viewer may browse a project, asked before reading it so a refusal becomes a stated gap, not a hole.
import { route } from '@forge/api';
import { isJiraError } from './errors';
import type { JiraRequestLayer } from './request';
import { MyPermissionsSchema } from './schemas';

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
