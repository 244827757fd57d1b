// The ownership map itself: responsibilities as rows (strategic, tactical, then delivery apart; declared rows after
// the inferred ones, drawn dashed), people as columns, a R/A/C/I letter per cell. Each inferred letter is a button
// that opens its evidence; the share is in its tooltip and in its accessible name. The grid is one Tab stop
// (roving-grid.ts): arrow keys move between its cells, Tab leaves it. The open warning's rows and cells are marked.
import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import { useEffect } from 'react';
import { percent } from '../../../shared/format';
import { PersonHeader } from './PersonHeader';
import { useRovingGrid } from './roving-grid';
import {
  LETTER_MEANING,
  cellKey,
  type MapCell,
  type MapColumn,
  type MapGroup,
  type MapRow,
  type WarningTarget,
} from './map-model';

export interface CellRef {
  rowId: string;
  personId: string;
}

function cellSummary(cell: Extract<MapCell, { kind: 'inferred' }>['cell']): string {
  const events = `${cell.eventCount} ${cell.eventCount === 1 ? 'event' : 'events'}`;
  const comment = cell.commented ? ', commented on its issues' : '';
  return `${percent(cell.share)} of this row's activity (${events}${comment})`;
}

function LetterCell({
  row,
  column,
  cell,
  selected,
  highlighted,
  tabIndex,
  onSelect,
}: {
  row: MapRow;
  column: MapColumn;
  cell: MapCell | undefined;
  selected: boolean;
  highlighted: boolean;
  /** 0 for the grid's one Tab stop, -1 for the others (reached with the arrow keys). */
  tabIndex: 0 | -1;
  onSelect: (ref: CellRef) => void;
}) {
  const mark = highlighted ? ' highlighted' : '';
  const at = { 'data-cell': cellKey(row.id, column.id), 'data-highlighted': highlighted || undefined };
  if (cell === undefined) {
    // An empty cell is reachable too, so the arrows move straight through rows and columns.
    return (
      <td className={`map-cell empty${mark}`} tabIndex={tabIndex} {...at}>
        <span className="visually-hidden">
          {column.displayName}: no letter for “{row.label}”
        </span>
      </td>
    );
  }
  if (cell.kind === 'declared') {
    const text = `${column.displayName}: ${cell.letter}, ${LETTER_MEANING[cell.letter]} — declared in the macro settings, not seen in Jira`;
    return (
      <td className={`map-cell${mark}`} {...at}>
        <Tooltip content={text}>
          {(props) => (
            <span
              {...props}
              tabIndex={tabIndex}
              className={`letter letter-${cell.letter} letter-declared`}
              data-row={row.id}
              data-person={column.id}
              data-letter={cell.letter}
              aria-label={text}
            >
              {cell.letter}
            </span>
          )}
        </Tooltip>
      </td>
    );
  }
  const summary = cellSummary(cell.cell);
  const meaning = LETTER_MEANING[cell.cell.letter];
  return (
    <td className={`map-cell${selected ? ' selected' : ''}${mark}`} {...at}>
      <Tooltip content={`${meaning[0]!.toUpperCase()}${meaning.slice(1)} · ${summary}`}>
        {(props) => (
          <button
            {...props}
            type="button"
            tabIndex={tabIndex}
            className={`letter letter-${cell.cell.letter}`}
            data-row={row.id}
            data-person={column.id}
            data-letter={cell.cell.letter}
            data-share={cell.cell.share}
            aria-pressed={selected}
            aria-controls="evidence-panel"
            onClick={() => onSelect({ rowId: row.id, personId: column.id })}
          >
            {cell.cell.letter}
            <span className="visually-hidden">
              {' '}
              — {column.displayName} is {meaning} for “{row.label}”: {summary}. Show the evidence.
            </span>
          </button>
        )}
      </Tooltip>
      {/* The share in sight, not only on hover; the button's own text already says it to screen readers. */}
      <span className="letter-share" aria-hidden="true">
        {percent(cell.cell.share)}
      </span>
    </td>
  );
}

function RowHeader({ row, highlighted }: { row: MapRow; highlighted: boolean }) {
  return (
    <th
      scope="row"
      className={`row-head${highlighted ? ' highlighted' : ''}`}
      data-highlighted={highlighted || undefined}
    >
      <span className="row-label">{row.label}</span>
      <span className="row-meta">
        {row.declared ? (
          <Lozenge appearance="new">Declared</Lozenge>
        ) : (
          <>
            {row.eventCount ?? 0} {row.eventCount === 1 ? 'event' : 'events'} · {row.issueCount ?? 0}{' '}
            {row.issueCount === 1 ? 'issue' : 'issues'}
            {row.noClearOwner ? (
              <>
                {' '}
                <Lozenge appearance="removed">No clear owner</Lozenge>
              </>
            ) : null}
          </>
        )}
      </span>
    </th>
  );
}

export function MapTable({
  columns,
  groups,
  selected,
  highlight,
  onSelect,
}: {
  columns: MapColumn[];
  groups: MapGroup[];
  selected: CellRef | null;
  /** The open warning's rows and cells, or null. */
  highlight: WarningTarget | null;
  onSelect: (ref: CellRef) => void;
}) {
  const rows = groups.flatMap((group) => group.rows);
  const grid = useRovingGrid(
    rows.map((row) => row.id),
    columns.map((column) => column.id),
  );
  const highlightedCells = new Set(highlight?.cells ?? []);
  const highlightedRows = new Set(highlight?.rows ?? []);

  // A newly opened warning brings its first cell (or row) into view, sideways included.
  useEffect(() => {
    if (highlight === null) return;
    const first = document.querySelector<HTMLElement>('.map [data-highlighted]');
    first?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [highlight]);

  return (
    <div className="map-scroll" role="region" aria-label="Ownership map (scrolls sideways)">
      <table className="map" data-testid="ownership-map" aria-describedby="map-keys" {...grid.handlers}>
        <caption className="visually-hidden">
          Who holds each product responsibility: A accountable, R responsible, C consulted, I informed.
          <span id="map-keys"> Arrow keys move between cells; Tab leaves the map.</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="corner">
              Responsibility
            </th>
            {columns.map((column) => (
              <th scope="col" key={column.id} className="person-head">
                <PersonHeader column={column} />
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.layer} className={`group group-${group.layer}`} data-layer={group.layer}>
            <tr className="group-head">
              <th scope="rowgroup" colSpan={columns.length + 1}>
                <span className="group-title">{group.title}</span>
                <span className="group-description">{group.description}</span>
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.id} className={row.declared ? 'row declared' : 'row'} data-row={row.id}>
                <RowHeader row={row} highlighted={highlightedRows.has(row.id)} />
                {columns.map((column) => (
                  <LetterCell
                    key={column.id}
                    row={row}
                    column={column}
                    cell={row.cells.get(column.id)}
                    selected={selected?.rowId === row.id && selected.personId === column.id}
                    highlighted={
                      highlightedCells.has(cellKey(row.id, column.id)) ||
                      (highlightedCells.size === 0 && highlightedRows.has(row.id))
                    }
                    tabIndex={grid.tabIndexOf(row.id, column.id)}
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
