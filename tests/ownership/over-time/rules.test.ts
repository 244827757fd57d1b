// The rules of ownership over time, one by one, on small hand-made sequences (DOMAIN.md "Ownership over time").
import type { ProductEvent, SprintInfo } from '../../../src/ownership/model';
import { accretionsOf } from '../../../src/ownership/over-time/accretions';
import { handoversOf } from '../../../src/ownership/over-time/handovers';
import { ownershipGapsOf } from '../../../src/ownership/over-time/ownership-gaps';
import { EVIDENCE_CAP } from '../../../src/ownership/evidence';
import { Bucket, newestOf, periodOwners } from '../../../src/ownership/over-time/period-owners';
import {
  monthPeriods,
  periodIndexOf,
  sprintPeriods,
  type Period,
} from '../../../src/ownership/over-time/periods';
import type { RowKey } from '../../../src/ownership/rows';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T09:00:00.000Z');

function periods(n: number): Period[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `sprint:${i + 1}`,
    label: `S${i + 1}`,
    start: T0 + i * 14 * DAY,
    end: T0 + (i + 1) * 14 * DAY,
  }));
}

/** Buckets from a plan like ['x6', 'x3 y3', ''] : each word is a person and how many events of weight 1. */
function buckets(plan: string[]): Bucket[] {
  return plan.map((text) => {
    const bucket = new Bucket();
    for (const word of text.split(' ').filter(Boolean)) {
      const person = word[0]!;
      const count = Number(word.slice(1));
      for (let i = 0; i < count; i++) {
        bucket.add({ id: `${person}/${i}`, actorId: person, weight: 1, at: T0 + i } as ProductEvent);
      }
    }
    return bucket;
  });
}

const same = (id: string) => id;
function owners(plan: string[]) {
  return periodOwners(periods(plan.length), buckets(plan), 0.35, same);
}
const ownerIds = (plan: string[]) => owners(plan).map((o) => o.ownerId);

describe('periods', () => {
  test('calendar months from the month of the first day to the month of the last, UTC', () => {
    const months = monthPeriods(Date.parse('2026-01-20T00:00:00Z'), Date.parse('2026-03-02T00:00:00Z'));
    expect(months.map((m) => [m.id, m.label])).toEqual([
      ['month:2026-01', 'Jan 2026'],
      ['month:2026-02', 'Feb 2026'],
      ['month:2026-03', 'Mar 2026'],
    ]);
    expect(periodIndexOf(months, Date.parse('2026-02-28T23:59:59Z'))).toBe(1);
    expect(periodIndexOf(months, Date.parse('2025-12-31T23:59:59Z'))).toBe(-1);
  });

  test("a board's started sprints, each until the next starts; future sprints and those before the window left out", () => {
    const sprint = (id: number, start: string | null): SprintInfo => ({
      id,
      boardId: 1,
      name: `S${id}`,
      state: 'closed',
      start: start === null ? null : Date.parse(start),
      end: null,
      complete: null,
    });
    const list = [
      sprint(2, '2026-01-15T00:00:00Z'),
      sprint(1, '2026-01-01T00:00:00Z'),
      sprint(3, null),
      sprint(4, '2026-03-01T00:00:00Z'),
    ];
    const cut = sprintPeriods(list, Date.parse('2026-01-10T00:00:00Z'), Date.parse('2026-02-01T00:00:00Z'));
    expect(cut.map((p) => [p.label, new Date(p.start).toISOString(), new Date(p.end).toISOString()])).toEqual(
      [
        ['S1', '2026-01-01T00:00:00.000Z', '2026-01-15T00:00:00.000Z'],
        ['S2', '2026-01-15T00:00:00.000Z', '2026-02-01T00:00:00.001Z'],
      ],
    );
  });
});

