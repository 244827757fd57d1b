import { bandwidthCsv, bandwidthMarkdown } from '../../../static/jira-views/src/export/bandwidth-export';
import { COMPLETE_DATA } from '../../../src/export/completeness';
import { sortBandwidthRows } from '../../../static/jira-views/src/model/bandwidth-sort';
import { bandwidthTable } from '../../../static/jira-views/src/model/bandwidth-table';
import { formatPercent } from '../../../static/jira-views/src/model/format';
import { formulaCells, formulaNames, TWO_GAPS, TWO_GAPS_NOTICE } from '../../export/formula';
import { analysisFixture, IDS, parseCsv } from './fixture';

const table = bandwidthTable(analysisFixture());

describe('bandwidth CSV', () => {
  const records = parseCsv(
    bandwidthCsv(table, { rows: table.rows, showTeam: true, completeness: COMPLETE_DATA }),
  );
  const header = records[0]!;
  const column = (name: string) => header.indexOf(name);
  const row = (name: string) => records.find((r) => r[0] === name)!;

  test('has one row per person shown plus the Team line, in the order shown', () => {
    expect(records.slice(1).map((r) => r[0])).toEqual([
      'Eve Engineer',
      'Olga, "the PO"',
      'Pat Manager',
      'Team (2 people)',
    ]);
    expect(records.every((r) => r.length === header.length)).toBe(true);
  });

  test('writes the whole percents the page shows for the split, the 80 % figure and every responsibility', () => {
    const pm = row('Pat Manager');
    expect(pm[column('Strategic share (%)')]).toBe('10');
    expect(pm[column('Tactical share (%)')]).toBe('90');
    expect(pm[column('Delivery share (%)')]).toBe('0');
    expect(pm[column('Tactical share of product activity (%)')]).toBe('90');
    expect(pm[column('Orders the backlog (%)')]).toBe('30');
    expect(pm[column('Accepts sprint work (%)')]).toBe('25');
    expect(pm[column('Builds the work (%)')]).toBe('0');
    for (const person of table.rows) {
      expect(`${row(person.name)[column('Strategic share (%)')]} %`).toBe(
        formatPercent(person.strategicShare),
      );
    }
  });

  test('writes the strategic share per period, blank where the person was inactive', () => {
    const po = row('Olga, "the PO"');
    expect(
      header.slice(column('Strategic share, Sprint 1 (%)'), column('Strategic share, Sprint 3 (%)') + 1),
    ).toEqual([
      'Strategic share, Sprint 1 (%)',
      'Strategic share, Sprint 2 (%)',
      'Strategic share, Sprint 3 (%)',
    ]);
    expect(
      po.slice(column('Strategic share, Sprint 1 (%)'), column('Strategic share, Sprint 3 (%)') + 1),
    ).toEqual(['40', '', '20']);
    expect(po[column('Strategic share, first active sprint (%)')]).toBe('40');
    expect(po[column('Strategic share, last active sprint (%)')]).toBe('20');
  });

  test('carries the flags and their messages, quoted where they hold commas', () => {
    const pm = row('Pat Manager');
    expect(pm[column('Flags')]).toBe('Strategic share collapsing; Over the tactical line');
    expect(pm[column('Flag messages')]).toContain("90 % of Pat Manager's product activity is tactical");
  });

  test('leaves the Team line without figures and drops it when the page hides it', () => {
    expect(
      row('Team (2 people)')
        .slice(2)
        .every((cell) => cell === ''),
    ).toBe(true);
    const without = parseCsv(
      bandwidthCsv(table, { rows: table.rows, showTeam: false, completeness: COMPLETE_DATA }),
    );
    expect(without.map((r) => r[0])).not.toContain('Team (2 people)');
  });

  test('follows the sort the page shows', () => {
    const sorted = sortBandwidthRows(table.rows, { key: 'strategic', direction: 'descending' });
    const names = parseCsv(
      bandwidthCsv(table, { rows: sorted, showTeam: false, completeness: COMPLETE_DATA }),
    )
      .slice(1)
      .map((r) => r[0]);
    expect(names).toEqual(['Olga, "the PO"', 'Pat Manager', 'Eve Engineer']);
  });
});

describe('bandwidth Markdown', () => {
  test('is a table with the page figures, the trend and the flag message', () => {
    const lines = bandwidthMarkdown(table, {
      rows: table.rows,
      showTeam: true,
      completeness: COMPLETE_DATA,
    }).split('\n');
    expect(lines[0]).toBe(
      '| Person | Observed role | Strategic | Tactical | Delivery | Tactical share of product activity | ' +
        'Strategic share, first → last active sprint | Flag |',
    );
    expect(lines).toHaveLength(2 + 4);
    const pm = lines.find((l) => l.startsWith('| Pat Manager'))!;
    expect(pm).toContain('| 10 % | 90 % | 0 % | 90 % | 33 % → 0 % |');
    expect(pm).toContain('threshold 80 %');
    expect(lines.at(-1)).toMatch(/^\| Team \(2 people\) \| Delivery only/);
  });
});

describe('bandwidth exports of a hostile or incomplete result', () => {
  test.each(formulaNames().map((name) => [JSON.stringify(name[0]), name]))(
    'a display name starting with %s cannot become a formula in the CSV',
    (_, name) => {
      const result = analysisFixture();
      result.people = result.people.map((p) => (p.id === IDS.pm ? { ...p, displayName: name } : p));
      const hostile = bandwidthTable(result);
      const records = parseCsv(
        bandwidthCsv(hostile, { rows: hostile.rows, showTeam: true, completeness: COMPLETE_DATA }),
      );
      expect(formulaCells(records)).toEqual([]);
      expect(records.map((r) => r[0])).toContain(`'${name}`);
    },
  );

  test('the CSV and the Markdown of an incomplete result say so first; a complete one is unchanged', () => {
    const shown = { rows: table.rows, showTeam: true, completeness: COMPLETE_DATA };
    const incomplete = { ...shown, completeness: TWO_GAPS };
    const records = parseCsv(bandwidthCsv(table, incomplete));
    expect(records[0]).toEqual([`# ${TWO_GAPS_NOTICE}`]);
    expect(records.slice(1)).toEqual(parseCsv(bandwidthCsv(table, shown)));
    expect(bandwidthCsv(table, { ...shown, completeness: { complete: true, gaps: [] } })).toBe(
      bandwidthCsv(table, shown),
    );

    const markdown = bandwidthMarkdown(table, incomplete).split('\n');
    expect(markdown[0]).toMatch(/^\*\*Incomplete data:\*\* 2 gaps: You cannot browse project ABC in Jira\. /);
    expect(markdown[1]).toBe('');
    expect(markdown.slice(2).join('\n')).toBe(bandwidthMarkdown(table, shown));
  });
});
