// refinement: edits description, summary, estimate, components, labels or parent (epic link) of a level-0 issue
// that has not started (category new); or moves such an issue into a "ready" status while it is still in the
// backlog (not in a running sprint). Without board column data, "ready" is a status of category new whose name
// says so (Ready, Ready for Dev, Refined, Groomed).
import type { FieldKind } from '../fields';
import type { RowRule } from './rule';

const REFINED_FIELDS = new Set<FieldKind>([
  'description',
  'summary',
  'estimate',
  'components',
  'labels',
  'parent',
  'epicLink',
]);
const READY = /\b(ready|refined|groomed)\b/i;

export const refinementRule: RowRule = (ctx) => {
  if (ctx.level !== 0 || ctx.categoryBefore !== 'new') return null;
  if (REFINED_FIELDS.has(ctx.kind)) return { row: 'refinement', weight: ctx.weights.default };
  if (
    ctx.kind === 'status' &&
    ctx.toCategory === 'new' &&
    !ctx.inStartedSprint &&
    ctx.toStatusName !== null &&
    READY.test(ctx.toStatusName)
  ) {
    return { row: 'refinement', weight: ctx.weights.default };
  }
  return null;
};
