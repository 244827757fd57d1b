import { item, person, SiteBuilder } from '../../build';
import { norm, only } from '../helpers';

const otto = person('otto', 'Otto PO');

function site() {
  return new SiteBuilder()
    .board(1, 'Team')
    .sprint(1, 10, { start: '2026-03-02', end: '2026-03-13', complete: '2026-03-13' })
    .sprint(1, 11, { start: '2026-03-16', end: '2026-03-27' });
}

describe('sprint-planning row', () => {
  it('adding an issue to a sprint before it starts is planning, not a scope change', () => {
    const s = site();
    s.issue('P-1', { created: '2026-02-20', by: otto }).change('2026-02-27', otto, item.sprint([10]));
    expect(only(norm(s), 'sprint-planning')).toEqual([
      expect.objectContaining({ actorId: 'otto', sprintId: 10, scopeChange: false, weight: 1 }),
    ]);
  });

  it('adding an issue after the sprint started is a scope change', () => {
    const s = site();
    s.issue('P-1', { created: '2026-02-20', by: otto }).change('2026-03-04', otto, item.sprint([10]));
    expect(only(norm(s), 'sprint-planning')[0]).toMatchObject({ sprintId: 10, scopeChange: true });
  });

  it('removing an issue from a sprint is planning of that sprint; moving it is one event for the added sprint', () => {
    const s = site();
    s.issue('P-1', { created: '2026-02-20', by: otto, sprints: [10] }).change(
      '2026-03-05',
      otto,
      item.sprint([]),
    );
    s.issue('P-2', { created: '2026-02-20', by: otto, sprints: [10] }).change(
      '2026-03-14',
      otto,
      item.sprint([10, 11]),
    );
    const events = only(norm(s), 'sprint-planning');
    expect(events.map((e) => [e.issueKey, e.sprintId, e.scopeChange])).toEqual([
      ['P-1', 10, false],
      ['P-2', 11, false],
    ]);
  });

  it("a sub-task's sprint follows its parent and is not counted", () => {
    const s = site();
    s.issue('P-1', { type: 'Sub-task', created: '2026-02-20', by: otto }).change(
      '2026-02-27',
      otto,
      item.sprint([10]),
    );
    const n = norm(s);
    expect(only(n, 'sprint-planning')).toHaveLength(0);
    expect(n.ignoredByField).toEqual({ Sprint: 1 });
    expect(n.issues.get('P-1')?.sprintChanges).toHaveLength(1);
  });
});
