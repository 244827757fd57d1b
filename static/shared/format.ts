// How figures read in the views: shares as percentages ("share of activity", never time), dates and times in the
// viewer's locale, and figure names in words.

/** 0.4231 → "42%"; small non-zero shares keep one decimal ("0.8%") so they never read as nothing. */
export function percent(share: number): string {
  const value = share * 100;
  if (value > 0 && value < 1) return `${value.toFixed(1)}%`;
  return `${Math.round(value)}%`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function parsed(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 Mar 2026" (or the ISO text itself when it is not a date). */
export function formatDate(iso: string): string {
  const date = parsed(iso);
  return date === null ? iso : dateFormat.format(date);
}

/** "12 Mar 2026, 14:05". */
export function formatDateTime(iso: string): string {
  const date = parsed(iso);
  return date === null ? iso : timeFormat.format(date);
}

/** "10:42" when it is today, else "16 Nov 2026, 10:42": a moment in the viewer's own clock and language. */
export function formatMoment(iso: string, today: Date = new Date()): string {
  const at = parsed(iso);
  if (at === null) return iso;
  return at.toDateString() === today.toDateString()
    ? at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : timeFormat.format(at);
}

/** "acceptanceShare" → "Acceptance share"; "medianWaitDays" → "Median wait days". */
export function figureLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A figure by its name: shares and ratios as percentages, other numbers with at most two decimals. */
export function formatFigure(key: string, value: number): string {
  if (/share|ratio|percent/i.test(key) && value >= 0 && value <= 1) return percent(value);
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 100) / 100);
}

/** "Ana Lima" → "AL"; one word → its first two letters. */
export function initials(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return `${words[0]!.charAt(0)}${words[words.length - 1]!.charAt(0)}`.toUpperCase();
}
