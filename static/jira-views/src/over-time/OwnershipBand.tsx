// One scope's ownership over time: a row per responsibility, a cell per period coloured by its owner (with the
// owner's initials, so it never rests on colour alone) and ⇄ where a handover starts. The cells are one tab stop:
// arrow keys, Home and End move between them (a roving tabindex), and each shows its tooltip on focus as on hover.
import Tooltip from '@atlaskit/tooltip';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { BandCell, OverTimeScope, OwnerEntry } from '../model/over-time-table';

export function toneOf(owner: OwnerEntry | null): string {
  return owner === null ? 'none' : String(owner.tone);
}

function cellLabel(cell: BandCell): string {
  return cell.handoverFrom === null ? cell.text : `${cell.text}, handover from ${cell.handoverFrom}`;
}

function tooltipText(cell: BandCell, unit: OverTimeScope['unit'], rolling: number): string {
  const events = `${cell.eventCount} ${cell.eventCount === 1 ? 'event' : 'events'} in the last ${rolling} ${unit}s`;
  return `${cellLabel(cell)} (${events}).`;
}

/** Where a key moves the focus in a grid of `rows` × `columns`, or null for keys the band leaves alone. */
function moved(
  key: string,
  [row, column]: [number, number],
  rows: number,
  columns: number,
): [number, number] | null {
  switch (key) {
    case 'ArrowRight':
      return [row, Math.min(columns - 1, column + 1)];
    case 'ArrowLeft':
      return [row, Math.max(0, column - 1)];
    case 'ArrowDown':
      return [Math.min(rows - 1, row + 1), column];
    case 'ArrowUp':
      return [Math.max(0, row - 1), column];
    case 'Home':
      return [row, 0];
    case 'End':
      return [row, columns - 1];
    default:
      return null;
  }
}

export function OwnershipBand({ scope, rolling }: { scope: OverTimeScope; rolling: number }) {
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const tableRef = useRef<HTMLTableElement>(null);
  const columns = scope.periods.length;

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const next = moved(event.key, active, scope.rows.length, columns);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    tableRef.current?.querySelector<HTMLElement>(`[data-cell-at="${next[0]}:${next[1]}"]`)?.focus();
  };

  return (
    <div
      className="jv-scroll jv-ot-scroll"
      role="region"
      aria-label={`Owners of each responsibility on ${scope.name} (scrolls sideways)`}
    >
      <table className="jv-ot-band" ref={tableRef} onKeyDown={onKeyDown} data-band={scope.key}>
        <caption className="jv-visually-hidden">
          Who owned each responsibility on {scope.name}, per {scope.unit}. Use the arrow keys to move between
          {' ' + scope.unit}s and responsibilities.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="jv-ot-corner">
              Responsibility
            </th>
            {scope.periods.map((p) => (
              <th scope="col" key={p.id} className="jv-ot-period">
                {p.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scope.rows.map((row, r) => (
            <tr key={row.key} data-band-row={row.key}>
              <th scope="row" className="jv-ot-row">
                {row.label}
              </th>
              {row.cells.map((cell, c) => (
                <td key={cell.periodId} className="jv-ot-td">
                  <Tooltip
                    content={tooltipText(cell, scope.unit, rolling)}
                    isScreenReaderAnnouncementDisabled
                  >
                    {(props) => (
                      <span
                        {...props}
                        className="jv-ot-cell"
                        role="img"
                        aria-label={cellLabel(cell)}
                        tabIndex={active[0] === r && active[1] === c ? 0 : -1}
                        onFocus={(event) => {
                          props.onFocus(event);
                          setActive([r, c]);
                        }}
                        data-cell-at={`${r}:${c}`}
                        data-period={cell.periodLabel}
                        data-owner={cell.owner?.name ?? ''}
                        data-tone={toneOf(cell.owner)}
                        data-handover={cell.handoverFrom === null ? undefined : 'true'}
                      >
                        {cell.handoverFrom === null ? null : <span className="jv-ot-marker">⇄</span>}
                        {cell.owner?.short ?? '–'}
                      </span>
                    )}
                  </Tooltip>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OwnerLegend({ owners }: { owners: readonly OwnerEntry[] }) {
  return (
    <ul className="jv-legend" aria-label="Colours of the owners" data-legend="owners">
      {owners.map((o) => (
        <li key={o.id}>
          <span className="jv-ot-swatch" data-tone={toneOf(o)} aria-hidden="true">
            {o.short}
          </span>
          {o.name}
        </li>
      ))}
      <li>
        <span className="jv-ot-swatch" data-tone="none" aria-hidden="true">
          –
        </span>
        No clear owner
      </li>
      <li>
        <span className="jv-ot-swatch jv-ot-swatch-marker" aria-hidden="true">
          ⇄
        </span>
        Handover: a new owner from this period on
      </li>
    </ul>
  );
}
