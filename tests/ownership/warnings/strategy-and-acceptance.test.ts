import { strategyAndAcceptance } from '../../../src/ownership/warnings/strategy-and-acceptance';
import { Scenario, expectNoAutomation } from './scenario';

/** Priya holds the roadmap (3 of 3) and acceptance (4 of 5); `deliverers` other people deliver. */
function team(deliverers: number, config = {}): Scenario {
  const s = new Scenario(config)
    .person('priya', 'Priya Natarajan')
    .person('bob', 'Bob Stone')
    .event('roadmap', 'priya', '2026-03-02', { count: 3 })
    .event('acceptance', 'priya', '2026-03-03', { count: 4 })
    .event('acceptance', 'bob', '2026-03-03');
  for (let i = 1; i <= deliverers; i++)
    s.person(`dev${i}`, `Dev ${i}`).event('delivery', `dev${i}`, '2026-03-04');
  return s;
}

describe('strategy-and-acceptance', () => {
  it('fires when the roadmap owner also owns acceptance and 5 other people deliver', () => {
    const [w, ...rest] = strategyAndAcceptance(team(5).context());
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({
      id: 'strategy-and-acceptance',
      severity: 'high',
      people: ['priya'],
      figures: { roadmapShare: 1, acceptanceShare: 0.8, deliveryPeople: 5 },
      thresholds: { minDeliveryPeople: 5, accountableShare: 0.35 },
      evidenceTotal: 7,
    });
    expect(w?.message).toContain('Priya Natarajan is accountable for the roadmap (100 % of its activity)');
    expect(w?.message).toContain('acceptance (80 %)');
    expect(w?.message).toContain('5 other people deliver (threshold 5)');
    expect(w?.message).toContain('dedicated product owner');
  });

  it('stays silent with 4 delivering people, one below the threshold', () => {
    expect(strategyAndAcceptance(team(4).context())).toEqual([]);
  });

  it('does not count the owner among the people who deliver', () => {
    const s = team(4).event('delivery', 'priya', '2026-03-05');
    expect(strategyAndAcceptance(s.context())).toEqual([]);
  });

  it('does not count automation as a delivering person', () => {
    const s = team(4).event('delivery', 'automation', '2026-03-05', { count: 3 });
    const warnings = strategyAndAcceptance(s.context());
    expect(warnings).toEqual([]);
  });

  it('follows a changed minimum of delivering people', () => {
    expect(strategyAndAcceptance(team(3, { thresholds: { minDeliveryPeople: 3 } }).context())).toHaveLength(
      1,
    );
    expect(strategyAndAcceptance(team(2, { thresholds: { minDeliveryPeople: 3 } }).context())).toEqual([]);
  });

  it('fires for refinement too, and names both rows when the owner holds both', () => {
    const s = team(6).event('refinement', 'priya', '2026-03-06', { count: 2 });
    const [w] = strategyAndAcceptance(s.context());
    expect(w?.figures).toEqual({
      roadmapShare: 1,
      acceptanceShare: 0.8,
      refinementShare: 1,
      deliveryPeople: 6,
    });
    expect(w?.message).toContain('acceptance (80 %) and refinement (100 %)');
  });

  it('stays silent when someone else owns acceptance', () => {
    const s = team(6).event('acceptance', 'bob', '2026-03-07', { count: 6 });
    expect(s.context().raci.acceptance.accountableId).toBe('bob');
    expect(strategyAndAcceptance(s.context())).toEqual([]);
  });

  it('never names automation, even when automation does most of the roadmap', () => {
    const s = team(6).event('roadmap', 'automation', '2026-03-08', { count: 10 });
    const warnings = strategyAndAcceptance(s.context());
    expect(warnings).toHaveLength(1);
    expectNoAutomation(warnings);
  });
});
