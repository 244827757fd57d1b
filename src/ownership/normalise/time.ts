// Jira timestamps to epoch ms. Jira writes "2026-03-02T10:15:30.123+0000"; a big site has a million of them, so
// that exact layout is read digit by digit (about twice as fast as Date.parse); anything else goes to Date.parse.
function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Epoch ms, NaN when unreadable. */
export function parseJiraTime(s: string): number {
  const sign = s.charCodeAt(23);
  if (
    s.length === 28 &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 84 &&
    s.charCodeAt(13) === 58 &&
    s.charCodeAt(16) === 58 &&
    s.charCodeAt(19) === 46 &&
    (sign === 43 || sign === 45)
  ) {
    const year = digits(s, 0, 4);
    const month = digits(s, 5, 2);
    const day = digits(s, 8, 2);
    const hour = digits(s, 11, 2);
    const minute = digits(s, 14, 2);
    const second = digits(s, 17, 2);
    const milli = digits(s, 20, 3);
    const offsetHours = digits(s, 24, 2);
    const offsetMinutes = digits(s, 26, 2);
    if (
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 31 &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59 &&
      (year | milli | offsetHours | offsetMinutes) >= 0
    ) {
      const offset = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60000;
      return Date.UTC(year, month - 1, day, hour, minute, second, milli) - offset;
    }
  }
  return Date.parse(s);
}
