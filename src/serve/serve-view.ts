// One view's result: from the store when the background sync holds every project of the scope, else read live
// from Jira as today when the scope is small enough for one invocation, else the backfill's progress. Either way
// the result covers exactly what the viewer may see: Jira is asked, as the viewer, on every view.
import type { AnalysisResult } from '../contract/analysis';
import type { ResolverResult } from '../contract/result';
import type { JiraClient } from '../jira/client';
import { noAccessGap, type ReadScope } from '../jira/read-scope';
import type { AnalysisConfig } from '../ownership/config';
import type { Storage } from '../store/storage';
import type { SyncJob } from '../sync/jobs';
import { syncProgress } from '../sync/progress';
import { loadProjectState, type ProjectSyncState } from '../sync/state';
import { viewerAccess } from './access';
import { readCached, readPrevious, specId, writeCached, type ResultSpec } from './cache';
import { analyseLive, LIVE_ISSUE_LIMIT, TooBigForLiveError } from './live';
import { nothingToShow } from './nothing-to-show';
import { computeResult, requestPrepare } from './prepare';

export interface ServeDeps {
  /** Jira as the viewer. */
  client: JiraClient;
  storage: Storage;
  config: AnalysisConfig;
  scope: ReadScope;
  /** The invocation's start: the analysis' "now" when reading live. */
  now: Date;
  baseUrl: string;
  /** Asks the background sync to run (Forge's queue); a view never waits for it. */
  requestSync(reason: SyncJob['reason']): Promise<void>;
  /** The most issues read live while the store does not hold the scope; default LIVE_ISSUE_LIMIT. */
  liveIssueLimit?: number;
  /** The most stored issues a view analyses itself; default INLINE_ANALYSIS_LIMIT. */
  inlineAnalysisLimit?: number;
}

export async function serveView(deps: ServeDeps): Promise<ResolverResult<AnalysisResult>> {
  let states: ProjectSyncState[];
  try {
    states = await Promise.all(deps.scope.projects.map((p) => loadProjectState(deps.storage, p)));
  } catch (error) {
    // Forge storage unreachable: the view still answers, read live as before there was a store.
    console.warn(`Forge storage could not be read; reading Jira live: ${String(error)}`);
    return live(deps, [], false);
  }
  if (states.length > 0 && states.every((state) => state.phase === 'current')) return fromStore(deps, states);
  return live(deps, states, true);
}

/** Read live from Jira while the store does not hold the scope (asking the sync for it), if it is small enough. */
async function live(
  deps: ServeDeps,
  states: readonly ProjectSyncState[],
  askSync: boolean,
): Promise<ResolverResult<AnalysisResult>> {
  // The sync starts, or goes on, in the background; the view does not wait for it.
  if (askSync) {
    await deps.requestSync('first-view').catch((error: unknown) => {
      console.warn(`The background sync could not be asked to run: ${String(error)}`);
    });
  }
  try {
    const read = await analyseLive(
      deps.client,
      deps.scope,
      deps.config,
      deps.now,
      deps.liveIssueLimit ?? LIVE_ISSUE_LIMIT,
    );
    if (!read.ok) return read;
    return { ok: true, data: { ...read.data, served: { from: 'live', asOf: deps.now.toISOString() } } };
  } catch (error) {
    if (!(error instanceof TooBigForLiveError)) throw error;
    return syncing(deps, states, error.issuesSeen);
  }
}

/** The scope is too big to read in one view: say how far the background read is, for the projects one may see. */
async function syncing(
  deps: ServeDeps,
  states: readonly ProjectSyncState[],
  issuesSeen: number,
): Promise<ResolverResult<AnalysisResult>> {
  const access = await viewerAccess(deps.client, states);
  const progress = await syncProgress(deps.storage, access.projects, deps.now.getTime());
  const reading = progress.projects
    .filter((p) => p.phase !== 'current')
    .map((p) => {
      const total = p.total === undefined ? '' : ` of ${p.total.toLocaleString('en-US')}`;
      return `${p.project}: ${p.stored.toLocaleString('en-US')}${total} issues`;
    });
  return {
    ok: false,
    error: {
      code: 'syncing',
      message:
        `This scope has more than ${issuesSeen.toLocaleString('en-US')} issues, too many to read while you wait. ` +
        `The app is reading it into its store in the background (${reading.join(', ')}); the map appears here ` +
        'when the reading is done.',
      progress,
    },
  };
}

/**
 * Stored issues a view analyses itself on a miss: ~4 KB each stored, 1,500 are ~600 of KVS's 4,000 read units a
 * minute and well under a second of analysis. Bigger scopes are prepared in the background.
 */
export const INLINE_ANALYSIS_LIMIT = 1_500;

async function fromStore(
  deps: ServeDeps,
  states: readonly ProjectSyncState[],
): Promise<ResolverResult<AnalysisResult>> {
  const access = await viewerAccess(deps.client, states);
  const nothing = nothingToShow(access.hiddenProjects.map(noAccessGap), deps.scope.projects.length, 0);
  if (nothing !== undefined) return nothing;
  // Figures are measured at the time the data is of, so a result is the same for everyone who may see the same
  // records, whenever they look: that is what makes it cacheable, and "Data as of" true.
  const spec: ResultSpec = {
    config: deps.config,
    projects: access.projects,
    hiddenProjects: access.hiddenProjects,
    ...(deps.scope.boards === undefined ? {} : { boards: deps.scope.boards }),
    hiddenIssues: [...access.hiddenIssues].sort(),
    generations: states.map((s) => [s.project, s.watermark ?? null, s.lastSuccessAt ?? null]),
    asOf: Math.min(...states.map((state) => state.watermark ?? state.lastSuccessAt ?? 0)),
    baseUrl: deps.baseUrl,
  };
  const servedAt = (asOf: number, updating = false) => ({
    from: 'store' as const,
    asOf: new Date(asOf).toISOString(),
    ...(updating ? { updating } : {}),
  });
  const cached = await readCached(deps.storage, specId(spec));
  if (cached !== undefined) return { ok: true, data: { ...cached, served: servedAt(spec.asOf) } };

  const visible = new Set(access.projects);
  const issues = states
    .filter((state) => visible.has(state.project))
    .reduce((n, state) => n + Object.keys(state.issues).length, 0);
  if (issues <= (deps.inlineAnalysisLimit ?? INLINE_ANALYSIS_LIMIT)) {
    const result = await computeResult(deps.storage, spec);
    await writeCached(deps.storage, spec, result, deps.now.getTime()).catch((error: unknown) => {
      // The view has its answer; the next one computes it again.
      console.warn(`The result could not be kept for the next view: ${String(error)}`);
    });
    return { ok: true, data: { ...result, served: servedAt(spec.asOf) } };
  }
  await requestPrepare(deps.storage, spec, deps.now.getTime());
  // What this viewer saw before the last sync, while the new result is prepared.
  const previous = await readPrevious(deps.storage, spec);
  if (previous !== undefined) {
    return { ok: true, data: { ...previous.result, served: servedAt(previous.asOf, true) } };
  }
  return {
    ok: false,
    error: {
      code: 'syncing',
      message:
        `Preparing the map of ${issues.toLocaleString('en-US')} issues from the app's store: it appears here ` +
        'in a minute or two.',
      progress: await syncProgress(deps.storage, access.projects, deps.now.getTime()),
    },
  };
}
