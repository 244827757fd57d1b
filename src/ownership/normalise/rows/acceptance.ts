// acceptance: moves an issue into a status of category done, or into a status the user names as acceptance.
// Subtasks are excluded here: closing one's own subtask is building work (see delivery.ts).
import type { RowRule } from './rule';

export const acceptanceRule: RowRule = (ctx) => {
  if (ctx.kind !== 'status' || !ctx.toAcceptance || ctx.level < 0) return null;
  const out: ReturnType<RowRule> = { row: 'acceptance', weight: ctx.weights.default };
  if (ctx.currentSprintId !== null) out.sprintId = ctx.currentSprintId;
  return out;
};
