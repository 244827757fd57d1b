import { parseJiraTime } from '../../../src/ownership/normalise/time';

/** A small deterministic generator, so a failure names a reproducible timestamp. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('Jira timestamps read by integer arithmetic', () => {
  it('agree with Date.parse on thousands of "+hhmm" and "Z" timestamps, valid or not', () => {
    const next = random(7);
    const pick = (n: number) => Math.floor(next() * n);
    for (let i = 0; i < 20_000; i++) {
      const year = i % 5 === 0 ? pick(10_000) : 1950 + pick(150);
      const tail = next() < 0.4 ? 'Z' : `${next() < 0.5 ? '+' : '-'}${pad(pick(15), 2)}${pad(pick(60), 2)}`;
      // Month 13, day 0 or 32, hour 24, minute or second 60: out of range now and then.
      const text =
        `${pad(year, 4)}-${pad(1 + pick(13), 2)}-${pad(pick(33), 2)}T${pad(pick(25), 2)}:` +
        `${pad(pick(61), 2)}:${pad(pick(61), 2)}.${pad(pick(1000), 3)}${tail}`;
      const expected = Date.parse(text);
      const actual = parseJiraTime(text);
      if (Number.isNaN(expected)) expect(actual).toBeNaN();
      else expect([text, actual]).toEqual([text, expected]);
    }
  });

  it.each([
    '2026-02-31T10:00:00.000+0000', // past the month's end: rolls over like Date.parse
    '2024-02-29T23:59:59.999-1130',
    '0099-06-15T12:00:00.000+0000', // two-digit years are Date.parse's business
    '0099-06-15T12:00:00.000Z',
    '2026-03-02T24:00:00.000Z',
    '1969-12-31T23:59:59.999Z',
  ])('reads the edge case %s exactly as Date.parse does', (text) => {
    expect(parseJiraTime(text)).toBe(Date.parse(text));
  });
});
