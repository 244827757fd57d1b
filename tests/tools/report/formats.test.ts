// Every `npm run report` format: no display name can become a spreadsheet formula, and an incomplete result says
// so before anything else, while a complete one prints as before.
import { AnalysisResultSchema, type AnalysisResult } from '../../../src/contract/analysis';
import { formatCsv } from '../../../tools/report/format-csv';
import { formatJson } from '../../../tools/report/format-json';
import { formatMarkdown } from '../../../tools/report/format-markdown';
import { formatText } from '../../../tools/report/format-text';
import { formulaCells, formulaNames, TWO_GAPS, TWO_GAPS_NOTICE } from '../../export/formula';
import { analysisFixture, IDS, parseCsv } from '../../static/jira-views/fixture';

function incomplete(): AnalysisResult {
  return { ...analysisFixture(), completeness: TWO_GAPS };
}

describe('report --format csv', () => {
  test.each(formulaNames().map((name) => [JSON.stringify(name[0]), name]))(
    'a person or declared row named with a leading %s cannot become a formula',
    (_, name) => {
      const result = analysisFixture();
      result.people = result.people.map((p) =>
        p.id === IDS.pm ? { ...p, displayName: name, distinctName: name } : p,
      );
      result.declaredRows = [
        { label: name, layer: 'strategic', people: [{ personId: IDS.pm, letter: 'A' }] },
      ];
      const records = parseCsv(formatCsv(AnalysisResultSchema.parse(result)));
      expect(formulaCells(records)).toEqual([]);
      const pmLines = records.filter((r) => r[2] === IDS.pm);
      expect(pmLines.length).toBeGreaterThan(1);
      expect(pmLines.every((r) => r[3] === `'${name}`)).toBe(true);
      expect(records.at(-1)?.[0]).toBe(`'${name}`);
    },
  );

  test('an incomplete result opens with one field naming the gaps; the rest is the complete CSV', () => {
    const records = parseCsv(formatCsv(incomplete()));
    expect(records[0]).toEqual([`# ${TWO_GAPS_NOTICE}`]);
    expect(records.slice(1)).toEqual(parseCsv(formatCsv(analysisFixture())));
    expect(records[1]?.[0]).toBe('responsibility');
  });
});

describe('report --format json', () => {
  test('a complete result is exactly the AnalysisResult', () => {
    const result = analysisFixture();
    expect(formatJson(result)).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  test('an incomplete one starts with "incomplete", and still parses as an AnalysisResult', () => {
    const text = formatJson(incomplete());
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)[0]).toBe('incomplete');
    expect(parsed.incomplete).toEqual({ message: TWO_GAPS_NOTICE, gaps: TWO_GAPS.gaps });
    expect(AnalysisResultSchema.parse(parsed)).toEqual(incomplete());
    expect(text.split('\n')[1]).toBe('  "incomplete": {');
  });
});

describe('report --format markdown and text', () => {
  test('Markdown opens with a paragraph naming the gaps', () => {
    const lines = formatMarkdown(incomplete()).split('\n');
    expect(lines[0]).toBe(`**Incomplete data:** ${TWO_GAPS_NOTICE.slice('Incomplete data: '.length)}`);
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^# Ownership Map: /);
    expect(formatMarkdown(analysisFixture()).split('\n')[0]).toMatch(/^# Ownership Map: /);
  });

  test('text opens with the notice line and counts the gaps in the scope line', () => {
    const lines = formatText(incomplete()).split('\n');
    expect(lines[0]).toBe(TWO_GAPS_NOTICE);
    expect(lines[3]).toMatch(/data INCOMPLETE \(2 gaps, named above\)$/);
    const complete = formatText(analysisFixture()).split('\n');
    expect(complete[0]).toMatch(/^Ownership Map: /);
    expect(complete[1]).toMatch(/data complete$/);
  });
});
