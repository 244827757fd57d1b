import { parseSprintField } from '../../../src/ownership/normalise/sprints';
import { normalise } from '../../../src/ownership/normalise';
import { config, item, person, SiteBuilder } from '../build';
import { norm } from './helpers';

const otto = person('otto', 'Otto PO');

describe('boards and sprints', () => {
  it("an issue belongs to its project's boards and to the boards of every sprint it was in", () => {
    const s = new SiteBuilder()
      .board(1, 'Alpha', 'P')
      .board(2, 'Beta', 'Q')
      .board(3, 'Gamma', 'R')
      .sprint(2, 20, { start: '2026-03-02', end: '2026-03-13' });
    s.issue('P-1', { created: '2026-02-20', by: otto })
      .change('2026-02-25', otto, item.sprint([20]))
      .change('2026-02-26', otto, item.sprint([]));
    s.issue('P-2', { created: '2026-02-20', by: otto });
    const site = norm(s);
    expect(site.issues.get('P-1')?.boardIds).toEqual([1, 2]);
    expect(site.issues.get('P-2')?.boardIds).toEqual([1]);
    expect(site.events.find((e) => e.issueKey === 'P-1')?.boardIds).toEqual([1, 2]);
  });

  it('issues outside the scope (project and boards) are left out and counted', () => {
    const s = new SiteBuilder()
      .board(2, 'Beta', 'Q')
      .sprint(2, 20, { start: '2026-03-02', end: '2026-03-13' });
    s.issue('P-1', { created: '2026-02-20', by: otto, sprints: [20] });
    s.issue('X-1', { created: '2026-02-20', by: otto });
    s.issue('Q-1', { created: '2026-02-20', by: otto });
    const site = norm(s, { scope: { projects: [], boards: [2] } });
    expect([...site.issues.keys()]).toEqual(['P-1', 'Q-1']);
    expect(site.issuesOutOfScope).toBe(1);
  });

  it('reads Server-era sprint strings, names with commas included', () => {
    const text =
      'com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=7,rapidViewId=3,state=CLOSED,name=Sprint 7, the big one,' +
      'startDate=2015-03-02T10:00:00.000Z,endDate=2015-03-13T10:00:00.000Z,completeDate=<null>,sequence=7]';
    expect(parseSprintField([text])).toEqual([
      {
        id: 7,
        boardId: 3,
        name: 'Sprint 7, the big one',
        state: 'closed',
        start: Date.parse('2015-03-02T10:00:00.000Z'),
        end: Date.parse('2015-03-13T10:00:00.000Z'),
        complete: null,
      },
    ]);
  });

  it('sprints only known from issue fields join the sprint list with their board', () => {
    const s = new SiteBuilder({ serverEra: true }).board(3, 'Legacy', 'Z');
    // The builder registers the sprint for the field text only; the agile API list stays empty.
    s.sprint(3, 7, { start: '2015-03-02', end: '2015-03-13' });
    s.issue('P-1', { created: '2015-02-20', by: otto, sprints: [7] });
    const data = s.build();
    data.sprints = {};
    const site = normalise(data, config());
    expect(site.sprints).toEqual([expect.objectContaining({ id: 7, boardId: 3, name: 'Sprint 7' })]);
    expect(site.issues.get('P-1')?.boardIds).toEqual([3]);
  });
});
