// The report for a terminal: the map as an aligned table, then warnings, roles and split advice. An incomplete
// result opens with a line naming its gaps.
import { accretionSentence, gapSentence, handoverSentence, resultNames } from '../../src/export/over-time';
import type { AnalysisResult } from '../../src/contract/analysis';
import { incompleteNotice } from '../../src/export/completeness';
import { cellText, mapColumns, mapLines, percent } from './map-table';
import { reportHeading, scopeLine } from './heading';

function pad(text: string, width: number): string {
  // Always leave one space between columns.
  const cut = text.length >= width ? `${text.slice(0, width - 2)}…` : text;
  return cut.padEnd(width);
}

export function formatText(result: AnalysisResult): string {
  const notice = incompleteNotice(result.completeness);
  const out: string[] = [
    ...(notice === null ? [] : [notice, '']),
    reportHeading(result),
    scopeLine(result),
    '',
  ];
  const columns = mapColumns(result);
  const lines = mapLines(result, columns);
  const labelWidth = Math.max(28, ...lines.map((l) => l.label.length + 4));
  const width = 14;
  out.push('OWNERSHIP MAP (share of activity; A accountable, R responsible, C consulted, I informed)');
  out.push(pad('', labelWidth) + columns.map((c) => pad(c.label, width)).join(''));
  out.push(pad('', labelWidth) + columns.map((c) => pad(c.role, width)).join(''));
  let layer = '';
  for (const line of lines) {
    const group = line.declared ? `${line.layer} (declared)` : line.layer;
    if (group !== layer) {
      layer = group;
      out.push(group.charAt(0).toUpperCase() + group.slice(1));
    }
    out.push(pad(`  ${line.label}`, labelWidth) + line.cells.map((c) => pad(cellText(c), width)).join(''));
  }
  out.push('');
  out.push(`WARNINGS (${result.warnings.length})`);
  if (result.warnings.length === 0) out.push('  None: no bottleneck or health warning fired.');
  for (const w of result.warnings) {
    out.push(`  [${w.severity.toUpperCase()}] ${w.title}`);
    out.push(`    ${w.message}`);
  }
  out.push('');
  out.push('OBSERVED ROLES');
  for (const p of result.people.filter((x) => !x.inTeam)) {
    const shares =
      p.strategicShare === null
        ? ''
        : ` (strategic ${percent(p.strategicShare)}, tactical ${percent(p.tacticalShare ?? 0)}, delivery ${percent(p.deliveryShare ?? 0)})`;
    out.push(`  ${p.displayName}${p.active ? '' : ' [inactive]'}: ${p.roleLabel}${shares}`);
  }
  out.push(`  ${result.team.label}: people who only deliver, shown together`);
  out.push('');
  out.push('SPLIT ADVICE');
  if (result.advice.length === 0) out.push('  No advice: nobody holds both product roles.');
  for (const a of result.advice) out.push(`  ${a.title}: ${a.message}`);
  out.push('');
  out.push('OWNERSHIP OVER TIME (who held each row, per board sprint or calendar month)');
  const names = resultNames(result);
  if (result.handovers.length + result.accretions.length + result.ownershipGaps.length === 0) {
    out.push('  No handover, no row taken on, no gap in ownership in this window.');
  }
  for (const h of result.handovers) out.push(`  Handover: ${handoverSentence(h, names)}`);
  for (const a of result.accretions) out.push(`  Taken on: ${accretionSentence(a, names)}`);
  for (const g of result.ownershipGaps) out.push(`  Gap: ${gapSentence(g, names)}`);
  return `${out.join('\n')}\n`;
}
