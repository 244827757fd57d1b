// Markdown (GitHub / Confluence flavour) tables for "Copy as Markdown": a header row, the alignment row and one
// line per record; pipes inside a cell are escaped and line breaks become spaces so a cell never breaks the table.
export type MarkdownAlign = 'left' | 'right';

export interface MarkdownColumn {
  header: string;
  align?: MarkdownAlign;
}

function cell(value: string | number): string {
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, ' ')
    .trim();
}

export function toMarkdownTable(
  columns: readonly MarkdownColumn[],
  records: readonly (readonly (string | number)[])[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((c) => cell(c.header))),
    line(columns.map((c) => (c.align === 'right' ? '---:' : '---'))),
    ...records.map((record) => line(columns.map((_, i) => cell(record[i] ?? '')))),
  ].join('\n');
}
