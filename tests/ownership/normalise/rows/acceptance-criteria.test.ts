import { item, person, SiteBuilder } from '../../build';
import { norm, only } from '../helpers';

const otto = person('otto', 'Otto PO');

describe('acceptance-criteria row', () => {
  it('editing the acceptance-criteria field weighs 2, whatever the status', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto, status: 'In Progress' }).change(
      '2026-03-03',
      otto,
      item.criteria('Given a card, when I pay, then I get a receipt'),
    );
    expect(only(norm(s), 'acceptance-criteria')).toEqual([
      expect.objectContaining({ actorId: 'otto', weight: 2, issueKey: 'P-1' }),
    ]);
  });

  it('adding an "Acceptance criteria" section to the description counts as criteria, not refinement', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto, description: 'As a buyer I want…' })
      .change(
        '2026-03-03',
        otto,
        item.description('As a buyer I want…\n\nh3. Acceptance criteria\n* receipt'),
      )
      .change(
        '2026-03-04',
        otto,
        item.description('As a buyer I want…\n\nh3. Acceptance criteria\n* receipt, PDF'),
      );
    const site = norm(s);
    expect(only(site, 'acceptance-criteria')).toHaveLength(1);
    // Editing a description that already had the section is ordinary refinement.
    expect(only(site, 'refinement')).toHaveLength(1);
  });

  it('the criteria timeline records when criteria became present, from the field or the description', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto })
      .change('2026-03-03', otto, item.criteria('AC one'))
      .change('2026-03-05', otto, item.criteria(null));
    s.issue('P-2', { created: '2026-03-02', by: otto, description: 'Acceptance Criteria: works' });
    const site = norm(s);
    expect(site.issues.get('P-1')?.criteria.map((c) => c.present)).toEqual([false, true, false]);
    expect(site.issues.get('P-2')?.criteria.map((c) => c.present)).toEqual([true]);
  });

  it('the weight follows config.weights.acceptanceCriteria', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: otto }).change('2026-03-03', otto, item.criteria('x'));
    expect(only(norm(s, { weights: { acceptanceCriteria: 4 } }), 'acceptance-criteria')[0]?.weight).toBe(4);
  });
});
