// CSV text for the Jira views' downloads, quoted as RFC 4180 says: CRLF line ends, fields with a comma, quote or
// line break wrapped in double quotes, quotes inside doubled.
export type CsvValue = string | number | boolean | null;

function field(value: CsvValue): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per record, every line ending in CRLF. */
export function toCsv(header: readonly string[], records: readonly (readonly CsvValue[])[]): string {
  return [header, ...records].map((record) => `${record.map(field).join(',')}\r\n`).join('');
}
