// People the viewer can pick (declared PM / PO, declared rows): Jira's user search, never e-mail addresses.
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraRequestLayer } from './request';
import { JiraUserSchema, type JiraUser } from './schemas';

export const UserListSchema = z.array(JiraUserSchema);

/** GET /rest/api/3/user/search?query=…: at most `maxResults` people whose name matches. */
export async function searchUsers(
  layer: JiraRequestLayer,
  query: string,
  maxResults = 20,
): Promise<JiraUser[]> {
  const params = new URLSearchParams({ query, maxResults: String(maxResults) });
  return layer.json(route`/rest/api/3/user/search?${params}`, { schema: UserListSchema });
}
