// acceptance-criteria: edits the acceptance-criteria field, or adds an acceptance-criteria section to the description.
import type { RowRule } from './rule';

export const acceptanceCriteriaRule: RowRule = (ctx) => {
  if (ctx.kind === 'acceptanceCriteria' || (ctx.kind === 'description' && ctx.addsCriteriaSection)) {
    return { row: 'acceptance-criteria', weight: ctx.weights.acceptanceCriteria };
  }
  return null;
};
