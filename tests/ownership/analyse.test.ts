import { AnalysisResultSchema, TEAM_ID } from '../../src/contract/analysis';
import { analyse } from '../../src/ownership/analyse';
import type { AnalysisConfigInput } from '../../src/ownership/config';
import { config, item, person, SiteBuilder } from './build';

const pam = person('pam', 'Pam PM');
const otto = person('otto', 'Otto PO');
const devs = ['d1', 'd2', 'd3'].map((id) => person(id, `Dev ${id}`));
const NOW = new Date('2026-04-01T00:00:00Z');

/** Pam writes epics, Otto runs the backlog and accepts, three developers build 30 stories. */
function site() {
  const s = new SiteBuilder()
    .board(1, 'Team', 'P')
    .sprint(1, 10, { start: '2026-03-02', end: '2026-03-13T17:00', complete: '2026-03-13T17:00' })
    .sprint(1, 11, { start: '2026-03-16', end: '2026-03-27T17:00', complete: '2026-03-27T17:00' });
  s.issue('P-100', { type: 'Epic', created: '2026-02-01', by: pam }).change(
    '2026-02-02',
    pam,
    item.targetEnd('2026-06-30'),
  );
  for (let i = 1; i <= 30; i++) {
    const dev = devs[i % 3] ?? devs[0];
    const sprint = i <= 15 ? 10 : 11;
    const day = sprint === 10 ? '2026-03-0' : '2026-03-1';
    s.issue(`P-${i}`, { created: '2026-02-10', by: otto, assignee: dev })
      .change('2026-02-20', otto, item.rank(), item.points(3), item.criteria('Given…'))
      .change('2026-02-27', otto, item.sprint([sprint]))
      .change(`${day}3T10:00`, dev ?? null, item.status('In Progress'))
      .change(`${day}5T10:00`, dev ?? null, item.status('In Review'))
      .change(`${day}6T10:00`, otto, item.status('Done'));
  }
  s.issue('P-200', { created: '2026-02-10', by: otto }).comment(
    '2026-03-03',
    person('sam', 'Sam Stakeholder'),
  );
  return s.build();
}

function run(input: Partial<AnalysisConfigInput> = {}) {
  return analyse(site(), config(input), NOW);
}

