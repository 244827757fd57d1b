// Jira views: the analysis of the project page's project (or the sprint action's board) for the bandwidth
// breakdown and the sprint acceptance review.
import type { Request } from '@forge/resolver';
import type { AnalysisResult } from '../contract/analysis';
import { ProjectAnalysisRequestSchema } from '../contract/requests';
import type { ResolverResult } from '../contract/result';
import { AnalysisConfigSchema } from '../ownership/config';
import { forgeContextOf } from './context';
import { answer, toResolverError } from './error-result';
import type { Invocation } from './invocation';
import { runAnalysis } from './run-analysis';

export function getProjectAnalysis(
  request: Request,
  invocation: Invocation,
): Promise<ResolverResult<AnalysisResult>> {
  return answer(async () => {
    const payload = ProjectAnalysisRequestSchema.safeParse(request.payload ?? {});
    if (!payload.success) return { ok: false, error: toResolverError(payload.error) };
    const context = forgeContextOf(request.context);
    const projectKey = context.extension?.project?.key;
    // The board the page was opened on (a project page of Jira Software, a sprint's menu) is only the first
    // choice: what the viewer picked in the payload, a board or "all", wins.
    const contextBoard = context.extension?.board?.id;
    const chosen = payload.data.boardId ?? (contextBoard === undefined ? undefined : Number(contextBoard));
    const boardId = chosen === 'all' ? undefined : chosen;
    if (projectKey === undefined && boardId === undefined) {
      return {
        ok: false,
        error: { code: 'bad-request', message: 'Open this view from a Jira project or a sprint of a board.' },
      };
    }
    const config = AnalysisConfigSchema.parse({
      scope: {
        projects: projectKey === undefined ? [] : [projectKey],
        boards: boardId === undefined ? [] : [boardId],
      },
      window: payload.data.window ?? { kind: 'all' },
    });
    return runAnalysis(context, config, invocation);
  });
}
