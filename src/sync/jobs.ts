// Sync jobs on Forge's queue: the hourly trigger, a saved config, a scope seen for the first time and "Refresh now"
// each push one; the consumer runs a slice and pushes the job again while work is left (at once, or delayed until
// the budget or Jira's rate limit lets it go on). One slice at a time per installation: a lease in storage.
import { Queue } from '@forge/events';
import { z } from 'zod';

export const SYNC_QUEUE = 'ownership-sync';
/** The consumer function's timeoutSeconds in manifest.yml (tests/sync/manifest.test.ts keeps the two equal). */
export const SYNC_TIMEOUT_SECONDS = 600;
/** Forge delays an event at most 15 minutes; a longer pause is several delays. */
export const MAX_DELAY_SECONDS = 900;

export const SyncJobSchema = z.object({
  /** Projects whose state is older than this (epoch ms) are brought up to date by the job. */
  requestedAt: z.number(),
  reason: z.enum(['schedule', 'config-saved', 'first-view', 'refresh', 'continue']),
});
export type SyncJob = z.infer<typeof SyncJobSchema>;

export async function enqueueSync(job: SyncJob, delaySeconds = 0): Promise<void> {
  const delay = Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(delaySeconds)));
  await new Queue({ key: SYNC_QUEUE }).push([{ body: job, ...(delay > 0 ? { delayInSeconds: delay } : {}) }]);
}
