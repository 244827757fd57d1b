import { noOwner } from '../../../src/ownership/warnings/no-owner';
import { Scenario, expectNoAutomation } from './scenario';

function people(): Scenario {
  return new Scenario()
    .person('priya', 'Priya Natarajan')
    .person('bob', 'Bob Stone')
    .person('cara', 'Cara Diaz');
}

describe('no-owner', () => {
  it('fires when three people share backlog ordering equally (33 % each, below 35 %)', () => {
    const s = people()
      .event('prioritization', 'priya', '2026-03-02', { count: 3 })
      .event('prioritization', 'bob', '2026-03-02', { count: 3 })
      .event('prioritization', 'cara', '2026-03-02', { count: 3 });
    const [w, ...rest] = noOwner(s.context());
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({
      id: 'no-owner',
      severity: 'medium',
      title: 'No clear owner: Orders the backlog',
      people: ['bob', 'cara', 'priya'],
      thresholds: { accountableShare: 0.35 },
      evidenceTotal: 9,
    });
    expect(w?.figures.topShare).toBeCloseTo(1 / 3, 10);
    expect(w?.figures).toMatchObject({ people: 3, events: 9 });
    expect(w?.message).toBe(
      'Nobody owns "Orders the backlog": 3 people share it and the largest share is 33 % (an owner needs 35 %): ' +
        'Bob Stone (33 %), Cara Diaz (33 %) and Priya Natarajan (33 %). Consider agreeing who is accountable for it.',
    );
  });

  it('stays silent when the largest share reaches 35 % (4 of 10)', () => {
    const s = people()
      .event('prioritization', 'priya', '2026-03-02', { count: 4 })
      .event('prioritization', 'bob', '2026-03-02', { count: 3 })
      .event('prioritization', 'cara', '2026-03-02', { count: 3 });
    expect(noOwner(s.context())).toEqual([]);
  });

  it('follows a changed accountable share', () => {
    const s = new Scenario({ thresholds: { accountableShare: 0.6 } })
      .person('priya', 'Priya Natarajan')
      .person('bob', 'Bob Stone')
      .event('acceptance', 'priya', '2026-03-02', { count: 5 })
      .event('acceptance', 'bob', '2026-03-02', { count: 5 });
    const [w] = noOwner(s.context());
    expect(w?.message).toContain('the largest share is 50 % (an owner needs 60 %)');
  });

  it('leaves out rows nobody works on, rows only automation works on, and non-tactical rows', () => {
    const s = people()
      .event('acceptance', 'automation', '2026-03-02', { count: 5 })
      .event('roadmap', 'priya', '2026-03-02')
      .event('roadmap', 'bob', '2026-03-02')
      .event('roadmap', 'cara', '2026-03-02')
      .event('delivery', 'priya', '2026-03-02')
      .event('delivery', 'bob', '2026-03-02')
      .event('delivery', 'cara', '2026-03-02');
    expect(noOwner(s.context())).toEqual([]);
  });

  it('never names automation among those who share a row', () => {
    const s = people()
      .event('refinement', 'priya', '2026-03-02', { count: 3 })
      .event('refinement', 'bob', '2026-03-02', { count: 3 })
      .event('refinement', 'cara', '2026-03-02', { count: 3 })
      .event('refinement', 'automation', '2026-03-02', { count: 30 });
    const warnings = noOwner(s.context());
    expect(warnings).toHaveLength(1);
    expectNoAutomation(warnings);
  });

  it('never rounds a share up to the threshold it missed', () => {
    // 26 of 75 = 34.67 %: shown as 34.6 %, not as a "35 %" that would seem to meet the 35 % an owner needs.
    const s = people()
      .event('refinement', 'priya', '2026-03-02', { count: 26 })
      .event('refinement', 'bob', '2026-03-02', { count: 25 })
      .event('refinement', 'cara', '2026-03-02', { count: 24 });
    const [w] = noOwner(s.context());
    expect(w?.message).toContain(
      'the largest share is 34.6 % (an owner needs 35 %): Priya Natarajan (34.6 %)',
    );
  });

  it('names the first three and counts the rest', () => {
    const s = people().person('dan', 'Dan Wu').person('eve', 'Eve Ng');
    for (const id of ['priya', 'bob', 'cara', 'dan', 'eve']) s.event('story-writing', id, '2026-03-02');
    expect(noOwner(s.context())[0]?.message).toContain(
      'Bob Stone (20 %), Cara Diaz (20 %), Dan Wu (20 %) and 2 more',
    );
  });
});
