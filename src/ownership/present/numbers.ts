// Rounding for the wire: shares to 4 decimals, weights and days to 2, so results stay small and stable.
export const share4 = (x: number): number => Math.min(1, Math.max(0, Math.round(x * 10000) / 10000));
export const round2 = (x: number): number => Math.round(x * 100) / 100;
export const iso = (t: number): string => new Date(t).toISOString();
export const isoOrNull = (t: number | null): string | null => (t === null ? null : iso(t));
