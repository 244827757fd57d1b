// Bandwidth for the wire: the most recent periods only (with the total), one entry per listed period per person,
// and a plain sentence for each flag.
import { BANDWIDTH_PERIOD_CAP, type ResultBandwidth } from '../../contract/analysis';
import type { Bandwidth, BandwidthFlag } from '../bandwidth';
import type { Person } from '../model';
import { iso, round2, share4 } from './numbers';

function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function flagMessage(flag: BandwidthFlag, name: string, unit: string): string {
  const f = flag.figures;
  const t = flag.thresholds;
  if (flag.kind === 'strategic-collapse') {
    const k = f.periodsCompared ?? 3;
    return (
      `${name}'s strategic share fell from ${percent(f.earlyStrategicShare ?? 0)} in their first ${k} active ${unit}s ` +
      `to ${percent(f.recentStrategicShare ?? 0)} in the last ${k}, below ${percent(t.strategicCollapseRatio ?? 0.5)} ` +
      `of where it was. Check whether roadmap work is being crowded out.`
    );
  }
  return (
    `${percent(f.tacticalShareOfProduct ?? 0)} of ${name}'s product activity is tactical ` +
    `(threshold ${percent(t.tacticalOverloadShare ?? 0.8)}) although they also do strategic work. ` +
    `Consider handing backlog and sprint work to a dedicated PO.`
  );
}

export function presentBandwidth(
  b: Bandwidth,
  people: ReadonlyMap<string, Person>,
  shown: (personId: string) => boolean,
): ResultBandwidth {
  const first = Math.max(0, b.periods.length - BANDWIDTH_PERIOD_CAP);
  const listed = b.periods.slice(first);
  const unit = b.periodKind === 'sprint' ? 'sprint' : 'week';
  const rows: ResultBandwidth['people'] = [];
  for (const [personId, periods] of b.people) {
    if (!shown(personId)) continue;
    const byIndex = new Map(periods.map((p) => [p.periodIndex, p]));
    rows.push({
      personId,
      periods: listed.map((_, i) => {
        const p = byIndex.get(first + i);
        if (p === undefined)
          return { totalWeight: 0, rows: {}, strategicShare: 0, tacticalShare: 0, deliveryShare: 0 };
        const r: ResultBandwidth['people'][number]['periods'][number]['rows'] = {};
        for (const [k, w] of Object.entries(p.rows)) r[k as keyof typeof r] = round2(w);
        return {
          totalWeight: round2(p.totalWeight),
          rows: r,
          strategicShare: share4(p.strategicShare),
          tacticalShare: share4(p.tacticalShare),
          deliveryShare: share4(p.deliveryShare),
        };
      }),
    });
  }
  return {
    periodKind: b.periodKind,
    cadenceBoardId: b.cadenceBoardId,
    note:
      b.periods.length > listed.length
        ? `${b.note} The last ${listed.length} of ${b.periods.length} ${unit}s are listed.`
        : b.note,
    periods: listed.map((p) => ({ id: p.id, label: p.label, from: iso(p.from), to: iso(p.to) })),
    periodsTotal: b.periods.length,
    people: rows,
    unassignedWeight: round2(b.unassignedWeight),
    flags: b.flags
      .filter((f) => shown(f.personId))
      .map((f) => ({
        personId: f.personId,
        kind: f.kind,
        message: flagMessage(f, people.get(f.personId)?.displayName ?? 'This person', unit),
        figures: Object.fromEntries(Object.entries(f.figures).map(([k, v]) => [k, share4Or(v)])),
        thresholds: f.thresholds,
      })),
  };
}

/** Shares rounded to 4 decimals, counts and weights to 2. */
function share4Or(v: number): number {
  return v >= 0 && v <= 1 ? share4(v) : round2(v);
}
