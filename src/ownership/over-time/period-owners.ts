// Who is accountable for one row in each period, by the map's own rule (the largest share of the row's weighted
// human activity, if at least the accountable share), computed over a rolling window of the last ROLLING_PERIODS
// periods so one quiet sprint does not flip the owner. A window with fewer than MIN_EVENTS events has no owner:
// too little evidence for one (DOMAIN.md "Ownership over time").
import { EVIDENCE_CAP } from '../evidence';
import type { ProductEvent } from '../model';
import type { Period } from './periods';

export const ROLLING_PERIODS = 3;
export const MIN_EVENTS = 5;

/** Newest first; the same time by id, so the order never depends on the order events came in. */
function newestFirst(a: ProductEvent, b: ProductEvent): number {
  return b.at - a.at || (a.id < b.id ? -1 : 1);
}

/** One person's events in a bucket: how many, and the newest of them that evidence can show. */
interface PersonEvents {
  count: number;
  newest: ProductEvent[];
  /** Once `newest` was cut: the time of its oldest; an older event cannot be among the newest any more. */
  floor: number;
}

/**
 * One period's human events on one row, in one scope (the site or a board): the weight per person, and per person
 * the count and the newest EVIDENCE_CAP events. Evidence behind a period only ever shows the newest EVIDENCE_CAP
 * events of some people, and those are among each one's newest EVIDENCE_CAP, so nothing more is kept: holding
 * every event (each in the site's bucket and its boards') was ~1.7 M references at 50,000 issues.
 */
export class Bucket {
  readonly weights = new Map<string, number>();
  readonly #people = new Map<string, PersonEvents>();
  #count = 0;

  add(e: ProductEvent): void {
    this.weights.set(e.actorId, (this.weights.get(e.actorId) ?? 0) + e.weight);
    this.#count += 1;
    let person = this.#people.get(e.actorId);
    if (person === undefined) {
      person = { count: 0, newest: [], floor: -Infinity };
      this.#people.set(e.actorId, person);
    }
    person.count += 1;
    if (e.at < person.floor) return;
    person.newest.push(e);
    // Sorted and cut once twice the cap has gathered, so each event is sorted in only a few times.
    if (person.newest.length >= 2 * EVIDENCE_CAP) {
      person.newest = newestOf(person.newest);
      person.floor = (person.newest[EVIDENCE_CAP - 1] as ProductEvent).at;
    }
  }

  /** Human events in the period. */
  get eventCount(): number {
    return this.#count;
  }

  /** The events of the people `include` accepts: how many, and their newest (at most EVIDENCE_CAP, unordered). */
  eventsOf(include: (personId: string) => boolean): { total: number; newest: ProductEvent[] } {
    let total = 0;
    const newest: ProductEvent[] = [];
    for (const [id, person] of this.#people) {
      if (!include(id)) continue;
      total += person.count;
      for (const e of person.newest) newest.push(e);
    }
    return { total, newest };
  }
}

/** The newest EVIDENCE_CAP events of a list, newest first. */
export function newestOf(events: ProductEvent[]): ProductEvent[] {
  return events.sort(newestFirst).slice(0, EVIDENCE_CAP);
}

export interface PeriodOwner {
  period: Period;
  /** The accountable person (or team) over the rolling window ending here; null when nobody is. */
  ownerId: string | null;
  /** The owner's share of the window's weight (null without owner). */
  share: number | null;
  /** Human events in the rolling window. */
  eventCount: number;
  /** Every person's share of the window's weight (by person id, never folded). */
  shares: Map<string, number>;
  /**
   * The owner acted on the row in this very period, not only in the earlier ones the rolling window looks back
   * on: a burst in one month echoes through the next two, and an echo is not holding the row.
   */
  ownerActive: boolean;
}

/**
 * `present` names people as the result shows them (people folded into the Team column are the team). The owner
 * is decided per person, as the map decides its A, and then named as shown: the Team holds a row only when one
 * of its members does. Summing members first would let twenty engineers who each write a few tasks "own" story
 * writing together, which the map itself never says (DOMAIN.md "Columns of the map").
 */
export function periodOwners(
  periods: readonly Period[],
  buckets: readonly Bucket[],
  accountableShare: number,
  present: (personId: string) => string,
): PeriodOwner[] {
  return periods.map((period, index) => {
    const weights = new Map<string, number>();
    let eventCount = 0;
    for (let i = Math.max(0, index - ROLLING_PERIODS + 1); i <= index; i++) {
      const bucket = buckets[i] as Bucket;
      eventCount += bucket.eventCount;
      for (const [id, weight] of bucket.weights) weights.set(id, (weights.get(id) ?? 0) + weight);
    }
    // Summed in id order so the totals never depend on event order.
    const ids = [...weights.keys()].sort();
    let total = 0;
    for (const id of ids) total += weights.get(id) as number;
    const shares = new Map(ids.map((id) => [id, total > 0 ? (weights.get(id) as number) / total : 0]));
    let owner: string | null = null;
    let best = 0;
    for (const id of ids) {
      const share = shares.get(id) as number;
      if (share > best) {
        best = share;
        owner = id;
      }
    }
    if (eventCount < MIN_EVENTS || owner === null || best < accountableShare) {
      return { period, ownerId: null, share: null, eventCount, shares, ownerActive: false };
    }
    const ownerActive = (buckets[index] as Bucket).weights.has(owner);
    return { period, ownerId: present(owner), share: best, eventCount, shares, ownerActive };
  });
}
