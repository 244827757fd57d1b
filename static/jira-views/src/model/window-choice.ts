// The analysis windows the Jira views offer, as the resolver's `window` payload, and their labels.
import type { AnalysisWindow } from '../../../../src/ownership/config';

export const WINDOW_PRESETS: { id: string; label: string; window: AnalysisWindow }[] = [
  { id: 'all', label: 'All history', window: { kind: 'all' } },
  { id: 'sprints-3', label: 'Last 3 sprints', window: { kind: 'sprints', lastSprints: 3 } },
  { id: 'sprints-6', label: 'Last 6 sprints', window: { kind: 'sprints', lastSprints: 6 } },
  { id: 'sprints-12', label: 'Last 12 sprints', window: { kind: 'sprints', lastSprints: 12 } },
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A dated window from two date inputs, or the sentence that says what is wrong with them. */
export function datedWindow(from: string, to: string): { window: AnalysisWindow } | { error: string } {
  if (
    !ISO_DATE.test(from) ||
    !ISO_DATE.test(to) ||
    Number.isNaN(Date.parse(from)) ||
    Number.isNaN(Date.parse(to))
  ) {
    return { error: 'Enter both dates, like 2026-06-01.' };
  }
  if (from > to) return { error: 'The window must start before it ends.' };
  return { window: { kind: 'dates', from, to } };
}

export function windowLabel(window: AnalysisWindow): string {
  if (window.kind === 'dates') return `${window.from} to ${window.to}`;
  return (
    WINDOW_PRESETS.find((p) => JSON.stringify(p.window) === JSON.stringify(window))?.label ??
    (window.kind === 'sprints' ? `Last ${window.lastSprints} sprints` : 'All history')
  );
}
