// Per RACI cell: the most recent events (newest first, capped) and the latest time on every issue behind the
// letter, read from the cell's own events as they arrive (computeRaciMaps feeds it while it tallies, so a big
// site's million events are walked once), never from an index of the whole event stream.
import { EVIDENCE_CAP } from './evidence';
import { compareIssueKeys } from './issue-keys';
import type { ProductEvent } from './model';

export class CellEvidence {
  /** Newest first, at most EVIDENCE_CAP. */
  readonly recent: ProductEvent[] = [];
  // The latest time on each issue. While a cell's events come grouped by issue in key order (normalised events
  // do), each issue's time is found run by run and kept in two lists; any other order falls back to a map, merged
  // event by event. At 50,000 issues the cells hold ~350,000 issues: a map entry with its boxed time costs about
  // three times a slot in the two lists (a list of numbers holds them unboxed).
  readonly #keys: string[] = [];
  readonly #times: number[] = [];
  #byKey: Map<string, number> | null = null;
  #runKey: string | null = null;
  #runAt = -Infinity;

  add(e: ProductEvent): void {
    this.noteIssue(e.issueKey, e.at);
    this.keep(e);
  }

  /** Only the "most recent" list (the issue times are kept separately). */
  keep(e: ProductEvent): void {
    const r = this.recent;
    if (r.length === EVIDENCE_CAP && e.at <= (r[r.length - 1] as ProductEvent).at) return;
    // Newest first; equal times keep arrival order, which is the normalised stream's (issue key, then history).
    let i = r.length;
    while (i > 0 && e.at > (r[i - 1] as ProductEvent).at) i--;
    r.splice(i, 0, e);
    if (r.length > EVIDENCE_CAP) r.pop();
  }

  /** The cell's next event, in the cell's order; `close()` after the last one. */
  push(e: ProductEvent): void {
    this.keep(e);
    if (this.#byKey !== null) {
      this.noteIssue(e.issueKey, e.at);
    } else if (e.issueKey === this.#runKey) {
      if (e.at > this.#runAt) this.#runAt = e.at;
    } else {
      const runKey = this.#runKey;
      if (runKey !== null) {
        this.#keys.push(runKey);
        this.#times.push(this.#runAt);
      }
      const previous = this.#keys[this.#keys.length - 1];
      if (previous !== undefined && compareIssueKeys(previous, e.issueKey) >= 0) {
        // Not in issue order: from here on, merge through a map.
        this.#runKey = null;
        this.noteIssue(e.issueKey, e.at);
        return;
      }
      this.#runKey = e.issueKey;
      this.#runAt = e.at;
    }
  }

  /** Ends the cell's events (records the last run); returns the evidence. */
  close(): this {
    const runKey = this.#runKey;
    if (runKey !== null) {
      if (this.#byKey === null) {
        this.#keys.push(runKey);
        this.#times.push(this.#runAt);
      } else {
        this.noteIssue(runKey, this.#runAt);
      }
      this.#runKey = null;
    }
    return this;
  }

  /** Issue `key` was touched at `at` (the later of this and any earlier time counts). */
  noteIssue(key: string, at: number): void {
    const byKey = this.byKey();
    const last = byKey.get(key);
    if (last === undefined || at > last) byKey.set(key, at);
  }

  /** Issues behind the letter. */
  get issueCount(): number {
    return this.#byKey?.size ?? this.#keys.length;
  }

  /**
   * Issue key → time of the latest event on it, in the order first seen: a map made for the caller when the issues
   * are kept as lists, so hold it only while it is needed.
   */
  get issues(): ReadonlyMap<string, number> {
    if (this.#byKey !== null) return this.#byKey;
    const out = new Map<string, number>();
    for (let i = 0; i < this.#keys.length; i++) out.set(this.#keys[i] as string, this.#times[i] as number);
    return out;
  }

  /** The issue times as a map from here on (the run in progress, if any, is still open). */
  private byKey(): Map<string, number> {
    if (this.#byKey === null) {
      this.#byKey = new Map();
      for (let i = 0; i < this.#keys.length; i++) {
        const key = this.#keys[i] as string;
        const at = this.#times[i] as number;
        const last = this.#byKey.get(key);
        if (last === undefined || at > last) this.#byKey.set(key, at);
      }
      this.#keys.length = 0;
      this.#times.length = 0;
    }
    return this.#byKey;
  }
}

/** The evidence of one RACI cell's events (in the cell's order). */
export function cellEvidence(events: readonly ProductEvent[]): CellEvidence {
  const out = new CellEvidence();
  for (let i = 0; i < events.length; i++) out.push(events[i] as ProductEvent);
  return out.close();
}
