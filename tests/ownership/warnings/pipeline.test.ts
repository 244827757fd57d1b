import { analyseSite } from '../../../src/ownership/analyse';
import { evaluateWarnings } from '../../../src/ownership/warnings';
import { SiteBuilder, config, item, person } from '../build';

/**
 * One squad read from Jira changelogs end to end: Priya writes the epic and every story, plans the sprint and
 * accepts 8 of 10 stories after 4 working days in review; the other 2 are closed by their own assignee.
 */
function squad(): SiteBuilder {
  const priya = person('priya', 'Priya Natarajan');
  const devs = [1, 2, 3, 4, 5].map((i) => person(`dev${i}`, `Dev ${i}`));
  const site = new SiteBuilder()
    .board(1, 'Phoenix', 'P')
    .sprint(1, 1, { start: '2026-03-02', end: '2026-03-13', complete: '2026-03-13' });
  site.issue('P-1', { type: 'Epic', created: '2026-02-02', by: priya });
  for (let n = 2; n <= 11; n++) {
    const dev = devs[n % 5] ?? priya;
    const closer = n <= 3 ? dev : priya;
    site
      .issue(`P-${n}`, { created: '2026-02-10', by: priya, assignee: dev, points: 3, criteria: 'Given…' })
      .change('2026-03-02T09:00', priya, item.sprint([1]))
      .change('2026-03-03T10:00', dev, item.status('In Progress'))
      .change('2026-03-04T10:00', dev, item.status('In Review'))
      .change('2026-03-10T10:00', closer, item.status('Done'));
  }
  return site;
}

describe('warnings over the real pipeline (SiteData → analyseSite → evaluateWarnings)', () => {
  const { context } = analyseSite(squad().build(), config(), new Date('2026-03-20T12:00:00Z'));
  const warnings = evaluateWarnings(context);
  const byId = new Map(warnings.map((w) => [w.id, w]));

  it('fires the acceptance queue, the PM/PO bottleneck and the missing acceptance step', () => {
    expect(warnings.map((w) => w.id)).toEqual([
      'acceptance-concentration',
      'strategy-and-acceptance',
      'tactical-overload',
      'self-acceptance',
    ]);
  });

  it('measures the acceptance queue from the changelog: 80 % accepted by Priya after 4 working days', () => {
    expect(byId.get('acceptance-concentration')?.figures).toMatchObject({
      acceptanceShare: 0.8,
      acceptances: 8,
      totalAcceptances: 10,
      medianWaitDays: 4,
    });
    // The squad's queue: the scope is one board, so the warning names it (and is not given twice).
    expect(byId.get('acceptance-concentration')?.boardId).toBe(1);
    expect(byId.get('acceptance-concentration')?.message).toContain(
      'On board Phoenix, Priya Natarajan accepts 80 % of finished work (8 of 10; threshold 70 %) and work waits ' +
        'a median 4 working days',
    );
  });

  it('counts 2 of 10 stories closed by their own assignee on board Phoenix', () => {
    expect(byId.get('self-acceptance')).toMatchObject({
      boardId: 1,
      people: ['priya'],
      figures: { selfAcceptanceShare: 0.2, selfAccepted: 2, accepted: 10 },
    });
  });

  it('sees five other people deliver while Priya owns the roadmap and acceptance', () => {
    expect(byId.get('strategy-and-acceptance')?.figures.deliveryPeople).toBe(5);
    expect(byId.get('strategy-and-acceptance')?.people).toEqual(['priya']);
  });
});
