// Per RACI cell: the most recent events (newest first, capped) and the latest time on every issue behind the
// letter, read from the cell's own events as they arrive (computeRaciMaps feeds it while it tallies, so a big
// site's million events are walked once), never from an index of the whole event stream.
import { EVIDENCE_CAP } from './evidence';
import { compareIssueKeys } from './issue-keys';
import type { ProductEvent } from './model';

export class CellEvidence {
  /** Newest first, at most EVIDENCE_CAP. */
  readonly recent: ProductEvent[] = [];
  /** Issue key → time of the latest event on it. */
  readonly issues = new Map<string, number>();
  // While a cell's events come grouped by issue in key order (normalised events do), each issue's latest time is
  // found run by run, one map entry per issue; any other order falls back to merging event by event.
  #runKey: string | null = null;
  #runAt = -Infinity;
  #grouped = true;

  add(e: ProductEvent): void {
    const last = this.issues.get(e.issueKey);
    if (last === undefined || e.at > last) this.issues.set(e.issueKey, e.at);
    this.keep(e);
  }

  /** Only the "most recent" list (the issue map is filled separately). */
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
    if (!this.#grouped) {
      this.merge(e);
    } else if (e.issueKey === this.#runKey) {
      if (e.at > this.#runAt) this.#runAt = e.at;
    } else {
      const runKey = this.#runKey;
      if (runKey !== null) this.issues.set(runKey, this.#runAt);
      if (runKey !== null && compareIssueKeys(runKey, e.issueKey) >= 0) {
        // Not in issue order: from here on, merge through the map.
        this.#grouped = false;
        this.#runKey = null;
        this.merge(e);
        return;
      }
      this.#runKey = e.issueKey;
      this.#runAt = e.at;
    }
  }

  /** Ends the cell's events (records the last run); returns the evidence. */
  close(): this {
    if (this.#grouped && this.#runKey !== null) {
      this.issues.set(this.#runKey, this.#runAt);
      this.#runKey = null;
    }
    return this;
  }

  private merge(e: ProductEvent): void {
    const last = this.issues.get(e.issueKey);
    if (last === undefined || e.at > last) this.issues.set(e.issueKey, e.at);
  }
}

/** The evidence of one RACI cell's events (in the cell's order). */
export function cellEvidence(events: readonly ProductEvent[]): CellEvidence {
  const out = new CellEvidence();
  for (let i = 0; i < events.length; i++) out.push(events[i] as ProductEvent);
  return out.close();
}
