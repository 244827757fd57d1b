// delivery: moves an issue into a status of category indeterminate (the mover gets the event: credit whoever
// made the change). Closing a subtask is delivery too, not acceptance.
//
// DOMAIN.md's second clause, "is its assignee", is NOT turned into events: being assigned is not an act, and
// crediting the assignee when someone else moved the issue would put words in the data's mouth. Assignees are
// counted in the delivering-people set instead (analyse.ts `deliveryPeople`), without weight.
import type { RowRule } from './rule';

export const deliveryRule: RowRule = (ctx) => {
  if (ctx.kind !== 'status') return null;
  const intoWork = ctx.toCategory === 'indeterminate' && !ctx.toAcceptance;
  const closesSubtask = ctx.level < 0 && ctx.toAcceptance;
  if (!intoWork && !closesSubtask) return null;
  const out: ReturnType<RowRule> = { row: 'delivery', weight: ctx.weights.default };
  if (ctx.currentSprintId !== null) out.sprintId = ctx.currentSprintId;
  return out;
};
