// The projects the viewer can see, for the scope picker.
import { route } from '@forge/api';
import type { JiraLimits } from './limits';
import { collectOffsetPages, type Paged } from './paging';
import type { JiraRequestLayer } from './request';
import { ProjectPageSchema, type JiraProject } from './schemas';

/** GET /rest/api/3/project/search, every page. */
export async function listProjects(layer: JiraRequestLayer, limits: JiraLimits): Promise<Paged<JiraProject>> {
  return collectOffsetPages(
    async (startAt) => {
      const query = new URLSearchParams({
        startAt: String(startAt),
        maxResults: String(limits.projectPageSize),
      });
      const page = await layer.json(route`/rest/api/3/project/search?${query}`, {
        schema: ProjectPageSchema,
      });
      return { items: page.values, startAt: page.startAt, total: page.total, isLast: page.isLast };
    },
    { what: 'projects' },
    limits.maxProjectPages,
  );
}
