// The first lines of every human-readable report: what was analysed, up to when, and whether the data is whole.
import type { AnalysisResult } from '../../src/contract/analysis';

export function reportHeading(result: AnalysisResult): string {
  const scope = [...result.scope.projects, ...result.scope.boards.map((b) => b.name)].join(', ');
  const from = result.window.from === null ? 'all activity' : `from ${result.window.from.slice(0, 10)}`;
  return `Ownership Map: ${scope} (${from} to ${result.window.to.slice(0, 10)})`;
}

export function scopeLine(result: AnalysisResult): string {
  const s = result.stats;
  // Every report opens with the gaps themselves (src/export/completeness); here they are only counted.
  const gaps = result.completeness.gaps.length;
  const whole = result.completeness.complete
    ? 'complete'
    : `INCOMPLETE (${gaps} ${gaps === 1 ? 'gap' : 'gaps'}, named above)`;
  return `Read ${s.issues} issues, ${s.histories} histories, ${s.eventsInWindow} product events in the window; data ${whole}`;
}

const SERVED_FROM: Record<NonNullable<AnalysisResult['served']>['from'], string> = {
  store: "from the app's store",
  live: 'read live from Jira',
};

/** "Data as of 2026-11-16 09:00 UTC, from the app's store": what the macro says of its freshness, in UTC. */
export function servedLine(result: AnalysisResult): string | undefined {
  if (result.served === undefined) return undefined;
  const at = result.served.asOf.slice(0, 16).replace('T', ' ');
  return `Data as of ${at} UTC, ${SERVED_FROM[result.served.from]}`;
}
