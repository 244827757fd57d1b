import { item, person, SiteBuilder } from '../../build';
import { itemEvents, norm, only } from '../helpers';

const pam = person('pam', 'Pam PM');
const otto = person('otto', 'Otto PO');

describe('roadmap row', () => {
  it('creating an epic is a roadmap event of its creator with the createEpic weight (3)', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { type: 'Epic', created: '2026-03-02', by: pam });
    const site = norm(s);
    expect(only(site, 'roadmap')).toEqual([
      expect.objectContaining({ id: 'P-1/created', actorId: 'pam', weight: 3, issueKey: 'P-1' }),
    ]);
  });

  it('creating an initiative (level 2) is roadmap too; its weight follows config.weights.createEpic', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { type: 'Initiative', created: '2026-03-02', by: pam });
    const site = norm(s, { weights: { createEpic: 5 } });
    expect(only(site, 'roadmap').map((e) => e.weight)).toEqual([5]);
  });

  it('edits of an epic (summary, description, due date, target dates, parent) are roadmap, weight 1 each', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { type: 'Epic', created: '2026-03-02', by: otto })
      .change('2026-03-03', pam, item.summary('Checkout v2'), item.description('Why and what'))
      .change('2026-03-04', pam, item.duedate('2026-06-30'), item.targetStart('2026-04-01'))
      .change('2026-03-05', pam, item.targetEnd('2026-06-30'), item.startDate('2026-04-01'))
      .change('2026-03-06', pam, item.parent('P-100'));
    const site = norm(s);
    const edits = itemEvents(site);
    expect(edits).toHaveLength(7);
    expect(edits.every((e) => e.row === 'roadmap' && e.actorId === 'pam' && e.weight === 1)).toBe(true);
    expect(site.issues.get('P-1')?.targetDateChanges.map((c) => c.field)).toEqual([
      'duedate',
      'Target start',
      'Target end',
      'Start date',
    ]);
  });

  it('the same edits on a story are not roadmap', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto, status: 'In Progress' })
      .change('2026-03-04', pam, item.duedate('2026-06-30'))
      .change('2026-03-05', pam, item.summary('Renamed'));
    expect(only(norm(s), 'roadmap')).toHaveLength(0);
  });

  it('a fix version set on an issue that is not done is release planning (roadmap)', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto }).change('2026-03-03', pam, item.fixVersion('1.0'));
    expect(only(norm(s), 'roadmap')).toEqual([expect.objectContaining({ actorId: 'pam', weight: 1 })]);
  });

  it('a fix version set in the same history as the move to done is acceptance bookkeeping, not roadmap', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto, status: 'In Progress' }).change(
      '2026-03-03',
      otto,
      item.status('Done'),
      item.resolution('Fixed'),
      item.fixVersion('1.0'),
    );
    const site = norm(s);
    expect(only(site, 'roadmap')).toHaveLength(0);
    expect(only(site, 'acceptance')).toHaveLength(1);
    expect(site.ignoredByField).toEqual({ 'Fix Version': 1, resolution: 1 });
  });

  it('a fix version set on an issue already done is bookkeeping too', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto, status: 'Done' }).change(
      '2026-03-09',
      pam,
      item.fixVersion('1.0'),
    );
    expect(only(norm(s), 'roadmap')).toHaveLength(0);
  });
});
