// The Forge functions of the sync: the queue consumer that runs one slice, and the hourly scheduled trigger.
// Both run as the app (no user), read through the same JiraClient as the views, and write to Forge storage.
import kvs from '@forge/kvs';
import { JiraClient } from '../jira/client';
import { SYSTEM_CLOCK, type Clock } from '../jira/clock';
import { appRequester } from '../jira/requester';
import { BACKGROUND_READ_UNITS_PER_MINUTE, Storage } from '../store/storage';
import { PointsBudget } from './budget';
import { enqueueSync, SYNC_TIMEOUT_SECONDS, SyncJobSchema } from './jobs';
import { runSlice, type SliceOutcome } from './slice';
import { loadSettings, loadSyncStatus, saveSyncStatus, type SyncStatus } from './state';

/** A slice starts no page after 60 % of the limit, and no request after 85 %: it ends well inside its time. */
const PAGES_UNTIL = 0.6;
const REQUESTS_UNTIL = 0.85;
const LEASE_KEY = 'sync:lease';
/** Another slice holds the lease: try again after this long. */
const BUSY_RETRY_SECONDS = 60;

/** Whether the last slice left a chain that goes on by itself: paused until a later time, or pushed again just now. */
function chainGoesOn(status: SyncStatus | undefined, now: number): boolean {
  if (status === undefined) return false;
  if (status.outcome === 'paused') return (status.resumeAt ?? 0) > now;
  // A 'more' slice pushed its next job at once: it runs within a slice's time unless that push was lost.
  return status.outcome === 'more' && now - status.at < 2 * SYNC_TIMEOUT_SECONDS * 1000;
}

export function defineSyncHandlers(clock: Clock) {
  async function consume(event: { body?: unknown }): Promise<SliceOutcome | { kind: 'busy' }> {
    const job = SyncJobSchema.parse(event.body);
    const startedAt = clock.now();
    const limitMs = SYNC_TIMEOUT_SECONDS * 1000;
    const storage = new Storage(
      clock,
      startedAt + limitMs * REQUESTS_UNTIL,
      BACKGROUND_READ_UNITS_PER_MINUTE,
    );
    // One slice at a time: a lease that expires with the invocation, so a killed slice never blocks the next.
    try {
      await kvs.set(LEASE_KEY, startedAt, {
        keyPolicy: 'FAIL_IF_EXISTS',
        ttl: { value: SYNC_TIMEOUT_SECONDS, unit: 'SECONDS' },
      });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'KEY_ALREADY_EXISTS') throw error;
      await enqueueSync(job, BUSY_RETRY_SECONDS);
      return { kind: 'busy' };
    }
    try {
      // One chain of jobs at a time: while a paused or running chain will go on by itself, a new request (the hourly
      // trigger, a refresh) adds nothing but wake-ups; without this every hour of a long backfill started one more
      // chain (the 50k benchmark: 3,003 invocations in 38 hours instead of a few per hour).
      if (job.reason !== 'continue' && chainGoesOn(await loadSyncStatus(storage), clock.now())) {
        return { kind: 'busy' };
      }
      const settings = await loadSettings(storage);
      const client = new JiraClient({
        requester: appRequester(),
        deadline: startedAt + limitMs * REQUESTS_UNTIL,
        retry: { sleep: clock.sleep, now: clock.now, after: clock.after },
      });
      const budget = await PointsBudget.load(storage, settings.pointsPerHour, clock.now);
      const outcome = await runSlice(job.requestedAt, {
        client,
        storage,
        clock,
        budget,
        settings,
        stopAt: startedAt + limitMs * PAGES_UNTIL,
      });
      await saveSyncStatus(storage, outcome, clock.now());
      if (outcome.kind === 'more') await enqueueSync({ requestedAt: job.requestedAt, reason: 'continue' });
      if (outcome.kind === 'paused') {
        await enqueueSync(
          { requestedAt: job.requestedAt, reason: 'continue' },
          (outcome.resumeAt - clock.now()) / 1000,
        );
      }
      return outcome;
    } finally {
      await kvs.delete(LEASE_KEY);
    }
  }

  async function schedule(): Promise<void> {
    await enqueueSync({ requestedAt: clock.now(), reason: 'schedule' });
  }

  return { consume, schedule };
}

export const { consume, schedule } = defineSyncHandlers(SYSTEM_CLOCK);