describe('a bucket keeps what evidence can show', () => {
  test('counts every event, and per person the newest EVIDENCE_CAP, whatever order they come in', () => {
    const bucket = new Bucket();
    const all: ProductEvent[] = [];
    // 130 events of x and 7 of y, times shuffled by a fixed stride; x and y share some times (ties by id).
    for (let i = 0; i < 137; i++) {
      const n = (i * 53) % 137;
      const actorId = n % 19 === 0 ? 'y' : 'x';
      all.push({ id: `E-${n}`, actorId, weight: 1, at: T0 + Math.floor(n / 2) * DAY } as ProductEvent);
    }
    for (const e of all) bucket.add(e);
    expect(bucket.eventCount).toBe(137);
    const newest = (people: string[]) =>
      all
        .filter((e) => people.includes(e.actorId))
        .sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1))
        .slice(0, EVIDENCE_CAP);
    for (const people of [['x'], ['y'], ['x', 'y']]) {
      const got = bucket.eventsOf((id) => people.includes(id));
      expect(got.total).toBe(all.filter((e) => people.includes(e.actorId)).length);
      expect(newestOf(got.newest).map((e) => e.id)).toEqual(newest(people).map((e) => e.id));
    }
    expect(bucket.eventsOf(() => false)).toEqual({ total: 0, newest: [] });
  });
});

describe('the owner of each period', () => {
  test('is decided over the last three periods: one quiet sprint does not flip it', () => {
    expect(ownerIds(['x6', 'x6', 'y2', 'x6'])).toEqual(['x', 'x', 'x', 'x']);
  });

  test('needs at least 5 events in the window and the accountable share', () => {
    expect(ownerIds(['x4', '', ''])).toEqual([null, null, null]);
    // Three people with a third each: nobody reaches 35 %.
    expect(ownerIds(['x3 y3 z3'])).toEqual([null]);
    expect(owners(['x2 y3'])[0]).toMatchObject({ ownerId: 'y', share: 0.6, eventCount: 5 });
  });
});

describe('handovers', () => {
  test('X to Y when each held the row for at least two periods, dated at the first period Y held', () => {
    const sequence = owners(['x6', 'x6', 'x6', 'y6', 'y6', 'y6', 'y6']);
    expect(handoversOf(sequence)).toEqual([
      { fromId: 'x', toId: 'y', fromIndex: 3, toIndex: 4, fromShare: 2 / 3, toShare: 2 / 3 },
    ]);
  });

  test('a cover of one period is no handover, and the owner coming back is none either', () => {
    expect(handoversOf(owners(['x6', 'x6', 'x6', 'y20', 'x20', 'x20', 'x20']))).toEqual([]);
  });

  test("one busy period's echo through the rolling window is not holding the row", () => {
    // y acts only in period 3; the window carries y into periods 4 and 5 without y doing anything there.
    const sequence = owners(['x6', 'x6', '', 'y20', '', '', '']);
    expect(sequence.map((o) => o.ownerId)).toEqual(['x', 'x', 'x', 'y', 'y', 'y', null]);
    expect(handoversOf(sequence)).toEqual([]);
  });

  test('an unowned stretch between two holders does not hide the handover; it is a gap too', () => {
    const sequence = owners(['x6', 'x6', '', '', '', 'y6', 'y6']);
    expect(handoversOf(sequence).map((h) => [h.fromId, h.toId, h.toIndex])).toEqual([['x', 'y', 5]]);
    expect(ownershipGapsOf(sequence)).toEqual([
      { previousOwnerId: 'x', firstIndex: 4, lastIndex: 4, ongoing: false },
    ]);
  });

  test('a row that never had an owner has no gap', () => {
    expect(ownershipGapsOf(owners(['x1', '', 'y1']))).toEqual([]);
  });
});

describe('accretion', () => {
  const scope = (plans: Partial<Record<RowKey, string[]>>) =>
    new Map(Object.entries(plans).map(([row, plan]) => [row as RowKey, owners(plan!)]));

  test('taking on a further row while keeping the held ones', () => {
    const found = accretionsOf(
      scope({ roadmap: ['x6', 'x6', 'x6', 'x6', 'x6'], acceptance: ['y6', 'y6', 'x30', 'x30', 'x30'] }),
    );
    expect(found).toEqual([
      { personId: 'x', row: 'acceptance', sinceIndex: 2, share: 30 / 42, keptRows: ['roadmap'] },
    ]);
  });

  test('rows held together from the start, or a row taken back, are not taken on', () => {
    expect(accretionsOf(scope({ roadmap: ['x6', 'x6', 'x6'], acceptance: ['x6', 'x6', 'x6'] }))).toEqual([]);
    const back = scope({
      roadmap: ['x6', 'x6', 'x6', 'x6', 'x6', 'x6', 'x6', 'x6'],
      acceptance: ['x6', 'x6', 'y20', 'y20', 'y20', 'x60', 'x60', 'x60'],
    });
    expect(accretionsOf(back).filter((a) => a.personId === 'x')).toEqual([]);
  });
});
