// The ownership map as plain rows and columns, shared by the text, Markdown and CSV reports.
import { OTHERS_ID, TEAM_ID, type AnalysisResult, type ResultCell } from '../../src/contract/analysis';

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

/**
 * Columns as the map draws them (DOMAIN.md "Columns of the map"): the people with a column of their own, in the
 * result's order, then the Team and Others groups (roles, not rankings) whenever they have members.
 */
export function mapColumns(result: AnalysisResult): MapColumn[] {
  const columns: MapColumn[] = [];
  const seen = new Set<string>([TEAM_ID, OTHERS_ID]);
  const add = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const person = result.people.find((p) => p.id === id);
    columns.push({ id, label: person?.distinctName ?? id, role: person?.roleLabel ?? '' });
  };
  for (const row of result.rows) for (const cell of row.cells) add(cell.personId);
  for (const row of result.declaredRows) for (const p of row.people) add(p.personId);
  // The groups always stand last, after every named person, even on a map where no member holds an A or R.
  const groups: [string, { label: string; count: number }, string][] = [
    [TEAM_ID, result.team, 'Delivery'],
    [OTHERS_ID, result.others, 'No product activity'],
  ];
  const hasCell = (id: string) => result.rows.some((r) => r.cells.some((c) => c.personId === id));
  for (const [id, group, role] of groups) {
    // Delivery people shown one by one have their own columns instead of the Team's.
    const folded = group.count > 0 && !(id === TEAM_ID && result.team.shownIndividually);
    if (folded || hasCell(id)) columns.push({ id, label: group.label, role });
  }
  return columns;
}

/**
 * The map's lines; without `informed`, I letters are left out as the grid leaves them out by default (a grid
 * full of I says nothing; the result and the CSV keep them).
 */
export function mapLines(result: AnalysisResult, columns: MapColumn[], informed = true): MapLine[] {
  const inferred: MapLine[] = result.rows.map((row) => ({
    layer: row.layer,
    label: row.label,
    declared: false,
    cells: columns.map((c) => {
      const cell = row.cells.find((x) => x.personId === c.id) ?? null;
      return cell !== null && cell.letter === 'I' && !informed ? null : cell;
    }),
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
