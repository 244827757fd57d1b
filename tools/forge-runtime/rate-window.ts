// A per-minute quota on the injectable clock. Forge states its quotas "a minute" without saying how the minute is
// cut; a sliding window is the strict reading (no burst of twice the quota across a minute boundary), so a design
// that fits it fits Forge's.
import type { Clock } from '../../src/jira/clock';

export class RateWindow {
  private spent: { at: number; units: number }[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  /** Units spent in the window ending now. */
  used(): number {
    const since = this.clock.now() - this.windowMs;
    this.spent = this.spent.filter((entry) => entry.at > since);
    return this.spent.reduce((sum, entry) => sum + entry.units, 0);
  }

  /** Whether `units` more fit in the window now. */
  allows(units: number): boolean {
    return this.used() + units <= this.limit;
  }

  spend(units: number): void {
    this.spent.push({ at: this.clock.now(), units });
  }

  /** Spends `units` if they fit; false (nothing spent) if they do not. */
  take(units: number): boolean {
    if (!this.allows(units)) return false;
    this.spend(units);
    return true;
  }
}
