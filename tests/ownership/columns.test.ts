// Columns of the map (DOMAIN.md): own column for an A or R on a product row or a product role; the rest fold into
// Team (mostly delivery) or Others (no product activity).
import { columnOf, foldOf } from '../../src/ownership/columns';
import { ThresholdsSchema } from '../../src/ownership/config';
import { computeRaci } from '../../src/ownership/raci';
import { observeRoles } from '../../src/ownership/roles';
import { comment, many } from './events';

const T = ThresholdsSchema.parse({});

describe('foldOf', () => {
  const events = [
    ...many(10, 'roadmap', 'pam', 1, { issueKey: 'P-1' }),
    // Eve delivers mostly, and holds an R of refinement (3 of 10): her own column.
    ...many(3, 'refinement', 'eve', 1, { issueKey: 'P-2' }),
    ...many(7, 'refinement', 'pam', 1, { issueKey: 'P-2' }),
    ...many(9, 'delivery', 'eve', 1, { issueKey: 'P-2' }),
    // Dan delivers and orders a little (C): Team. He even holds the A of delivery, which does not count.
    ...many(1, 'prioritization', 'dan', 1, { issueKey: 'P-3' }),
    ...many(19, 'prioritization', 'pam', 1, { issueKey: 'P-3' }),
    ...many(9, 'delivery', 'dan', 1, { issueKey: 'P-3' }),
  ];
  const raci = computeRaci(events, [comment('sam', 'P-1')], T);
  const fold = foldOf({
    raci,
    roles: observeRoles(events, T),
    deliveryPeople: new Set(['eve', 'dan', 'asa']),
    declaredHolders: new Set(['dee']),
  });

  it('gives a column to product roles, to A or R holders of product rows and to declared holders', () => {
    expect(['pam', 'eve', 'dee'].map(fold)).toEqual([null, null, null]);
  });

  it('folds engineers and assignees without events into Team, and everyone else into Others', () => {
    expect(raci.delivery.cells.find((c) => c.personId === 'dan')?.letter).toBe('A');
    expect(['dan', 'asa', 'sam', 'nobody'].map(fold)).toEqual(['team', 'team', 'others', 'others']);
  });

  it('draws Team members in their own columns only when delivery people are to be shown', () => {
    expect([
      columnOf('team', true),
      columnOf('team', false),
      columnOf('others', true),
      columnOf(null, false),
    ]).toEqual(['own', 'team', 'others', 'own']);
  });
});
