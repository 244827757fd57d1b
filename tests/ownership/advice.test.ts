import { adviseSplit } from '../../src/ownership/advice';
import { ThresholdsSchema } from '../../src/ownership/config';
import type { Person, ProductEvent } from '../../src/ownership/model';
import { computeRaci, computeRaciByBoard } from '../../src/ownership/raci';
import { observeRoles } from '../../src/ownership/roles';
import { many } from './events';

const T = ThresholdsSchema.parse({});
const people = new Map<string, Person>([
  ['pam', { id: 'pam', displayName: 'Pam', active: true, isAutomation: false }],
]);

function advise(events: ProductEvent[], boards: number[]) {
  const raci = computeRaci(events, [], T);
  const byBoard = computeRaciByBoard(events, [], T, boards);
  return adviseSplit({ raci, raciByBoard: byBoard, roles: observeRoles(events, T), people, thresholds: T });
}

/** Pam does roadmap and acceptance on each of `boards`, with `tactical` acceptance events per strategic one. */
function pamOn(boards: number[], tactical: number): ProductEvent[] {
  return boards.flatMap((b) => [
    ...many(1, 'roadmap', 'pam', 1, { boardIds: [b] }),
    ...many(tactical, 'acceptance', 'pam', 1, { boardIds: [b] }),
  ]);
}

describe('split advice', () => {
  it('one person doing both for two squads with tactical share under 80 % → the combined role works', () => {
    const [a] = advise(pamOn([1, 2], 3), [1, 2]); // 75 % tactical
    expect(a).toMatchObject({
      personId: 'pam',
      kind: 'combined-role-works',
      figures: { squads: 2, tacticalShareOfProduct: 0.75 },
      boardIds: [1, 2],
    });
    expect(a?.message).toContain('2 squads with 75 %');
  });

  it('tactical overload (80 % or more) → consider a dedicated PO or a second PM', () => {
    const [a] = advise(pamOn([1], 4), [1]); // exactly 80 %
    expect(a).toMatchObject({ kind: 'consider-split', figures: { tacticalShareOfProduct: 0.8, squads: 1 } });
    expect(a?.message).toContain('80 % of their product activity is tactical (threshold 80 %)');
  });

  it('more than two squads → consider a split; more than four → spread too thin', () => {
    expect(advise(pamOn([1, 2, 3], 1), [1, 2, 3])[0]?.kind).toBe('consider-split');
    expect(advise(pamOn([1, 2, 3, 4], 1), [1, 2, 3, 4])[0]?.kind).toBe('consider-split');
    const [thin] = advise(pamOn([1, 2, 3, 4, 5], 1), [1, 2, 3, 4, 5]);
    expect(thin).toMatchObject({ kind: 'spread-too-thin', figures: { squads: 5 } });
  });

  it('a PM with no tactical work: the roles are already split', () => {
    expect(advise(many(3, 'roadmap', 'pam', 1, { boardIds: [1] }), [1])[0]?.kind).toBe('roles-already-split');
  });

  it('without boards, the scope counts as one squad', () => {
    expect(
      advise(pamOn([], 0).concat(many(1, 'roadmap', 'pam'), many(1, 'acceptance', 'pam')), [])[0],
    ).toMatchObject({
      kind: 'combined-role-works',
      figures: { squads: 1 },
      boardIds: [],
    });
  });
});
