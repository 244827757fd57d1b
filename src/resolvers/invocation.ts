// One resolver invocation's time: when it started (the analysis' "now") and the deadline every Jira request and
// retry wait of it shares. Forge stops a UI resolver after 25 s; the margin keeps time for the analysis and for
// the answer to cross the bridge, so the user gets a typed answer instead of Forge's timeout.
import type { RetryPolicy } from '../jira/request';
import type { Clock } from '../jira/clock';
import { Storage } from '../store/storage';
import { enqueueSync, type SyncJob } from '../sync/jobs';
import { registerScope } from '../sync/scopes';

/** Forge's limit for a UI resolver invocation. */
export const UI_INVOCATION_LIMIT_MS = 25_000;
/** Time kept back from Jira reads for the analysis and the answer (the 20k-issue analysis takes ~1 s). */
export const ANALYSIS_MARGIN_MS = 5_000;

export interface InvocationStore {
  storage: Storage;
  /** Tells the background sync which projects a view reads, so it keeps them in the store. */
  registerScope(projects: readonly string[]): Promise<void>;
  requestSync(reason: SyncJob['reason']): Promise<void>;
}

export interface Invocation {
  now: Date;
  /** Epoch ms on `clock` after which no Jira request starts or waits. */
  deadline: number;
  /** The retry policy's clock: the same as the deadline's. */
  retry: Pick<RetryPolicy, 'now' | 'sleep' | 'after'>;
  /** Forge storage and the background sync. */
  store: InvocationStore;
}

export function invocationOf(clock: Clock): Invocation {
  const started = clock.now();
  return {
    now: new Date(started),
    deadline: started + UI_INVOCATION_LIMIT_MS - ANALYSIS_MARGIN_MS,
    retry: { now: clock.now, sleep: clock.sleep, after: clock.after },
    store: {
      storage: new Storage(clock, started + UI_INVOCATION_LIMIT_MS - ANALYSIS_MARGIN_MS),
      registerScope: async (projects) => {
        // The view does not depend on it: storage refusing (its rate limit, an outage) costs the sync a scope
        // until the next view registers it, never the user their answer.
        await registerScope(new Storage(clock), projects, clock.now()).catch((error: unknown) => {
          console.warn(`The scope could not be registered for the background sync: ${String(error)}`);
        });
      },
      requestSync: (reason) => enqueueSync({ requestedAt: clock.now(), reason }),
    },
  };
}
