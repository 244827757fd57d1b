// A RACI cell's evidence for the wire: long texts cut, and the issues behind the letter as a JQL (capped). The
// evidence itself (recent events, latest time per issue) is gathered by ../cell-evidence.ts, re-exported here.
import { JQL_KEY_CAP, type IssueSet } from '../../contract/analysis';
import { cutEvidenceText as cut } from '../evidence';
import { compareIssueKeys } from '../issue-keys';
import type { Evidence } from '../model';

export { CellEvidence, cellEvidence } from '../cell-evidence';

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
    const times = new Float64Array(issues.size);
    let n = 0;
    issues.forEach((at) => (times[n++] = at));
    times.sort();
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
