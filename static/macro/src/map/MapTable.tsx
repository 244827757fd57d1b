// The ownership map itself: responsibilities as rows (strategic, tactical, then delivery apart; declared rows after
// the inferred ones, drawn dashed), people as columns, a R/A/C/I letter per cell. Each inferred letter is a button
// that opens its evidence; the share is in its tooltip and in its accessible name.
import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import { percent } from '../../../shared/format';
import { PersonHeader } from './PersonHeader';
import { LETTER_MEANING, type MapCell, type MapColumn, type MapGroup, type MapRow } from './map-model';

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
  onSelect,
}: {
  row: MapRow;
  column: MapColumn;
  cell: MapCell | undefined;
  selected: boolean;
  onSelect: (ref: CellRef) => void;
}) {
  if (cell === undefined) {
    return (
      <td className="map-cell empty">
        <span className="visually-hidden">no letter</span>
      </td>
    );
  }
  if (cell.kind === 'declared') {
    const text = `${column.displayName}: ${cell.letter}, ${LETTER_MEANING[cell.letter]} — declared in the macro settings, not seen in Jira`;
    return (
      <td className="map-cell">
        <Tooltip content={text}>
          {(props) => (
            <span
              {...props}
              tabIndex={0}
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
    <td className={`map-cell${selected ? ' selected' : ''}`}>
      <Tooltip content={`${meaning[0]!.toUpperCase()}${meaning.slice(1)} · ${summary}`}>
        {(props) => (
          <button
            {...props}
            type="button"
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
    </td>
  );
}

function RowHeader({ row }: { row: MapRow }) {
  return (
    <th scope="row" className="row-head">
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
  onSelect,
}: {
  columns: MapColumn[];
  groups: MapGroup[];
  selected: CellRef | null;
  onSelect: (ref: CellRef) => void;
}) {
  return (
    <div className="map-scroll" role="region" aria-label="Ownership map (scrolls sideways)" tabIndex={0}>
      <table className="map" data-testid="ownership-map">
        <caption className="visually-hidden">
          Who holds each product responsibility: A accountable, R responsible, C consulted, I informed.
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
                <RowHeader row={row} />
                {columns.map((column) => (
                  <LetterCell
                    key={column.id}
                    row={row}
                    column={column}
                    cell={row.cells.get(column.id)}
                    selected={selected?.rowId === row.id && selected.personId === column.id}
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
