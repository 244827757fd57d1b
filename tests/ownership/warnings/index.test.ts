import { WARNING_IDS, WarningSchema } from '../../../src/ownership/warning';
import { WARNING_RULES, evaluateWarnings } from '../../../src/ownership/warnings';
import { Scenario, at, expectNoAutomation } from './scenario';

/** A site that trips six warnings at once: three high, one medium, two low. */
function busy(): Scenario {
  const s = new Scenario({ declared: { pm: 'sam', rows: [] } })
    .person('priya', 'Priya Natarajan')
    .person('bob', 'Bob Stone')
    .person('sam', 'Sam Lee')
    .event('roadmap', 'priya', '2026-03-02')
    .event('acceptance', 'priya', '2026-03-03', { count: 8 })
    .event('prioritization', 'priya', '2026-03-04', { count: 2 })
    .event('prioritization', 'bob', '2026-03-04', { count: 2 })
    .event('prioritization', 'sam', '2026-03-04', { count: 2 })
    .acceptMany(7, 'priya', { wait: 3 })
    .acceptMany(3, 'bob');
  for (let i = 1; i <= 5; i++) s.person(`dev${i}`, `Dev ${i}`).event('delivery', `dev${i}`, '2026-03-05');
  s.issue('P-100', {
    typeName: 'Epic',
    hierarchyLevel: 1,
    storyLike: false,
    currentCategory: 'indeterminate',
    created: at('2025-10-01'),
  });
  return s;
}

describe('evaluateWarnings', () => {
  it('has one rule for every warning id of DOMAIN.md', () => {
    expect(Object.keys(WARNING_RULES).sort()).toEqual([...WARNING_IDS].sort());
  });

  it('orders warnings by severity, then id', () => {
    const warnings = evaluateWarnings(busy().context());
    expect(warnings.map((w) => `${w.severity} ${w.id}`)).toEqual([
      'high acceptance-concentration',
      'high strategy-and-acceptance',
      'high tactical-overload',
      'medium no-owner',
      'low declared-mismatch',
      'low deferred-strategy',
    ]);
  });

  it('returns warnings that match the wire schema', () => {
    for (const w of evaluateWarnings(busy().context())) expect(WarningSchema.parse(w)).toEqual(w);
  });

  it('gives the same answer whatever order the events and acceptances arrive in', () => {
    const first = evaluateWarnings(busy().context());
    const reversed = busy();
    reversed.events.reverse();
    reversed.acceptances.reverse();
    expect(evaluateWarnings(reversed.context())).toEqual(first);
  });

  it('never names automation, however much of the work it does', () => {
    const s = busy();
    for (const row of [
      'roadmap',
      'acceptance',
      'prioritization',
      'refinement',
      'sprint-planning',
      'delivery',
    ] as const)
      s.event(row, 'automation', '2026-03-06', { count: 20 });
    s.acceptMany(2, 'automation', { wait: 9 });
    const warnings = evaluateWarnings(s.context());
    expect(warnings.length).toBeGreaterThanOrEqual(5);
    expectNoAutomation(warnings);
  });

  it('returns nothing for an empty site', () => {
    expect(evaluateWarnings(new Scenario().context())).toEqual([]);
  });
});
