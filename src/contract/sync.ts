// What the UI is told about the background sync: per project how much is stored and when it last synced, what
// stopped it, and when it runs next. A wire shape like the analysis result; src/sync/ fills it.
import { z } from 'zod';

export const SyncErrorSchema = z.object({
  code: z.enum(['rate-limited', 'budget-spent', 'jira', 'storage', 'no-access']),
  /** A sentence for the UI, e.g. "Jira's rate limit for this app is spent; resuming at 10:42." */
  message: z.string(),
  /** When the sync will try again (epoch ms). */
  retryAt: z.number().optional(),
  at: z.number(),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;

export const ProjectSyncProgressSchema = z.object({
  project: z.string(),
  /** waiting: registered, not read yet; backfill: first full read under way; current: the store is up to date. */
  phase: z.enum(['waiting', 'backfill', 'current']),
  /** Issues stored, and in Jira when last counted (absent before the first count). */
  stored: z.number().int(),
  total: z.number().int().optional(),
  /** ISO times. */
  lastSuccessAt: z.string().optional(),
  error: SyncErrorSchema.optional(),
});
export const SyncProgressSchema = z.object({
  projects: z.array(ProjectSyncProgressSchema),
  /** When the sync runs next: the resume time of a paused sync, else the next hourly run. */
  nextAt: z.string().optional(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;
