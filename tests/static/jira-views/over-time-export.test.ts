// The handovers' downloads: every figure the table shows, no display name can become a spreadsheet formula, and
// incomplete data says so first; the Markdown adds the gaps and accretions in the shared sentences.
import { COMPLETE_DATA } from '../../../src/export/completeness';
import { handoversCsv, handoversMarkdown } from '../../../static/jira-views/src/export/over-time-export';
import { overTimeView } from '../../../static/jira-views/src/model/over-time-table';
import { formulaCells, formulaNames, TWO_GAPS, TWO_GAPS_NOTICE } from '../../export/formula';
import { analysisFixture, IDS, parseCsv } from './fixture';
import { overTimeFixture, twoBoardOverTimeFixture } from './over-time-fixture';

const BASE = 'https://acme.atlassian.net/';

test('the CSV has one row per shown handover with the table’s figures and links to the latest issues', () => {
  const records = parseCsv(handoversCsv(overTimeView(twoBoardOverTimeFixture()), BASE, COMPLETE_DATA));
  expect(records[0]).toEqual([
    'Row',
    'Board',
    'From',
    'To',
    'Since (period)',
    'Since (date)',
    'Last period of the previous owner',
    'From share (%)',
    'To share (%)',
    'Evidence (events)',
    'Latest evidence issues',
    'Latest evidence links',
  ]);
  expect(records.slice(1)).toEqual([
    [
      'Refines stories',
      'All of CHK',
      'Olga, "the PO"',
      'Pat Manager',
      'Feb 2026',
      '2026-02-01',
      'Jan 2026',
      '65',
      '58',
      '33',
      'CHK-9',
      'https://acme.atlassian.net/browse/CHK-9',
    ],
    [
      'Refines stories',
      'CHK board',
      'Olga, "the PO"',
      'Pat Manager',
      'Sprint 3',
      '2026-02-02',
      'Sprint 2',
      '60',
      '55',
      '42',
      'CHK-5 CHK-4 CHK-3',
      'https://acme.atlassian.net/browse/CHK-5 https://acme.atlassian.net/browse/CHK-4 https://acme.atlassian.net/browse/CHK-3',
    ],
  ]);
});

test('a result without handovers exports the header alone', () => {
  const records = parseCsv(handoversCsv(overTimeView(analysisFixture()), BASE, COMPLETE_DATA));
  expect(records).toHaveLength(1);
});

test.each(formulaNames().map((name) => [JSON.stringify(name[0]), name]))(
  'a previous or new owner named with a leading %s cannot become a formula in the CSV',
  (_, name) => {
    const result = overTimeFixture();
    result.people = result.people.map((p) =>
      p.id === IDS.po || p.id === IDS.pm ? { ...p, displayName: name } : p,
    );
    const records = parseCsv(handoversCsv(overTimeView(result), BASE, COMPLETE_DATA));
    expect(formulaCells(records)).toEqual([]);
    expect(records[1]?.slice(2, 4)).toEqual([`'${name}`, `'${name}`]);
  },
);

test('the CSV and the Markdown of an incomplete result say so first; a complete one is unchanged', () => {
  const view = overTimeView(overTimeFixture());
  const records = parseCsv(handoversCsv(view, BASE, TWO_GAPS));
  expect(records[0]).toEqual([`# ${TWO_GAPS_NOTICE}`]);
  expect(records.slice(1)).toEqual(parseCsv(handoversCsv(view, BASE, COMPLETE_DATA)));

  const lines = handoversMarkdown(view, BASE, TWO_GAPS).split('\n');
  expect(lines[0]).toMatch(/^\*\*Incomplete data:\*\* 2 gaps: You cannot browse project ABC in Jira\. /);
  expect(lines[1]).toBe('');
  expect(lines.slice(2).join('\n')).toBe(handoversMarkdown(view, BASE, COMPLETE_DATA));
});

test('the Markdown has the handovers table, then the gaps and accretions in words', () => {
  const lines = handoversMarkdown(overTimeView(overTimeFixture()), BASE, COMPLETE_DATA).split('\n');
  expect(lines).toEqual([
    '| Row | Board | From | To | Since | From share | To share | Evidence |',
    '| --- | --- | --- | --- | --- | ---: | ---: | --- |',
    '| Refines stories | CHK board | Olga, "the PO" | Pat Manager | Sprint 3 (2026-02-02) | 60 % | 55 % | 42 events [CHK-5](https://acme.atlassian.net/browse/CHK-5) [CHK-4](https://acme.atlassian.net/browse/CHK-4) [CHK-3](https://acme.atlassian.net/browse/CHK-3) |',
    '',
    '**Periods without a clear owner:**',
    '',
    '- CHK board: “Accepts sprint work” had no clear owner from Sprint 3 to Sprint 4 (2 periods) after Team (2 people), and still has none.',
    '',
    '**Responsibilities taken on:**',
    '',
    '- CHK board: Pat Manager took on “Refines stories” in Sprint 3 (2026-02-02), keeping “Sets roadmap items”.',
  ]);
});

test('the Markdown of a result without handovers says so in a sentence', () => {
  expect(handoversMarkdown(overTimeView(analysisFixture()), BASE, COMPLETE_DATA)).toBe(
    'No handovers: nobody took a responsibility over from someone who had held it for at least 2 periods.',
  );
});
