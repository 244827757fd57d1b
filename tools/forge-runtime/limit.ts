// Forge's time limit on one invocation, on the injectable clock: the handler races `clock.after(limit)`. At the
// limit the platform abandons the invocation as Forge does: the handler's promise keeps running (JavaScript cannot
// stop it) but its result is dropped and its rejection swallowed, and `onLimit` runs first so the caller can cut
// the invocation off before the handler's next step runs.
import type { Clock } from '../../src/jira/clock';

export type Raced<T> =
  { kind: 'returned'; value: T } | { kind: 'threw'; error: unknown } | { kind: 'timeout' };

export async function raceLimit<T>(
  start: () => Promise<T>,
  limitMs: number,
  clock: Pick<Clock, 'after'>,
  onLimit: () => void = () => {},
): Promise<Raced<T>> {
  const limit = clock.after(limitMs);
  // Registered before the handler starts, so when the limit passes this runs before any continuation of the
  // handler (a simulated clock fires the timer inside the handler's own sleep).
  const timedOut = limit.done.then((): Raced<T> => {
    onLimit();
    return { kind: 'timeout' };
  });
  // A handler that throws before its first await rejects like one that throws after it.
  const work = new Promise<T>((resolve) => resolve(start())).then(
    (value): Raced<T> => ({ kind: 'returned', value }),
    (error: unknown): Raced<T> => ({ kind: 'threw', error }),
  );
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    limit.cancel();
  }
}
