// prioritization: Rank changes (a drag, weight `rank`) and priority changes on level-0 issues that are not done.
import type { RowRule } from './rule';

export const prioritizationRule: RowRule = (ctx) => {
  if (ctx.level !== 0 || ctx.categoryBefore === 'done') return null;
  if (ctx.kind === 'rank') return { row: 'prioritization', weight: ctx.weights.rank };
  if (ctx.kind === 'priority') return { row: 'prioritization', weight: ctx.weights.default };
  return null;
};
