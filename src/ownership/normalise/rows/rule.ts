// What a row rule sees of one changelog item (the state just before the item's history) and what it
// returns: the row the item is evidence of, with its weight. One rule per file in this folder.
import type { ChangeItem } from '../../../jira/schemas';
import type { Weights } from '../../config';
import type { StatusCategory } from '../../model';
import type { RowKey } from '../../rows';
import type { FieldKind } from '../fields';

export interface ItemContext {
  kind: FieldKind;
  item: ChangeItem;
  at: number;
  /** Hierarchy level of the issue at that time (-1 subtask, 0 standard, 1 epic, 2+). */
  level: number;
  /** Status category before this history was saved. */
  categoryBefore: StatusCategory;
  /** Before this history: in a sprint that had started and was not complete. */
  inStartedSprint: boolean;
  /** Some item of the same history moves the issue into an acceptance status. */
  historyAccepts: boolean;
  /** Status items: where the item moves the issue. */
  toCategory: StatusCategory | null;
  toAcceptance: boolean;
  toStatusName: string | null;
  /** Sprint items: the sprint ids added and removed, and whether an added sprint was already running. */
  added: readonly number[];
  removed: readonly number[];
  addedToStartedSprint: boolean;
  /** Description items: the new text has an acceptance-criteria section the old text had not. */
  addsCriteriaSection: boolean;
  /** The sprint the issue was in before this history (latest-starting), if any. */
  currentSprintId: number | null;
  weights: Weights;
}

export interface Attribution {
  row: RowKey;
  weight: number;
  sprintId?: number;
  scopeChange?: boolean;
}

/** Returns the row the item is evidence of, or null when this rule does not apply. */
export type RowRule = (ctx: ItemContext) => Attribution | null;
