// The bandwidth breakdown as CSV (one row per person, every figure the page shows, including the per-responsibility
// shares behind the stacked bar and the strategic share of each period) and as a compact Markdown table for a retro.
import type { BandwidthPersonRow, BandwidthTable } from '../model/bandwidth-table';
import { periodUnit } from '../model/bandwidth-table';
import { formatPercent, percentOf } from '../model/format';
import { toCsv, type CsvValue } from '../../../../src/export/csv';
import {
  incompleteCsvNotice,
  incompleteMarkdown,
  type Completeness,
} from '../../../../src/export/completeness';
import { toMarkdownTable } from './markdown';

/**
 * What the page shows: the rows after filter and sort, whether the Team line is on screen, and whether the result
 * behind them is complete (an export of incomplete data says so first).
 */
export interface BandwidthShown {
  rows: readonly BandwidthPersonRow[];
  showTeam: boolean;
  completeness: Completeness;
}

const TEAM_ROLE = 'Delivery only (one group, not broken down)';

function percentOrBlank(share: number | null): number | null {
  return share === null ? null : percentOf(share);
}

function flagLabels(row: BandwidthPersonRow): string {
  return row.flags.map((f) => f.label).join('; ');
}

function flagMessages(row: BandwidthPersonRow): string {
  return row.flags.map((f) => f.message).join(' ');
}

export function bandwidthCsv(table: BandwidthTable, shown: BandwidthShown): string {
  const unit = periodUnit(table);
  const header = [
    'Person',
    'Observed role',
    'Strategic share (%)',
    'Tactical share (%)',
    'Delivery share (%)',
    'Tactical share of product activity (%)',
    ...table.responsibilities.map((r) => `${r.label} (%)`),
    `Strategic share, first active ${unit} (%)`,
    `Strategic share, last active ${unit} (%)`,
    ...table.periods.map((p) => `Strategic share, ${p.label} (%)`),
    'Flags',
    'Flag messages',
  ];
  const records: CsvValue[][] = shown.rows.map((row) => [
    row.name,
    row.roleLabel,
    percentOf(row.strategicShare),
    percentOf(row.tacticalShare),
    percentOf(row.deliveryShare),
    percentOrBlank(row.tacticalShareOfProduct),
    ...table.responsibilities.map((r) => percentOf(row.rowShares[r.key] ?? 0)),
    percentOrBlank(row.trendFirst),
    percentOrBlank(row.trendLast),
    ...row.trend.map((t) => (t.active ? percentOf(t.strategicShare) : null)),
    flagLabels(row),
    flagMessages(row),
  ]);
  if (shown.showTeam && table.team !== null) {
    records.push([table.team.label, TEAM_ROLE, ...header.slice(2).map(() => null)]);
  }
  return toCsv(header, records, { notice: incompleteCsvNotice(shown.completeness) });
}

function trendText(row: BandwidthPersonRow): string {
  if (row.trendFirst === null || row.trendLast === null) return '—';
  return `${formatPercent(row.trendFirst)} → ${formatPercent(row.trendLast)}`;
}

export function bandwidthMarkdown(table: BandwidthTable, shown: BandwidthShown): string {
  const unit = periodUnit(table);
  const records = shown.rows.map((row) => [
    row.name,
    row.roleLabel,
    formatPercent(row.strategicShare),
    formatPercent(row.tacticalShare),
    formatPercent(row.deliveryShare),
    row.tacticalShareOfProduct === null ? '—' : formatPercent(row.tacticalShareOfProduct),
    trendText(row),
    row.flags.length === 0 ? '' : flagMessages(row),
  ]);
  if (shown.showTeam && table.team !== null) {
    records.push([table.team.label, TEAM_ROLE, '', '', '', '', '', '']);
  }
  const markdown = toMarkdownTable(
    [
      { header: 'Person' },
      { header: 'Observed role' },
      { header: 'Strategic', align: 'right' },
      { header: 'Tactical', align: 'right' },
      { header: 'Delivery', align: 'right' },
      { header: 'Tactical share of product activity', align: 'right' },
      { header: `Strategic share, first → last active ${unit}` },
      { header: 'Flag' },
    ],
    records,
  );
  return `${incompleteMarkdown(shown.completeness)}${markdown}`;
}
