// squad-size: a PO-like person serves a squad larger than one product owner can keep up with — "one PO per squad
// of 5–8 engineers".
//
// Definition, per board: the PO-like people of a board are those who are A of any tactical row (prioritization,
// story-writing, refinement, acceptance-criteria, sprint-planning, acceptance) in that board's RACI. Fires when the
// board has at least one such person and more than `maxSquadSize` other people with delivery events on it
// (deliveryPeopleByBoard, PO-like people themselves not counted). Strictly more: 8 is still a workable squad.
// Severity medium. One warning per board, naming its PO-like people.
import { TACTICAL_ROWS, type RowKey } from '../rows';
import type { Warning } from '../warning';
import type { WarningContext } from './context';
import { evidenceOfCells } from './event-index';
import { boardName, isHuman, personName, plural, prose, rowWord } from './wording';

export function squadSize(ctx: WarningContext): Warning[] {
  const max = ctx.config.thresholds.maxSquadSize;
  const warnings: Warning[] = [];
  for (const [board, raci] of [...ctx.raciByBoard.entries()].sort((a, b) => a[0] - b[0])) {
    const rowsByPerson = new Map<string, RowKey[]>();
    for (const row of TACTICAL_ROWS) {
      const a = raci[row].accountableId;
      if (a === null || !isHuman(ctx.site, a)) continue;
      rowsByPerson.set(a, [...(rowsByPerson.get(a) ?? []), row]);
    }
    if (rowsByPerson.size === 0) continue;
    const owners = [...rowsByPerson.keys()].sort();
    const squad = [...(ctx.deliveryPeopleByBoard.get(board) ?? [])].filter(
      (id) => !rowsByPerson.has(id) && isHuman(ctx.site, id),
    ).length;
    if (squad <= max) continue;

    const who = prose(
      owners.map((id) => `${personName(ctx.site, id)} (${prose((rowsByPerson.get(id) ?? []).map(rowWord))})`),
    );
    const message =
      `On ${boardName(ctx.site, board)}, ${who} ${owners.length === 1 ? 'serves' : 'serve'} ` +
      `${plural(squad, 'delivering person', 'delivering people')} (threshold ${max}). ` +
      `One product owner per squad of up to ${max} keeps refinement and acceptance timely; consider splitting ` +
      `the squad or adding a product owner.`;
    warnings.push({
      id: 'squad-size',
      severity: 'medium',
      title: 'Squad too large for one product owner',
      message,
      people: owners,
      figures: { deliveryPeople: squad },
      thresholds: { maxSquadSize: max },
      boardId: board,
      ...evidenceOfCells(
        ctx.site,
        owners.map((id) => ({ raci, personId: id, rows: rowsByPerson.get(id) ?? [] })),
      ),
    });
  }
  return warnings;
}
