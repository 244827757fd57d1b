// The app's one CSV writer (Jira views' downloads and `npm run report --format csv`): RFC 4180 and no formulas.
import { csvField, toCsv } from '../../src/export/csv';
import { incompleteCsvNotice, incompleteMarkdown, incompleteNotice } from '../../src/export/completeness';
import { parseCsv } from '../static/jira-views/fixture';
import { FORMULA_STARTS, formulaCells, formulaNames, TWO_GAPS, TWO_GAPS_NOTICE } from './formula';

describe('CSV (RFC 4180)', () => {
  test('ends every record with CRLF, including the last', () => {
    expect(toCsv(['a', 'b'], [[1, 2]])).toBe('a,b\r\n1,2\r\n');
  });

  test('quotes fields with a comma, a quote or a line break, and doubles inner quotes', () => {
    const text = toCsv(['name'], [['Olga, "the PO"'], ['two\nlines'], ['cr\rhere'], ['plain']]);
    expect(text).toBe('name\r\n"Olga, ""the PO"""\r\n"two\nlines"\r\n"cr\rhere"\r\nplain\r\n');
    expect(parseCsv(text)).toEqual([['name'], ['Olga, "the PO"'], ['two\nlines'], ['cr\rhere'], ['plain']]);
  });

  test('writes null as an empty field and numbers and booleans as text', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, 2.5, false]])).toBe('a,b,c\r\n,2.5,false\r\n');
  });
});

describe('CSV injection (OWASP)', () => {
  test.each(FORMULA_STARTS.map((c) => [JSON.stringify(c), c]))(
    'a text starting with %s is quoted behind a single quote, so it stays text',
    (_, c) => {
      const name = `${c}SUM(1+1)*cmd|' /C calc'!A0`;
      expect(csvField(name)).toBe(`"'${name.replace(/"/g, '""')}"`);
      expect(parseCsv(toCsv(['name'], [[name]]))).toEqual([['name'], [`'${name}`]]);
    },
  );

  test('no header, record or notice of any dangerous name can become a formula', () => {
    const names = formulaNames();
    const records = parseCsv(toCsv(names, [names, names], { notice: names[0] }));
    expect(records).toHaveLength(4);
    expect(formulaCells(records)).toEqual([]);
    // Nothing is lost: each cell is the name behind one quote.
    expect(records[2]).toEqual(names.map((n) => `'${n}`));
  });

  test('leaves numbers (a negative one too) and harmless text as they are', () => {
    expect(
      toCsv(
        ['n', 'text'],
        [
          [-5, 'Pat = PM'],
          [0.25, "O'Brien"],
        ],
      ),
    ).toBe("n,text\r\n-5,Pat = PM\r\n0.25,O'Brien\r\n");
  });
});

describe('the notice line', () => {
  test('stands before the header as one field, quoted when it holds a comma', () => {
    const text = toCsv(['a', 'b'], [[1, 2]], { notice: incompleteCsvNotice(TWO_GAPS) });
    expect(text.split('\r\n')[0]).toBe(`"# ${TWO_GAPS_NOTICE}"`);
    expect(parseCsv(text)).toEqual([[`# ${TWO_GAPS_NOTICE}`], ['a', 'b'], ['1', '2']]);
  });

  test('is absent for complete data: the CSV is byte for byte what it was', () => {
    const complete = { complete: true, gaps: [] };
    expect(toCsv(['a'], [[1]], { notice: incompleteCsvNotice(complete) })).toBe('a\r\n1\r\n');
    expect(incompleteNotice(complete)).toBeNull();
    expect(incompleteMarkdown(complete)).toBe('');
  });

  test('counts one gap as one, and says so even when the gaps are not listed', () => {
    expect(incompleteNotice({ complete: false, gaps: TWO_GAPS.gaps.slice(0, 1) })).toBe(
      'Incomplete data: 1 gap: You cannot browse project ABC in Jira.',
    );
    expect(incompleteNotice({ complete: false, gaps: [] })).toMatch(/^Incomplete data: /);
  });

  test('is a first Markdown paragraph', () => {
    expect(incompleteMarkdown(TWO_GAPS)).toBe(
      `**Incomplete data:** ${TWO_GAPS_NOTICE.slice('Incomplete data: '.length)}\n\n`,
    );
  });
});
