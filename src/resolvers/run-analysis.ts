// The one path from a resolver to a result: the scope of the view, registered for the background sync, then
// served (src/serve/): from the store, or live from Jira while the store does not hold it yet. Errors go up to
// the resolver's answer(), which turns them into typed values (and lets consent through).
import type { AnalysisResult } from '../contract/analysis';
import type { ResolverResult } from '../contract/result';
import { JiraClient } from '../jira/client';
import type { ReadScope } from '../jira/read-scope';
import type { AnalysisConfig } from '../ownership/config';
import { serveView } from '../serve/serve-view';
import type { ForgeContext } from './context';
import type { Invocation } from './invocation';

/** Projects to read: the configured ones plus the project of each configured board. */
export async function readScopeOf(client: JiraClient, config: AnalysisConfig): Promise<ReadScope> {
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
  invocation: Invocation,
): Promise<ResolverResult<AnalysisResult>> {
  const client = new JiraClient({
    context,
    baseUrl: context.siteUrl,
    deadline: invocation.deadline,
    retry: invocation.retry,
  });
  const scope = await readScopeOf(client, config);
  const store = invocation.store;
  await store.registerScope(scope.projects);
  return serveView({
    client,
    storage: store.storage,
    config,
    scope,
    now: invocation.now,
    baseUrl: client.baseUrl,
    requestSync: store.requestSync,
  });
}
