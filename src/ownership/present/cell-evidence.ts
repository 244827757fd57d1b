// Per RACI cell: the most recent events (newest first, capped) and every issue behind the letter (for a JQL),
// read from the cell's own events, so no index of the whole event stream is ever built.
import { EVIDENCE_TEXT_CAP, JQL_KEY_CAP, type IssueSet } from '../../contract/analysis';
import { EVIDENCE_CAP } from '../evidence';
import { compareIssueKeys } from '../issue-keys';
import type { Evidence, ProductEvent } from '../model';

export class CellEvidence {
  /** Newest first, at most EVIDENCE_CAP. */
  readonly recent: ProductEvent[] = [];
  /** Issue key → time of the latest event on it. */
  readonly issues = new Map<string, number>();

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
}

/**
 * The evidence of one RACI cell's events. Normalised events come grouped by issue in key order, so each issue's
 * latest time is found run by run; any other order falls back to adding event by event.
 */
export function cellEvidence(events: readonly ProductEvent[]): CellEvidence {
  const out = new CellEvidence();
  let runKey: string | null = null;
  let runAt = -Infinity;
  let grouped = true;
  for (const e of events) {
    out.keep(e);
    if (!grouped) {
      const last = out.issues.get(e.issueKey);
      if (last === undefined || e.at > last) out.issues.set(e.issueKey, e.at);
    } else if (e.issueKey === runKey) {
      if (e.at > runAt) runAt = e.at;
    } else {
      if (runKey !== null) out.issues.set(runKey, runAt);
      if (runKey !== null && compareIssueKeys(runKey, e.issueKey) >= 0) {
        // Not in issue order: from here on, merge through the map.
        grouped = false;
        const last = out.issues.get(e.issueKey);
        if (last === undefined || e.at > last) out.issues.set(e.issueKey, e.at);
        runKey = null;
        continue;
      }
      runKey = e.issueKey;
      runAt = e.at;
    }
  }
  if (grouped && runKey !== null) out.issues.set(runKey, runAt);
  return out;
}

function cut(text: string | null | undefined): string | null | undefined {
  if (typeof text !== 'string' || text.length <= EVIDENCE_TEXT_CAP) return text;
  return `${text.slice(0, EVIDENCE_TEXT_CAP - 1)}…`;
}

/** Evidence for the wire: long texts (descriptions, criteria) cut, optional keys only when present. */
export function wireEvidence(e: Evidence): Evidence {
  const out: Evidence = { issueKey: e.issueKey, at: e.at };
  if (e.historyId !== undefined) out.historyId = e.historyId;
  if (e.field !== undefined) out.field = e.field;
  if (e.from !== undefined) out.from = cut(e.from);
  if (e.to !== undefined) out.to = cut(e.to);
  return out;
}

/** `key in (…)` over the set, the most recently touched JQL_KEY_CAP issues when there are more. */
export function issueSet(issues: ReadonlyMap<string, number>): IssueSet | null {
  if (issues.size === 0) return null;
  const complete = issues.size <= JQL_KEY_CAP;
  let keys: string[];
  if (complete) {
    keys = [...issues.keys()];
  } else {
    // The most recently touched issues: the JQL_KEY_CAP-th latest time is the cut; at the cut, key order decides.
    const times = Float64Array.from(issues.values()).sort();
    const cut = times[times.length - JQL_KEY_CAP] as number;
    keys = [];
    const atCut: string[] = [];
    for (const [key, at] of issues) {
      if (at > cut) keys.push(key);
      else if (at === cut) atCut.push(key);
    }
    atCut.sort(compareIssueKeys);
    keys.push(...atCut.slice(0, JQL_KEY_CAP - keys.length));
  }
  keys.sort(compareIssueKeys);
  return { jql: `key in (${keys.join(', ')})`, issueCount: issues.size, complete };
}
