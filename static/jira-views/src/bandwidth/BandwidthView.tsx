// The bandwidth breakdown tab: one row per person who did product work with the stacked bar of their activity per
// responsibility, the strategic / tactical / delivery split, the tactical share of product work against the 80 %
// line, the strategic trend per period and the engine's flags; sortable headers, a product-people filter, exports.
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { useMemo, useState, type ReactNode } from 'react';
import type { AnalysisResult } from '../../../../src/contract/analysis';
import { EmptyState } from '../../../shared/states';
import { ExportActions } from '../app/ExportActions';
import type { TableCell, TableRow } from '../app/table-rows';
import { bandwidthCsv, bandwidthMarkdown } from '../export/bandwidth-export';
import {
  filterBandwidthRows,
  nextSort,
  sortBandwidthRows,
  type BandwidthSort,
  type BandwidthSortKey,
  type SortDirection,
} from '../model/bandwidth-sort';
import { bandwidthTable, periodUnit, type BandwidthPersonRow } from '../model/bandwidth-table';
import { formatPercent } from '../model/format';
import { ResponsibilityLegend, StackedBar } from './StackedBar';
import { StrategicTrend, trendText } from './StrategicTrend';
import { TacticalMeter } from './TacticalMeter';

const SORT_LABELS: Record<BandwidthSortKey, string> = {
  name: 'person',
  role: 'observed role',
  strategic: 'strategic share',
  tactical: 'tactical share',
  delivery: 'delivery share',
  tacticalOfProduct: 'tactical share of product work',
  trend: 'change of the strategic share',
};

function PersonCell({ row }: { row: BandwidthPersonRow }) {
  return (
    <div style={{ fontWeight: 500, minWidth: 120 }}>
      {row.name}
      {row.active ? null : <span className="jv-note"> (inactive)</span>}
      {row.flags.length > 0 ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 2 }}>
          {row.flags.map((f) => (
            <Lozenge key={f.kind} appearance={f.kind === 'tactical-overload' ? 'removed' : 'moved'}>
              {f.label}
            </Lozenge>
          ))}
        </div>
      ) : null}
    </div>
  );
}

const ORDER: Record<SortDirection, 'ASC' | 'DESC'> = { ascending: 'ASC', descending: 'DESC' };

