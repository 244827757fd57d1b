// Bandwidth breakdown (DOMAIN.md): per person and per sprint (or ISO week when the scope has no sprints), the
// share of their weighted activity in each row and the strategic / tactical / delivery split; flags people whose
// strategic share is collapsing and people over the tactical-overload threshold. "Share of activity", never time.
import type { Thresholds } from './config';
import { AUTOMATION_ID, type ProductEvent, type SprintInfo } from './model';
import type { ObservedRole } from './roles';
import { ROW_KEYS, rowLayer, type RowKey } from './rows';
import type { ResolvedWindow } from './window';

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: ISO weeks are counted from there. */
const FIRST_MONDAY = 4 * DAY_MS;
/** How long before the first sprint the window may open and still be measured in sprints. */
const SPRINT_SLACK = 14 * DAY_MS;

export interface BandwidthPeriod {
  /** "sprint-12" or "2026-W09". */
  id: string;
  label: string;
  from: number;
  /** Exclusive end. */
  to: number;
  sprintId?: number;
}

export interface PersonPeriod {
  periodIndex: number;
  totalWeight: number;
  /** Weight per row (rows with none are absent). */
  rows: Partial<Record<RowKey, number>>;
  strategicShare: number;
  tacticalShare: number;
  deliveryShare: number;
}

export interface BandwidthFlag {
  personId: string;
  kind: 'strategic-collapse' | 'tactical-overload';
  figures: Record<string, number>;
  thresholds: Record<string, number>;
}

export interface Bandwidth {
  periodKind: 'sprint' | 'week';
  /** Sprint periods follow one board's cadence: the scope board with the most sprints in the window. */
  cadenceBoardId: number | null;
  /** Says which periods were used and why, for the UI. */
  note: string;
  periods: BandwidthPeriod[];
  /** Per human person, the periods in which they were active, in period order. */
  people: Map<string, PersonPeriod[]>;
  /** Weight of events that fell before the first period (sprint cadence starting later than the window). */
  unassignedWeight: number;
  flags: BandwidthFlag[];
}

