import { reviewAcceptance } from '../../src/ownership/acceptance';
import { acceptancesIn } from '../../src/ownership/acceptance-records';
import { person, item, SiteBuilder, ms, APP } from './build';
import { norm } from './normalise/helpers';

const otto = person('otto', 'Otto PO');
const dev = person('dev', 'Dana Dev');
const eve = person('eve', 'Eve Eng');

function board() {
  return new SiteBuilder()
    .board(1, 'Team')
    .sprint(1, 10, { start: '2026-03-02', end: '2026-03-13T17:00', complete: '2026-03-13T17:00' })
    .sprint(1, 11, { start: '2026-03-16', end: '2026-03-27T17:00' });
}

describe('acceptance records', () => {
  it('the acceptor is the actor of the last move into an acceptance status, with figures at that moment', () => {
    const s = board();
    s.issue('P-1', { created: '2026-02-20', by: otto, sprints: [10], assignee: dev, criteria: 'AC' })
      .change('2026-03-03T09:00', dev, item.status('In Progress'))
      .change('2026-03-05T09:00', dev, item.status('In Review'))
      .change('2026-03-10T09:00', otto, item.status('Done'));
    const [r, ...rest] = acceptancesIn(norm(s));
    expect(rest).toHaveLength(0);
    expect(r).toMatchObject({
      issueKey: 'P-1',
      acceptorId: 'otto',
      assigneeId: 'dev',
      selfAccepted: false,
      criteriaPresent: true,
      sprintId: 10,
      fromStatus: 'In Review',
      toStatus: 'Done',
      waitingSince: ms('2026-03-05T09:00'),
      waitWorkingDays: 3, // Thu 09:00 → Tue 09:00 over a weekend
      afterSprintEnd: false,
    });
  });

  it('self-acceptance: the assignee moved their own issue to done; automation never self-accepts', () => {
    const s = board();
    s.issue('P-1', {
      created: '2026-02-20',
      by: otto,
      sprints: [10],
      assignee: dev,
      status: 'In Review',
    }).change('2026-03-10', dev, item.status('Done'));
    s.issue('P-2', {
      created: '2026-02-20',
      by: otto,
      sprints: [10],
      assignee: null,
      status: 'In Review',
    }).change('2026-03-10', APP, item.status('Done'));
    const records = acceptancesIn(norm(s));
    expect(records.map((r) => [r.issueKey, r.selfAccepted, r.acceptorIsAutomation])).toEqual([
      ['P-1', true, false],
      ['P-2', false, true],
    ]);
  });

  it('a reopened issue counts only when its last status change is an acceptance; the last acceptance counts', () => {
    const s = board();
    s.issue('P-1', { created: '2026-02-20', by: otto, status: 'In Review' })
      .change('2026-03-04', dev, item.status('Done'))
      .change('2026-03-05', otto, item.status('In Progress'));
    s.issue('P-2', { created: '2026-02-20', by: otto, status: 'In Review' })
      .change('2026-03-04', dev, item.status('Done'))
      .change('2026-03-05', otto, item.status('In Progress'))
      .change('2026-03-06', otto, item.status('Done'));
    expect(acceptancesIn(norm(s)).map((r) => [r.issueKey, r.acceptorId])).toEqual([['P-2', 'otto']]);
  });

  it('accepted after the sprint ended: still in that sprint but moved to done after its completion', () => {
    const s = board();
    s.issue('P-1', { created: '2026-02-20', by: otto, sprints: [10], status: 'In Review' }).change(
      '2026-03-16T10:00',
      otto,
      item.status('Done'),
    );
    expect(acceptancesIn(norm(s))[0]).toMatchObject({ sprintId: 10, afterSprintEnd: true });
  });

  it('epics and sub-tasks get no acceptance record', () => {
    const s = board();
    s.issue('P-1', { type: 'Epic', created: '2026-02-20', by: otto }).change(
      '2026-03-04',
      otto,
      item.status('Done'),
    );
    s.issue('P-2', { type: 'Sub-task', created: '2026-02-20', by: dev }).change(
      '2026-03-04',
      dev,
      item.status('Done'),
    );
    expect(acceptancesIn(norm(s))).toEqual([]);
  });

  it('the window keeps records accepted inside it, judged by the state at its end', () => {
    const s = board();
    s.issue('P-1', { created: '2026-02-20', by: otto, status: 'In Review' })
      .change('2026-03-04', otto, item.status('Done'))
      .change('2026-03-20', dev, item.status('In Progress'));
    const site = norm(s);
    const to = ms('2026-03-10');
    expect(acceptancesIn(site, { kind: 'dates', from: ms('2026-03-01'), to, sprintIds: [] })).toHaveLength(1);
    expect(acceptancesIn(site, { kind: 'dates', from: ms('2026-03-05'), to, sprintIds: [] })).toHaveLength(0);
    expect(acceptancesIn(site)).toHaveLength(0);
  });
});

describe('sprint acceptance review', () => {
  it('lists completed issues, acceptor concentration, median wait per acceptor and carried-over issues', () => {
    const s = board();
    const done = (key: string, by: typeof otto, when: string, waitingFrom: string) =>
      s
        .issue(key, { created: '2026-02-20', by: otto, sprints: [10], assignee: dev })
        .change(waitingFrom, dev, item.status('In Review'))
        .change(when, by, item.status('Done'));
    done('P-1', otto, '2026-03-04T09:00', '2026-03-03T09:00'); // 1 day
    done('P-2', otto, '2026-03-06T09:00', '2026-03-03T09:00'); // 3 days
    done('P-3', otto, '2026-03-12T09:00', '2026-03-03T09:00'); // 7 days
    done('P-4', eve, '2026-03-05T09:00', '2026-03-04T09:00'); // 1 day
    // Not done when sprint 10 ended, then moved into sprint 11.
    s.issue('P-5', { created: '2026-02-20', by: otto, sprints: [10] })
      .change('2026-03-04', dev, item.status('In Progress'))
      .change('2026-03-13T17:05', otto, item.sprint([10, 11]));
    // Not done and left in the backlog: not carried over.
    s.issue('P-6', { created: '2026-02-20', by: otto, sprints: [10] }).change(
      '2026-03-13T17:05',
      otto,
      item.sprint([]),
    );
    const site = norm(s);
    const records = acceptancesIn(site);
    const review = reviewAcceptance(site, records, site.sprints);
    const s10 = review.sprints[0];
    expect(s10?.completed.map((r) => r.issueKey)).toEqual(['P-1', 'P-4', 'P-2', 'P-3']);
    expect(s10?.acceptors).toEqual([
      { personId: 'otto', count: 3, share: 0.75, medianWaitDays: 3 },
      { personId: 'eve', count: 1, share: 0.25, medianWaitDays: 1 },
    ]);
    expect(s10?.topAcceptor).toEqual({ personId: 'otto', share: 0.75 });
    expect(s10?.carriedOver).toEqual([{ issueKey: 'P-5', toSprintId: 11 }]);
    expect(s10).toMatchObject({ selfAccepted: 0, withoutCriteria: 4, acceptedAfterEnd: 0 });
    expect(review.sprints[1]?.completed).toEqual([]);
    expect(review.outsideSprints).toBe(0);
  });
});
