// Working time between two instants in working days: the part of the interval that falls on Monday–Friday, UTC,
// divided by 24 h. Friday 17:00 → Monday 09:00 is 0.67 of a working day; a whole weekend adds nothing.
// Public holidays are unknown to Jira and count as working days.
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** Working milliseconds from the Unix epoch (a Thursday, 00:00 UTC) to t, in O(1). */
function workingMsSinceEpoch(t: number): number {
  // Shift so weeks start on Monday: 1970-01-05 was the first Monday.
  const sinceMonday = t - 4 * DAY_MS;
  const weeks = Math.floor(sinceMonday / WEEK_MS);
  const rest = sinceMonday - weeks * WEEK_MS;
  return weeks * 5 * DAY_MS + Math.min(rest, 5 * DAY_MS);
}

/** Working days from a to b (0 when b is not after a). */
export function workingDaysBetween(a: number, b: number): number {
  if (!(b > a)) return 0;
  return (workingMsSinceEpoch(b) - workingMsSinceEpoch(a)) / DAY_MS;
}

/** True for Monday–Friday (UTC) of the instant t. */
export function isWorkingTime(t: number): boolean {
  const day = Math.floor(t / DAY_MS);
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday >= 1 && weekday <= 5;
}
