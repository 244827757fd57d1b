// The bandwidth breakdown as the page draws it and the exports write it: one row per person who did product work
// (delivery-only people stay one "Team" line unless the analysis shows them), the share of their activity per
// responsibility, the strategic / tactical / delivery split, the per-period trend and the engine's flags.
import type { AnalysisResult } from '../../../../src/contract/analysis';
import type { Layer, RowKey } from '../../../../src/ownership/rows';

export interface Responsibility {
  key: RowKey;
  label: string;
  layer: Layer;
}

export interface TrendPoint {
  periodId: string;
  label: string;
  /** False when the person had no activity in the period: the trend has a gap there, not a zero. */
  active: boolean;
  strategicShare: number;
  tacticalShare: number;
  deliveryShare: number;
}

export type BandwidthFlagKind = AnalysisResult['bandwidth']['flags'][number]['kind'];

export interface BandwidthFlagView {
  kind: BandwidthFlagKind;
  label: string;
  /** The engine's sentence, shown as it is. */
  message: string;
}

export interface BandwidthPersonRow {
  personId: string;
  name: string;
  active: boolean;
  roleLabel: string;
  /** PM-like, PO-like or PM/PO: the "product people only" filter keeps these. */
  productPerson: boolean;
  /** Share of the person's weighted activity in each responsibility over the window (absent: none). */
  rowShares: Partial<Record<RowKey, number>>;
  strategicShare: number;
  tacticalShare: number;
  deliveryShare: number;
  /** tactical / (strategic + tactical): the figure the 80 % tactical line applies to; null without product work. */
  tacticalShareOfProduct: number | null;
  /**
   * Holds an A or R on "Sets roadmap items": the tactical line (80 %) is drawn for them only, as the overload it
   * measures is roadmap work crowded out; for anyone else a high tactical share is simply their job.
   */
  holdsRoadmap: boolean;
  trend: TrendPoint[];
  /** Strategic share in the first and the last period the person was active (null when never active). */
  trendFirst: number | null;
  trendLast: number | null;
  flags: BandwidthFlagView[];
}

export interface BandwidthTable {
  responsibilities: Responsibility[];
  periodKind: 'sprint' | 'week';
  /** The engine's sentence about the periods (e.g. a board without sprints falls back to weeks). */
  note: string;
  periods: { id: string; label: string; from: string; to: string }[];
  periodsTotal: number;
  /** Sorted by name; the view sorts on demand. */
  rows: BandwidthPersonRow[];
  /** Delivery-only people folded into one line ("roles, not rankings"); null when shown individually or none. */
  team: { label: string; count: number } | null;
  tacticalOverloadShare: number;
  /**
   * The top of the trend charts' common scale: the largest strategic share anyone shown had in a period, rounded up
   * to a tenth (at least 10 %), so small multiples compare and a fall from 6 % to 2 % is still visible.
   */
  trendScale: number;
}

const PRODUCT_ROLES = new Set(['pm', 'po', 'pm-po']);

export const FLAG_LABELS: Record<BandwidthFlagKind, string> = {
  'tactical-overload': 'Over the tactical line',
  'strategic-collapse': 'Strategic share collapsing',
};

function byName(a: BandwidthPersonRow, b: BandwidthPersonRow): number {
  return a.name.localeCompare(b.name) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}

export function bandwidthTable(result: AnalysisResult): BandwidthTable {
  const { bandwidth } = result;
  const responsibilities = result.rows.map((row) => ({ key: row.key, label: row.label, layer: row.layer }));

  // Each person's weight per responsibility over the whole window, from the RACI cells.
  const weights = new Map<string, Partial<Record<RowKey, number>>>();
  for (const row of result.rows) {
    for (const cell of row.cells) {
      const own = weights.get(cell.personId) ?? {};
      own[row.key] = (own[row.key] ?? 0) + cell.weight;
      weights.set(cell.personId, own);
    }
  }
  const roadmapHolders = new Set(
    (result.rows.find((row) => row.key === 'roadmap')?.cells ?? [])
      .filter((cell) => cell.letter === 'A' || cell.letter === 'R')
      .map((cell) => cell.personId),
  );
  const periodsOf = new Map(bandwidth.people.map((p) => [p.personId, p.periods]));
  const flagsOf = new Map<string, BandwidthFlagView[]>();
  for (const flag of bandwidth.flags) {
    const list = flagsOf.get(flag.personId) ?? [];
    list.push({ kind: flag.kind, label: FLAG_LABELS[flag.kind], message: flag.message });
    flagsOf.set(flag.personId, list);
  }

  const rows: BandwidthPersonRow[] = [];
  for (const person of result.people) {
    const strategic = person.strategicShare;
    const tactical = person.tacticalShare;
    const delivery = person.deliveryShare;
    // Team members the analysis folded into the Team line carry no figures; they are not rows of their own.
    if (strategic === null || tactical === null || delivery === null) continue;
    const inPeriods = periodsOf.has(person.id);
    if (!inPeriods && strategic + tactical === 0 && !(person.inTeam && result.team.shownIndividually))
      continue;

    const own = weights.get(person.id) ?? {};
    const total = Object.values(own).reduce((sum, w) => sum + w, 0);
    const rowShares: Partial<Record<RowKey, number>> = {};
    if (total > 0)
      for (const [key, w] of Object.entries(own)) if (w > 0) rowShares[key as RowKey] = w / total;

    const trend: TrendPoint[] = bandwidth.periods.map((period, i) => {
      const p = periodsOf.get(person.id)?.[i];
      return {
        periodId: period.id,
        label: period.label,
        active: p !== undefined && p.totalWeight > 0,
        strategicShare: p?.strategicShare ?? 0,
        tacticalShare: p?.tacticalShare ?? 0,
        deliveryShare: p?.deliveryShare ?? 0,
      };
    });
    const activePoints = trend.filter((t) => t.active);
    rows.push({
      personId: person.id,
      name: person.displayName,
      active: person.active,
      roleLabel: person.roleLabel,
      productPerson: PRODUCT_ROLES.has(person.observedRole),
      rowShares,
      strategicShare: strategic,
      tacticalShare: tactical,
      deliveryShare: delivery,
      tacticalShareOfProduct: strategic + tactical > 0 ? tactical / (strategic + tactical) : null,
      holdsRoadmap: roadmapHolders.has(person.id),
      trend,
      trendFirst: activePoints[0]?.strategicShare ?? null,
      trendLast: activePoints.at(-1)?.strategicShare ?? null,
      flags: flagsOf.get(person.id) ?? [],
    });
  }
  rows.sort(byName);
  let highest = 0;
  for (const row of rows)
    for (const t of row.trend) if (t.active) highest = Math.max(highest, t.strategicShare);

  return {
    responsibilities,
    periodKind: bandwidth.periodKind,
    note: bandwidth.note,
    periods: bandwidth.periods,
    periodsTotal: bandwidth.periodsTotal,
    rows,
    team:
      result.team.count > 0 && !result.team.shownIndividually
        ? { label: result.team.label, count: result.team.count }
        : null,
    tacticalOverloadShare: result.settings.thresholds.tacticalOverloadShare,
    trendScale: Math.min(1, Math.max(0.1, Math.ceil(highest * 10 - 1e-9) / 10)),
  };
}

/** "sprint" or "week", for sentences and headers. */
export function periodUnit(table: Pick<BandwidthTable, 'periodKind'>): string {
  return table.periodKind === 'sprint' ? 'sprint' : 'week';
}
