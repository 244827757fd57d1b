import { toCsv } from '../../../static/jira-views/src/export/csv';
import { toMarkdownTable } from '../../../static/jira-views/src/export/markdown';
import { parseCsv } from './fixture';

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

describe('Markdown table', () => {
  test('has a header, an alignment row and one line per record', () => {
    const text = toMarkdownTable(
      [{ header: 'Person' }, { header: 'Share', align: 'right' }],
      [['Pat', '90 %']],
    );
    expect(text.split('\n')).toEqual(['| Person | Share |', '| --- | ---: |', '| Pat | 90 % |']);
  });

  test('escapes pipes and flattens line breaks so a cell never breaks the table', () => {
    const text = toMarkdownTable([{ header: 'a|b' }], [['x | y\nz']]);
    expect(text.split('\n')).toEqual(['| a\\|b |', '| --- |', '| x \\| y z |']);
  });

  test('fills a missing cell with an empty one', () => {
    expect(toMarkdownTable([{ header: 'a' }, { header: 'b' }], [['1']]).split('\n')[2]).toBe('| 1 |  |');
  });
});
