import { acceptanceConcentration } from '../../../src/ownership/warnings/acceptance-concentration';
import { Scenario, at, expectNoAutomation } from './scenario';

function people(): Scenario {
  return new Scenario().person('priya', 'Priya Natarajan').person('bob', 'Bob Stone');
}

describe('acceptance-concentration', () => {
  it('fires at 70 % of acceptances with a median wait of 2 working days', () => {
    const s = people().acceptMany(7, 'priya', { wait: 2 }).acceptMany(3, 'bob', { wait: 0 });
    const [w, ...rest] = acceptanceConcentration(s.context());
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({
      id: 'acceptance-concentration',
      severity: 'high',
      people: ['priya'],
      figures: { acceptanceShare: 0.7, acceptances: 7, totalAcceptances: 10, medianWaitDays: 2 },
      thresholds: { acceptanceConcentrationShare: 0.7, acceptanceWaitDays: 2 },
      evidenceTotal: 7,
    });
    expect(w?.evidence).toHaveLength(7);
    expect(w?.message).toBe(
      'Priya Natarajan accepts 70 % of finished work (7 of 10; threshold 70 %) and work waits a median 2 working ' +
        "days for them (threshold 2 working days). Consider delegating acceptance to a product owner or to the team's " +
        'definition of done.',
    );
  });

  it("fires on one board's queue though the person's share of the whole scope is under the threshold", () => {
    // Board 1: Priya accepts 9 of 10 after 4 days. Board 2: Bob accepts 12. Scope: Priya 9 of 22 (41 %).
    const s = people()
      .person('sofia', 'Sofia Lind')
      .board(1, 'Atlas')
      .board(2, 'Comet')
      .acceptMany(9, 'priya', { wait: 4, boardIds: [1] })
      .acceptMany(1, 'sofia', { wait: 0, boardIds: [1] })
      .acceptMany(12, 'bob', { wait: 0.5, boardIds: [2] });
    const warnings = acceptanceConcentration(s.context());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      boardId: 1,
      people: ['priya'],
      figures: { acceptanceShare: 0.9, acceptances: 9, totalAcceptances: 10, medianWaitDays: 4 },
      evidenceTotal: 9,
    });
    expect(warnings[0]?.message).toMatch(
      /^On board Atlas, Priya Natarajan accepts 90 % of finished work \(9 of 10;/,
    );
  });

  it('gives a one-board scope its board warning only, not the same queue twice', () => {
    const s = people()
      .board(1, 'CHK board')
      .acceptMany(8, 'priya', { wait: 3, boardIds: [1] })
      .acceptMany(2, 'bob', { wait: 0, boardIds: [1] });
    const warnings = acceptanceConcentration(s.context());
    expect(warnings.map((w) => [w.boardId, w.people])).toEqual([[1, ['priya']]]);
    // A board whose name says "board" is not called "board CHK board".
    expect(warnings[0]?.message).toMatch(/^On CHK board, Priya Natarajan accepts 80 %/);
  });

  it('stays silent at 60 % of acceptances even with long waits', () => {
    const s = people().acceptMany(6, 'priya', { wait: 9 }).acceptMany(4, 'bob');
    expect(acceptanceConcentration(s.context())).toEqual([]);
  });

  it('stays silent when the median wait is 1.5 working days and does not grow', () => {
    const s = people()
      .acceptMany(4, 'priya', { wait: 1 })
      .acceptMany(4, 'priya', { wait: 2 })
      .acceptMany(1, 'bob');
    expect(acceptanceConcentration(s.context())).toEqual([]);
  });

  it('reports a median over an even count as the mean of the middle two', () => {
    const s = people()
      .acceptMany(4, 'priya', { wait: 2 })
      .acceptMany(4, 'priya', { wait: 3 })
      .acceptMany(1, 'bob');
    expect(acceptanceConcentration(s.context())[0]?.figures.medianWaitDays).toBe(2.5);
  });

  it('fires when the wait grows strictly over the last 3 sprints, though the median is short', () => {
    const s = people()
      .sprint(1, 1, '2026-03-02', '2026-03-13')
      .sprint(2, 1, '2026-03-16', '2026-03-27')
      .sprint(3, 1, '2026-03-30', '2026-04-10')
      .acceptMany(2, 'priya', { wait: 0, sprintId: 1 })
      .acceptMany(2, 'priya', { wait: 1, sprintId: 2 })
      .acceptance('priya', { wait: 1, sprintId: 3 })
      .acceptance('priya', { wait: 2, sprintId: 3 });
    const [w] = acceptanceConcentration(s.context());
    expect(w?.figures).toMatchObject({
      acceptanceShare: 1,
      medianWaitDays: 1,
      sprintMedianWaitDays1: 0,
      sprintMedianWaitDays2: 1,
      sprintMedianWaitDays3: 1.5,
    });
    expect(w?.message).toContain(
      'the median wait grew sprint over sprint (0 working days, 1 working day and 1.5 working days in ' +
        'Sprint 1, Sprint 2 and Sprint 3)',
    );
  });

  it('does not call a flat wait growing', () => {
    const s = people()
      .sprint(1, 1, '2026-03-02', '2026-03-13')
      .sprint(2, 1, '2026-03-16', '2026-03-27')
      .sprint(3, 1, '2026-03-30', '2026-04-10')
      .acceptance('priya', { wait: 0, sprintId: 1 })
      .acceptance('priya', { wait: 1, sprintId: 2 })
      .acceptance('priya', { wait: 1, sprintId: 3 });
    expect(acceptanceConcentration(s.context())).toEqual([]);
  });

  it('orders sprints by start date, not by id, and looks at the last three only', () => {
    const s = people()
      .sprint(9, 1, '2026-03-02', '2026-03-13')
      .sprint(2, 1, '2026-03-16', '2026-03-27')
      .sprint(7, 1, '2026-03-30', '2026-04-10')
      .sprint(4, 1, '2026-04-13', '2026-04-24')
      .acceptance('priya', { wait: 1.9, sprintId: 9 })
      .acceptance('priya', { wait: 0, sprintId: 2 })
      .acceptance('priya', { wait: 0.5, sprintId: 7 })
      .acceptance('priya', { wait: 1, sprintId: 4 });
    expect(acceptanceConcentration(s.context())[0]?.message).toContain('in Sprint 2, Sprint 7 and Sprint 4');
  });

  it("counts automation's acceptances in the total but never warns about automation", () => {
    const fires = people().acceptMany(7, 'priya', { wait: 3 }).acceptMany(3, 'automation', { wait: 9 });
    expect(acceptanceConcentration(fires.context())).toHaveLength(1);
    const silent = people().acceptMany(7, 'priya', { wait: 3 }).acceptMany(4, 'automation');
    expect(acceptanceConcentration(silent.context())).toEqual([]);
    const onlyAutomation = people().acceptMany(10, 'automation', { wait: 9 });
    const warnings = acceptanceConcentration(onlyAutomation.context());
    expect(warnings).toEqual([]);
    expectNoAutomation(acceptanceConcentration(fires.context()));
  });

  it('counts sprint work only: subtasks and epics are left out', () => {
    const s = people()
      .acceptMany(7, 'priya', { wait: 2 })
      .acceptMany(3, 'bob')
      .acceptMany(5, 'bob', { hierarchyLevel: -1 })
      .acceptMany(2, 'bob', { hierarchyLevel: 1 });
    expect(acceptanceConcentration(s.context())[0]?.figures.totalAcceptances).toBe(10);
  });

  it('caps the evidence at 20 and keeps the total', () => {
    const s = people().acceptMany(30, 'priya', { wait: 4, at: at('2026-03-10') });
    const [w] = acceptanceConcentration(s.context());
    expect(w?.evidence).toHaveLength(20);
    expect(w?.evidenceTotal).toBe(30);
  });
});
