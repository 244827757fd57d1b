// What a generated site is made of: projects with their boards, squads with their people and habits,
// and the scenarios a sample needs (a slipping epic, a stale one...). The acme sample and the benchmark
// generator both describe their site with a SiteSpec; one engine (site.ts) turns any SiteSpec into data.
import type { IssueTypeName } from './catalogue';
import type { Person } from './people';

export interface VersionSpec {
  id: string;
  name: string;
  releaseDate: string;
}

export interface ProjectSpec {
  id: string;
  key: string;
  name: string;
  boardId: number;
  components: { id: string; name: string }[];
  versions: VersionSpec[];
  /** Words the summaries are made of, so issues read like the squad's domain. */
  topics: string[];
}

/**
 * Who does an activity, with a weight. `who: null` is a save with no author (automation that Jira records
 * without a user). `from`/`until` bound the period the person held the habit (a PO who left, one who joined).
 */
export interface Pick {
  who: Person | null;
  weight: number;
  from?: number;
  until?: number;
}

/** Who moves an issue to Done: a named person, the issue's own assignee, another engineer of the squad. */
export interface AcceptorPick {
  who: Person | 'assignee' | 'peer';
  weight: number;
  /** Working days the issue sits in review before this acceptor moves it. */
  waitDays: [number, number];
  /** Only these issue types (e.g. a deploy rule that closes tasks). */
  types?: IssueTypeName[];
}

export interface SquadHabits {
  epicOwners: Pick[];
  storyWriters: Pick[];
  /** Creators of tasks and bugs. */
  otherWriters: Pick[];
  refiners: Pick[];
  estimators: Pick[];
  criteriaWriters: Pick[];
  rankers: Pick[];
  prioritizers: Pick[];
  /** Set fix versions on open issues (release planning). */
  releasePlanners: Pick[];
  planners: Pick[];
  scopeChangers: Pick[];
  /** Complete sprints, so they author the carry-over of unfinished issues. */
  completers: Pick[];
  acceptors: AcceptorPick[];
  commenters: Pick[];
  /** An app that labels new bugs (an Automation for Jira rule). */
  bugLabeller?: Person;
  /** Records a label on backlog items untouched for 60 days, with no author. */
  staleLabeller: boolean;
  pEstimate: number;
  pCriteria: number;
  /** Share of criteria written as a section of the description instead of the field. */
  pCriteriaInDescription: number;
  pDescriptionEdit: number;
  pSummaryEdit: number;
  pLabels: number;
  pComponent: number;
  pPriorityChange: number;
  pFixVersion: number;
  /** A fix version set in the same save as Done (bookkeeping, not planning). */
  pFixVersionAtDone: number;
  pScopeChange: number;
  pComment: number;
  /** Edits of the decoy text "Story Points" field and of the unknown app field. */
  pDecoyEdit: number;
  pSegmentEdit: number;
  ranks: [number, number];
  useReady: boolean;
  /** Working days from In Progress to In Review. */
  workDays: [number, number];
  /** Share of stories split into subtasks. */
  pSubtasks: number;
}

export interface SquadSpec {
  project: ProjectSpec;
  /** People who build the work: they move issues to In Progress and are the assignees. */
  engineers: Person[];
  habits: SquadHabits;
  epics: number;
  /** Standard (level 0) issues, subtasks not included. */
  issues: number;
  typeMix: { Story: number; Task: number; Bug: number };
}

/** An issue security level (Jira's `fields.security`). */
export interface SecurityLevelSpec {
  id: string;
  name: string;
  description: string;
}

/** Special stories a sample tells; each names the project (or the issue) it happens in. */
export interface Scenarios {
  /** An epic whose target end (and due date) moves later this many times. */
  slippingEpic?: { project: string; slips: number };
  /** An open epic nobody edits after this time. */
  staleEpic?: { project: string; lastEditBefore: number };
  /** An issue left in its closed sprint and accepted after the sprint was completed. */
  acceptedAfterSprint?: { project: string; sprintOrdinal: number };
  /** An issue with a security level: only the accounts that hold the level (securityLevels) may see it. */
  securedIssue?: { key: string; level: SecurityLevelSpec };
}

export interface SiteSpec {
  seed: number;
  baseUrl: string;
  recordedAt: number;
  sprintsPerBoard: number;
  /** Start of each board's first sprint. */
  firstSprintStart: number;
  /** Issues are created in this period (epics in their own, earlier one). */
  issueWindow: { from: number; until: number };
  epicWindow: { from: number; until: number };
  squads: SquadSpec[];
  /** Every account that appears, for permissions.json. */
  people: Person[];
  /** Projects each account may browse; absent = no permissions.json (everyone browses everything). */
  permissions?: Map<Person, string[]>;
  /** Security level ids each account holds, for permissions.json; an account absent holds none. */
  securityLevels?: Map<Person, string[]>;
  scenarios: Scenarios;
  /** Pad each issue with rank and description edits up to this many histories (benchmarks). */
  historiesPerIssue?: number;
}
