// The report for a terminal: the map as an aligned table, then warnings, roles and split advice. An incomplete
// result opens with a line naming its gaps.
import { accretionSentence, gapSentence, handoverSentence, resultNames } from '../../src/export/over-time';
import type { AnalysisResult } from '../../src/contract/analysis';
import { incompleteNotice } from '../../src/export/completeness';
import { cellText, mapColumns, mapLines, percent } from './map-table';
import { reportHeading, scopeLine, servedLine } from './heading';

/** A terminal or a review tool shows 120 columns without wrapping: the report never goes wider. */
export const TEXT_WIDTH = 120;
/** Narrowest a person column may get: "A 100%" and one space. */
const MIN_COLUMN = 8;
const MAX_COLUMN = 14;

/**
 * Words into lines of at most `width` characters; a word longer than a line is broken across lines, never cut
 * off, so every name and figure stays whole in the report.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter((w) => w.length > 0)) {
    while (word.length > width) {
      if (line.length > 0) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (line.length === 0) line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** A paragraph wrapped to TEXT_WIDTH, its first line after `first`, the others after `rest`. */
function paragraph(text: string, first: string, rest: string = first): string[] {
  return wrapWords(text, TEXT_WIDTH - rest.length).map((l, i) => `${i === 0 ? first : rest}${l}`.trimEnd());
}

/**
 * The map as aligned columns within TEXT_WIDTH: names wrap over several header lines, and when even the narrowest
 * columns do not fit, the map is printed in blocks of columns, each repeating the responsibilities.
 */
function mapTable(result: AnalysisResult): string[] {
  const columns = mapColumns(result);
  const lines = mapLines(result, columns, false);
  // Two spaces of indent and one between the label and the first column.
  const labelWidth = Math.max(...lines.map((l) => l.label.length + 3), 20);
  const room = TEXT_WIDTH - labelWidth;
  const perBlock = Math.max(1, Math.min(columns.length, Math.floor(room / MIN_COLUMN)));
  const out: string[] = [];
  for (let from = 0; from < Math.max(columns.length, 1); from += perBlock) {
    const block = columns.slice(from, from + perBlock);
    const width = Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, Math.floor(room / Math.max(block.length, 1))));
    // One space between columns: each text gets width - 1.
    const wrapped = block.map((c) => [...wrapWords(c.label, width - 1), ...wrapWords(c.role, width - 1)]);
    const nameLines = block.map((c) => wrapWords(c.label, width - 1).length);
    const headerDepth = Math.max(0, ...nameLines);
    const header = (i: number) =>
      block.map((c, k) => {
        const names = nameLines[k] as number;
        // Names bottom-aligned above the role line, as a table header reads.
        const at = i < headerDepth ? i - (headerDepth - names) : names + (i - headerDepth);
        return ((wrapped[k] as string[])[at] ?? '').padEnd(width);
      });
    if (from > 0) out.push('');
    const roleDepth = Math.max(0, ...block.map((c) => wrapWords(c.role, width - 1).length));
    for (let i = 0; i < headerDepth + roleDepth; i++) {
      out.push((' '.repeat(labelWidth) + header(i).join('')).trimEnd());
    }
    let layer = '';
    for (const line of lines) {
      const group = line.declared ? `${line.layer} (declared)` : line.layer;
      if (group !== layer) {
        layer = group;
        out.push(group.charAt(0).toUpperCase() + group.slice(1));
      }
      const cells = line.cells.slice(from, from + perBlock).map((c) => cellText(c).padEnd(width));
      out.push(`  ${line.label}`.padEnd(labelWidth) + cells.join('').trimEnd());
    }
  }
  return out;
}

/** " (CHK board)" after a warning's title when it is about one board. */
function boardOf(result: AnalysisResult, boardId: number | undefined): string {
  if (boardId === undefined) return '';
  const board =
    result.scope.boards.find((b) => b.id === boardId) ?? result.boards.find((b) => b.id === boardId);
  return ` (${board?.name ?? `board ${boardId}`})`;
}

export function formatText(result: AnalysisResult): string {
  const notice = incompleteNotice(result.completeness);
  const served = servedLine(result);
  const out: string[] = [
    ...(notice === null ? [] : paragraph(notice, '')),
    ...(notice === null ? [] : ['']),
    ...paragraph(reportHeading(result), ''),
    ...paragraph(scopeLine(result), ''),
    ...(served === undefined ? [] : paragraph(served, '')),
    '',
  ];
  out.push(
    ...paragraph(
      'OWNERSHIP MAP (share of activity; A accountable, R responsible, C consulted; I, informed, not shown)',
      '',
    ),
  );
  out.push(...mapTable(result));
  out.push('');
  out.push('OWNERS');
  for (const row of result.rows) out.push(...paragraph(`${row.label}: ${row.ownerText}`, '  ', '    '));
  out.push('');
  out.push(`WARNINGS (${result.warnings.length})`);
  if (result.warnings.length === 0) out.push('  None: no bottleneck or health warning fired.');
  for (const w of result.warnings) {
    out.push(
      ...paragraph(`[${w.severity.toUpperCase()}] ${w.title}${boardOf(result, w.boardId)}`, '  ', '    '),
    );
    out.push(...paragraph(w.message, '    '));
  }
  out.push('');
  out.push('OBSERVED ROLES');
  for (const p of result.people.filter((x) => x.column === 'own')) {
    const shares =
      p.strategicShare === null
        ? ''
        : ` (strategic ${percent(p.strategicShare)}, tactical ${percent(p.tacticalShare ?? 0)}, delivery ${percent(p.deliveryShare ?? 0)})`;
    out.push(
      ...paragraph(
        `${p.distinctName}${p.active ? '' : ' [inactive]'}: ${p.roleLabel}${shares}`,
        '  ',
        '    ',
      ),
    );
  }
  if (result.team.count > 0 && !result.team.shownIndividually) {
    out.push(
      ...paragraph(
        `${result.team.label}: people whose work is mostly delivery, shown together`,
        '  ',
        '    ',
      ),
    );
  }
  if (result.others.count > 0) {
    out.push(
      ...paragraph(
        `${result.others.label}: people with no product activity (comments, watching)`,
        '  ',
        '    ',
      ),
    );
  }
  out.push('');
  out.push('SPLIT ADVICE');
  if (result.advice.length === 0) out.push('  No advice: nobody holds both product roles.');
  for (const a of result.advice) out.push(...paragraph(`${a.title}: ${a.message}`, '  ', '    '));
  out.push('');
  out.push(...paragraph('OWNERSHIP OVER TIME (who held each row, per board sprint or calendar month)', ''));
  const names = resultNames(result);
  if (result.handovers.length + result.accretions.length + result.ownershipGaps.length === 0) {
    out.push(...paragraph('No handover, no row taken on, no gap in ownership in this window.', '  '));
  }
  for (const h of result.handovers)
    out.push(...paragraph(`Handover: ${handoverSentence(h, names)}`, '  ', '    '));
  for (const a of result.accretions)
    out.push(...paragraph(`Taken on: ${accretionSentence(a, names)}`, '  ', '    '));
  for (const g of result.ownershipGaps) out.push(...paragraph(`Gap: ${gapSentence(g, names)}`, '  ', '    '));
  return `${out.join('\n')}\n`;
}
