import { item, person, SiteBuilder } from '../../build';
import { norm, only } from '../helpers';

const otto = person('otto', 'Otto PO');
const dev = person('dev', 'Dana Dev');

describe('acceptance row', () => {
  it('moving an issue into a status of category done is acceptance by the mover, with the sprint it was in', () => {
    const s = new SiteBuilder().board(1, 'Team').sprint(1, 10, { start: '2026-03-02', end: '2026-03-13' });
    s.issue('P-1', { created: '2026-02-20', by: otto, status: 'In Review', sprints: [10] }).change(
      '2026-03-10',
      otto,
      item.status('Done'),
    );
    expect(only(norm(s), 'acceptance')).toEqual([
      expect.objectContaining({ actorId: 'otto', sprintId: 10, weight: 1 }),
    ]);
  });

  it('a status missing from the status list is not guessed from its name: reported until the user maps it', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto, status: 'In Progress' })
      .change('2026-03-10', dev, item.status('Resolved'))
      .change('2026-03-11', otto, item.status('Closed'));
    const unmapped = norm(s);
    expect(only(unmapped, 'acceptance')).toEqual([]);
    expect((unmapped.gaps ?? []).map((gap) => [gap.kind, /^Status "(\w+)"/.exec(gap.message)?.[1]])).toEqual([
      ['unreadable', 'Closed'],
      ['unreadable', 'Resolved'],
    ]);
    const mapped = norm(s, { statusMapping: { Resolved: 'done', closed: 'done' } });
    expect(only(mapped, 'acceptance').map((e) => e.actorId)).toEqual(['dev', 'otto']);
    expect(mapped.gaps).toEqual([]);
  });

  it('a status the user names as acceptance counts even though its category is indeterminate', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto, status: 'In Review' }).change(
      '2026-03-10',
      otto,
      item.status('Ready for Acceptance'),
    );
    expect(only(norm(s), 'acceptance')).toHaveLength(0);
    expect(only(norm(s, { acceptanceStatuses: ['ready for acceptance'] }), 'acceptance')).toHaveLength(1);
  });

  it('closing a sub-task is delivery, not acceptance', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { type: 'Sub-task', created: '2026-02-20', by: dev, status: 'In Progress' }).change(
      '2026-03-10',
      dev,
      item.status('Done'),
    );
    const site = norm(s);
    expect(only(site, 'acceptance')).toHaveLength(0);
    expect(only(site, 'delivery')).toHaveLength(1);
  });
});