describe('analyse', () => {
  it('returns a result that validates against the shared schema, stamped with now', () => {
    const r = run();
    expect(() => AnalysisResultSchema.parse(r)).not.toThrow();
    expect(r.version).toBe(2);
    expect(r.generatedAt).toBe('2026-04-01T00:00:00.000Z');
    expect(r.window).toEqual({ kind: 'all', from: null, to: '2026-04-01T00:00:00.000Z', sprintIds: [] });
    expect(r.completeness).toEqual({ complete: true, gaps: [] });
  });

  it('names the owners: Pam A of roadmap, Otto A of prioritization and acceptance', () => {
    const rows = Object.fromEntries(run().rows.map((row) => [row.key, row]));
    expect(rows.roadmap?.accountableId).toBe('pam');
    expect(rows.prioritization?.accountableId).toBe('otto');
    expect(rows.acceptance?.accountableId).toBe('otto');
    expect(rows.acceptance?.cells[0]).toMatchObject({
      personId: 'otto',
      letter: 'A',
      share: 1,
      eventCount: 30,
    });
  });

  it('folds people who only deliver into one Team column, without per-person figures', () => {
    const r = run();
    expect(r.team).toEqual({
      label: 'Team (3 people)',
      count: 3,
      memberIds: ['d1', 'd2', 'd3'],
      shownIndividually: false,
    });
    const delivery = r.rows.find((row) => row.key === 'delivery');
    // Otto is only seen on those issues (I); the builders are one Team cell. Each builder holds a third (R):
    // the Team cell shows the strongest letter a member holds, never an accountability nobody has.
    expect(delivery?.cells.map((c) => [c.personId, c.letter])).toEqual([
      ['otto', 'I'],
      [TEAM_ID, 'R'],
    ]);
    expect(delivery?.cells[1]).toMatchObject({ share: 1, members: 3, eventCount: 60 });
    expect(delivery?.accountableId).toBeNull();
    expect(r.people.find((p) => p.id === 'd1')).toMatchObject({
      inTeam: true,
      observedRole: 'engineer',
      strategicShare: null,
      deliveryShare: null,
    });
    expect(r.bandwidth.people.map((p) => p.personId)).toEqual(['otto', 'pam']);
    // Activity starts a month before the first sprint: periods are weeks, and nothing is left unassigned.
    expect(r.bandwidth).toMatchObject({ periodKind: 'week', unassignedWeight: 0, periodsTotal: 10 });
  });

  it('shows delivery people individually when the user asks', () => {
    const r = run({ showDeliveryPeople: true });
    const delivery = r.rows.find((row) => row.key === 'delivery');
    expect(delivery?.cells.map((c) => [c.personId, c.letter])).toEqual([
      ['d1', 'R'],
      ['d2', 'R'],
      ['d3', 'R'],
      ['otto', 'I'],
    ]);
    expect(r.people.find((p) => p.id === 'd1')?.deliveryShare).toBe(1);
  });

  it('caps evidence at 20 (newest first) with the full count, and gives a JQL for every issue behind a letter', () => {
    const r = run();
    const cell = r.rows.find((row) => row.key === 'acceptance')?.cells[0];
    expect(cell?.evidence).toHaveLength(20);
    expect(cell?.evidenceTotal).toBe(30);
    // Sprint 11's fifteen acceptances share one time: ties keep the stream's order (issue key, then history).
    expect(cell?.evidence[0]).toMatchObject({ issueKey: 'P-16', field: 'status', to: 'Done' });
    expect(cell?.evidence[19]).toMatchObject({ issueKey: 'P-5', at: '2026-03-06T10:00:00.000+0000' });
    const times = cell?.evidence.map((e) => Date.parse(e.at)) ?? [];
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(cell?.issues).toEqual({
      jql: `key in (${Array.from({ length: 30 }, (_, i) => `P-${i + 1}`).join(', ')})`,
      issueCount: 30,
      complete: true,
    });
  });

  it('one comment makes nobody consulted: the commenter with no events folds into Others, with no cell', () => {
    const r = run();
    // DOMAIN.md: C needs comments on 10 % of the row's issues and at least 3; Sam commented once.
    expect(r.people.find((p) => p.id === 'sam')).toMatchObject({ column: 'others', observedRole: 'none' });
    expect(r.others).toEqual({ label: 'Others (1 person)', count: 1, memberIds: ['sam'] });
    for (const row of r.rows) expect(row.cells.some((c) => c.personId === 'sam')).toBe(false);
  });

  it('accounts for every changelog item in the stats', () => {
    const { stats } = run();
    expect(stats.items).toBe(stats.eventsFromItems + stats.ignoredItems);
    expect(stats).toMatchObject({ issues: 32, items: 1 + 30 * 7, ignoredItems: 0, eventsFromItems: 211 });
  });

  it('reviews acceptance per sprint and gives per-board RACI', () => {
    const r = run();
    expect(
      r.acceptance.sprints.map((s) => [s.sprintId, s.completed.length, s.topAcceptor?.personId]),
    ).toEqual([
      [10, 15, 'otto'],
      [11, 15, 'otto'],
    ]);
    expect(r.boards).toEqual([expect.objectContaining({ id: 1, name: 'Team', deliveryPeople: 3 })]);
    expect(r.boards[0]?.rows.find((row) => row.key === 'acceptance')?.accountableId).toBe('otto');
  });

  it("opens each board's owner with the events on that board only; a folded owner opens their column's cell", () => {
    // Two squads: Otto accepts P's work, Pam accepts Q's (and two of P's); Dev d1 builds almost all of Q.
    const s = new SiteBuilder().board(1, 'P board', 'P').board(2, 'Q board', 'Q');
    for (let i = 1; i <= 10; i++) {
      s.issue(`P-${i}`, { created: '2026-02-10', by: otto }).change(
        '2026-03-06',
        i <= 2 ? pam : otto,
        item.status('Done'),
      );
    }
    for (let i = 1; i <= 5; i++) {
      s.issue(`Q-${i}`, { created: '2026-02-10', by: pam })
        .change('2026-03-03', i === 5 ? (devs[1] ?? null) : (devs[0] ?? null), item.status('In Progress'))
        .change('2026-03-06', pam, item.status('Done'));
    }
    const r = analyse(s.build(), config({ scope: { projects: ['P', 'Q'] } }), NOW);
    const boardRow = (boardId: number, key: string) =>
      r.boards.find((b) => b.id === boardId)?.rows.find((row) => row.key === key);

    const otto1 = boardRow(1, 'acceptance')?.ownerCell;
    expect(otto1).toMatchObject({
      personId: 'otto',
      letter: 'A',
      share: 0.8,
      eventCount: 8,
      evidenceTotal: 8,
    });
    expect(otto1?.evidence.map((e) => e.issueKey).sort()).toEqual(
      ['P-10', 'P-3', 'P-4', 'P-5', 'P-6', 'P-7', 'P-8', 'P-9'].sort(),
    );
    // Pam's 7 acceptances over the site; on Q's board only Q's 5, and the issue set names Q's issues only.
    expect(
      r.rows.find((row) => row.key === 'acceptance')?.cells.find((c) => c.personId === 'pam'),
    ).toMatchObject({ eventCount: 7 });
    const pam2 = boardRow(2, 'acceptance')?.ownerCell;
    expect(pam2).toMatchObject({ personId: 'pam', letter: 'A', share: 1, eventCount: 5 });
    expect(new Set(pam2?.evidence.map((e) => e.issueKey))).toEqual(
      new Set(['Q-1', 'Q-2', 'Q-3', 'Q-4', 'Q-5']),
    );
    expect(pam2?.issues).toEqual({ jql: 'key in (Q-1, Q-2, Q-3, Q-4, Q-5)', issueCount: 5, complete: true });
    // The board row's owner and its cell agree.
    expect(boardRow(2, 'acceptance')?.owner).toEqual({ personId: 'pam', share: 1, eventCount: 5 });

    // Q's delivery is d1's (80 %), who folds into Team: the cell is the Team's, with its members' events.
    const delivery = boardRow(2, 'delivery');
    expect(delivery?.owner?.personId).toBe(TEAM_ID);
    expect(delivery?.ownerCell).toMatchObject({ personId: TEAM_ID, letter: 'A', members: 2, eventCount: 5 });
    expect(delivery?.ownerCell?.memberIds).toEqual(['d1', 'd2']);
    // No owner, no cell.
    expect(boardRow(1, 'delivery')?.ownerCell).toBeNull();
  });

  it('says when the data is incomplete', () => {
    const data = site();
    data.gaps.push({ kind: 'no-access', message: 'You cannot browse project Q.', project: 'Q' });
    const r = analyse(data, config(), NOW);
    expect(r.completeness).toEqual({ complete: false, gaps: [data.gaps[0]] });
  });

  it('lists declared rows apart from inferred ones', () => {
    const r = run({
      declared: { rows: [{ label: 'Customer interviews', people: [{ accountId: 'pam', letter: 'A' }] }] },
    });
    expect(r.declaredRows).toEqual([
      { label: 'Customer interviews', layer: 'strategic', people: [{ personId: 'pam', letter: 'A' }] },
    ]);
    expect(r.rows.map((row) => row.key)).not.toContain('Customer interviews');
  });
});
