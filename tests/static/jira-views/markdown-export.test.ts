import { toMarkdownTable } from '../../../static/jira-views/src/export/markdown';

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
