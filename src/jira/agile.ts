// Jira Software's boards and sprints (/rest/agile/1.0), offset-paged until isLast or total.
import { route } from '@forge/api';
import type { JiraLimits } from './limits';
import { collectOffsetPages, type Paged } from './paging';
import type { JiraRequestLayer } from './request';
import { BoardPageSchema, SprintPageSchema, type JiraBoard, type JiraSprint } from './schemas';

/** GET /rest/agile/1.0/board, optionally only the boards of one project. */
export async function listBoards(
  layer: JiraRequestLayer,
  limits: JiraLimits,
  projectKeyOrId?: string,
): Promise<Paged<JiraBoard>> {
  return collectOffsetPages(
    async (startAt) => {
      const query = new URLSearchParams({
        startAt: String(startAt),
        maxResults: String(limits.agilePageSize),
      });
      if (projectKeyOrId !== undefined) query.set('projectKeyOrId', projectKeyOrId);
      const page = await layer.json(route`/rest/agile/1.0/board?${query}`, {
        schema: BoardPageSchema,
        messages: {
          forbidden: 'You cannot see the boards of this Jira site.',
          'not-found':
            projectKeyOrId === undefined
              ? 'Jira has no boards here (Jira Software may not be available).'
              : `Jira has no boards for project ${projectKeyOrId}.`,
        },
      });
      return { items: page.values, startAt: page.startAt, total: page.total, isLast: page.isLast };
    },
    projectKeyOrId === undefined
      ? { what: 'boards' }
      : { what: `the boards of ${projectKeyOrId}`, project: projectKeyOrId },
    limits.maxAgilePages,
  );
}

/** GET /rest/agile/1.0/board/{id}/sprint: every sprint of a scrum board, oldest first as Jira lists them. */
export async function listSprints(
  layer: JiraRequestLayer,
  limits: JiraLimits,
  boardId: number,
): Promise<Paged<JiraSprint>> {
  return collectOffsetPages(
    async (startAt) => {
      const query = new URLSearchParams({
        startAt: String(startAt),
        maxResults: String(limits.agilePageSize),
      });
      const page = await layer.json(route`/rest/agile/1.0/board/${boardId}/sprint?${query}`, {
        schema: SprintPageSchema,
        messages: { forbidden: `You cannot see the sprints of board ${boardId}.` },
      });
      return { items: page.values, startAt: page.startAt, total: page.total, isLast: page.isLast };
    },
    { what: `the sprints of board ${boardId}`, boardId },
    limits.maxAgilePages,
  );
}
