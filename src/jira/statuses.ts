// The site's statuses with their categories: historic transitions are classified by category, never by name.
import { route } from '@forge/api';
import type { JiraRequestLayer } from './request';
import { StatusListSchema, type JiraStatus } from './schemas';

export async function getStatuses(layer: JiraRequestLayer): Promise<JiraStatus[]> {
  return layer.json(route`/rest/api/3/status`, { schema: StatusListSchema });
}
