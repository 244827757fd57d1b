// Per-board (squad) RACI for the wire: letters A, R and C with shares, each row's owner and the evidence behind
// the owner's letter (the "by squad" view), and people without a column of their own on that board folded into
// Team and Others as a board-scoped map folds them.
import type { AnalysisResult } from '../../contract/analysis';
import type { FoldedGroup } from '../columns';
import type { BoardInfo, RaciMap } from '../model';
import { ROWS } from '../rows';
import { share4 } from './numbers';
import type { OwnerNames } from './owner';
import { rowOwner } from './owner';
import { groupIdOf, ownerCellOf } from './rows';

type ResultBoard = AnalysisResult['boards'][number];
type BoardCell = ResultBoard['rows'][number]['cells'][number];

export interface BoardFolding {
  /** Who folds where on this board (null: their own column). */
  foldOn: (boardId: number, raci: RaciMap) => (personId: string) => FoldedGroup | null;
  nameOf: OwnerNames['nameOf'];
}

export function presentBoards(
  boards: readonly BoardInfo[],
  raciByBoard: ReadonlyMap<number, RaciMap>,
  deliveryPeopleByBoard: ReadonlyMap<number, ReadonlySet<string>>,
  folding: BoardFolding,
  accountableShare: number,
): ResultBoard[] {
  const out: ResultBoard[] = [];
  for (const board of boards) {
    const raci = raciByBoard.get(board.id);
    if (raci === undefined) continue;
    const fold = folding.foldOn(board.id, raci);
    const shownId = (id: string) => {
      const group = fold(id);
      return group === null ? id : groupIdOf(group);
    };
    const rows = ROWS.map((def) => {
      const row = raci[def.key];
      const cells: BoardCell[] = [];
      // A folded column's share is all its members'; its letter only an A or R one of them holds (DOMAIN.md).
      const groups = new Map<string, { share: number; letter: 'A' | 'R' | null }>();
      for (const c of row.cells) {
        const group = fold(c.personId);
        if (group === null) {
          if (c.letter !== 'I')
            cells.push({ personId: c.personId, letter: c.letter, share: share4(c.share) });
          continue;
        }
        const id = groupIdOf(group);
        const sum = groups.get(id) ?? { share: 0, letter: null };
        sum.share += c.share;
        if (c.letter === 'A' || (c.letter === 'R' && sum.letter === null)) sum.letter = c.letter;
        groups.set(id, sum);
      }
      for (const personId of [groupIdOf('team'), groupIdOf('others')]) {
        const g = groups.get(personId);
        if (g !== undefined && g.letter !== null)
          cells.push({ personId, letter: g.letter, share: share4(g.share) });
      }
      return {
        key: def.key,
        accountableId: row.accountableId === null ? null : shownId(row.accountableId),
        ...rowOwner(row, accountableShare, { shownId, nameOf: folding.nameOf }),
        ownerCell: ownerCellOf(row, fold),
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
