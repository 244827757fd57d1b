// The simulated life of one issue: its state at creation and the saves people (or automation) made later.
// A simulation is pure data; render.ts turns it into the issue JSON and changelog Jira would return.
import type { IssueTypeName, PriorityName, StatusKey } from './catalogue';
import type { Person } from './people';
import type { PlannedIssue } from './plan';
import type { VersionSpec } from './spec';
import type { SprintPlan } from './sprints';

export type DateField = 'duedate' | 'targetStart' | 'targetEnd';

export type Change =
  | { kind: 'status'; to: StatusKey }
  | { kind: 'sprintAdd'; sprint: SprintPlan }
  | { kind: 'rank'; higher: boolean }
  | { kind: 'priority'; to: PriorityName }
  | { kind: 'summary'; to: string }
  | { kind: 'description'; to: string }
  | { kind: 'labelAdd'; label: string }
  | { kind: 'component'; component: { id: string; name: string } }
  | { kind: 'fixVersion'; version: VersionSpec }
  | { kind: 'date'; field: DateField; to: string | null }
  /** `association` is how Cloud records a new parent (field IssueParentAssociation, no fieldId). */
  | { kind: 'parent'; parent: number; style: 'association' | 'parent' }
  | { kind: 'points'; to: number }
  | { kind: 'criteria'; to: string }
  | { kind: 'assignee'; to: Person | null }
  | { kind: 'decoyPoints'; to: string }
  | { kind: 'segment'; to: { id: string; name: string } };

/** One save: a changelog history. `author: null` is recorded without an author (automation). */
export interface Intent {
  at: number;
  author: Person | null;
  changes: Change[];
}

export interface CommentPlan {
  at: number;
  author: Person;
  text: string;
}

export interface InitialState {
  summary: string;
  description: string;
  priority: PriorityName;
  creator: Person;
  /** Index of the parent set at creation (epic, or the story of a subtask). */
  parent?: number;
}

/** When the work happened; subtasks and epics are timed from their stories' timings. */
export interface WorkTiming {
  engineer: Person;
  startAt: number | null;
  reviewAt: number | null;
  doneAt: number | null;
}

export interface IssueSimulation {
  plan: PlannedIssue;
  type: IssueTypeName;
  initial: InitialState;
  /** Oldest first, all before recordedAt. */
  intents: Intent[];
  comments: CommentPlan[];
  timing: WorkTiming | null;
}

/** The little a parent or child needs to show about an issue (Cloud embeds it in `parent` and `subtasks`). */
export interface IssueGlance {
  summary: string;
  status: StatusKey;
  priority: PriorityName;
}

export function glance(sim: IssueSimulation): IssueGlance {
  let summary = sim.initial.summary;
  let status: StatusKey = 'todo';
  let priority = sim.initial.priority;
  for (const intent of sim.intents) {
    for (const c of intent.changes) {
      if (c.kind === 'summary') summary = c.to;
      else if (c.kind === 'status') status = c.to;
      else if (c.kind === 'priority') priority = c.to;
    }
  }
  return { summary, status, priority };
}
