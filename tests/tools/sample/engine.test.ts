// The generator's building blocks: the seeded PRNG and working-time arithmetic.
import { addWorkingDays, previousWorkingTime, toWorkingTime, utc } from '../../../tools/sample/calendar';
import { mixSeed, Random } from '../../../tools/sample/random';

describe('Random (mulberry32)', () => {
  test('a seed always yields the same sequence, another seed another one', () => {
    const a = new Random(42);
    const b = new Random(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => new Random(43).next())).not.toEqual(seqA);
    for (const x of seqA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  test('weighted picks follow the weights and never pick a zero weight', () => {
    const rng = new Random(mixSeed(1, 2, 3));
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) {
      const v = rng.weighted<keyof typeof counts>([
        { value: 'a', weight: 3 },
        { value: 'b', weight: 1 },
        { value: 'never', weight: 0 },
      ]);
      counts[v]++;
    }
    expect(counts.never).toBe(0);
    expect(counts.a / 10_000).toBeGreaterThan(0.72);
    expect(counts.a / 10_000).toBeLessThan(0.78);
  });

  test('int stays within its bounds, both included', () => {
    const rng = new Random(9);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });
});

describe('working time', () => {
  test('a Saturday moves to Monday 09:00; inside working hours nothing moves', () => {
    expect(toWorkingTime(utc('2026-11-14T12:00:00Z'))).toBe(utc('2026-11-16T09:00:00Z'));
    expect(toWorkingTime(utc('2026-11-16T10:30:00Z'))).toBe(utc('2026-11-16T10:30:00Z'));
    expect(toWorkingTime(utc('2026-11-16T18:00:00Z'))).toBe(utc('2026-11-17T09:00:00Z'));
  });

  test('three working days from Thursday afternoon end on Tuesday afternoon', () => {
    expect(addWorkingDays(utc('2026-11-12T15:00:00Z'), 3)).toBe(utc('2026-11-17T15:00:00Z'));
  });

  test('the previous working instant of a Sunday is Friday 16:59', () => {
    expect(previousWorkingTime(utc('2026-11-15T12:00:00Z'))).toBe(utc('2026-11-13T16:59:00Z'));
  });
});
