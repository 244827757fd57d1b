// The row rules in precedence order: the first rule that claims an item gets it, so each item is at most one event.
import { acceptanceCriteriaRule } from './acceptance-criteria';
import { acceptanceRule } from './acceptance';
import { deliveryRule } from './delivery';
import { prioritizationRule } from './prioritization';
import { refinementRule } from './refinement';
import { roadmapRule } from './roadmap';
import type { Attribution, ItemContext, RowRule } from './rule';
import { sprintPlanningRule } from './sprint-planning';

export const ITEM_RULES: readonly RowRule[] = [
  acceptanceCriteriaRule,
  acceptanceRule,
  deliveryRule,
  sprintPlanningRule,
  prioritizationRule,
  roadmapRule,
  refinementRule,
];

export function attributeItem(ctx: ItemContext): Attribution | null {
  for (const rule of ITEM_RULES) {
    const hit = rule(ctx);
    if (hit !== null) return hit;
  }
  return null;
}

export { creationAttribution } from './creation';
export type { Attribution, ItemContext, RowRule } from './rule';
