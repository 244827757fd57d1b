// The "Over time" tab's model: which scopes it shows, what each band cell says, where handovers are marked, one
// colour per owner, the handovers table's rows, the gaps and accretions in the shared sentences, the empty state.
import { TEAM_ID } from '../../../src/contract/analysis';
import {
  changeSentences,
  OWNER_TONES,
  overTimeView,
} from '../../../static/jira-views/src/model/over-time-table';
import { analysisFixture, IDS } from './fixture';
import { overTimeFixture, SPRINT_STARTS, twoBoardOverTimeFixture } from './over-time-fixture';

const OLGA = 'Olga, "the PO"';
const PAT = 'Pat Manager';

describe('scopes', () => {
  test('a result with one board shows that board only, and only its handovers', () => {
    const view = overTimeView(overTimeFixture());
    expect(view.scopes.map((s) => [s.key, s.name, s.unit])).toEqual([['board-7', 'CHK board', 'sprint']]);
    expect(view.scopes[0]!.periods.map((p) => p.label)).toEqual([
      'Sprint 1',
      'Sprint 2',
      'Sprint 3',
      'Sprint 4',
    ]);
    expect(view.scopes[0]!.rows.map((r) => [r.key, r.label])).toEqual([
      ['roadmap', 'Sets roadmap items'],
      ['refinement', 'Refines stories'],
      ['acceptance', 'Accepts sprint work'],
    ]);
    expect(view.handovers.map((h) => [h.boardName, h.sincePeriod])).toEqual([['CHK board', 'Sprint 3']]);
  });

  test('a result with several boards shows the whole scope by month first, then each board that has a timeline', () => {
    const view = overTimeView(twoBoardOverTimeFixture());
    // Board 8 is in scope but has no timeline: nothing to draw for it.
    expect(view.scopes.map((s) => [s.key, s.name, s.unit])).toEqual([
      ['all', 'All of CHK', 'month'],
      ['board-7', 'CHK board', 'sprint'],
    ]);
    expect(view.handovers.map((h) => [h.boardId, h.boardName, h.sincePeriod, h.sinceDate])).toEqual([
      [null, 'All of CHK', 'Feb 2026', '2026-02-01'],
      [7, 'CHK board', 'Sprint 3', '2026-02-02'],
    ]);
  });
});

describe('band cells', () => {
  test('name the period, the owner and the share, or say there is no clear owner', () => {
    const [roadmap, refinement, acceptance] = overTimeView(overTimeFixture()).scopes[0]!.rows;
    expect(roadmap!.cells.map((c) => c.text)).toEqual([
      `Sprint 1: ${PAT}, 80 %`,
      `Sprint 2: ${PAT}, 75 %`,
      `Sprint 3: ${PAT}, 90 %`,
      `Sprint 4: ${PAT}, 100 %`,
    ]);
    expect(refinement!.cells[2]!.text).toBe(`Sprint 3: ${PAT}, 55 %`);
    expect(acceptance!.cells.map((c) => c.text)).toEqual([
      'Sprint 1: Team (2 people), 60 %',
      'Sprint 2: Team (2 people), 55 %',
      'Sprint 3: no clear owner',
      'Sprint 4: no clear owner',
    ]);
    expect(acceptance!.cells[3]!.owner).toBeNull();
  });

  test('mark a handover on the new owner’s first period only', () => {
    const rows = overTimeView(overTimeFixture()).scopes[0]!.rows;
    const marked = rows.flatMap((r) =>
      r.cells.filter((c) => c.handoverFrom !== null).map((c) => [r.key, c.periodLabel, c.handoverFrom]),
    );
    expect(marked).toEqual([['refinement', 'Sprint 3', OLGA]]);
  });

  test('give each owner one colour in every band, named in the legend (by name, the Team last and grey)', () => {
    const view = overTimeView(twoBoardOverTimeFixture());
    expect(view.owners).toEqual([
      { id: IDS.po, name: OLGA, short: 'OP', tone: 0 },
      { id: IDS.pm, name: PAT, short: 'PM', tone: 1 },
      { id: TEAM_ID, name: 'Team (2 people)', short: 'Team', tone: 'team' },
    ]);
    const tones = new Map<string, Set<string>>();
    for (const scope of view.scopes) {
      for (const row of scope.rows) {
        for (const cell of row.cells) {
          if (cell.owner === null) continue;
          const seen = tones.get(cell.owner.id) ?? new Set<string>();
          tones.set(cell.owner.id, seen.add(String(cell.owner.tone)));
        }
      }
    }
    expect([...tones.values()].every((seen) => seen.size === 1)).toBe(true);
  });

  test('reuse the palette in turn past its last colour', () => {
    const result = overTimeFixture();
    const extra = Array.from({ length: OWNER_TONES + 1 }, (_, i) => `extra-${i}`);
    result.people = [
      ...result.people,
      ...extra.map((id, i) => ({
        ...result.people[0]!,
        id,
        displayName: `Zed ${String.fromCharCode(65 + i)}`,
      })),
    ];
    result.timeline[0]!.periods = extra.map((ownerId, i) => ({
      ...result.timeline[0]!.periods[0]!,
      id: `sprint:${i + 1}`,
      ownerId,
    }));
    // Olga, Pat and the nine others: eleven people, the Team apart.
    const tones = overTimeView(result)
      .owners.filter((o) => o.id !== TEAM_ID)
      .map((o) => o.tone);
    expect(tones.slice(0, OWNER_TONES)).toEqual([...Array(OWNER_TONES).keys()]);
    expect(tones.slice(OWNER_TONES)).toEqual([0, 1, 2]);
  });

  test('name an owner the result does not list as an unknown person rather than by id', () => {
    const result = overTimeFixture();
    result.timeline[0]!.periods[0]!.ownerId = 'gone-1';
    const cell = overTimeView(result).scopes[0]!.rows[0]!.cells[0]!;
    expect(cell.text).toBe('Sprint 1: Unknown person, 80 %');
  });
});

