// The one result shape every resolver returns: data, or an error a user can act on.
import { z } from 'zod';
import { SyncProgressSchema } from './sync';

export const ERROR_CODES = [
  'bad-config',
  'bad-request',
  'not-configured',
  'no-access',
  'not-found',
  'rate-limited',
  'jira-error',
  'not-installed',
  'too-slow',
  /** The scope is being read into the app's store in the background; `progress` says how far. */
  'syncing',
  'internal',
] as const;
export const ResolverErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** A plain sentence: what is wrong and what to do. */
  message: z.string(),
  /** For bad-config: which setting, e.g. "thresholds.accountableShare", and what is wrong with it. */
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** For rate-limited: when Jira said it will answer again (ISO time), for the UI to show in the viewer's clock. */
  retryAt: z.iso.datetime().optional(),
  /** For syncing: the background read's progress per project. */
  progress: SyncProgressSchema.optional(),
});
export type ResolverError = z.infer<typeof ResolverErrorSchema>;

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
