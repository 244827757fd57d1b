// Per-board (squad) RACI for the wire: letters A, R and C with shares; team members folded into the Team id.
import { TEAM_ID } from '../../contract/analysis';
import type { AnalysisResult } from '../../contract/analysis';
import type { BoardInfo, RaciMap } from '../model';
import { ROWS } from '../rows';
import { share4 } from './numbers';

type ResultBoard = AnalysisResult['boards'][number];

export function presentBoards(
  boards: readonly BoardInfo[],
  raciByBoard: ReadonlyMap<number, RaciMap>,
  deliveryPeopleByBoard: ReadonlyMap<number, ReadonlySet<string>>,
  team: ReadonlySet<string>,
  showDeliveryPeople: boolean,
): ResultBoard[] {
  const out: ResultBoard[] = [];
  for (const board of boards) {
    const raci = raciByBoard.get(board.id);
    if (raci === undefined) continue;
    const fold = (id: string) => (!showDeliveryPeople && team.has(id) ? TEAM_ID : id);
    const rows = ROWS.map((def) => {
      const row = raci[def.key];
      const cells: ResultBoard['rows'][number]['cells'] = [];
      let teamShare = 0;
      let teamLetter: 'A' | 'R' | 'C' | null = null;
      for (const c of row.cells) {
        if (c.letter === 'I') continue;
        if (fold(c.personId) === TEAM_ID) {
          teamShare += c.share;
          if (teamLetter === null || 'ARC'.indexOf(c.letter) < 'ARC'.indexOf(teamLetter))
            teamLetter = c.letter;
          continue;
        }
        cells.push({ personId: c.personId, letter: c.letter, share: share4(c.share) });
      }
      if (teamLetter !== null)
        cells.push({ personId: TEAM_ID, letter: teamLetter, share: share4(teamShare) });
      return {
        key: def.key,
        accountableId: row.accountableId === null ? null : fold(row.accountableId),
        cells,
      };
    });
    const entry: ResultBoard = {
      id: board.id,
      name: board.name,
      deliveryPeople: deliveryPeopleByBoard.get(board.id)?.size ?? 0,
      rows,
    };
    if (board.projectKey !== undefined) entry.projectKey = board.projectKey;
    out.push(entry);
  }
  return out;
}
