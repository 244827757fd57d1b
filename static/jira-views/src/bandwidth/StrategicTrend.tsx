// A small multiple per person: their strategic share in each period as a line (gaps where they were inactive),
// so a collapsing strategic share shows at a glance. Plain SVG with a text alternative listing every period.
import { useId } from 'react';
import type { TrendPoint } from '../model/bandwidth-table';
import { formatPercent } from '../model/format';
import { STRATEGIC_LINE, TRACK } from './colors';

export function trendText(points: readonly TrendPoint[], unit: string): string {
  if (points.length === 0) return `No ${unit}s in the window.`;
  return points
    .map((p) => `${p.label}: ${p.active ? formatPercent(p.strategicShare) : 'no activity'}`)
    .join('; ');
}

/** Runs of consecutive active periods: each is drawn as its own line so inactivity is a gap, not a zero. */
function runs(points: readonly TrendPoint[]): { index: number; share: number }[][] {
  const out: { index: number; share: number }[][] = [];
  let current: { index: number; share: number }[] = [];
  points.forEach((p, index) => {
    if (p.active) current.push({ index, share: p.strategicShare });
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  });
  if (current.length > 0) out.push(current);
  return out;
}

export function StrategicTrend({
  name,
  points,
  unit,
  scale,
  width = 112,
  height = 32,
}: {
  name: string;
  points: readonly TrendPoint[];
  unit: string;
  /** Top of the vertical scale (a share), the same for every person so the charts compare. */
  scale: number;
  width?: number;
  height?: number;
}) {
  const id = useId();
  const pad = 3;
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const xOf = (i: number) => (points.length > 1 ? pad + i * step : width / 2);
  const yOf = (share: number) => pad + (1 - Math.min(share, scale) / scale) * (height - 2 * pad);
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={{ display: 'block', overflow: 'visible' }}
      data-chart="strategic-trend"
    >
      <title id={`${id}-title`}>{`${name}'s strategic share per ${unit}`}</title>
      <desc id={`${id}-desc`}>{`${trendText(points, unit)}. Scale 0 to ${formatPercent(scale)}.`}</desc>
      <rect x={0} y={0} width={width} height={height} fill={TRACK} rx={2} />
      {runs(points).map((run) =>
        run.length === 1 ? null : (
          <polyline
            key={`line-${run[0]?.index}`}
            points={run.map((p) => `${xOf(p.index)},${yOf(p.share)}`).join(' ')}
            fill="none"
            stroke={STRATEGIC_LINE}
            strokeWidth={2}
            strokeLinejoin="round"
          />
        ),
      )}
      {points.map((p, i) =>
        p.active ? (
          <circle key={p.periodId} cx={xOf(i)} cy={yOf(p.strategicShare)} r={2.5} fill={STRATEGIC_LINE}>
            <title>{`${p.label}: ${formatPercent(p.strategicShare)} strategic`}</title>
          </circle>
        ) : null,
      )}
    </svg>
  );
}
