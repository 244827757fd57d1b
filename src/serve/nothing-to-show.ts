// The answer for a viewer who may see none of the scope, read live or from the store alike.
import type { AnalysisResult } from '../contract/analysis';
import type { ResolverResult } from '../contract/result';
import type { DataGap } from '../jira/site';

/**
 * Nothing the viewer may see: say so instead of drawing an empty map as if the team had no activity. Undefined
 * when the viewer may see something (or the scope was simply empty).
 */
export function nothingToShow(
  gaps: readonly DataGap[],
  scopeProjects: number,
  issues: number,
): ResolverResult<AnalysisResult> | undefined {
  const noAccess = gaps.filter((gap) => gap.kind === 'no-access');
  if (issues > 0 || noAccess.length === 0 || noAccess.length < scopeProjects) return undefined;
  const names = noAccess.map((gap) => gap.project ?? `board ${gap.boardId}`).join(', ');
  return {
    ok: false,
    error: {
      code: 'no-access',
      message: `You don't have access to ${names} in Jira, so there is nothing to show you. Ask a Jira admin for browse permission.`,
    },
  };
}
