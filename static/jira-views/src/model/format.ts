// How the Jira views write figures, shared by the screen and the exports so a CSV or Markdown table always carries
// exactly the numbers the page shows: whole percents, working days to one decimal, dates as YYYY-MM-DD (UTC).

/** A share 0..1 as a whole percent (0.4166 → 42). */
export function percentOf(share: number): number {
  return Math.round(share * 100);
}

/** "42 %" (a space before the sign, as the engine's messages write it). */
export function formatPercent(share: number): string {
  return `${percentOf(share)} %`;
}

/** Working days to one decimal (2.25 → 2.3); the number the screen shows and the exports write. */
export function daysOf(days: number): number {
  return Math.round(days * 10) / 10;
}

export function formatDays(days: number): string {
  const d = daysOf(days);
  return `${d.toFixed(1)} ${d === 1 ? 'working day' : 'working days'}`;
}

/** The calendar date of an ISO time in UTC ("2026-03-04"), or "" for none. */
export function dateOf(iso: string | null): string {
  if (iso === null) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
}

export function yesNo(value: boolean): 'yes' | 'no' {
  return value ? 'yes' : 'no';
}
