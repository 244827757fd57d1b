import { computeBandwidth } from '../../src/ownership/bandwidth';
import { ThresholdsSchema } from '../../src/ownership/config';
import type { ProductEvent, SprintInfo } from '../../src/ownership/model';
import { observeRoles } from '../../src/ownership/roles';
import { ev } from './events';

const T = ThresholdsSchema.parse({});
const DAY = 86400000;
const start = Date.parse('2026-01-05T00:00:00Z'); // a Monday

function sprints(n: number): SprintInfo[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 10 + i,
    boardId: 1,
    name: `Sprint ${10 + i}`,
    state: 'closed',
    start: start + i * 14 * DAY,
    end: start + (i * 14 + 12) * DAY,
    complete: start + (i * 14 + 12) * DAY,
  }));
}

/** Pam's events in sprint i: `s` roadmap and `t` acceptance events. */
function pam(i: number, s: number, t: number): ProductEvent[] {
  const at = start + i * 14 * DAY + DAY;
  return [
    ...Array.from({ length: s }, () => ev('roadmap', 'pam', 1, { at })),
    ...Array.from({ length: t }, () => ev('acceptance', 'pam', 1, { at })),
  ];
}

function run(events: ProductEvent[], boards = new Map([[1, sprints(6)]])) {
  const to = start + 6 * 14 * DAY;
  return computeBandwidth({
    events,
    window: { kind: 'all', from: null, to, sprintIds: [] },
    sprintsByBoard: boards,
    roles: observeRoles(events, T),
    thresholds: T,
  });
}

describe('bandwidth', () => {
  it('per person per sprint: weight per row and the strategic / tactical / delivery split', () => {
    const b = run([...pam(0, 1, 3), ev('delivery', 'pam', 1, { at: start + 2 * DAY })]);
    expect(b.periodKind).toBe('sprint');
    expect(b.periods.map((p) => p.id)).toEqual([
      'sprint-10',
      'sprint-11',
      'sprint-12',
      'sprint-13',
      'sprint-14',
      'sprint-15',
    ]);
    expect(b.people.get('pam')).toEqual([
      {
        periodIndex: 0,
        totalWeight: 5,
        rows: { roadmap: 1, acceptance: 3, delivery: 1 },
        strategicShare: 0.2,
        tacticalShare: 0.6,
        deliveryShare: 0.2,
      },
    ]);
  });

  it('flags a collapsing strategic share: last 3 sprints below half of the first 3 active ones, with figures', () => {
    const events = [
      ...pam(0, 2, 2),
      ...pam(1, 2, 2),
      ...pam(2, 2, 2),
      ...pam(3, 1, 4),
      ...pam(4, 1, 4),
      ...pam(5, 1, 4),
    ];
    const flag = run(events).flags.find((f) => f.kind === 'strategic-collapse');
    expect(flag).toEqual({
      personId: 'pam',
      kind: 'strategic-collapse',
      figures: { earlyStrategicShare: 0.5, recentStrategicShare: 0.2, periodsCompared: 3 },
      thresholds: { strategicCollapseRatio: 0.5 },
    });
  });

  it('no collapse flag at exactly half, nor with fewer than six sprints of history', () => {
    const half = [
      ...pam(0, 2, 2),
      ...pam(1, 2, 2),
      ...pam(2, 2, 2),
      ...pam(3, 1, 3),
      ...pam(4, 1, 3),
      ...pam(5, 1, 3),
    ];
    expect(run(half).flags.filter((f) => f.kind === 'strategic-collapse')).toEqual([]);
    const short = [...pam(0, 2, 2), ...pam(1, 2, 2), ...pam(2, 0, 4)];
    expect(
      run(short, new Map([[1, sprints(3)]])).flags.filter((f) => f.kind === 'strategic-collapse'),
    ).toEqual([]);
  });

  it('flags tactical overload for people who also do strategic work (80 % threshold)', () => {
    const b = run(pam(0, 1, 4));
    expect(b.flags).toEqual([
      {
        personId: 'pam',
        kind: 'tactical-overload',
        figures: { tacticalShareOfProduct: 0.8 },
        thresholds: { tacticalOverloadShare: 0.8 },
      },
    ]);
    expect(run(pam(0, 0, 4)).flags).toEqual([]);
  });

  it('a PO whose strategic work is a sliver (PO-like, under 10 %) is not flagged for tactical overload', () => {
    // 1 of 11 weighted events strategic: 9.1 % < the 10 % that makes someone PM/PO.
    expect(run(pam(0, 1, 10)).flags).toEqual([]);
    expect(run(pam(0, 1, 9)).flags.map((f) => f.kind)).toEqual(['tactical-overload']);
  });

  it('the roadmap owner is flagged however small their strategic share', () => {
    const events = pam(0, 1, 10);
    const b = computeBandwidth({
      events,
      window: { kind: 'all', from: null, to: start + 6 * 14 * DAY, sprintIds: [] },
      sprintsByBoard: new Map([[1, sprints(6)]]),
      roles: observeRoles(events, T),
      thresholds: T,
      roadmapOwnerId: 'pam',
    });
    expect(b.flags.map((f) => [f.personId, f.kind])).toEqual([['pam', 'tactical-overload']]);
  });

  it('uses ISO weeks when the scope has no sprints, and says so', () => {
    const events = [
      ev('roadmap', 'pam', 1, { at: Date.parse('2026-01-01T10:00:00Z') }),
      ev('roadmap', 'pam', 1, { at: Date.parse('2026-01-12T10:00:00Z') }),
    ];
    const b = run(events, new Map());
    expect(b.periodKind).toBe('week');
    expect(b.note).toMatch(/ISO weeks/);
    expect(b.periods.slice(0, 3).map((p) => p.id)).toEqual(['2026-W01', '2026-W02', '2026-W03']);
    expect(b.people.get('pam')?.map((p) => p.periodIndex)).toEqual([0, 2]);
  });

  it('follows the cadence of the board with the most sprints, and counts earlier events as unassigned', () => {
    const other: SprintInfo[] = sprints(2).map((s) => ({ ...s, id: s.id + 100, boardId: 2 }));
    const b = run(
      [ev('roadmap', 'pam', 2, { at: start - DAY }), ...pam(0, 1, 0)],
      new Map([
        [2, other],
        [1, sprints(6)],
      ]),
    );
    expect(b.cadenceBoardId).toBe(1);
    expect(b.unassignedWeight).toBe(2);
    expect(b.note).toMatch(/board 1/);
  });
});
