// The periods ownership over time is cut into (DOMAIN.md "Ownership over time"): a board's sprints, or calendar
// months (UTC) where there is no board. Each period runs from its start to the next one's, so every event in the
// covered span falls in exactly one period.
import type { SprintInfo } from '../model';

export interface Period {
  /** "sprint:12" or "month:2026-07". */
  id: string;
  /** The sprint's name, or "Jul 2026". */
  label: string;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/** The started sprints of one board (oldest first), each until the next one starts; the last until `to`. */
export function sprintPeriods(sprints: readonly SprintInfo[], from: number | null, to: number): Period[] {
  const started = sprints
    .filter((s): s is SprintInfo & { start: number } => s.start !== null && s.start <= to)
    .sort((a, b) => a.start - b.start || a.id - b.id);
  const periods: Period[] = [];
  started.forEach((sprint, index) => {
    const next = started[index + 1];
    const end = next === undefined ? Math.max(to + 1, sprint.start + 1) : next.start;
    if (from !== null && end <= from) return;
    periods.push({ id: `sprint:${sprint.id}`, label: sprint.name, start: sprint.start, end });
  });
  return periods;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar months (UTC) from the one holding `from` to the one holding `to`. */
export function monthPeriods(from: number, to: number): Period[] {
  const periods: Period[] = [];
  const first = new Date(from);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  for (;;) {
    const start = Date.UTC(year, month, 1);
    if (start > to) break;
    const end = Date.UTC(month === 11 ? year + 1 : year, (month + 1) % 12, 1);
    const id = `month:${year}-${String(month + 1).padStart(2, '0')}`;
    periods.push({ id, label: `${MONTHS[month]} ${year}`, start, end });
    year = month === 11 ? year + 1 : year;
    month = (month + 1) % 12;
  }
  return periods;
}

/** Index of the period holding `at`, or -1 when it is before the first or after the last. */
export function periodIndexOf(periods: readonly Period[], at: number): number {
  let low = 0;
  let high = periods.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const period = periods[mid] as Period;
    if (at < period.start) high = mid - 1;
    else if (at >= period.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
