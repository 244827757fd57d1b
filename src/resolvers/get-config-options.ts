// Macro configuration: the projects and boards the viewer can see, to pick the map's scope from.
import type { Request } from '@forge/resolver';
import { ConfigOptionsRequestSchema, type ConfigOptions } from '../contract/requests';
import type { ResolverResult } from '../contract/result';
import { JiraClient } from '../jira/client';
import { forgeContextOf } from './context';
import { answer } from './error-result';
import type { Invocation } from './invocation';

export function getConfigOptions(
  request: Request,
  invocation: Invocation,
): Promise<ResolverResult<ConfigOptions>> {
  return answer(async () => {
    ConfigOptionsRequestSchema.parse(request.payload ?? {});
    const context = forgeContextOf(request.context);
    const client = new JiraClient({
      context,
      baseUrl: context.siteUrl,
      deadline: invocation.deadline,
      retry: invocation.retry,
    });
    const projects = await client.listProjects();
    const boards = await client.listBoards();
    return {
      ok: true,
      data: {
        projects: projects.items.map((p) => ({ key: p.key, name: p.name ?? p.key })),
        boards: boards.items.map((b) => ({ id: b.id, name: b.name, projectKey: b.location?.projectKey })),
        notes: [...projects.gaps, ...boards.gaps].map((gap) => gap.message),
      },
    };
  });
}
