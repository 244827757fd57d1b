// One record per completed issue: who accepted it (the last move into an acceptance status) and in what state.
// Shared by the sprint acceptance review and the acceptance warnings.
import {
  AUTOMATION_ID,
  type Evidence,
  type IssueTimeline,
  type NormalisedSite,
  type SprintInfo,
  type StatusChange,
} from './model';
import { compareIssueKeys } from './issue-keys';
import { assigneeAt, criteriaAt, enteredBefore, estimateAt, sprintListAt } from './normalise/timelines';
import type { ResolvedWindow } from './window';
import { workingDaysBetween } from './working-days';

export interface AcceptanceRecord {
  issueKey: string;
  projectKey: string;
  boardIds: number[];
  hierarchyLevel: number;
  storyLike: boolean;
  /** Sprint the issue was in when accepted (the latest-starting one if several); null outside sprints. */
  sprintId: number | null;
  /** Actor of the last move into an acceptance status; AUTOMATION_ID for automation. */
  acceptorId: string;
  acceptorIsAutomation: boolean;
  /** Epoch ms of the acceptance. */
  at: number;
  historyId: string;
  fromStatus: string;
  toStatus: string;
  /** Assignee at the moment of acceptance (null = unassigned). */
  assigneeId: string | null;
  /** The acceptor was the assignee at that time (never true for automation). */
  selfAccepted: boolean;
  /** Acceptance criteria existed at acceptance (field or description section). */
  criteriaPresent: boolean;
  /** An estimate existed at acceptance. */
  estimatePresent: boolean;
  /** When the issue entered `fromStatus` (its last status before done); creation time if never moved before. */
  waitingSince: number;
  /** Working days (Mon–Fri, UTC) between waitingSince and at. */
  waitWorkingDays: number;
  /** Accepted after the end of `sprintId` (its completeDate, else endDate). */
  afterSprintEnd: boolean;
  evidence: Evidence;
}

/**
 * The acceptance records of the site: one per level-0 issue whose last status change up to `window.to` moved it
 * into an acceptance status, kept when that move falls inside the window. Ordered by time, then issue key.
 */
export function acceptancesIn(site: NormalisedSite, window?: ResolvedWindow): AcceptanceRecord[] {
  const from = window?.from ?? -Infinity;
  const to = window?.to ?? Infinity;
  const sprintById = new Map(site.sprints.map((s) => [s.id, s]));
  const out: AcceptanceRecord[] = [];
  for (const issue of site.issues.values()) {
    if (issue.hierarchyLevel !== 0) continue;
    let index = -1;
    for (let i = issue.statusChanges.length - 1; i >= 0; i--) {
      if ((issue.statusChanges[i] as StatusChange).at <= to) {
        index = i;
        break;
      }
    }
    const change = issue.statusChanges[index];
    if (change === undefined || !change.isAcceptance || change.at < from) continue;
    out.push(recordOf(issue, index, change, sprintById));
  }
  return out.sort((a, b) => a.at - b.at || compareIssueKeys(a.issueKey, b.issueKey));
}

function recordOf(
  issue: IssueTimeline,
  index: number,
  change: StatusChange,
  sprintById: ReadonlyMap<number, SprintInfo>,
): AcceptanceRecord {
  const at = change.at;
  // The sprint it was in: the latest-starting of its sprints at that moment.
  let sprint: SprintInfo | null = null;
  for (const id of sprintListAt(issue, at)) {
    const s = sprintById.get(id);
    if (s === undefined) continue;
    if (
      sprint === null ||
      (s.start ?? -Infinity) > (sprint.start ?? -Infinity) ||
      ((s.start ?? -Infinity) === (sprint.start ?? -Infinity) && s.id > sprint.id)
    ) {
      sprint = s;
    }
  }
  const sprintEnd = sprint === null ? null : (sprint.complete ?? sprint.end);
  const automation = change.actorId === AUTOMATION_ID;
  const assigneeId = assigneeAt(issue, at);
  const waitingSince = enteredBefore(issue, index);
  return {
    issueKey: issue.key,
    projectKey: issue.projectKey,
    boardIds: issue.boardIds,
    hierarchyLevel: issue.hierarchyLevel,
    storyLike: issue.storyLike,
    sprintId: sprint === null ? null : sprint.id,
    acceptorId: change.actorId,
    acceptorIsAutomation: automation,
    at,
    historyId: change.historyId,
    fromStatus: change.fromStatus,
    toStatus: change.toStatus,
    assigneeId,
    selfAccepted: !automation && assigneeId === change.actorId,
    criteriaPresent: criteriaAt(issue, at),
    estimatePresent: estimateAt(issue, at),
    waitingSince,
    waitWorkingDays: workingDaysBetween(waitingSince, at),
    afterSprintEnd: sprintEnd !== null && at > sprintEnd,
    evidence: {
      issueKey: issue.key,
      historyId: change.historyId,
      at: new Date(at).toISOString(),
      field: 'status',
      from: change.fromStatus,
      to: change.toStatus,
    },
  };
}
