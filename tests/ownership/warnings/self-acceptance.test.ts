import { selfAcceptance } from '../../../src/ownership/warnings/self-acceptance';
import { Scenario, expectNoAutomation } from './scenario';

/** Board 1 "Atlas": 10 accepted issues, `self` of them by their own assignee (Dev One). */
function board(self: number, config = {}): Scenario {
  const s = new Scenario(config)
    .person('priya', 'Priya Natarajan')
    .person('dev1', 'Dev One')
    .board(1, 'Atlas')
    .event('acceptance', 'priya', '2026-03-02', { boardIds: [1], count: 2 });
  s.acceptMany(self, 'dev1', { boardIds: [1], assigneeId: 'dev1', selfAccepted: true });
  s.acceptMany(10 - self, 'priya', { boardIds: [1], assigneeId: 'dev1' });
  return s;
}

describe('self-acceptance', () => {
  it('fires on a board where 2 of 10 issues (20 %) were moved to done by their own assignee', () => {
    const [w, ...rest] = selfAcceptance(board(2).context());
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({
      id: 'self-acceptance',
      severity: 'medium',
      boardId: 1,
      people: ['priya'],
      figures: { selfAcceptanceShare: 0.2, selfAccepted: 2, accepted: 10 },
      thresholds: { selfAcceptanceShare: 0.2 },
      evidenceTotal: 2,
    });
    expect(w?.message).toBe(
      'On board Atlas, 2 of 10 finished issues (20 %) were moved to done by their own assignee (threshold ' +
        '20 %): the formal acceptance step looks missing. Consider having Priya Natarajan, who owns acceptance ' +
        'there, accept finished work, or agree a definition of done the team checks.',
    );
  });

  it('stays silent at 1 of 10 (10 %)', () => {
    expect(selfAcceptance(board(1).context())).toEqual([]);
  });

  it('never names the people who closed their own work', () => {
    const [w] = selfAcceptance(board(5).context());
    expect(w?.people).not.toContain('dev1');
    expect(w?.message).not.toContain('Dev One');
  });

  it('leaves subtasks and epics out', () => {
    const s = board(1)
      .acceptMany(5, 'dev1', { boardIds: [1], hierarchyLevel: -1, selfAccepted: true })
      .acceptMany(2, 'dev1', { boardIds: [1], hierarchyLevel: 1, selfAccepted: true });
    expect(selfAcceptance(s.context())).toEqual([]);
  });

  it('counts acceptances by automation in the total, never as self-acceptance', () => {
    const s = board(2).acceptMany(1, 'automation', { boardIds: [1], assigneeId: 'dev1' });
    expect(selfAcceptance(s.context())).toEqual([]);
    const fires = board(3).acceptMany(1, 'automation', { boardIds: [1] });
    expectNoAutomation(selfAcceptance(fires.context()));
  });

  it('judges each board on its own issues', () => {
    const s = board(2)
      .board(2, 'Borealis')
      .acceptMany(10, 'priya', { boardIds: [2], assigneeId: 'dev1' });
    const warnings = selfAcceptance(s.context());
    expect(warnings.map((w) => w.boardId)).toEqual([1]);
  });

  it('judges the whole scope when the data has no boards, and says when nobody owns acceptance', () => {
    const s = new Scenario().person('dev1', 'Dev One');
    s.acceptMany(1, 'dev1', { selfAccepted: true }).acceptMany(3, 'dev1');
    const [w] = selfAcceptance(s.context());
    expect(w?.boardId).toBeUndefined();
    expect(w?.people).toEqual([]);
    expect(w?.message).toBe(
      '1 of 4 finished issues (25 %) were moved to done by their own assignee (threshold 20 %): the formal ' +
        'acceptance step looks missing. Nobody clearly owns acceptance; consider naming a product owner ' +
        'who accepts finished work.',
    );
  });
});