describe('handover rows', () => {
  test('carry the names, periods, shares and the latest distinct evidence issues', () => {
    const [row] = overTimeView(overTimeFixture()).handovers;
    expect(row).toEqual({
      row: 'refinement',
      rowLabel: 'Refines stories',
      boardId: 7,
      boardName: 'CHK board',
      fromId: IDS.po,
      fromName: OLGA,
      toId: IDS.pm,
      toName: PAT,
      sincePeriod: 'Sprint 3',
      since: SPRINT_STARTS[2],
      sinceDate: '2026-02-02',
      untilPeriod: 'Sprint 2',
      fromShare: 0.6,
      toShare: 0.5456,
      evidenceTotal: 42,
      latestIssueKeys: ['CHK-5', 'CHK-4', 'CHK-3'],
    });
  });
});

describe('gaps and accretions', () => {
  test('read in the shared sentences, with ISO days unless the screen passes its own dates', () => {
    const view = overTimeView(overTimeFixture());
    expect(changeSentences(view)).toEqual({
      gaps: [
        'CHK board: “Accepts sprint work” had no clear owner from Sprint 3 to Sprint 4 (2 periods) after Team (2 people), and still has none.',
      ],
      accretions: [
        `CHK board: ${PAT} took on “Refines stories” in Sprint 3 (2026-02-02), keeping “Sets roadmap items”.`,
      ],
    });
    expect(changeSentences(view, () => 'the 2nd').accretions[0]).toContain('in Sprint 3 (the 2nd)');
  });

  test('leave out the scopes that are not shown', () => {
    const result = overTimeFixture();
    result.ownershipGaps = result.ownershipGaps.map((g) => ({ ...g, boardId: null }));
    expect(overTimeView(result).gaps).toEqual([]);
    expect(overTimeView(twoBoardOverTimeFixture()).gaps).toHaveLength(1);
  });
});

describe('empty state', () => {
  test('when there is no timeline, or no period of a shown band has an owner', () => {
    expect(overTimeView(analysisFixture()).empty).toBe(true);
    const result = overTimeFixture();
    expect(overTimeView(result).empty).toBe(false);
    for (const t of result.timeline) {
      if (t.boardId === 7) t.periods = t.periods.map((p) => ({ ...p, ownerId: null, share: null }));
    }
    // The months view still has owners, but a one-board result does not show it.
    expect(overTimeView(result).empty).toBe(true);
  });
});
