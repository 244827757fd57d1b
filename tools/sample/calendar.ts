// Working-time arithmetic for the simulated site: people act on weekdays between 09:00 and 17:00 UTC.
// All times are epoch milliseconds; the generator never reads the clock.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const WORK_START_HOUR = 9;
const WORK_END_HOUR = 17;
const WORK_HOURS_PER_DAY = WORK_END_HOUR - WORK_START_HOUR;

export function utc(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${iso}`);
  return ms;
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

export function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * The same instant if it falls in working hours, else the next working morning: at 09:00 sharp, or
 * `spread` (0–1) of the way into the morning's first four hours so moved events do not pile up at 09:00.
 */
export function toWorkingTime(ms: number, spread = 0): number {
  const t = nextWorkingInstant(ms);
  return t === ms ? t : t + Math.floor(spread * 4 * HOUR);
}

function nextWorkingInstant(ms: number): number {
  let day = startOfDay(ms);
  let t = ms;
  for (;;) {
    if (!isWeekend(day)) {
      const open = day + WORK_START_HOUR * HOUR;
      const close = day + WORK_END_HOUR * HOUR;
      if (t < open) return open;
      if (t < close) return t;
    }
    day += DAY;
    t = day;
  }
}

/** The latest working instant at or before `ms` (a minute before the previous close when `ms` is off hours). */
export function previousWorkingTime(ms: number): number {
  if (nextWorkingInstant(ms) === ms) return ms;
  let day = startOfDay(ms);
  for (;;) {
    const close = day + WORK_END_HOUR * HOUR;
    if (!isWeekend(day) && close <= ms) return close - MINUTE;
    day -= DAY;
  }
}

/** Adds working hours (weekday 09:00–17:00), starting from the next working instant. */
export function addWorkingHours(ms: number, hours: number): number {
  let t = toWorkingTime(ms);
  let left = hours * HOUR;
  while (left > 0) {
    const close = startOfDay(t) + WORK_END_HOUR * HOUR;
    const room = close - t;
    if (left < room) return t + left;
    left -= room;
    t = toWorkingTime(close);
  }
  return t;
}

export function addWorkingDays(ms: number, days: number): number {
  return addWorkingHours(ms, days * WORK_HOURS_PER_DAY);
}

/** Jira's issue timestamp format: 2026-06-03T10:15:00.000+0000. */
export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** The agile API's format: 2026-06-03T10:15:00.000Z. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** A calendar date, 2026-06-03. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
