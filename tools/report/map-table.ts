// The ownership map as plain rows and columns, shared by the text, Markdown and CSV reports.
import { TEAM_ID, type AnalysisResult, type ResultCell } from '../../src/contract/analysis';

export interface MapColumn {
  id: string;
  label: string;
  role: string;
}

export interface MapLine {
  layer: string;
  label: string;
  declared: boolean;
  cells: (ResultCell | { letter: string; share: null } | null)[];
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Columns in the result's order: product people first, then the Team column (roles, not rankings). */
export function mapColumns(result: AnalysisResult): MapColumn[] {
  const columns: MapColumn[] = [];
  const seen = new Set<string>();
  for (const row of result.rows) {
    for (const cell of row.cells) {
      if (seen.has(cell.personId)) continue;
      seen.add(cell.personId);
      const person = result.people.find((p) => p.id === cell.personId);
      columns.push(
        cell.personId === TEAM_ID
          ? { id: TEAM_ID, label: result.team.label, role: 'Delivery' }
          : { id: cell.personId, label: person?.displayName ?? cell.personId, role: person?.roleLabel ?? '' },
      );
    }
  }
  for (const row of result.declaredRows) {
    for (const p of row.people) {
      if (seen.has(p.personId)) continue;
      seen.add(p.personId);
      const person = result.people.find((x) => x.id === p.personId);
      columns.push({
        id: p.personId,
        label: person?.displayName ?? p.personId,
        role: person?.roleLabel ?? '',
      });
    }
  }
  // The Team column always stands last, after every named person.
  return [...columns.filter((c) => c.id !== TEAM_ID), ...columns.filter((c) => c.id === TEAM_ID)];
}

export function mapLines(result: AnalysisResult, columns: MapColumn[]): MapLine[] {
  const inferred: MapLine[] = result.rows.map((row) => ({
    layer: row.layer,
    label: row.label,
    declared: false,
    cells: columns.map((c) => row.cells.find((cell) => cell.personId === c.id) ?? null),
  }));
  const declared: MapLine[] = result.declaredRows.map((row) => ({
    layer: row.layer,
    label: row.label,
    declared: true,
    cells: columns.map((c) => {
      const p = row.people.find((x) => x.personId === c.id);
      return p === undefined ? null : { letter: p.letter, share: null };
    }),
  }));
  return [...inferred, ...declared];
}

/** "A 78%" for an inferred cell with activity, "I" for one without (or a declared one), "" for none. */
export function cellText(cell: MapLine['cells'][number]): string {
  if (cell === null) return '';
  return cell.share === null || cell.share === 0 ? cell.letter : `${cell.letter} ${percent(cell.share)}`;
}