export function BandwidthView({ result, fileStem }: { result: AnalysisResult; fileStem: string }) {
  const table = useMemo(() => bandwidthTable(result), [result]);
  const [sort, setSort] = useState<BandwidthSort>({ key: 'name', direction: 'ascending' });
  const [productOnly, setProductOnly] = useState(false);
  const rows = useMemo(
    () => sortBandwidthRows(filterBandwidthRows(table.rows, productOnly), sort),
    [table, productOnly, sort],
  );
  const unit = periodUnit(table);
  const showTeam = !productOnly && table.team !== null;
  const shown = { rows, showTeam, completeness: result.completeness };
  const onSort = (key: BandwidthSortKey) => setSort((current) => nextSort(current, key));
  // Roles are observed over this view's scope: the same person can read differently on the map of several projects.
  const where =
    result.scope.boards.length > 0
      ? result.scope.boards.map((board) => board.name).join(', ')
      : result.scope.projects.join(', ');
  const column = (
    key: BandwidthSortKey | 'bar',
    content: string,
    options: { numeric?: boolean; hint?: string } = {},
  ) => ({
    key,
    content: options.hint === undefined ? content : <span title={options.hint}>{content}</span>,
    isSortable: key !== 'bar',
    'data-column': key,
    ...(options.numeric ? { 'data-numeric': 'true' } : {}),
  });
  const head = {
    cells: [
      column('name', 'Person'),
      column('role', `Role on ${where}`),
      column('bar', 'Activity per responsibility'),
      column('strategic', 'Strategic', { numeric: true }),
      column('tactical', 'Tactical', { numeric: true }),
      column('delivery', 'Delivery', { numeric: true }),
      column('tacticalOfProduct', 'Tactical share of product work', {
        numeric: true,
        hint: `Tactical / (strategic + tactical). The line at ${formatPercent(table.tacticalOverloadShare)} is drawn for people who hold roadmap work.`,
      }),
      column('trend', `Strategic share per ${unit}`, {
        hint: `Scale 0 to ${formatPercent(table.trendScale)}. Sorts by the change from the first to the last active ${unit}.`,
      }),
    ],
  };
  // DynamicTable orders rows by the sorted column's cell keys: each row's rank in the model's order, so the table
  // keeps that order in either direction.
  const personRow = (row: BandwidthPersonRow, rank: number): TableRow => {
    const key = sort.direction === 'ascending' ? rank : rows.length - rank;
    const cell = (name: string, content: ReactNode, numeric = false): TableCell => ({
      key,
      content,
      'data-cell': name,
      ...(numeric ? { 'data-numeric': 'true' } : {}),
    });
    return {
      key: row.personId,
      'data-person': row.name,
      'data-flagged': row.flags.length > 0 ? 'true' : 'false',
      cells: [
        cell('person', <PersonCell row={row} />),
        cell('role', row.roleLabel),
        cell(
          'bar',
          <div style={{ minWidth: 130, width: 180 }}>
            <StackedBar name={row.name} responsibilities={table.responsibilities} shares={row.rowShares} />
          </div>,
        ),
        cell('strategic', formatPercent(row.strategicShare), true),
        cell('tactical', formatPercent(row.tacticalShare), true),
        cell('delivery', formatPercent(row.deliveryShare), true),
        cell(
          'tactical-of-product',
          row.tacticalShareOfProduct === null ? (
            '—'
          ) : (
            <>
              {formatPercent(row.tacticalShareOfProduct)}
              <TacticalMeter
                share={row.tacticalShareOfProduct}
                line={row.holdsRoadmap ? table.tacticalOverloadShare : undefined}
              />
            </>
          ),
          true,
        ),
        cell(
          'trend',
          <>
            <StrategicTrend name={row.name} points={row.trend} unit={unit} scale={table.trendScale} />
            <span className="jv-note" data-trend-text>
              {row.trendFirst === null || row.trendLast === null
                ? 'no activity'
                : `${formatPercent(row.trendFirst)} → ${formatPercent(row.trendLast)}`}
            </span>
          </>,
        ),
      ],
    };
  };

  return (
    <section aria-labelledby="bandwidth-heading" data-view="bandwidth">
      <div className="jv-section-head">
        <h2 id="bandwidth-heading">Bandwidth per person</h2>
        <ExportActions
          subject="bandwidth breakdown"
          fileName={`${fileStem}-bandwidth.csv`}
          csv={() => bandwidthCsv(table, shown)}
          markdown={() => bandwidthMarkdown(table, shown)}
        />
      </div>
      <p className="jv-note">
        Share of each person&apos;s activity in Jira (weighted events, not time) per responsibility, over the
        window. People whose only activity is delivery are shown as one team line: roles, not rankings.
      </p>
      <p className="jv-note" data-note="roles-scope">
        Roles are read from the activity on {where} alone. The ownership map over several projects reads each
        person over all of them, so a label can differ there; the map then names the squad that reads them
        otherwise (PM/PO across the site, &quot;PO-like on CHK&quot; under the name).
      </p>
      {table.periodKind === 'week' ? (
        <div data-state="weeks" style={{ margin: '8px 0' }}>
          <SectionMessage appearance="information" title="Weeks instead of sprints">
            <p style={{ margin: 0 }}>{table.note}</p>
          </SectionMessage>
        </div>
      ) : (
        <p className="jv-note" data-period-note>
          {table.note}
        </p>
      )}

      <div className="jv-toolbar" style={{ marginTop: 4 }}>
        <label className="jv-check">
          <input
            type="checkbox"
            checked={productOnly}
            onChange={(event) => setProductOnly(event.target.checked)}
            data-filter="product-only"
          />
          Product people only (PM-like, PO-like, PM/PO)
        </label>
      </div>

      {table.rows.length === 0 ? (
        <EmptyState title="No product work in this window">
          Nobody ordered the backlog, wrote or refined stories, planned sprints, accepted work or set roadmap
          items in this window. Pick a longer window or another board.
        </EmptyState>
      ) : (
        <>
          <ResponsibilityLegend responsibilities={table.responsibilities} />
          {/* Said above the table, not as DynamicTable's caption, which Atlaskit draws as a heading. */}
          <p className="jv-note" data-note="bandwidth-sort">
            {rows.length} {rows.length === 1 ? 'person' : 'people'} shown
            {productOnly ? ' (product people only)' : ''}. Sorted by {SORT_LABELS[sort.key]}, {sort.direction}
            . The {unit} charts share one scale, 0 to {formatPercent(table.trendScale)} strategic.
          </p>
          <div className="jv-scroll jv-dynamic" data-table="bandwidth">
            <DynamicTableStateless
              head={head}
              rows={rows.map((row, rank) => personRow(row, rank))}
              sortKey={sort.key}
              sortOrder={ORDER[sort.direction]}
              // The order is the model's (sortBandwidthRows, the one the exports use); DynamicTable only says so.
              onSort={({ key }: { key: BandwidthSortKey }) => onSort(key)}
              label={`Bandwidth per person on ${where}`}
              testId="bandwidth"
            />
          </div>
          {rows.some((row) => row.flags.length > 0) ? (
            <ul className="jv-flags" aria-label="Flags">
              {rows.flatMap((row) =>
                row.flags.map((flag) => (
                  <li key={`${row.personId}-${flag.kind}`} data-flag={flag.kind} data-flag-for={row.name}>
                    <span aria-hidden="true">⚠ </span>
                    <strong>
                      {row.name} · {flag.label}:
                    </strong>{' '}
                    {flag.message}
                  </li>
                )),
              )}
            </ul>
          ) : null}
          {showTeam && table.team !== null ? (
            <p className="jv-team-line" data-team>
              <strong>{table.team.label}</strong>: delivery only, one group, not broken down per person.
            </p>
          ) : null}
          <details style={{ marginTop: 12 }} data-details="shares">
            <summary>Shares per responsibility as a table</summary>
            <div className="jv-scroll" style={{ marginTop: 8 }}>
              <table className="jv-table" data-table="bandwidth-shares">
                <caption>Share of each person&apos;s activity per responsibility over the window.</caption>
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    {table.responsibilities.map((r) => (
                      <th scope="col" className="jv-num" key={r.key}>
                        {r.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.personId}>
                      <th scope="row" style={{ fontWeight: 500 }}>
                        {row.name}
                      </th>
                      {table.responsibilities.map((r) => (
                        <td className="jv-num" key={r.key}>
                          {formatPercent(row.rowShares[r.key] ?? 0)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <details style={{ marginTop: 8 }} data-details="trend">
            <summary>Strategic share per {unit} as text</summary>
            <ul className="jv-note">
              {rows.map((row) => (
                <li key={row.personId}>
                  {row.name}: {trendText(row.trend, unit)}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
