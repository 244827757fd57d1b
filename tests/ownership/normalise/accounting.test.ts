import { normalise } from '../../../src/ownership/normalise';
import { config, item, person, SiteBuilder } from '../build';
import { itemEvents, norm } from './helpers';

const otto = person('otto', 'Otto PO');
const dev = person('dev', 'Dana Dev');

describe('every changelog item is accounted for', () => {
  it('items = events from items + ignored items, with the ignored ones named by field', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto })
      .change('2026-03-01', otto, item.rank(), item.attachment('mock.png'), item.link('blocks P-2'))
      .change('2026-03-02', dev, item.status('In Progress'), item.assignee(dev))
      .change(
        '2026-03-03',
        dev,
        item.raw({ field: 'WorklogId', fieldtype: 'jira', to: '1', toString: null }),
        item.raw({ field: 'timespent', to: '3600', toString: '3600' }),
      )
      .change('2026-03-04', otto, item.status('Done'), item.resolution('Done'));
    const site = norm(s);
    expect(site.totalItems).toBe(9);
    expect(itemEvents(site)).toHaveLength(3);
    expect(site.eventsFromItems).toBe(3);
    expect(site.ignoredItems).toBe(6);
    expect(site.ignoredByField).toEqual({
      Attachment: 1,
      Link: 1,
      WorklogId: 1,
      assignee: 1,
      resolution: 1,
      timespent: 1,
    });
    expect(site.histories).toBe(4);
  });

  it('event ids are stable: issue/history/item index, and issue/created', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto }).change(
      '2026-03-01',
      otto,
      item.attachment('a'),
      item.rank(),
    );
    const ids = norm(s).events.map((e) => e.id);
    expect(ids).toEqual(['P-1/created', expect.stringMatching(/^P-1\/\d+\/1$/)]);
  });

  it('histories are replayed oldest first even when they arrive out of order', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto })
      .change('2026-03-01', dev, item.status('In Progress'))
      .change('2026-03-02', otto, item.status('Done'));
    const data = s.build();
    data.issues[0]?.changelog?.histories.reverse();
    const site = normalise(data, config());
    expect(site.issues.get('P-1')?.statusChanges.map((c) => c.toStatus)).toEqual(['In Progress', 'Done']);
    expect(site.issues.get('P-1')?.initialStatus).toBe('To Do');
  });
});
