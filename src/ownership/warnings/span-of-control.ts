// span-of-control: one person owns tactical work on too many squads — "one PM covers 2–4 squads; past four,
// strategy gets thin".
//
// Definition: person X is A of at least one tactical row (prioritization, story-writing, refinement,
// acceptance-criteria, sprint-planning, acceptance) in the RACI of more than `maxBoardsPerOwner` boards
// (raciByBoard). Strictly more: four boards is still inside the range DOMAIN.md calls workable. Severity medium:
// a structural risk, not a blocked queue. One warning per person.
import { TACTICAL_ROWS, type RowKey } from '../rows';
import type { Warning } from '../warning';
import type { WarningContext } from './context';
import { evidenceOfCells, type CellPick } from './event-index';
import { boardName, isHuman, personName, plural, prose, proseCapped, rowWord } from './wording';

export function spanOfControl(ctx: WarningContext): Warning[] {
  const max = ctx.config.thresholds.maxBoardsPerOwner;
  const owned = new Map<string, { board: number; rows: RowKey[] }[]>();
  for (const [board, raci] of [...ctx.raciByBoard.entries()].sort((a, b) => a[0] - b[0])) {
    const rowsByPerson = new Map<string, RowKey[]>();
    for (const row of TACTICAL_ROWS) {
      const a = raci[row].accountableId;
      if (a === null || !isHuman(ctx.site, a)) continue;
      rowsByPerson.set(a, [...(rowsByPerson.get(a) ?? []), row]);
    }
    for (const [person, rows] of rowsByPerson)
      owned.set(person, [...(owned.get(person) ?? []), { board, rows }]);
  }

  const warnings: Warning[] = [];
  for (const [person, boards] of [...owned.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (boards.length <= max) continue;
    const picks: CellPick[] = boards.flatMap(({ board, rows }) => {
      const raci = ctx.raciByBoard.get(board);
      return raci ? [{ raci, personId: person, rows }] : [];
    });
    const list = proseCapped(
      boards.map(({ board, rows }) => `${boardName(ctx.site, board)} (${prose(rows.map(rowWord))})`),
      8,
    );
    const message =
      `${personName(ctx.site, person)} is accountable for tactical work on ${plural(boards.length, 'board')} ` +
      `(threshold ${max}): ${list}. Past ${max} squads, strategy gets thin; consider a dedicated product owner ` +
      `for some of these squads.`;
    warnings.push({
      id: 'span-of-control',
      severity: 'medium',
      title: 'Owns tactical work on too many squads',
      message,
      people: [person],
      figures: { boards: boards.length },
      thresholds: { maxBoardsPerOwner: max },
      // An issue on several boards puts the same event in each board's cell: counted once.
      ...evidenceOfCells(ctx.site, picks, true),
    });
  }
  return warnings;
}
