// The map as CSV (RFC 4180): one line per responsibility and person, with the share and the events behind it.
import type { AnalysisResult } from '../../src/contract/analysis';
import { mapColumns } from './map-table';

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(result: AnalysisResult): string {
  const names = new Map(mapColumns(result).map((c) => [c.id, c.label]));
  const rows: (string | number)[][] = [
    ['responsibility', 'layer', 'person_id', 'person', 'letter', 'share', 'weight', 'events'],
  ];
  for (const row of result.rows) {
    for (const cell of row.cells) {
      rows.push([
        row.key,
        row.layer,
        cell.personId,
        names.get(cell.personId) ?? cell.personId,
        cell.letter,
        cell.share.toFixed(4),
        cell.weight,
        cell.eventCount,
      ]);
    }
  }
  for (const row of result.declaredRows) {
    for (const p of row.people) {
      rows.push([
        row.label,
        `${row.layer} (declared)`,
        p.personId,
        names.get(p.personId) ?? p.personId,
        p.letter,
        '',
        '',
        '',
      ]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
