// The acceptance review's downloads: no display name can become a spreadsheet formula, and incomplete data says so.
import { acceptanceCsv, acceptanceMarkdown } from '../../../static/jira-views/src/export/acceptance-export';
import { COMPLETE_DATA } from '../../../src/export/completeness';
import { acceptanceReview } from '../../../static/jira-views/src/model/acceptance-table';
import { formulaCells, formulaNames, TWO_GAPS, TWO_GAPS_NOTICE } from '../../export/formula';
import { analysisFixture, IDS, parseCsv } from './fixture';

const BASE = 'https://acme.atlassian.net/';

test.each(formulaNames().map((name) => [JSON.stringify(name[0]), name]))(
  'an acceptor and assignee named with a leading %s cannot become a formula in the CSV',
  (_, name) => {
    const result = analysisFixture();
    result.people = result.people.map((p) => (p.id === IDS.dev1 ? { ...p, displayName: name } : p));
    const records = parseCsv(acceptanceCsv(acceptanceReview(result, 2)!, BASE, COMPLETE_DATA));
    expect(formulaCells(records)).toEqual([]);
    // CHK-10 was accepted by its own assignee, Dev One.
    expect(records.find((r) => r[1] === 'CHK-10')?.slice(4, 6)).toEqual([`'${name}`, `'${name}`]);
  },
);

test('the CSV and the Markdown of an incomplete result say so first; a complete one is unchanged', () => {
  const review = acceptanceReview(analysisFixture(), 2)!;
  const records = parseCsv(acceptanceCsv(review, BASE, TWO_GAPS));
  expect(records[0]).toEqual([`# ${TWO_GAPS_NOTICE}`]);
  expect(records.slice(1)).toEqual(parseCsv(acceptanceCsv(review, BASE, COMPLETE_DATA)));
  expect(acceptanceCsv(review, BASE, { complete: true, gaps: [] })).toBe(
    acceptanceCsv(review, BASE, COMPLETE_DATA),
  );

  const lines = acceptanceMarkdown(review, BASE, TWO_GAPS).split('\n');
  expect(lines[0]).toMatch(/^\*\*Incomplete data:\*\* 2 gaps: You cannot browse project ABC in Jira\. /);
  expect(lines[1]).toBe('');
  expect(lines.slice(2).join('\n')).toBe(acceptanceMarkdown(review, BASE, COMPLETE_DATA));
});