function isoWeekLabel(weekStart: number): string {
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date(weekStart + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const week = Math.round((weekStart - jan4Monday) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function weekStartOf(t: number): number {
  return FIRST_MONDAY + Math.floor((t - FIRST_MONDAY) / WEEK_MS) * WEEK_MS;
}

/** Sprint periods: each sprint runs from its start to the next sprint's start (the last one to the window end). */
function sprintPeriods(sprints: readonly SprintInfo[], windowEnd: number): BandwidthPeriod[] {
  const started = sprints
    .filter((s) => s.start !== null)
    .sort((a, b) => (a.start as number) - (b.start as number) || a.id - b.id);
  return started.map((s, i) => {
    const next = started[i + 1];
    const end = next ? (next.start as number) : Math.max(windowEnd + 1, s.complete ?? s.end ?? windowEnd + 1);
    return { id: `sprint-${s.id}`, label: s.name, from: s.start as number, to: end, sprintId: s.id };
  });
}

function weekPeriods(from: number, to: number): BandwidthPeriod[] {
  const out: BandwidthPeriod[] = [];
  for (let start = weekStartOf(from); start <= to; start += WEEK_MS) {
    const label = isoWeekLabel(start);
    out.push({ id: label, label: `Week ${label}`, from: start, to: start + WEEK_MS });
  }
  return out;
}

/** Index of the period containing t, or -1 (binary search over period starts). */
function periodIndexOf(periods: readonly BandwidthPeriod[], t: number): number {
  let lo = 0;
  let hi = periods.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((periods[mid] as BandwidthPeriod).from <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && t < (periods[found] as BandwidthPeriod).to ? found : -1;
}

const ROW_INDEX = new Map<RowKey, number>(ROW_KEYS.map((k, i) => [k, i]));
const LAYERS = ROW_KEYS.map((k) => rowLayer(k));

export interface BandwidthInput {
  /** The window's events. */
  events: readonly ProductEvent[];
  window: ResolvedWindow;
  /** Started sprints per scope board (oldest first), used to pick the cadence. */
  sprintsByBoard: ReadonlyMap<number, readonly SprintInfo[]>;
  roles: ReadonlyMap<string, ObservedRole>;
  thresholds: Thresholds;
  /** The A of `roadmap`, if any: the PM whose strategy tactical work can crowd out. */
  roadmapOwnerId?: string | null;
}

export function computeBandwidth(input: BandwidthInput): Bandwidth {
  const { events, window, thresholds } = input;
  const windowFrom = window.from ?? events.reduce((min, e) => Math.min(min, e.at), Infinity);
  // Sprints overlapping the window, per board; the board with the most sets the cadence (ties: smaller id).
  let cadenceBoardId: number | null = null;
  let cadence: SprintInfo[] = [];
  for (const boardId of [...input.sprintsByBoard.keys()].sort((a, b) => a - b)) {
    const inWindow = (input.sprintsByBoard.get(boardId) ?? []).filter(
      (s) => s.start !== null && s.start <= window.to && (s.complete ?? s.end ?? Infinity) >= windowFrom,
    );
    if (inWindow.length > cadence.length) {
      cadence = inWindow;
      cadenceBoardId = boardId;
    }
  }
  let periods: BandwidthPeriod[];
  let note: string;
  // Sprints only make good periods when they cover the window: if the board's first sprint starts well after
  // the window opens (more than SPRINT_SLACK), most activity would fall outside every period, so use weeks.
  const firstStart = cadence[0]?.start ?? null;
  const sprintsCover = firstStart !== null && firstStart - windowFrom <= SPRINT_SLACK;
  if (cadence.length > 0 && sprintsCover) {
    periods = sprintPeriods(cadence, window.to);
    note =
      input.sprintsByBoard.size > 1
        ? `Periods follow the sprints of board ${cadenceBoardId}, the board in scope with the most sprints in the window.`
        : 'Periods are the sprints of the board in scope.';
  } else if (Number.isFinite(windowFrom)) {
    periods = weekPeriods(windowFrom, window.to);
    note =
      cadence.length > 0
        ? `Sprints on board ${cadenceBoardId} start after the window opens, so periods are ISO weeks (Monday to Sunday, UTC).`
        : 'The scope has no sprints in the window, so periods are ISO weeks (Monday to Sunday, UTC).';
    cadence = [];
    cadenceBoardId = null;
  } else {
    periods = [];
    note = 'No activity in the window.';
  }

  // person → period index → weight per row (8 numbers).
  const tallies = new Map<string, Map<number, Float64Array>>();
  let unassignedWeight = 0;
  // An indexed loop: this runs once over a million events (for-of would allocate a step object for each).
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ProductEvent;
    const actorId = e.actorId;
    if (actorId === AUTOMATION_ID) continue;
    const p = periodIndexOf(periods, e.at);
    if (p < 0) {
      unassignedWeight += e.weight;
      continue;
    }
    let byPeriod = tallies.get(actorId);
    if (byPeriod === undefined) {
      byPeriod = new Map();
      tallies.set(actorId, byPeriod);
    }
    let rows = byPeriod.get(p);
    if (rows === undefined) {
      rows = new Float64Array(ROW_KEYS.length);
      byPeriod.set(p, rows);
    }
    const r = ROW_INDEX.get(e.row) as number;
    rows[r] = (rows[r] as number) + e.weight;
  }

  const people = new Map<string, PersonPeriod[]>();
  const flags: BandwidthFlag[] = [];
  for (const personId of [...tallies.keys()].sort()) {
    const byPeriod = tallies.get(personId) as Map<number, Float64Array>;
    const list: PersonPeriod[] = [];
    for (const index of [...byPeriod.keys()].sort((a, b) => a - b)) {
      list.push(personPeriod(index, byPeriod.get(index) as Float64Array));
    }
    people.set(personId, list);
    const collapse = strategicCollapse(personId, list, periods.length, thresholds);
    if (collapse) flags.push(collapse);
    const role = input.roles.get(personId);
    // Only someone who also holds strategic work (PM/PO, or the roadmap's owner) can be squeezed by tactical work;
    // a PO whose work is all tactical is doing their job, not overloaded.
    const holdsStrategy =
      role?.role === 'pm-po' || (personId === input.roadmapOwnerId && (role?.strategicWeight ?? 0) > 0);
    if (
      role !== undefined &&
      holdsStrategy &&
      role.tacticalShareOfProduct >= thresholds.tacticalOverloadShare
    ) {
      flags.push({
        personId,
        kind: 'tactical-overload',
        // Shown to users: the share, never the weights behind it.
        figures: { tacticalShareOfProduct: role.tacticalShareOfProduct },
        thresholds: { tacticalOverloadShare: thresholds.tacticalOverloadShare },
      });
    }
  }
  return {
    periodKind: cadence.length > 0 ? 'sprint' : 'week',
    cadenceBoardId,
    note,
    periods,
    people,
    unassignedWeight,
    flags,
  };
}

function personPeriod(periodIndex: number, weights: Float64Array): PersonPeriod {
  let total = 0;
  let strategic = 0;
  let tactical = 0;
  let delivery = 0;
  const rows: Partial<Record<RowKey, number>> = {};
  ROW_KEYS.forEach((key, i) => {
    const w = weights[i] as number;
    if (w === 0) return;
    rows[key] = w;
    total += w;
    const layer = LAYERS[i];
    if (layer === 'strategic') strategic += w;
    else if (layer === 'tactical') tactical += w;
    else delivery += w;
  });
  return {
    periodIndex,
    totalWeight: total,
    rows,
    strategicShare: total > 0 ? strategic / total : 0,
    tacticalShare: total > 0 ? tactical / total : 0,
    deliveryShare: total > 0 ? delivery / total : 0,
  };
}

/**
 * Collapsing: the strategic share of the last k periods of the window (k = strategicCollapsePeriods, 3) is below
 * strategicCollapseRatio (half) of the share in the person's first k active periods. Needs activity in both and
 * the two spans must not overlap.
 */
function strategicCollapse(
  personId: string,
  list: readonly PersonPeriod[],
  periodCount: number,
  thresholds: Thresholds,
): BandwidthFlag | null {
  const k = thresholds.strategicCollapsePeriods;
  const early = list.slice(0, k);
  if (early.length < k) return null;
  const lastEarly = (early[early.length - 1] as PersonPeriod).periodIndex;
  const firstRecent = periodCount - k;
  if (firstRecent <= lastEarly) return null;
  const recent = list.filter((p) => p.periodIndex >= firstRecent);
  const share = (ps: readonly PersonPeriod[]) => {
    let total = 0;
    let strategic = 0;
    for (const p of ps) {
      total += p.totalWeight;
      strategic += p.strategicShare * p.totalWeight;
    }
    return { total, share: total > 0 ? strategic / total : 0 };
  };
  const e = share(early);
  const r = share(recent);
  if (e.share <= 0 || r.total <= 0) return null;
  if (r.share >= thresholds.strategicCollapseRatio * e.share) return null;
  return {
    personId,
    kind: 'strategic-collapse',
    figures: { earlyStrategicShare: e.share, recentStrategicShare: r.share, periodsCompared: k },
    thresholds: { strategicCollapseRatio: thresholds.strategicCollapseRatio },
  };
}
