// One resolver invocation's time: when it started (the analysis' "now") and the deadline every Jira request and
// retry wait of it shares. Forge stops a UI resolver after 25 s; the margin keeps time for the analysis and for
// the answer to cross the bridge, so the user gets a typed answer instead of Forge's timeout.
import type { RetryPolicy } from '../jira/request';
import { SYSTEM_CLOCK, type Clock } from '../jira/clock';

/** Forge's limit for a UI resolver invocation. */
export const UI_INVOCATION_LIMIT_MS = 25_000;
/** Time kept back from Jira reads for the analysis and the answer (the 20k-issue analysis takes ~1 s). */
export const ANALYSIS_MARGIN_MS = 5_000;

export interface Invocation {
  now: Date;
  /** Epoch ms on `clock` after which no Jira request starts or waits; none outside Forge (the CLI). */
  deadline?: number;
  /** The retry policy's clock: the same as the deadline's. */
  retry: Pick<RetryPolicy, 'now' | 'sleep' | 'after'>;
}

/** Outside Forge (the CLI) nothing stops the run: no deadline, and the analysis' "now" is the given one. */
export function unlimitedInvocation(now: Date, clock: Clock = SYSTEM_CLOCK): Invocation {
  return { now, retry: { now: clock.now, sleep: clock.sleep, after: clock.after } };
}

export function invocationOf(clock: Clock): Invocation {
  const started = clock.now();
  return {
    now: new Date(started),
    deadline: started + UI_INVOCATION_LIMIT_MS - ANALYSIS_MARGIN_MS,
    retry: { now: clock.now, sleep: clock.sleep, after: clock.after },
  };
}
