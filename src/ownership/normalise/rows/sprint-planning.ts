// sprint-planning: adds or removes an issue from a sprint (the Sprint field); an addition to a sprint that had
// already started is also a scope change. Subtasks follow their parent automatically, so theirs are not counted.
import type { RowRule } from './rule';

export const sprintPlanningRule: RowRule = (ctx) => {
  if (ctx.kind !== 'sprint' || ctx.level < 0) return null;
  const sprintId = ctx.added[0] ?? ctx.removed[0];
  if (sprintId === undefined) return null;
  return {
    row: 'sprint-planning',
    weight: ctx.weights.default,
    sprintId,
    scopeChange: ctx.addedToStartedSprint,
  };
};
