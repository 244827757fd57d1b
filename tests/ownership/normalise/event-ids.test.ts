// Normalised events are told apart by reference only when their ids are unique; they answer history id and field
// without building their evidence; equal attributions are one shared object.
import { Attributions, fieldOf, historyIdOf } from '../../../src/ownership/normalise/events';
import { config, item, person, SiteBuilder } from '../build';
import { ev } from '../events';
import { norm } from './helpers';
import { normalise } from '../../../src/ownership/normalise';
import { parseJiraTime } from '../../../src/ownership/normalise/time';

const otto = person('otto', 'Otto PO');

describe('event ids', () => {
  it('are unique on a normal site, and the site says so', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto })
      .change('2026-03-01', otto, item.rank(), item.priority('High'))
      .change('2026-03-02', otto, item.status('In Progress'));
    const site = norm(s);
    expect(site.uniqueEventIds).toBe(true);
    expect(new Set(site.events.map((e) => e.id)).size).toBe(site.events.length);
  });

  it('may collide when an issue repeats a history id, and then the site does not claim they are unique', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto })
      .change('2026-03-01', otto, item.rank())
      .change('2026-03-02', otto, item.rank());
    const data = s.build();
    const histories = data.issues[0]?.changelog?.histories ?? [];
    (histories[1] as { id: string }).id = (histories[0] as { id: string }).id;
    const site = normalise(data, config());
    expect(site.uniqueEventIds).toBe(false);
    expect(site.events.filter((e) => e.row === 'prioritization').map((e) => e.id)).toEqual([
      `P-1/${histories[0]?.id}/0`,
      `P-1/${histories[0]?.id}/0`,
    ]);
  });
});

/**
 * The rank events of one issue with four histories, each given the id and `created` written here; the first history
 * holds `firstItems`.
 */
function rankEvents(written: readonly (readonly [string, string])[], firstItems = [item.rank()]) {
  const s = new SiteBuilder();
  s.issue('P-1', { created: '1901-02-20', by: otto })
    .change('2026-03-01', otto, ...firstItems)
    .change('2026-03-02', otto, item.rank())
    .change('2026-03-03', otto, item.rank())
    .change('2026-03-04', otto, item.rank());
  const data = s.build();
  const histories = (data.issues[0]?.changelog?.histories ?? []) as { id: string; created: string }[];
  written.forEach(([id, created], i) => Object.assign(histories[i] as object, { id, created }));
  return normalise(data, config()).events.filter((e) => e.row === 'prioritization');
}

describe('normalised events', () => {
  it("keep their history's id and time exactly as Jira wrote them, whatever the layout", () => {
    // Jira's own forms (kept as numbers inside the event) and forms that must be kept as text.
    const written = [
      ['10001', '2026-03-01T09:15:00.123+0100'],
      ['0042', '2026-03-02T10:00:00.000-0000'],
      ['h-7', '2026-03-03T10:00:00Z'],
      ['9999999999', '2026-03-04T10:00:00.000+05:30'],
    ] as const;
    const events = rankEvents(written);
    expect(events.map((e) => [e.evidence.historyId, e.evidence.at])).toEqual(written);
    expect(events.map((e) => historyIdOf(e))).toEqual(written.map(([id]) => id));
    expect(events.map((e) => e.id)).toEqual(written.map(([id]) => `P-1/${id}/0`));
  });

  it('keep times, offsets and item indices that do not pack into small integers as they came', () => {
    // 300 items: indices past 255; a time before 1932 and one after 2068; an offset of 60 hours.
    const written = [
      ['501', '2026-03-01T09:15:00.999+0100'],
      ['502', '1905-06-01T10:00:00.001+0000'],
      ['503', '2100-01-01T00:00:00.500-1000'],
      ['504', '2026-03-04T10:00:00.000+6000'],
    ] as const;
    const events = rankEvents(
      written,
      Array.from({ length: 300 }, () => item.rank()),
    );
    expect(events).toHaveLength(303);
    for (const [id, created] of written) {
      const of = events.filter((e) => e.evidence.historyId === id);
      expect(of.map((e) => e.id)).toEqual(of.map((_, i) => `P-1/${id}/${i}`));
      expect(new Set(of.map((e) => e.evidence.at))).toEqual(new Set([created]));
      expect(new Set(of.map((e) => e.at))).toEqual(new Set([parseJiraTime(created)]));
    }
    expect(events.filter((e) => e.evidence.historyId === '501')).toHaveLength(300);
  });

  it('answer history id and field as their evidence does', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto, type: 'Story' }).change(
      '2026-03-01',
      otto,
      item.rank(),
      item.summary('Better title'),
    );
    const site = norm(s);
    expect(site.events.length).toBeGreaterThan(2);
    for (const e of site.events) {
      expect(historyIdOf(e)).toBe(e.evidence.historyId);
      expect(fieldOf(e)).toBe(e.evidence.field);
    }
    const handMade = ev('refinement', 'ann');
    expect(historyIdOf(handMade)).toBe(handMade.evidence.historyId);
    expect(fieldOf(handMade)).toBe(handMade.evidence.field);
  });

  it('share one attribution object per distinct row, weight, sprint, scope change and field', () => {
    const a = new Attributions();
    const first = a.intern({ row: 'sprint-planning', weight: 1, sprintId: 3, scopeChange: true }, 'Sprint');
    expect(a.intern({ row: 'sprint-planning', weight: 1, sprintId: 3, scopeChange: true }, 'Sprint')).toBe(
      first,
    );
    expect(
      a.intern({ row: 'sprint-planning', weight: 1, sprintId: 3, scopeChange: false }, 'Sprint'),
    ).not.toBe(first);
    expect(
      a.intern({ row: 'sprint-planning', weight: 1, sprintId: 4, scopeChange: true }, 'Sprint'),
    ).not.toBe(first);
    expect(
      a.intern({ row: 'sprint-planning', weight: 2, sprintId: 3, scopeChange: true }, 'Sprint'),
    ).not.toBe(first);
    expect(a.intern({ row: 'sprint-planning', weight: 1, sprintId: 3, scopeChange: true }, 'Rank')).not.toBe(
      first,
    );
    const plain = a.intern({ row: 'refinement', weight: 1 }, 'description');
    expect(a.intern({ row: 'refinement', weight: 1 }, 'description')).toBe(plain);
    expect(plain).toEqual({ row: 'refinement', weight: 1, field: 'description' });
  });
});
