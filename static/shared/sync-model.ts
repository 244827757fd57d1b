// What the views say about the app's store and its background sync: how fresh a result is ("Data as of 10:42"),
// whether a "Refresh now" has landed, and how far the first read of a large scope is. Pure, so it is tested
// without a browser; static/shared/sync.tsx draws it and polls for it.
import type { AnalysisResult } from '../../src/contract/analysis';
import type { SyncProgress } from '../../src/contract/sync';

export type Served = NonNullable<AnalysisResult['served']>;
type ProjectProgress = SyncProgress['projects'][number];

/** How often a view asks how the sync is doing while it waits for one. */
export const POLL_INTERVAL_MS = 5_000;
/** A refresh still not landed after this long is left to land on its own; the view says so. */
export const REFRESH_PATIENCE_MS = 3 * 60_000;

/** "Data as of 10:42 · refreshes hourly", or for a scope not stored yet, when it was read live. */
export function servedText(served: Served, moment: (iso: string) => string): string {
  if (served.from === 'store' && served.updating === true)
    return `Data as of ${moment(served.asOf)} · a newer map is being prepared`;
  return served.from === 'store'
    ? `Data as of ${moment(served.asOf)} · refreshes hourly`
    : `Read live from Jira at ${moment(served.asOf)} · the app is storing this scope for faster views`;
}

/** Each project's last successful sync when "Refresh now" was asked; the refresh has landed once each is later. */
export type RefreshBaseline = Readonly<Record<string, string | undefined>>;

export function baselineOf(progress: SyncProgress): RefreshBaseline {
  return Object.fromEntries(progress.projects.map((p) => [p.project, p.lastSuccessAt]));
}

function landed(baseline: RefreshBaseline, project: ProjectProgress): boolean {
  if (project.lastSuccessAt === undefined) return false;
  const before = baseline[project.project];
  return before === undefined || Date.parse(project.lastSuccessAt) > Date.parse(before);
}

/** Every project the viewer may see has synced since the refresh was asked. */
export function refreshLanded(baseline: RefreshBaseline, progress: SyncProgress): boolean {
  return progress.projects.every((project) => landed(baseline, project));
}

/** "Refreshing… (CHK: reading, PAY: reading)": the projects whose sync has not landed yet. */
export function refreshingText(baseline: RefreshBaseline, progress: SyncProgress): string {
  const left = progress.projects.filter((project) => !landed(baseline, project));
  if (left.length === 0) return 'Refreshing…';
  return `Refreshing… (${left.map((p) => `${p.project}: ${p.phase === 'waiting' ? 'waiting' : 'reading'}`).join(', ')})`;
}

/** What stopped the sync, in the sync's own sentences, once each: "CHK: Jira's rate limit … resuming at 10:42." */
export function syncProblems(progress: SyncProgress): string[] {
  const lines = progress.projects.flatMap((p) =>
    p.error === undefined ? [] : [`${p.project}: ${p.error.message}`],
  );
  return [...new Set(lines)];
}

const count = (n: number) => n.toLocaleString();

/** "Reading CHK: 4,200 of 18,000 issues", "CHK: waiting to be read", "CHK: read (18,000 issues)". */
export function readingText(project: ProjectProgress): string {
  if (project.phase === 'current') return `${project.project}: read (${count(project.stored)} issues)`;
  if (project.phase === 'waiting' && project.stored === 0) return `${project.project}: waiting to be read`;
  const total = project.total === undefined ? '' : ` of ${count(project.total)}`;
  return `Reading ${project.project}: ${count(project.stored)}${total} issues`;
}

/** The share read, for a progress bar; undefined while Jira has not said how many issues there are. */
export function readShare(project: ProjectProgress): number | undefined {
  if (project.phase === 'current') return 1;
  if (project.total === undefined || project.total === 0) return undefined;
  return Math.min(1, project.stored / project.total);
}

/** The first read is done for every project the viewer may see: the view can be asked for again. */
export function everyProjectStored(progress: SyncProgress): boolean {
  return progress.projects.every((project) => project.phase === 'current');
}
