import { declaredMismatch } from '../../../src/ownership/warnings/declared-mismatch';
import { Scenario } from './scenario';

function site(declared: { pm?: string; po?: string }): Scenario {
  return new Scenario({ declared: { ...declared, rows: [] } })
    .person('priya', 'Priya Natarajan')
    .person('sam', 'Sam Lee');
}

describe('declared-mismatch', () => {
  it('fires when the declared PM is not the roadmap owner', () => {
    const s = site({ pm: 'priya' })
      .event('roadmap', 'sam', '2026-03-02', { count: 3 })
      .event('roadmap', 'priya', '2026-03-02');
    const [w, ...rest] = declaredMismatch(s.context());
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({
      id: 'declared-mismatch',
      severity: 'low',
      people: ['priya', 'sam'],
      figures: { roadmapOwnerShare: 0.75, roadmapDeclaredShare: 0.25 },
      thresholds: { accountableShare: 0.35 },
      evidenceTotal: 3,
    });
    expect(w?.message).toBe(
      'You declared Priya Natarajan as product manager, but Sam Lee is accountable for the roadmap (75 % of ' +
        'its activity; Priya Natarajan 25 %). Check whether the title matches the job, or update the declared roles.',
    );
  });

  it('stays silent when the declared PM owns the roadmap', () => {
    const s = site({ pm: 'priya' })
      .event('roadmap', 'priya', '2026-03-02', { count: 3 })
      .event('roadmap', 'sam', '2026-03-02');
    expect(declaredMismatch(s.context())).toEqual([]);
  });

  it('stays silent when nobody owns the roadmap (no one else is named)', () => {
    const s = site({ pm: 'priya' })
      .person('cara', 'Cara Diaz')
      .event('roadmap', 'sam', '2026-03-02')
      .event('roadmap', 'cara', '2026-03-02')
      .event('roadmap', 'priya', '2026-03-02');
    expect(s.context().raci.roadmap.accountableId).toBeNull();
    expect(declaredMismatch(s.context())).toEqual([]);
  });

  it('stays silent when nothing is declared', () => {
    const s = site({}).event('roadmap', 'sam', '2026-03-02');
    expect(declaredMismatch(s.context())).toEqual([]);
  });

  it('checks the PO against backlog order, refinement and acceptance, naming only the rows someone else owns', () => {
    const s = site({ po: 'priya' })
      .event('prioritization', 'priya', '2026-03-02', { count: 2 })
      .event('refinement', 'priya', '2026-03-02', { count: 2 })
      .event('acceptance', 'sam', '2026-03-02', { count: 4 })
      .event('sprint-planning', 'sam', '2026-03-02', { count: 4 });
    const [w] = declaredMismatch(s.context());
    expect(w?.figures).toEqual({ acceptanceOwnerShare: 1, acceptanceDeclaredShare: 0 });
    expect(w?.message).toBe(
      'You declared Priya Natarajan as product owner, but Sam Lee is accountable for acceptance (100 % of its ' +
        'activity; Priya Natarajan 0 %). Check whether the title matches the job, or update the declared roles.',
    );
  });

  it('warns per declared role', () => {
    const s = site({ pm: 'priya', po: 'priya' })
      .event('roadmap', 'sam', '2026-03-02')
      .event('acceptance', 'sam', '2026-03-02');
    expect(declaredMismatch(s.context()).map((w) => w.title)).toEqual([
      'Declared product manager is not the observed one',
      'Declared product owner is not the observed one',
    ]);
  });

  it('never shows the raw account id of a declared person the data has never seen', () => {
    const s = site({ pm: '5f1c-unknown-account' }).event('roadmap', 'sam', '2026-03-02');
    const [w] = declaredMismatch(s.context());
    expect(w?.message).toBe(
      'You declared a product manager who has no activity in this data, but Sam Lee is accountable for the ' +
        'roadmap (100 % of its activity; the declared person 0 %). Check whether the title matches the job, or ' +
        'update the declared roles.',
    );
    expect(w?.people).toEqual(['sam']);
    expect(w?.message).not.toContain('5f1c-unknown-account');
  });
});
