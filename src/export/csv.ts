// The one CSV writer of every download and report (Jira views, `npm run report`). RFC 4180: CRLF line ends, fields
// with a comma, quote or line break wrapped in double quotes, quotes inside doubled. Text cells that a spreadsheet
// would run as a formula (OWASP "CSV injection": a first character of = + - @, tab or carriage return) get a
// leading single quote and are quoted, so a Jira display name like "=HYPERLINK(…)" stays text.
export type CsvValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field. Numbers and booleans are written as they are: a number is never a formula. */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvOptions {
  /**
   * A line before the header, one field on its own (e.g. "# Incomplete data: …"): the first thing a spreadsheet
   * shows, and still valid CSV. Null or absent: no such line.
   */
  notice?: string | null;
}

/** A header line and one line per record, every line ending in CRLF. */
export function toCsv(
  header: readonly string[],
  records: readonly (readonly CsvValue[])[],
  options: CsvOptions = {},
): string {
  const lines = [header, ...records].map((record) => `${record.map(csvField).join(',')}\r\n`);
  if (options.notice != null) lines.unshift(`${csvField(options.notice)}\r\n`);
  return lines.join('');
}
