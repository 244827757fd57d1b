// What the sync keeps between slices, per project: where its current pass is (the checkpoint), which issues are
// stored (ids and how many keys each takes), the watermark the next incremental pass starts from, and what went
// wrong last. Written after every page, in one transaction with nothing else pending, so a slice killed anywhere
// resumes from the last page it finished: that page's issues may be written twice, which writes the same values.
import { z } from 'zod';
import { SyncErrorSchema, type SyncError } from '../contract/sync';
import type { Storage } from '../store/storage';

export const ProjectSyncStateSchema = z.object({
  project: z.string(),
  /** backfill: the first full read is under way; current: the store holds the project as of `watermark`. */
  phase: z.enum(['backfill', 'current']),
  /** The pass under way: a backfill, or an incremental pass over issues updated since `since`. */
  pass: z
    .object({
      startedAt: z.number(),
      /** Incremental passes only: issues updated at or after this time (epoch ms) are read again. */
      since: z.number().optional(),
      nextPageToken: z.string().optional(),
      read: z.number().int(),
    })
    .optional(),
  /** Stored issue ids, with the number of keys each record takes (1 for all but the largest). */
  issues: z.record(z.string(), z.number().int().positive()),
  /** Jira's id of the project, for the viewer's permission check (asked by id in bulk). */
  projectId: z.string().optional(),
  /**
   * Stored issues that carry an issue security level, with the level's id: each view asks Jira which of them the
   * viewer may see, without reading the issues themselves.
   */
  secured: z.record(z.string(), z.string()).optional(),
  /** Issues in the project when it was last counted (the id sweep), for progress. */
  total: z.number().int().optional(),
  /** Everything updated before this time (epoch ms) is in the store. */
  watermark: z.number().optional(),
  lastSuccessAt: z.number().optional(),
  lastSweepAt: z.number().optional(),
  error: SyncErrorSchema.optional(),
});
export type ProjectSyncState = z.infer<typeof ProjectSyncStateSchema>;

const projectKey = (project: string) => `sync:project:${project}`;

export function newProjectState(project: string): ProjectSyncState {
  return { project, phase: 'backfill', issues: {} };
}

export async function loadProjectState(storage: Storage, project: string): Promise<ProjectSyncState> {
  return (await storage.getWhole(projectKey(project), ProjectSyncStateSchema)) ?? newProjectState(project);
}

export async function saveProjectState(storage: Storage, state: ProjectSyncState): Promise<void> {
  await storage.putWhole(projectKey(state.project), state);
}

/** The sync's settings per installation; stored so a site admin's choice outlives deployments. */
export const SyncSettingsSchema = z.object({
  /**
   * Jira points the sync may spend an hour. Jira does not publish an installation's quota; one app's logs show
   * 100,100 points an hour (TOOLCHAIN.md): 30,000 leaves most of it for the people using Jira and other apps.
   */
  pointsPerHour: z.number().int().min(100).default(30_000),
  /** Incremental passes re-read issues updated this long before the watermark (clock skew, late indexing). */
  overlapMinutes: z.number().int().min(1).default(15),
  /** How often the id sweep looks for deleted and moved issues (it costs a point per issue). */
  sweepEveryHours: z.number().int().min(1).default(24),
});
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;
const SETTINGS_KEY = 'sync:settings';

export async function loadSettings(storage: Storage): Promise<SyncSettings> {
  return SyncSettingsSchema.parse((await storage.get(SETTINGS_KEY, z.unknown())) ?? {});
}

export async function saveSettings(storage: Storage, settings: Partial<SyncSettings>): Promise<void> {
  await storage.setMany([{ key: SETTINGS_KEY, value: SyncSettingsSchema.parse(settings) }]);
}

/** The installation's last slice, for the UI: running on, paused until a time, or done. */
export const SyncStatusSchema = z.object({
  outcome: z.enum(['done', 'more', 'paused']),
  at: z.number(),
  resumeAt: z.number().optional(),
  error: SyncErrorSchema.optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
const STATUS_KEY = 'sync:status';

export async function saveSyncStatus(
  storage: Storage,
  outcome: { kind: SyncStatus['outcome']; resumeAt?: number; error?: SyncError },
  at: number,
): Promise<void> {
  const status: SyncStatus = { outcome: outcome.kind, at };
  if (outcome.resumeAt !== undefined) status.resumeAt = outcome.resumeAt;
  if (outcome.error !== undefined) status.error = outcome.error;
  await storage.setMany([{ key: STATUS_KEY, value: status }]);
}

export async function loadSyncStatus(storage: Storage): Promise<SyncStatus | undefined> {
  return storage.get(STATUS_KEY, SyncStatusSchema);
}
