import { item, person, SiteBuilder } from '../../build';
import { norm, only } from '../helpers';

const otto = person('otto', 'Otto PO');
const dev = person('dev', 'Dana Dev');
const lee = person('lee', 'Lee Lead');

describe('delivery row', () => {
  it('moving an issue into an indeterminate status is delivery by the mover', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto })
      .change('2026-03-02', dev, item.status('In Progress'))
      .change('2026-03-04', dev, item.status('In Review'));
    expect(only(norm(s), 'delivery').map((e) => e.actorId)).toEqual(['dev', 'dev']);
  });

  it('the assignee gets no event when someone else moves the issue (credit whoever made the change)', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto, assignee: dev }).change(
      '2026-03-02',
      lee,
      item.status('In Progress'),
    );
    const site = norm(s);
    expect(only(site, 'delivery').map((e) => e.actorId)).toEqual(['lee']);
    // Assignment itself is in the timeline, not an event.
    expect(site.issues.get('P-1')?.assignees).toEqual([{ at: expect.any(Number), accountId: 'dev' }]);
  });

  it('assignee changes are recorded in the timeline and counted as ignored items', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto }).change('2026-03-02', lee, item.assignee(dev));
    const site = norm(s);
    expect(site.issues.get('P-1')?.assignees.map((a) => a.accountId)).toEqual([null, 'dev']);
    expect(site.ignoredByField).toEqual({ assignee: 1 });
  });
});
