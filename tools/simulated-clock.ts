// A clock a test or benchmark advances: sleeping moves time forward at once, and timers fire when time passes them. Shared by
// the client (its deadline and retry waits) and the local Jira server (its slow faults), it lets tests check
// deadlines in simulated seconds without waiting for any.
import type { Clock } from '../src/jira/clock';

export class SimulatedClock implements Clock {
  private time: number;
  private timers: { at: number; fire: () => void }[] = [];

  constructor(start: number | string) {
    this.time = typeof start === 'number' ? start : Date.parse(start);
  }

  now = (): number => this.time;

  sleep = async (ms: number): Promise<void> => {
    this.advance(ms);
  };

  after = (ms: number): { done: Promise<void>; cancel(): void } => {
    let entry: { at: number; fire: () => void } | undefined;
    const done = new Promise<void>((resolve) => {
      entry = { at: this.time + ms, fire: resolve };
    });
    if (entry) this.timers.push(entry);
    this.advance(0);
    return {
      done,
      cancel: () => {
        this.timers = this.timers.filter((timer) => timer !== entry);
      },
    };
  };

  advance(ms: number): void {
    this.time += Math.max(0, ms);
    const due = this.timers.filter((timer) => timer.at <= this.time);
    this.timers = this.timers.filter((timer) => timer.at > this.time);
    for (const timer of due) timer.fire();
  }
}
