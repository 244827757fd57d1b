// The normalised model the analysis computes on: people, product events and per-issue timelines.
// normalise() (src/ownership/normalise/) builds it from SiteData; every other rule reads only this.
import type { DataGap } from '../jira/site';
import type { CellEvidence } from './cell-evidence';
import type { RowKey } from './rows';

/** Events with no author, or by an app account, are counted under this id and never under a person. */
export const AUTOMATION_ID = 'automation';

export interface Person {
  /** accountId on Cloud; Server-era data has none, so its `name` (or `key`) stands in. */
  id: string;
  displayName: string;
  active: boolean;
  isAutomation: boolean;
}

/** Where an event came from, so the UI can always answer "why is Alice A here?". */
export interface Evidence {
  issueKey: string;
  /** Changelog history id; absent for issue creation and comments. */
  historyId?: string;
  /** ISO timestamp as Jira gave it. */
  at: string;
  /** Field name as shown to people (e.g. "Sprint", "status"); absent for creation. */
  field?: string;
  from?: string | null;
  to?: string | null;
}

export interface ProductEvent {
  /** Unique and stable: `${issueKey}/${historyId}/${itemIndex}`, `${issueKey}/created`, `${issueKey}/comment/${id}`. */
  id: string;
  row: RowKey;
  actorId: string;
  /** Epoch milliseconds. */
  at: number;
  issueKey: string;
  projectKey: string;
  /** Boards (squads) the issue belongs to, by its board's project or its sprints. */
  boardIds: number[];
  weight: number;
  evidence: Evidence;
  /** sprint-planning: the sprint added to or removed from; acceptance/delivery: the sprint the issue was in. */
  sprintId?: number;
  /** sprint-planning only: the issue was added after the sprint started. */
  scopeChange?: boolean;
}

/** A comment: not a product event, but it makes its author C (consulted) on the issue's rows. */
export interface CommentEvent {
  actorId: string;
  at: number;
  issueKey: string;
  commentId: string;
}

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface StatusChange {
  at: number;
  actorId: string;
  historyId: string;
  fromStatus: string;
  toStatus: string;
  fromCategory: StatusCategory;
  toCategory: StatusCategory;
  /** Counts as acceptance: into category done, or into a status the user named. */
  isAcceptance: boolean;
}

export interface SprintMembershipChange {
  at: number;
  actorId: string;
  historyId: string;
  added: number[];
  removed: number[];
  /** The full sprint lists before and after the change (Jira writes the whole list). */
  from: number[];
  to: number[];
}

/** Later or earlier move of a roadmap item's target date (duedate, Target start/end). */
export interface TargetDateChange {
  at: number;
  actorId: string;
  historyId: string;
  field: string;
  from: string | null;
  to: string | null;
}

/** Everything per issue that rules need beyond the event stream (waits, criteria at acceptance, carry-over). */
export interface IssueTimeline {
  key: string;
  projectKey: string;
  boardIds: number[];
  summary: string;
  typeName: string;
  /** -1 subtask, 0 standard, 1 epic, 2+ above. */
  hierarchyLevel: number;
  storyLike: boolean;
  created: number;
  creatorId: string;
  /** Reporter now (null when none or an app). */
  reporterId: string | null;
  /** Assignee over time, oldest first; the first entry holds the value at creation (null = unassigned). */
  assignees: { at: number; accountId: string | null }[];
  statusChanges: StatusChange[];
  /** Status at creation (the first change's `fromStatus`, or the current status when never changed). */
  initialStatus: string;
  initialCategory: StatusCategory;
  currentStatus: string;
  currentCategory: StatusCategory;
  sprintChanges: SprintMembershipChange[];
  /** Sprint ids the issue is in now. */
  currentSprints: number[];
  /** Sprint ids at creation (the first Sprint change's `from`, else the current ones). */
  initialSprints: number[];
  /** Times the acceptance-criteria field (or an AC section in the description) became non-empty / empty. */
  criteria: { at: number; present: boolean }[];
  /** Times the estimate became set / unset. */
  estimate: { at: number; present: boolean }[];
  targetDateChanges: TargetDateChange[];
  /** Latest product (non-delivery, non-automation) event on the issue, if any. */
  lastProductEditAt: number | null;
}

export interface SprintInfo {
  id: number;
  boardId: number;
  name: string;
  state: string;
  start: number | null;
  end: number | null;
  complete: number | null;
}

export interface BoardInfo {
  id: number;
  name: string;
  projectKey?: string;
}

export interface NormalisedSite {
  baseUrl: string;
  people: Map<string, Person>;
  events: ProductEvent[];
  comments: CommentEvent[];
  issues: Map<string, IssueTimeline>;
  boards: BoardInfo[];
  sprints: SprintInfo[];
  /** Changelog items that could not be attributed to a row are not events; counted so nothing vanishes silently. */
  ignoredItems: number;
  totalItems: number;
  /** Ignored items by the changelog's field name ("Attachment", "Link", "resolution"…), so nothing vanishes unexplained. */
  ignoredByField: Record<string, number>;
  /** Events made from changelog items (the rest of `events` are issue creations). */
  eventsFromItems: number;
  histories: number;
  /** Issues of the SiteData left out because they belong to no project or board in scope. */
  issuesOutOfScope: number;
  /**
   * Set by normalise() when no two events share an id (the usual case: Jira never repeats a history id within an
   * issue). Rules may then tell events apart by reference instead of building a million id strings. Hand-made
   * sites leave it unset and are resolved through ids.
   */
  uniqueEventIds?: boolean;
  /**
   * What normalise() read but had to leave out (e.g. histories whose date cannot be read); analyse() reports it
   * in the result's completeness. Hand-made sites may leave it out (nothing was left out).
   */
  gaps?: DataGap[];
}

/** One person's part in one row. Automation never holds a letter (its weight is reported per row instead). */
export interface RaciCell {
  personId: string;
  weight: number;
  /** weight / the row's total human weight. */
  share: number;
  eventCount: number;
  /** Commented on at least one of the row's issues. */
  commented: boolean;
  /** On how many of the row's issues they commented (C needs 10 % of them and at least 3). */
  commentedIssues: number;
  letter: 'R' | 'A' | 'C' | 'I';
  /** Ids of the ProductEvents behind the letter (resolve through the event stream). */
  eventIds: string[];
  /**
   * The same events, by reference, in the same order (set by computeRaci). Prefer this to resolving eventIds
   * through an index of the whole stream: on a big site that index costs more than the rule itself.
   */
  events?: ProductEvent[];
  /** The events' evidence (recent ones, latest time per issue), when computeRaci gathered it (overall map). */
  evidence?: CellEvidence;
}

export interface RaciRow {
  row: RowKey;
  totalWeight: number;
  automationWeight: number;
  eventCount: number;
  /** null: nobody reaches the accountable share, the row has no clear owner. */
  accountableId: string | null;
  /** Sorted by share, largest first, then by person id. */
  cells: RaciCell[];
  /**
   * Issues with an event of a person (not automation) in the row: the union of the cells' issues. Set by
   * computeRaciMaps on the overall map, so the result need not merge every cell's issues to count them.
   */
  issueCount?: number;
}

export type RaciMap = Record<RowKey, RaciRow>;
