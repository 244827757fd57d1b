// A view read live from Jira, as the viewer, inside one invocation: for scopes the store does not hold yet and
// that are small enough to read while the user waits. Bigger scopes stop early (TooBigForLive) and are served
// from the store once the background sync has read them.
import type { AnalysisResult } from '../contract/analysis';
import type { ResolverResult } from '../contract/result';
import type { JiraClient } from '../jira/client';
import { isJiraError } from '../jira/errors';
import type { ReadProgress, ReadScope } from '../jira/read-scope';
import type { SiteData } from '../jira/site';
import { analyse } from '../ownership/analyse';
import type { AnalysisConfig } from '../ownership/config';
import { nothingToShow } from './nothing-to-show';

/**
 * The most issues a view reads live. At 300 ms a Jira request (a real site's slower end) a scope costs about 11
 * fixed requests plus 2.2 per 100 issues (bench: 1k issues, 33 requests): 1,500 issues are ~44 requests, ~13 s,
 * half the 25 s a view has, leaving the rest for a slower Jira and the analysis.
 */
export const LIVE_ISSUE_LIMIT = 1_500;

/** The scope has more issues than a view reads live. */
export class TooBigForLiveError extends Error {
  override readonly name = 'TooBigForLiveError';
  constructor(readonly issuesSeen: number) {
    super(`The scope has more than ${issuesSeen} issues.`);
  }
}

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

export async function analyseLive(
  client: JiraClient,
  scope: ReadScope,
  config: AnalysisConfig,
  now: Date,
  issueLimit: number = LIVE_ISSUE_LIMIT,
): Promise<ResolverResult<AnalysisResult>> {
  // The latest progress of each phase, in the order the phases ran.
  const progress = new Map<ReadProgress['phase'], ReadProgress>();
  let site: SiteData;
  try {
    site = await client.readScope(scope, {
      onProgress: (p) => {
        progress.set(p.phase, p);
        if (p.phase === 'issues' && p.done > issueLimit) throw new TooBigForLiveError(issueLimit);
      },
    });
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
  const nothing = nothingToShow(site.gaps, scope.projects.length, site.issues.length);
  if (nothing !== undefined) return nothing;
  return { ok: true, data: analyse(site, config, now) };
}
