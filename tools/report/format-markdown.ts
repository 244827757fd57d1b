// The report as Markdown, for a retro or decision page: the map table, warnings, roles and advice. An incomplete
// result opens with a paragraph naming its gaps.
import type { AnalysisResult } from '../../src/contract/analysis';
import { incompleteMarkdown } from '../../src/export/completeness';
import { reportHeading, scopeLine, servedLine } from './heading';
import { cellText, mapColumns, mapLines } from './map-table';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function formatMarkdown(result: AnalysisResult): string {
  const columns = mapColumns(result);
  const lines = mapLines(result, columns, false);
  const served = servedLine(result);
  const out = [
    `# ${reportHeading(result)}`,
    '',
    scopeLine(result),
    '',
    ...(served === undefined ? [] : [served, '']),
    '## Ownership map',
    '',
    'Share of activity; A accountable, R responsible, C consulted; I (informed) not shown.',
    '',
  ];
  out.push(
    `| Responsibility | Layer | ${columns.map((c) => escapeCell(`${c.label} (${c.role})`)).join(' | ')} |`,
  );
  out.push(`|---|---|${columns.map(() => '---').join('|')}|`);
  for (const line of lines) {
    const label = line.declared ? `_${escapeCell(line.label)} (declared)_` : escapeCell(line.label);
    out.push(`| ${label} | ${line.layer} | ${line.cells.map((c) => cellText(c)).join(' | ')} |`);
  }
  out.push('', `## Warnings (${result.warnings.length})`, '');
  if (result.warnings.length === 0) out.push('No bottleneck or health warning fired.');
  for (const w of result.warnings) out.push(`- **${w.severity.toUpperCase()} — ${w.title}.** ${w.message}`);
  out.push('', '## Split advice', '');
  if (result.advice.length === 0) out.push('No advice: nobody holds both product roles.');
  for (const a of result.advice) out.push(`- **${a.title}.** ${a.message}`);
  return `${incompleteMarkdown(result.completeness)}${out.join('\n')}\n`;
}
