import { item, person, SiteBuilder } from '../../build';
import { norm, only } from '../helpers';

const otto = person('otto', 'Otto PO');

describe('prioritization row', () => {
  it('a rank drag on a story weighs 0.5 and a priority change 1', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto })
      .change('2026-03-03', otto, item.rank())
      .change('2026-03-04', otto, item.priority('High'));
    expect(only(norm(s), 'prioritization').map((e) => [e.evidence.field, e.weight])).toEqual([
      ['Rank', 0.5],
      ['priority', 1],
    ]);
  });

  it('ranking an issue already done, or an epic, is not backlog ordering', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto, status: 'Done' }).change(
      '2026-03-03',
      otto,
      item.rank(),
    );
    s.issue('P-2', { type: 'Epic', created: '2026-03-02', by: otto }).change('2026-03-03', otto, item.rank());
    const site = norm(s);
    expect(only(site, 'prioritization')).toHaveLength(0);
    expect(site.ignoredByField).toEqual({ Rank: 2 });
  });

  it('the rank weight comes from config.weights.rank', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto }).change('2026-03-03', otto, item.rank());
    expect(only(norm(s, { weights: { rank: 0.25 } }), 'prioritization')[0]?.weight).toBe(0.25);
  });
});
