// The map by squad: product responsibilities as rows, boards (squads) as columns, each cell the person accountable
// for the row on that board and their share of its activity there, or "No clear owner". An owner is a button that
// opens the events behind their letter, as a letter of the map by person does. One Tab stop, arrow keys inside
// (roving-grid.ts); the table scrolls inside its own frame with the responsibility column in place.
import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import { NO_ACTIVITY_TEXT } from '../../../../src/contract/analysis';
import { percent } from '../../../shared/format';
import { cellKey, type SquadCell, type SquadColumn, type SquadGrid, type SquadRow } from './map-model';
import { useRovingGrid } from './roving-grid';

export interface SquadRef {
  rowId: string;
  boardId: number;
}

function OwnerCell({
  row,
  column,
  cell,
  selected,
  tabIndex,
  onSelect,
}: {
  row: SquadRow;
  column: SquadColumn;
  cell: SquadCell | undefined;
  selected: boolean;
  tabIndex: 0 | -1;
  onSelect: (ref: SquadRef) => void;
}) {
  const at = { 'data-cell': cellKey(row.id, String(column.boardId)) };
  const owner = cell?.ownerCell ?? null;
  if (cell === undefined || owner === null || cell.ownerName === null) {
    const text = cell?.ownerText ?? NO_ACTIVITY_TEXT;
    // The words say it all to a screen reader ("No clear owner: the largest share is 12 % …"); the eye gets a lozenge.
    return (
      <td className="map-cell squad-cell empty" tabIndex={tabIndex} data-owner="none" {...at}>
        <span aria-hidden="true" title={text}>
          {text === NO_ACTIVITY_TEXT ? (
            <span className="squad-quiet">{NO_ACTIVITY_TEXT}</span>
          ) : (
            <Lozenge appearance="removed">No clear owner</Lozenge>
          )}
        </span>
        <span className="visually-hidden">
          “{row.label}” on {column.label}: {text}
        </span>
      </td>
    );
  }
  const summary = `${percent(owner.share)} of this row's activity on ${column.label} (${owner.eventCount} ${owner.eventCount === 1 ? 'event' : 'events'})`;
  return (
    <td className={`map-cell squad-cell${selected ? ' selected' : ''}`} data-owner={owner.personId} {...at}>
      <Tooltip content={cell.ownerText}>
        {(props) => (
          <button
            {...props}
            type="button"
            tabIndex={tabIndex}
            className="squad-owner"
            data-letter={owner.letter}
            data-row={row.id}
            data-board={column.boardId}
            aria-pressed={selected}
            aria-controls="evidence-panel"
            onClick={() => onSelect({ rowId: row.id, boardId: column.boardId })}
          >
            <span className="squad-owner-name">{cell.ownerName}</span>
            <span className="squad-owner-share"> · {percent(owner.share)}</span>
            <span className="visually-hidden">
              {' '}
              — accountable for “{row.label}” on {column.label}: {summary}. Show the evidence.
            </span>
          </button>
        )}
      </Tooltip>
    </td>
  );
}

export function SquadTable({
  grid,
  selected,
  onSelect,
}: {
  grid: SquadGrid;
  selected: SquadRef | null;
  onSelect: (ref: SquadRef) => void;
}) {
  const rows = grid.groups.flatMap((group) => group.rows);
  const roving = useRovingGrid(
    rows.map((row) => row.id),
    grid.columns.map((column) => String(column.boardId)),
  );
  return (
    <div className="map-scroll" role="region" aria-label="Ownership by squad (scrolls sideways)">
      <table
        className="map squad-map"
        data-testid="squad-map"
        aria-describedby="squad-keys"
        {...roving.handlers}
      >
        <caption className="visually-hidden">
          Who is accountable for each product responsibility on each board, with their share of its activity
          there.
          <span id="squad-keys"> Arrow keys move between cells; Tab leaves the map.</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="corner">
              Responsibility
            </th>
            {grid.columns.map((column) => (
              <th scope="col" key={column.boardId} className="squad-head" data-board={column.boardId}>
                <span className="squad-label">{column.label}</span>
                {column.name !== column.label ? <span className="row-meta">{column.name}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        {grid.groups.map((group) => (
          <tbody key={group.layer} className={`group group-${group.layer}`} data-layer={group.layer}>
            <tr className="group-head">
              <th scope="rowgroup" colSpan={grid.columns.length + 1}>
                <span className="group-title">{group.title}</span>
                <span className="group-description">{group.description}</span>
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.id} className="row" data-row={row.id}>
                <th scope="row" className="row-head">
                  <span className="row-label">{row.label}</span>
                </th>
                {grid.columns.map((column) => (
                  <OwnerCell
                    key={column.boardId}
                    row={row}
                    column={column}
                    cell={row.cells.get(column.boardId)}
                    selected={selected?.rowId === row.id && selected.boardId === column.boardId}
                    tabIndex={roving.tabIndexOf(row.id, String(column.boardId))}
                    onSelect={onSelect}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
