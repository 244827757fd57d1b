// The map as CSV (RFC 4180, the app's one CSV writer): one line per responsibility and person, with the share and
// the events behind it. An incomplete result opens with a line naming its gaps.
import type { AnalysisResult } from '../../src/contract/analysis';
import { incompleteCsvNotice } from '../../src/export/completeness';
import { toCsv, type CsvValue } from '../../src/export/csv';
import { mapColumns } from './map-table';

const HEADER = ['responsibility', 'layer', 'person_id', 'person', 'letter', 'share', 'weight', 'events'];

export function formatCsv(result: AnalysisResult): string {
  const names = new Map(mapColumns(result).map((c) => [c.id, c.label]));
  const records: CsvValue[][] = [];
  for (const row of result.rows) {
    for (const cell of row.cells) {
      records.push([
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
      records.push([
        row.label,
        `${row.layer} (declared)`,
        p.personId,
        names.get(p.personId) ?? p.personId,
        p.letter,
        null,
        null,
        null,
      ]);
    }
  }
  return toCsv(HEADER, records, { notice: incompleteCsvNotice(result.completeness) });
}
