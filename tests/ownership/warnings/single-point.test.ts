import type { StatusChange } from '../../../src/ownership/model';
import { singlePoint } from '../../../src/ownership/warnings/single-point';
import { Scenario, at, expectNoAutomation } from './scenario';

function to(
  when: string,
  actorId: string,
  fromStatus: string,
  toStatus: string,
  historyId: string,
): StatusChange {
  const category = (s: string) => (s === 'Done' ? 'done' : s === 'To Do' ? 'new' : 'indeterminate');
  return {
    at: at(when),
    actorId,
    historyId,
    fromStatus,
    toStatus,
    fromCategory: category(fromStatus),
    toCategory: category(toStatus),
    isAcceptance: toStatus === 'Done',
  };
}

/** Board 1 "Atlas": only Priya accepts; P-1 reaches In Review on `review` (Monday 2 March) and is accepted at `accepted`. */
function board(accepted: string, config = {}, review = '2026-03-02'): Scenario {
  const s = new Scenario(config)
    .person('priya', 'Priya Natarajan')
    .person('dev1', 'Dev One')
    .board(1, 'Atlas')
    .event('acceptance', 'priya', '2026-02-10', { boardIds: [1], count: 3 });
  s.issue('P-1', {
    boardIds: [1],
    statusChanges: [
      to('2026-02-16T10:00', 'dev1', 'To Do', 'In Progress', 'h1'),
      to(`${review}T10:00`, 'dev1', 'In Progress', 'In Review', 'h2'),
      to(`${accepted}T10:00`, 'priya', 'In Review', 'Done', 'h3'),
    ],
    currentStatus: 'Done',
    currentCategory: 'done',
  });
  return s;
}

describe('single-point', () => {
  it('fires when work waited 5 working days in a row for the only acceptor (weekend skipped)', () => {
    const [w, ...rest] = singlePoint(board('2026-03-09').context());
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({
      id: 'single-point',
      severity: 'medium',
      boardId: 1,
      people: ['priya'],
      figures: { idleWorkingDays: 5, waitingItems: 1, doers: 1 },
      thresholds: { singlePointIdleDays: 5 },
      evidence: [{ issueKey: 'P-1', historyId: 'h3', field: 'status', from: 'In Review', to: 'Done' }],
      evidenceTotal: 1,
    });
    expect(w?.message).toBe(
      'On board Atlas, Priya Natarajan is the only person who accepts finished work, and 1 item waited 5 ' +
        'working days in a row with no acceptance, from 2026-03-02 to 2026-03-06 (threshold 5). Consider ' +
        'naming a stand-in who can accept work when Priya Natarajan is away.',
    );
  });

  it('stays silent after 4 idle working days (accepted on the fifth)', () => {
    expect(singlePoint(board('2026-03-06').context())).toEqual([]);
  });

  it('stays silent when two people accept on the board', () => {
    const s = board('2026-03-09')
      .person('bob', 'Bob Stone')
      .event('acceptance', 'bob', '2026-02-11', { boardIds: [1] });
    expect(singlePoint(s.context())).toEqual([]);
  });

  it('lets any acceptance by a person break the run, but not one by automation', () => {
    const other = (s: Scenario, actorId: string) =>
      s.issue('P-3', {
        boardIds: [1],
        statusChanges: [to('2026-03-04T09:00', actorId, 'In Review', 'Done', 'h9')],
        created: at('2026-03-04T08:00'),
        currentStatus: 'Done',
        currentCategory: 'done',
      });
    expect(singlePoint(other(board('2026-03-09'), 'priya').context())).toEqual([]);
    const withAutomation = singlePoint(other(board('2026-03-09'), 'automation').context());
    expect(withAutomation[0]?.figures).toMatchObject({ idleWorkingDays: 5, waitingItems: 2 });
    expectNoAutomation(withAutomation);
  });

  it('counts open items sitting in a status work is accepted from, up to now', () => {
    // P-1 waited Mon 23 – Thu 26 February (4 days) before its acceptance on the 27th.
    const s = board('2026-02-27', {}, '2026-02-23');
    s.issue('P-2', {
      boardIds: [1],
      statusChanges: [to('2026-03-02T10:00', 'dev1', 'In Progress', 'In Review', 'h5')],
      currentStatus: 'In Review',
      currentCategory: 'indeterminate',
    });
    s.now = at('2026-03-06T17:00');
    const [w] = singlePoint(s.context());
    expect(w?.figures).toMatchObject({ idleWorkingDays: 5, waitingItems: 1 });
    expect(w?.evidence[0]).toMatchObject({ issueKey: 'P-2', historyId: 'h5' });
    s.now = at('2026-03-05T17:00');
    expect(singlePoint(s.context())).toEqual([]);
  });

  it('does not count open items in a status nothing was ever accepted from', () => {
    const s = board('2026-02-27', {}, '2026-02-23');
    s.issue('P-2', {
      boardIds: [1],
      statusChanges: [to('2026-03-02T10:00', 'dev1', 'To Do', 'In Progress', 'h5')],
      currentStatus: 'In Progress',
      currentCategory: 'indeterminate',
    });
    expect(singlePoint(s.context())).toEqual([]);
  });

  it('counts only days inside the window', () => {
    const s = board('2026-03-09');
    s.window = { kind: 'dates', from: at('2026-03-03'), to: s.now, sprintIds: [] };
    expect(singlePoint(s.context())).toEqual([]);
  });

  it('follows a changed threshold and works over the scope when there are no boards', () => {
    const s = new Scenario({ thresholds: { singlePointIdleDays: 3 } })
      .person('priya', 'Priya Natarajan')
      .event('acceptance', 'priya', '2026-02-10');
    s.issue('P-1', {
      statusChanges: [
        to('2026-03-02T10:00', 'dev1', 'In Progress', 'In Review', 'h2'),
        to('2026-03-05T10:00', 'priya', 'In Review', 'Done', 'h3'),
      ],
      currentStatus: 'Done',
      currentCategory: 'done',
    });
    const [w] = singlePoint(s.context());
    expect(w?.boardId).toBeUndefined();
    expect(w?.figures.idleWorkingDays).toBe(3);
    expect(w?.message.startsWith('Priya Natarajan is the only person')).toBe(true);
  });
});
