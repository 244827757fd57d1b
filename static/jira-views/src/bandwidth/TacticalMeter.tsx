// The tactical share of a person's product activity: a thin meter, its figure beside it in text, with the
// tactical-overload line (80 % by default) marked only for people who hold roadmap work (`line` given).
import { useId } from 'react';
import { formatPercent } from '../model/format';
import { TACTICAL_LINE, THRESHOLD_LINE, TRACK } from './colors';

export function TacticalMeter({ share, line, width = 64 }: { share: number; line?: number; width?: number }) {
  const id = useId();
  const height = 8;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      width={width}
      height={height + 4}
      viewBox={`0 0 ${width} ${height + 4}`}
      style={{ display: 'inline-block', verticalAlign: 'middle', marginLeft: 6 }}
    >
      <title
        id={`${id}-title`}
      >{`${formatPercent(share)} tactical${line === undefined ? '' : `; the line is at ${formatPercent(line)}`}`}</title>
      <rect x={0} y={2} width={width} height={height} rx={2} fill={TRACK} />
      <rect
        x={0}
        y={2}
        width={Math.max(0, Math.min(1, share)) * width}
        height={height}
        rx={2}
        fill={TACTICAL_LINE}
      />
      {line === undefined ? null : (
        <line
          x1={line * width}
          x2={line * width}
          y1={0}
          y2={height + 4}
          stroke={THRESHOLD_LINE}
          strokeWidth={2}
        />
      )}
    </svg>
  );
}
