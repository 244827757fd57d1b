// roadmap: edits to roadmap items (level >= 1: summary, description, target dates, parent) and release planning
// (a fix version set on an issue that is not done). A fix version set in the same history as the move to done
// is acceptance bookkeeping, not planning, so it is not counted here (nor anywhere else).
// Creating a roadmap item is in creation.ts.
import type { FieldKind } from '../fields';
import type { RowRule } from './rule';

const ROADMAP_ITEM_EDITS = new Set<FieldKind>([
  'summary',
  'description',
  'duedate',
  'startDate',
  'targetStart',
  'targetEnd',
  'parent',
]);

export const roadmapRule: RowRule = (ctx) => {
  if (ctx.level >= 1 && ROADMAP_ITEM_EDITS.has(ctx.kind))
    return { row: 'roadmap', weight: ctx.weights.default };
  if (ctx.kind === 'fixVersion' && ctx.categoryBefore !== 'done' && !ctx.historyAccepts) {
    return { row: 'roadmap', weight: ctx.weights.default };
  }
  return null;
};
