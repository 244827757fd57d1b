// Squad archetypes: who does what in a squad, as habits. The acme sample and the benchmark generator both
// build their squads from these three; acme only names the people and tunes a few probabilities.
import { AUTOMATION_FOR_JIRA, type Person } from './people';
import type { AcceptorPick, Pick, SquadHabits } from './spec';

const one = (who: Person | null, weight = 1): Pick => ({ who, weight });
const spreadOver = (people: Person[], weight: number): Pick[] => people.map((p) => one(p, weight));

/** Probabilities a squad starts from; archetypes and samples override what makes them different. */
export const DEFAULT_RATES = {
  pEstimate: 0.95,
  pCriteria: 0.9,
  pCriteriaInDescription: 0,
  pDescriptionEdit: 0.4,
  pSummaryEdit: 0.15,
  pLabels: 0.2,
  pComponent: 0.2,
  pPriorityChange: 0.15,
  pFixVersion: 0.12,
  pFixVersionAtDone: 0.2,
  pScopeChange: 0.08,
  pComment: 0.15,
  pDecoyEdit: 0,
  pSegmentEdit: 0.05,
  ranks: [1, 2] as [number, number],
  useReady: false,
  workDays: [1, 5] as [number, number],
  pSubtasks: 0,
};
export type Rates = typeof DEFAULT_RATES;

/** A product role held for a period (a PO who left, one who joined). */
export interface Tenure {
  who: Person;
  from?: number;
  until?: number;
}

const tenures = (holders: Tenure[], weight = 1): Pick[] =>
  holders.map((t) => ({
    who: t.who,
    weight,
    ...(t.from !== undefined ? { from: t.from } : {}),
    ...(t.until !== undefined ? { until: t.until } : {}),
  }));

/**
 * No PO: the PM writes, refines, ranks, plans and accepts everything herself; the tech lead helps a little.
 * `deployRule` closes some tasks when their pull request merges.
 */
export function pmRunsSquad(
  pm: Person,
  lead: Person,
  rates: Partial<Rates> = {},
  deployRule?: { bot: Person; weight: number },
): SquadHabits {
  const acceptors: AcceptorPick[] = [{ who: pm, weight: 9, waitDays: [3, 6] }];
  if (deployRule)
    acceptors.push({ who: deployRule.bot, weight: deployRule.weight, waitDays: [0, 0.3], types: ['Task'] });
  return {
    epicOwners: [one(pm)],
    storyWriters: [one(pm, 0.7), one(lead, 0.3)],
    otherWriters: [one(pm, 0.5), one(lead, 0.5)],
    refiners: [one(pm, 0.9), one(lead, 0.1)],
    estimators: [one(pm, 0.5), one(lead, 0.5)],
    criteriaWriters: [one(pm, 0.9), one(lead, 0.1)],
    rankers: [one(pm, 0.9), one(lead, 0.1)],
    prioritizers: [one(pm, 0.6), one(lead, 0.4)],
    releasePlanners: [one(pm, 0.8), one(lead, 0.2)],
    planners: [one(pm, 0.95), one(lead, 0.05)],
    scopeChangers: [one(lead, 0.6), one(pm, 0.4)],
    completers: [one(pm, 1), one(lead, 0.05)],
    acceptors,
    commenters: [one(pm, 0.4), one(lead, 0.6)],
    bugLabeller: AUTOMATION_FOR_JIRA,
    staleLabeller: true,
    ...DEFAULT_RATES,
    ...rates,
  };
}

/**
 * A PO who writes, refines and plans but never accepts: engineers move their own work to Done or a peer
 * does. `po` may be several tenures (the previous PO until a date, the current one from a date).
 */
export function poWithoutAcceptance(
  pm: Person,
  po: Tenure[],
  engineers: Person[],
  rates: Partial<Rates> = {},
): SquadHabits {
  const writers = engineers.slice(0, 2);
  return {
    epicOwners: [one(pm)],
    storyWriters: [...tenures(po), ...spreadOver(writers, 0.15)],
    otherWriters: [...tenures(po, 2), ...spreadOver(engineers, 1)],
    refiners: tenures(po),
    estimators: tenures(po),
    criteriaWriters: tenures(po),
    rankers: tenures(po),
    prioritizers: [...tenures(po), ...spreadOver(engineers, 0.03)],
    releasePlanners: [...tenures(po, 0.7), one(pm, 0.3)],
    planners: tenures(po),
    scopeChangers: [...tenures(po, 0.5), ...spreadOver(engineers, 0.05)],
    completers: tenures(po),
    acceptors: [
      { who: 'assignee', weight: 4, waitDays: [0, 0.8] },
      { who: 'peer', weight: 6, waitDays: [0.2, 1.5] },
    ],
    commenters: [...tenures(po), one(pm, 0.3), ...spreadOver(engineers, 0.1)],
    bugLabeller: AUTOMATION_FOR_JIRA,
    staleLabeller: true,
    ...DEFAULT_RATES,
    useReady: true,
    pSubtasks: 0.15,
    ...rates,
  };
}

/**
 * A PO who does the whole job, accepting within a day; the tech lead backs her up. Ordering the backlog is
 * shared with `prioritizers` (the PM, an engineer), so nobody clearly owns it.
 */
export function poRunsSquad(
  pm: Person,
  po: Person,
  lead: Person,
  prioritizers: Pick[],
  commenters: Pick[],
  rates: Partial<Rates> = {},
): SquadHabits {
  return {
    epicOwners: [one(pm)],
    storyWriters: [one(po, 0.85), one(lead, 0.15)],
    otherWriters: [one(lead, 0.5), one(po, 0.5)],
    refiners: [one(po, 0.85), one(lead, 0.15)],
    estimators: [one(po, 0.5), one(lead, 0.5)],
    criteriaWriters: [one(po, 0.9), one(lead, 0.1)],
    rankers: prioritizers,
    prioritizers,
    releasePlanners: [one(po, 0.7), one(pm, 0.3)],
    planners: [one(po, 0.85), one(lead, 0.15)],
    scopeChangers: [one(po, 0.6), one(lead, 0.4)],
    completers: [one(po)],
    acceptors: [
      { who: po, weight: 87, waitDays: [0.05, 1.2] },
      { who: lead, weight: 13, waitDays: [0.05, 1] },
    ],
    commenters: [one(po), one(lead), ...commenters],
    staleLabeller: true,
    ...DEFAULT_RATES,
    useReady: true,
    pCriteria: 0.96,
    pEstimate: 0.98,
    ...rates,
  };
}
