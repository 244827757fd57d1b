import { tacticalOverload } from '../../../src/ownership/warnings/tactical-overload';
import { Scenario } from './scenario';

function owner(
  roadmap: number,
  tactical: { acceptance?: number; refinement?: number; prioritization?: number },
) {
  const s = new Scenario().person('priya', 'Priya Natarajan').person('bob', 'Bob Stone');
  s.event('roadmap', 'priya', '2026-03-02', { count: roadmap });
  if (tactical.acceptance) s.event('acceptance', 'priya', '2026-03-03', { count: tactical.acceptance });
  if (tactical.refinement) s.event('refinement', 'priya', '2026-03-04', { count: tactical.refinement });
  if (tactical.prioritization)
    s.event('prioritization', 'priya', '2026-03-05', { count: tactical.prioritization });
  return s;
}

describe('tactical-overload', () => {
  it('fires when the roadmap owner has exactly 80 % of product activity in tactical rows', () => {
    const [w, ...rest] = tacticalOverload(owner(1, { acceptance: 3, refinement: 1 }).context());
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({
      id: 'tactical-overload',
      severity: 'high',
      people: ['priya'],
      // A share and the count of the events cited, never the weights behind the share (shown to users).
      figures: { tacticalShare: 0.8, tacticalEvents: 4 },
      thresholds: { tacticalOverloadShare: 0.8 },
      evidenceTotal: 4,
    });
    expect(w?.message).toBe(
      'Priya Natarajan owns the roadmap, yet 80 % of their product activity is tactical, mostly acceptance and ' +
        'refinement (threshold 80 %). Strategy is getting squeezed out; consider handing the backlog and sprint ' +
        'work to a dedicated product owner.',
    );
  });

  it('stays silent just below the threshold (7 of 9 = 78 %)', () => {
    expect(tacticalOverload(owner(2, { acceptance: 7 }).context())).toEqual([]);
  });

  it('leaves delivery work out of the share', () => {
    const s = owner(2, { acceptance: 7 }).event('delivery', 'priya', '2026-03-06', { count: 30 });
    expect(tacticalOverload(s.context())).toEqual([]);
  });

  it('uses weights, not event counts', () => {
    // 9 tactical events at weight 0.5 = 4.5 against 1 strategic: 82 %; counted as events it would be 90 %.
    const s = new Scenario()
      .person('priya', 'Priya Natarajan')
      .event('roadmap', 'priya', '2026-03-02')
      .event('prioritization', 'priya', '2026-03-03', { count: 9, weight: 0.5 });
    const [w] = tacticalOverload(s.context());
    expect(w?.figures.tacticalShare).toBeCloseTo(4.5 / 5.5, 10);
    expect(w?.message).toContain('82 % of their product activity');
  });

  it('only looks at the roadmap owner', () => {
    const s = owner(0, { acceptance: 9 }).event('roadmap', 'bob', '2026-03-02', { count: 3 });
    expect(s.context().raci.roadmap.accountableId).toBe('bob');
    expect(tacticalOverload(s.context())).toEqual([]);
  });

  it('follows a changed threshold', () => {
    const s = new Scenario({ thresholds: { tacticalOverloadShare: 0.5 } })
      .person('priya', 'Priya Natarajan')
      .event('roadmap', 'priya', '2026-03-02')
      .event('refinement', 'priya', '2026-03-03');
    expect(tacticalOverload(s.context())[0]?.message).toContain('50 % of their product activity');
  });
});
