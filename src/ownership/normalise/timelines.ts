// Point-in-time questions about an issue's timeline (who was assigned, were criteria or an estimate present,
// which sprints held it, which status it was in): shared by the acceptance review and the warnings.
import type { IssueTimeline, StatusCategory } from '../model';

/** Value of a step series ({at, …} oldest first) at time t: the last entry at or before t. */
function lastAtOrBefore<T extends { at: number }>(series: readonly T[], t: number): T | undefined {
  let found: T | undefined;
  for (const entry of series) {
    if (entry.at > t) break;
    found = entry;
  }
  return found;
}

/** Assignee at time t (null = unassigned). Changes made at exactly t count as already made. */
export function assigneeAt(issue: IssueTimeline, t: number): string | null {
  return lastAtOrBefore(issue.assignees, t)?.accountId ?? issue.assignees[0]?.accountId ?? null;
}

/** Acceptance criteria present at time t (field or description section). */
export function criteriaAt(issue: IssueTimeline, t: number): boolean {
  return lastAtOrBefore(issue.criteria, t)?.present ?? false;
}

/** An estimate present at time t. */
export function estimateAt(issue: IssueTimeline, t: number): boolean {
  return lastAtOrBefore(issue.estimate, t)?.present ?? false;
}

/** Sprint ids the issue was in at time t (after every change made at or before t). */
export function sprintsAt(issue: IssueTimeline, t: number): number[] {
  return [...sprintListAt(issue, t)];
}

/** The same list, read-only and not copied (for callers that only look). */
export function sprintListAt(issue: IssueTimeline, t: number): readonly number[] {
  let current = issue.initialSprints;
  for (const change of issue.sprintChanges) {
    if (change.at > t) break;
    current = change.to;
  }
  return current;
}

/** The issue was in sprint `sprintId` at time t (sprintsAt without the copy). */
export function inSprintAt(issue: IssueTimeline, t: number, sprintId: number): boolean {
  return sprintListAt(issue, t).includes(sprintId);
}

/** Status name and category at time t. */
export function statusAt(issue: IssueTimeline, t: number): { status: string; category: StatusCategory } {
  let status = issue.initialStatus;
  let category = issue.initialCategory;
  for (const change of issue.statusChanges) {
    if (change.at > t) break;
    status = change.toStatus;
    category = change.toCategory;
  }
  return { status, category };
}

/** When the issue entered the status it left at `change` (the previous change into it, else creation). */
export function enteredBefore(issue: IssueTimeline, changeIndex: number): number {
  return changeIndex > 0 ? (issue.statusChanges[changeIndex - 1]?.at ?? issue.created) : issue.created;
}
