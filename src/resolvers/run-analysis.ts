// The one path from a resolver to a result: read the scope from Jira as the viewing user, then analyse it. Errors
// go up to the resolver's answer(), which turns them into typed values (and lets consent through).
import type { AnalysisResult } from '../contract/analysis';
import type { ResolverResult } from '../contract/result';
import { JiraClient } from '../jira/client';
import { isJiraError } from '../jira/errors';
import type { ReadProgress, ReadScope } from '../jira/read-scope';
import type { SiteData } from '../jira/site';
import { analyse } from '../ownership/analyse';
import type { AnalysisConfig } from '../ownership/config';
import type { ForgeContext } from './context';
import type { Invocation } from './invocation';

const PHASE_WORDS: Record<ReadProgress['phase'], string> = {
  permissions: 'checking your permissions',
  fields: 'reading the fields',
  issues: 'issues read',
  changelogs: 'issue histories read',
  boards: 'boards read',
  sprints: 'sprints read',
};

/** "587 issues read, 0 of 587 issue histories read": how far reading got when the time ran out. */
function progressWords(progress: Map<ReadProgress['phase'], ReadProgress>): string {
  const last = [...progress.values()].at(-1);
  if (last === undefined) return 'nothing had been read yet';
  if (last.phase === 'permissions' || last.phase === 'fields')
    return `it was still ${PHASE_WORDS[last.phase]}`;
  const counted = [...progress.values()].filter((p) => p.phase !== 'permissions' && p.phase !== 'fields');
  return counted
    .map((p) => {
      const total = p.total === undefined ? '' : ` of ${p.total.toLocaleString('en-US')}`;
      return `${p.done.toLocaleString('en-US')}${total} ${PHASE_WORDS[p.phase]}`;
    })
    .join(', ');
}

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
  invocation: Invocation,
): Promise<ResolverResult<AnalysisResult>> {
  const client = new JiraClient({
    context,
    baseUrl: context.siteUrl,
    deadline: invocation.deadline,
    retry: invocation.retry,
  });
  // The latest progress of each phase, in the order the phases ran.
  const progress = new Map<ReadProgress['phase'], ReadProgress>();
  let scope: ReadScope;
  let site: SiteData;
  try {
    scope = await readScopeOf(client, config);
    await invocation.registerScope?.(scope.projects);
    site = await client.readScope(scope, { onProgress: (p) => progress.set(p.phase, p) });
  } catch (error) {
    // Out of time: say how far reading got, so the user knows it is the size of the scope, not a fault.
    if (isJiraError(error) && error.code === 'too-slow') {
      return {
        ok: false,
        error: {
          code: 'too-slow',
          message:
            `Jira answered too slowly to read all of this map's scope in the time a view has (25 s): ` +
            `${progressWords(progress)}. Try again in a moment, or choose fewer projects or a shorter window.`,
        },
      };
    }
    throw error;
  }
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
  return { ok: true, data: analyse(site, config, invocation.now) };
}
