// The one path from a resolver to a result: read the scope from Jira as the viewing user, then analyse it. Errors
// go up to the resolver's answer(), which turns them into typed values (and lets consent through).
import type { AnalysisResult } from '../contract/analysis';
import type { ResolverResult } from '../contract/result';
import { JiraClient } from '../jira/client';
import type { ReadScope } from '../jira/read-scope';
import { analyse } from '../ownership/analyse';
import type { AnalysisConfig } from '../ownership/config';
import type { ForgeContext } from './context';

/** Projects to read: the configured ones plus the project of each configured board. */
async function readScopeOf(client: JiraClient, config: AnalysisConfig): Promise<ReadScope> {
  const projects = new Set(config.scope.projects);
  if (config.scope.boards.length > 0) {
    const visible = await client.listBoards();
    for (const boardId of config.scope.boards) {
      const projectKey = visible.items.find((board) => board.id === boardId)?.location?.projectKey;
      if (projectKey !== undefined) projects.add(projectKey);
    }
  }
  return {
    projects: [...projects],
    boards: config.scope.boards.length > 0 ? config.scope.boards : undefined,
    // A dated window needs no issue untouched since its start: such an issue has no event in it.
    updatedSince: config.window.kind === 'dates' ? config.window.from : undefined,
  };
}

export async function runAnalysis(
  context: ForgeContext,
  config: AnalysisConfig,
  now: Date,
): Promise<ResolverResult<AnalysisResult>> {
  const client = new JiraClient({ context, baseUrl: context.siteUrl });
  const scope = await readScopeOf(client, config);
  const site = await client.readScope(scope);
  const noAccess = site.gaps.filter((gap) => gap.kind === 'no-access');
  if (site.issues.length === 0 && noAccess.length > 0 && noAccess.length >= scope.projects.length) {
    // Nothing the viewer may see: say so instead of drawing an empty map as if the team had no activity.
    const names = noAccess.map((gap) => gap.project ?? `board ${gap.boardId}`).join(', ');
    return {
      ok: false,
      error: {
        code: 'no-access',
        message: `You don't have access to ${names} in Jira, so there is nothing to show you. Ask a Jira admin for browse permission.`,
      },
    };
  }
  return { ok: true, data: analyse(site, config, now) };
}
