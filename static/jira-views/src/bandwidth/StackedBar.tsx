// The share of a person's activity in each responsibility as one stacked bar: plain SVG with a <title> and <desc>
// (its text alternative lists every share), and a <title> per segment for the pointer.
import { useId } from 'react';
import type { RowKey } from '../../../../src/ownership/rows';
import { formatPercent } from '../model/format';
import type { Responsibility } from '../model/bandwidth-table';
import { GAP, RESPONSIBILITY_COLORS } from './colors';

export function sharesText(
  responsibilities: readonly Responsibility[],
  shares: Partial<Record<RowKey, number>>,
) {
  const parts = responsibilities
    .filter((r) => (shares[r.key] ?? 0) > 0)
    .map((r) => `${r.label} ${formatPercent(shares[r.key] ?? 0)}`);
  return parts.length === 0 ? 'No activity in the window.' : `${parts.join(', ')}.`;
}

export function StackedBar({
  name,
  responsibilities,
  shares,
  width = 180,
  height = 18,
}: {
  name: string;
  responsibilities: readonly Responsibility[];
  shares: Partial<Record<RowKey, number>>;
  width?: number;
  height?: number;
}) {
  const id = useId();
  let x = 0;
  const segments = responsibilities
    .filter((r) => (shares[r.key] ?? 0) > 0)
    .map((r) => {
      const w = (shares[r.key] ?? 0) * width;
      const segment = { key: r.key, label: r.label, share: shares[r.key] ?? 0, x, w };
      x += w;
      return segment;
    });
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      width="100%"
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      style={{ display: 'block', minWidth: 120, maxWidth: width }}
      data-chart="stacked-bar"
    >
      <title id={`${id}-title`}>{`Share of ${name}'s activity per responsibility`}</title>
      <desc id={`${id}-desc`}>{sharesText(responsibilities, shares)}</desc>
      {segments.map((s) => (
        <rect
          key={s.key}
          x={s.x}
          y={0}
          width={s.w}
          height={height}
          fill={RESPONSIBILITY_COLORS[s.key]}
          stroke={GAP}
          strokeWidth={s.w > 2 ? 1 : 0}
          data-row={s.key}
          data-share={s.share}
        >
          <title>{`${s.label}: ${formatPercent(s.share)}`}</title>
        </rect>
      ))}
    </svg>
  );
}

export function ResponsibilityLegend({ responsibilities }: { responsibilities: readonly Responsibility[] }) {
  return (
    <ul className="jv-legend" aria-label="Colours of the responsibilities">
      {responsibilities.map((r) => (
        <li key={r.key}>
          <span
            className="jv-swatch"
            aria-hidden="true"
            style={{ background: RESPONSIBILITY_COLORS[r.key] }}
          />
          {r.label} <span className="jv-visually-hidden">({r.layer})</span>
          <span aria-hidden="true" style={{ opacity: 0.7 }}>
            · {r.layer}
          </span>
        </li>
      ))}
    </ul>
  );
}
