import { item, person, SiteBuilder } from '../../build';
import { norm, only } from '../helpers';

const otto = person('otto', 'Otto PO');
const dev = person('dev', 'Dana Dev');

describe('refinement row', () => {
  it('edits of description, summary, estimate, components, labels and epic link of a story not started', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto })
      .change('2026-03-03', otto, item.description('As a user…'), item.summary('Pay by card'))
      .change('2026-03-04', otto, item.points(3), item.components('Checkout'), item.labels('payments'))
      .change('2026-03-05', otto, item.epicLink('P-100'), item.parent('P-100'));
    const events = only(norm(s), 'refinement');
    expect(events.map((e) => e.evidence.field)).toEqual([
      'description',
      'summary',
      'Story point estimate',
      'Component',
      'labels',
      'Epic Link',
      'IssueParentAssociation',
    ]);
    expect(events.every((e) => e.actorId === 'otto' && e.weight === 1)).toBe(true);
  });

  it('the same edits once the story is in progress are not refinement (state before the history counts)', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto })
      .change('2026-03-03', dev, item.status('In Progress'), item.summary('Edited while moving'))
      .change('2026-03-04', dev, item.points(5));
    const site = norm(s);
    expect(only(site, 'refinement').map((e) => e.evidence.field)).toEqual(['summary']);
    expect(site.ignoredByField).toEqual({ 'Story point estimate': 1 });
  });

  it('moving a backlog story into a "ready" status is refinement; into another new status it is not', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto, status: 'Backlog' })
      .change('2026-03-03', otto, item.status('Ready for Dev'))
      .change('2026-03-04', otto, item.status('To Do'));
    const site = norm(s);
    expect(only(site, 'refinement').map((e) => e.evidence.to)).toEqual(['Ready for Dev']);
  });

  it('moving to "ready" while in a running sprint is not refinement (not in the backlog any more)', () => {
    const s = new SiteBuilder().board(1, 'Team').sprint(1, 10, { start: '2026-03-02', end: '2026-03-13' });
    s.issue('P-1', { created: '2026-02-20', by: otto, status: 'Backlog', sprints: [10] }).change(
      '2026-03-04',
      otto,
      item.status('Ready for Dev'),
    );
    expect(only(norm(s), 'refinement')).toHaveLength(0);
  });
});
