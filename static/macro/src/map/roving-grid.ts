// The grids of the macro (the map by person and by squad) are one Tab stop each: arrow keys (Home, End, Ctrl+Home,
// Ctrl+End) move between their cells, Tab leaves the grid, and Tab back returns to the cell last focused. Cells are
// `td[data-cell="<row>|<column>"]`; a cell's letter or owner (`[data-letter]`) takes the focus, else the cell.
import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { cellKey } from './map-model';

interface GridCell {
  rowId: string;
  columnId: string;
}

function cellOf(target: EventTarget): GridCell | null {
  const td = (target as HTMLElement).closest<HTMLElement>('td[data-cell]');
  const [rowId, columnId] = (td?.dataset.cell ?? '').split('|');
  return rowId && columnId ? { rowId, columnId } : null;
}

/** The element that takes focus for a cell: its letter, or the cell itself when it has none. */
function focusTarget(grid: HTMLElement, at: GridCell): HTMLElement | null {
  const td = grid.querySelector<HTMLElement>(`td[data-cell="${CSS.escape(cellKey(at.rowId, at.columnId))}"]`);
  return td?.querySelector<HTMLElement>('[data-letter]') ?? td ?? null;
}

/** Where an arrow key goes from (row, column) in a grid of `rows` × `columns`; null for any other key. */
function moved(
  event: KeyboardEvent,
  at: { row: number; column: number },
  rows: number,
  columns: number,
): { row: number; column: number } | null {
  const clamp = (n: number, size: number) => Math.max(0, Math.min(size - 1, n));
  switch (event.key) {
    case 'ArrowRight':
      return { row: at.row, column: clamp(at.column + 1, columns) };
    case 'ArrowLeft':
      return { row: at.row, column: clamp(at.column - 1, columns) };
    case 'ArrowDown':
      return { row: clamp(at.row + 1, rows), column: at.column };
    case 'ArrowUp':
      return { row: clamp(at.row - 1, rows), column: at.column };
    case 'Home':
      return { row: event.ctrlKey ? 0 : at.row, column: 0 };
    case 'End':
      return { row: event.ctrlKey ? rows - 1 : at.row, column: columns - 1 };
    default:
      return null;
  }
}

/**
 * The roving tab stop of a grid of `rowIds` × `columnIds`: spread `handlers` on the table and give each cell's
 * focusable element `tabIndexOf(row, column)`.
 */
export function useRovingGrid(rowIds: readonly string[], columnIds: readonly string[]) {
  // The cell last focused (the first one to begin with).
  const [active, setActive] = useState<GridCell | null>(null);
  const activeRow = rowIds[Math.max(0, rowIds.indexOf(active?.rowId ?? ''))];
  const activeColumn = columnIds[Math.max(0, columnIds.indexOf(active?.columnId ?? ''))];

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const from = cellOf(event.target);
    if (from === null) return;
    const at = { row: rowIds.indexOf(from.rowId), column: columnIds.indexOf(from.columnId) };
    if (at.row < 0 || at.column < 0) return;
    const next = moved(event, at, rowIds.length, columnIds.length);
    if (next === null) return;
    event.preventDefault();
    const to = { rowId: rowIds[next.row]!, columnId: columnIds[next.column]! };
    setActive(to);
    focusTarget(event.currentTarget, to)?.focus();
  };
  // A click or Tab into a cell makes it the tab stop, so Tab back into the grid returns there.
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const at = cellOf(event.target);
    if (at !== null && (at.rowId !== active?.rowId || at.columnId !== active.columnId)) setActive(at);
  };

  return {
    handlers: { onKeyDown, onFocus },
    tabIndexOf: (rowId: string, columnId: string): 0 | -1 =>
      rowId === activeRow && columnId === activeColumn ? 0 : -1,
  };
}
