// Time as the data layer sees it: what time it is, waiting, and a timer that fires when a moment has passed. Forge
// gives an invocation a fixed time; tests replace this clock with one they advance, so deadlines are tested in
// simulated time, never against the wall clock.
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Resolves once `ms` have passed from now on this clock (a Jira request still running then is abandoned). */
  after(ms: number): { done: Promise<void>; cancel(): void };
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  after: (ms) => {
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    return { done, cancel: () => clearTimeout(timer) };
  },
};
