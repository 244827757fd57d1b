import {
  filterBandwidthRows,
  nextSort,
  sortBandwidthRows,
} from '../../../static/jira-views/src/model/bandwidth-sort';
import { bandwidthTable } from '../../../static/jira-views/src/model/bandwidth-table';
import { analysisFixture, IDS } from './fixture';

const table = () => bandwidthTable(analysisFixture());
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('bandwidth table', () => {
  test('has one row per person who did product work; delivery-only people stay one Team line', () => {
    const t = table();
    expect(names(t.rows)).toEqual(['Eve Engineer', 'Olga, "the PO"', 'Pat Manager']);
    expect(t.team).toEqual({ label: 'Team (2 people)', count: 2 });
  });

  test('the shares per responsibility come from the window weights and add up to one', () => {
    const pm = table().rows.find((r) => r.personId === IDS.pm)!;
    expect(pm.rowShares).toEqual({
      roadmap: 0.1,
      prioritization: 0.3,
      'story-writing': 0.2,
      'sprint-planning': 0.15,
      acceptance: 0.25,
    });
    expect(Object.values(pm.rowShares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  test('the split is the engine figure and the tactical share of product work excludes delivery', () => {
    const rows = table().rows;
    const pm = rows.find((r) => r.personId === IDS.pm)!;
    expect([pm.strategicShare, pm.tacticalShare, pm.deliveryShare]).toEqual([0.1, 0.9, 0]);
    expect(pm.tacticalShareOfProduct).toBeCloseTo(0.9, 10);
    const eng = rows.find((r) => r.personId === IDS.eng)!;
    expect(eng.tacticalShareOfProduct).toBe(1);
  });

  test('the tactical line is for roadmap holders only: an A or R on "Sets roadmap items"', () => {
    const result = analysisFixture();
    const holders = (result.rows.find((row) => row.key === 'roadmap')?.cells ?? [])
      .filter((cell) => cell.letter === 'A' || cell.letter === 'R')
      .map((cell) => cell.personId);
    expect(holders).toContain(IDS.pm);
    const rows = bandwidthTable(result).rows;
    expect(rows.filter((row) => row.holdsRoadmap).map((row) => row.personId)).toEqual(
      rows.filter((row) => holders.includes(row.personId)).map((row) => row.personId),
    );
    expect(rows.find((row) => row.personId === IDS.eng)?.holdsRoadmap).toBe(false);
  });

  test('the trend has a point per period, inactive periods are gaps, first and last come from active ones', () => {
    const po = table().rows.find((r) => r.personId === IDS.po)!;
    expect(po.trend.map((p) => p.active)).toEqual([true, false, true]);
    expect([po.trendFirst, po.trendLast]).toEqual([0.4, 0.2]);
  });

  test('flags carry the engine message and a label', () => {
    const pm = table().rows.find((r) => r.personId === IDS.pm)!;
    expect(pm.flags.map((f) => f.kind)).toEqual(['strategic-collapse', 'tactical-overload']);
    expect(pm.flags[1]!.message).toContain('90 % of Pat Manager');
    expect(pm.flags[1]!.label).toBe('Over the tactical line');
  });

  test('the trend charts share a scale: the highest strategic share rounded up to a tenth', () => {
    expect(table().trendScale).toBe(0.4);
  });

  test('shows delivery people as rows when the analysis shows them individually', () => {
    const result = analysisFixture();
    result.team.shownIndividually = true;
    result.people = result.people.map((p) =>
      p.inTeam ? { ...p, strategicShare: 0, tacticalShare: 0, deliveryShare: 1 } : p,
    );
    const t = bandwidthTable(result);
    expect(t.team).toBeNull();
    expect(names(t.rows)).toContain('Dev One');
  });

  test('a week cadence keeps the engine note that says so', () => {
    const result = analysisFixture();
    result.bandwidth.periodKind = 'week';
    result.bandwidth.note = 'The scope has no sprints in the window, so periods are ISO weeks.';
    const t = bandwidthTable(result);
    expect(t.periodKind).toBe('week');
    expect(t.note).toContain('ISO weeks');
  });
});

describe('sorting and filtering', () => {
  test('sorts by any figure in both directions', () => {
    const rows = table().rows;
    expect(names(sortBandwidthRows(rows, { key: 'strategic', direction: 'descending' }))).toEqual([
      'Olga, "the PO"',
      'Pat Manager',
      'Eve Engineer',
    ]);
    expect(names(sortBandwidthRows(rows, { key: 'delivery', direction: 'ascending' }))).toEqual([
      'Olga, "the PO"',
      'Pat Manager',
      'Eve Engineer',
    ]);
    expect(names(sortBandwidthRows(rows, { key: 'role', direction: 'ascending' }))).toEqual([
      'Eve Engineer',
      'Pat Manager',
      'Olga, "the PO"',
    ]);
  });

  test('sorts the trend by the change of the strategic share, a collapse first when ascending', () => {
    const sorted = sortBandwidthRows(table().rows, { key: 'trend', direction: 'ascending' });
    expect(names(sorted)).toEqual(['Pat Manager', 'Olga, "the PO"', 'Eve Engineer']);
  });

  test('a missing figure sorts last in either direction', () => {
    const rows = table().rows.map((r) =>
      r.personId === IDS.po ? { ...r, tacticalShareOfProduct: null } : r,
    );
    for (const direction of ['ascending', 'descending'] as const) {
      expect(sortBandwidthRows(rows, { key: 'tacticalOfProduct', direction }).at(-1)!.personId).toBe(IDS.po);
    }
  });

  test('product people only keeps PM-like, PO-like and PM/PO', () => {
    expect(names(filterBandwidthRows(table().rows, true))).toEqual(['Olga, "the PO"', 'Pat Manager']);
    expect(filterBandwidthRows(table().rows, false)).toHaveLength(3);
  });

  test('a header click flips the direction of the current column; a new figure column starts descending', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({
      key: 'name',
      direction: 'descending',
    });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'tactical')).toEqual({
      key: 'tactical',
      direction: 'descending',
    });
    expect(nextSort({ key: 'tactical', direction: 'descending' }, 'role')).toEqual({
      key: 'role',
      direction: 'ascending',
    });
  });
});
