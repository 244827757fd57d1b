// Sprint acceptance review (DOMAIN.md): per sprint, the issues completed in it, who accepted each, whether the
// acceptor was the assignee, whether criteria existed, how long it waited in its last status, whether it was
// accepted after the sprint ended, what was carried over; plus each sprint's acceptor concentration and the
// median wait per acceptor.
import type { AcceptanceRecord } from './acceptance-records';
import { compareIssueKeys } from './issue-keys';
import { median } from './median';
import { AUTOMATION_ID, type IssueTimeline, type NormalisedSite, type SprintInfo } from './model';
import { inSprintAt, statusAt } from './normalise/timelines';

export interface CarriedOver {
  issueKey: string;
  /** The later sprint it moved to. */
  toSprintId: number;
}

export interface AcceptorFigures {
  personId: string;
  count: number;
  /** count / the sprint's acceptances. */
  share: number;
  /** Median wait (working days) in the last status before this person's acceptances. */
  medianWaitDays: number;
}

export interface SprintAcceptance {
  sprint: SprintInfo;
  completed: AcceptanceRecord[];
  carriedOver: CarriedOver[];
  /** Largest first, then by id; automation included (its id is AUTOMATION_ID). */
  acceptors: AcceptorFigures[];
  /** The human acceptor with the most acceptances and their share of all of the sprint's acceptances. */
  topAcceptor: { personId: string; share: number } | null;
  selfAccepted: number;
  withoutCriteria: number;
  acceptedAfterEnd: number;
}

export interface AcceptanceReview {
  sprints: SprintAcceptance[];
  /** Acceptances in the window on issues that were in no sprint at the time. */
  outsideSprints: number;
}

/** Sprint ids each issue was ever in, inverted: sprint id → issue keys (only the sprints `wanted`). */
function issuesBySprint(
  issues: ReadonlyMap<string, IssueTimeline>,
  wanted: ReadonlySet<number>,
): Map<number, string[]> {
  const out = new Map<number, Set<string>>();
  const add = (id: number, key: string) => {
    if (!wanted.has(id)) return;
    let set = out.get(id);
    if (set === undefined) {
      set = new Set();
      out.set(id, set);
    }
    set.add(key);
  };
  for (const issue of issues.values()) {
    for (const id of issue.initialSprints) add(id, issue.key);
    for (const id of issue.currentSprints) add(id, issue.key);
    for (const c of issue.sprintChanges) for (const id of c.added) add(id, issue.key);
  }
  const sorted = new Map<number, string[]>();
  for (const [id, keys] of out) sorted.set(id, [...keys].sort(compareIssueKeys));
  return sorted;
}

/** In the sprint when it ended, not done then, and later in a sprint that started after this one. */
function carriedOverFrom(
  sprint: SprintInfo,
  keys: readonly string[],
  site: NormalisedSite,
  sprintById: ReadonlyMap<number, SprintInfo>,
): CarriedOver[] {
  const ended = sprint.complete ?? null;
  if (ended === null || sprint.start === null) return [];
  const start = sprint.start;
  const later = (id: number) => {
    const s = sprintById.get(id);
    return s !== undefined && s.id !== sprint.id && s.start !== null && s.start > start;
  };
  const out: CarriedOver[] = [];
  for (const key of keys) {
    const issue = site.issues.get(key);
    if (issue === undefined || issue.hierarchyLevel < 0) continue;
    if (!inSprintAt(issue, ended, sprint.id)) continue;
    if (statusAt(issue, ended).category === 'done') continue;
    let toSprintId: number | undefined;
    for (const c of issue.sprintChanges) {
      toSprintId = c.added.find(later);
      if (toSprintId !== undefined) break;
    }
    toSprintId ??= [...issue.currentSprints].sort((a, b) => a - b).find(later);
    if (toSprintId !== undefined) out.push({ issueKey: key, toSprintId });
  }
  return out;
}

/**
 * Reviews the given sprints (oldest first). `acceptances` are the window's records (acceptancesIn); a record
 * belongs to the sprint the issue was in when it was accepted.
 */
export function reviewAcceptance(
  site: NormalisedSite,
  acceptances: readonly AcceptanceRecord[],
  sprints: readonly SprintInfo[],
): AcceptanceReview {
  const sprintById = new Map(site.sprints.map((s) => [s.id, s]));
  const bySprint = issuesBySprint(site.issues, new Set(sprints.map((s) => s.id)));
  const recordsBySprint = new Map<number, AcceptanceRecord[]>();
  let outsideSprints = 0;
  for (const r of acceptances) {
    if (r.sprintId === null) {
      outsideSprints += 1;
      continue;
    }
    const list = recordsBySprint.get(r.sprintId) ?? [];
    list.push(r);
    recordsBySprint.set(r.sprintId, list);
  }
  const reviewed: SprintAcceptance[] = sprints.map((sprint) => {
    const completed = recordsBySprint.get(sprint.id) ?? [];
    const byAcceptor = new Map<string, AcceptanceRecord[]>();
    for (const r of completed) {
      const list = byAcceptor.get(r.acceptorId) ?? [];
      list.push(r);
      byAcceptor.set(r.acceptorId, list);
    }
    const acceptors: AcceptorFigures[] = [...byAcceptor.entries()]
      .map(([personId, records]) => ({
        personId,
        count: records.length,
        share: records.length / completed.length,
        medianWaitDays: median(records.map((r) => r.waitWorkingDays)) ?? 0,
      }))
      .sort((a, b) => b.count - a.count || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
    const top = acceptors.find((a) => a.personId !== AUTOMATION_ID);
    return {
      sprint,
      completed,
      carriedOver: carriedOverFrom(sprint, bySprint.get(sprint.id) ?? [], site, sprintById),
      acceptors,
      topAcceptor: top ? { personId: top.personId, share: top.share } : null,
      selfAccepted: completed.filter((r) => r.selfAccepted).length,
      withoutCriteria: completed.filter((r) => !r.criteriaPresent).length,
      acceptedAfterEnd: completed.filter((r) => r.afterSprintEnd).length,
    };
  });
  return { sprints: reviewed, outsideSprints };
}
