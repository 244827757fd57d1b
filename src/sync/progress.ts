// What the UI may say about the sync of a scope: per project, the backfill's progress (issues read of total), the
// last successful sync, the next one, and the last error in plain language. Read from the sync's own state only:
// it costs no Jira request.
import { ProjectSyncProgressSchema, type SyncProgress } from '../contract/sync';
import type { Storage } from '../store/storage';
import { loadProjectState, loadSyncStatus } from './state';

const HOUR_MS = 3_600_000;

export async function syncProgress(
  storage: Storage,
  projects: readonly string[],
  now: number,
): Promise<SyncProgress> {
  const status = await loadSyncStatus(storage);
  const rows = [];
  for (const project of projects) {
    const state = await loadProjectState(storage, project);
    const stored = Object.keys(state.issues).length;
    const started = state.phase === 'current' || state.pass !== undefined || stored > 0;
    rows.push(
      ProjectSyncProgressSchema.parse({
        project,
        phase: state.phase === 'current' ? 'current' : started ? 'backfill' : 'waiting',
        stored,
        total: state.total,
        lastSuccessAt:
          state.lastSuccessAt === undefined ? undefined : new Date(state.lastSuccessAt).toISOString(),
        error: state.error ?? (status?.outcome === 'paused' ? status.error : undefined),
      }),
    );
  }
  const nextAt =
    status?.outcome === 'paused' && status.resumeAt !== undefined
      ? status.resumeAt
      : Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS;
  return { projects: rows, nextAt: new Date(nextAt).toISOString() };
}
