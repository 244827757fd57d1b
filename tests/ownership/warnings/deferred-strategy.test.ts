import type { TargetDateChange } from '../../../src/ownership/model';
import { deferredStrategy } from '../../../src/ownership/warnings/deferred-strategy';
import { Scenario, at } from './scenario';

function move(when: string, historyId: string, from: string | null, to: string | null, field = 'duedate') {
  return { at: at(when), actorId: 'priya', historyId, field, from, to } satisfies TargetDateChange;
}

function epic(s: Scenario, key: string, targetDateChanges: TargetDateChange[], extra = {}): Scenario {
  return s.issue(key, {
    typeName: 'Epic',
    hierarchyLevel: 1,
    storyLike: false,
    currentCategory: 'indeterminate',
    lastProductEditAt: at('2026-05-20'),
    targetDateChanges,
    ...extra,
  });
}

function site(): Scenario {
  return new Scenario().person('priya', 'Priya Natarajan').person('sam', 'Sam Lee');
}

describe('deferred-strategy: slipping target dates', () => {
  it('fires when a roadmap item was moved later twice', () => {
    const s = epic(site(), 'P-1', [
      move('2026-03-02', 'h1', '2026-04-01', '2026-05-01'),
      move('2026-04-02', 'h2', '2026-05-01', '2026-06-15', 'Target end'),
    ]);
    const [w, ...rest] = deferredStrategy(s.context());
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({
      id: 'deferred-strategy',
      severity: 'medium',
      people: ['priya'],
      figures: { slippingItems: 1, maxSlips: 2, totalSlips: 2 },
      thresholds: { targetDateSlips: 2 },
      evidenceTotal: 2,
    });
    expect(w?.evidence[1]).toMatchObject({
      issueKey: 'P-1',
      historyId: 'h2',
      from: '2026-05-01',
      to: '2026-06-15',
    });
    expect(w?.message).toBe(
      '1 roadmap item had the target date moved later 2 or more times (threshold 2): P-1 (2 times). The dates ' +
        'were moved by Priya Natarajan. Strategic decisions keep getting deferred; review these items and either ' +
        'commit to a date or take them off the roadmap.',
    );
  });

  it('stays silent after one later move (an earlier move is not a slip)', () => {
    const s = epic(site(), 'P-1', [
      move('2026-03-02', 'h1', '2026-04-01', '2026-05-01'),
      move('2026-04-02', 'h2', '2026-05-01', '2026-04-20'),
    ]);
    expect(deferredStrategy(s.context())).toEqual([]);
  });

  it('counts one change that moves start and end together once', () => {
    const s = epic(site(), 'P-1', [
      move('2026-03-02', 'h1', '2026-04-01', '2026-05-01', 'Target start'),
      move('2026-03-02', 'h1', '2026-04-30', '2026-05-30', 'Target end'),
    ]);
    expect(deferredStrategy(s.context())).toEqual([]);
  });

  it('does not count setting a first date or clearing one', () => {
    const s = epic(site(), 'P-1', [
      move('2026-03-02', 'h1', null, '2026-05-01'),
      move('2026-03-03', 'h2', '2026-05-01', null),
      move('2026-03-04', 'h3', null, '2026-06-01'),
      move('2026-03-05', 'h4', '2026-06-01', '2026-07-01'),
    ]);
    expect(deferredStrategy(s.context())).toEqual([]);
  });

  it('counts only moves inside the window', () => {
    const s = epic(site(), 'P-1', [
      move('2026-01-02', 'h1', '2026-04-01', '2026-05-01'),
      move('2026-04-02', 'h2', '2026-05-01', '2026-06-15'),
    ]);
    s.window = { kind: 'dates', from: at('2026-02-01'), to: s.now, sprintIds: [] };
    expect(deferredStrategy(s.context())).toEqual([]);
  });

  it('ignores standard issues and lists the worst items first', () => {
    const s = site();
    const twice = [
      move('2026-03-02', 'a', '2026-04-01', '2026-05-01'),
      move('2026-03-03', 'b', '2026-05-01', '2026-06-01'),
    ];
    epic(s, 'P-1', twice);
    epic(s, 'P-2', [...twice, move('2026-03-04', 'c', '2026-06-01', '2026-07-01')]);
    s.issue('P-3', { targetDateChanges: twice });
    const [w] = deferredStrategy(s.context());
    expect(w?.figures).toEqual({ slippingItems: 2, maxSlips: 3, totalSlips: 5 });
    expect(w?.message).toContain('P-2 (3 times) and P-1 (2 times)');
  });
});

describe('deferred-strategy: stale epics', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('fires for an open epic with no product edit for 90 days, naming the roadmap owner', () => {
    const s = site().event('roadmap', 'sam', '2026-05-01', { count: 2 });
    epic(s, 'P-7', [], { lastProductEditAt: s.now - 90 * DAY });
    const [w] = deferredStrategy(s.context());
    expect(w).toMatchObject({
      id: 'deferred-strategy',
      severity: 'low',
      people: ['sam'],
      figures: { staleItems: 1, maxIdleDays: 90 },
      thresholds: { staleEpicDays: 90 },
      evidence: [{ issueKey: 'P-7', at: new Date(s.now - 90 * DAY).toISOString() }],
    });
    expect(w?.message).toBe(
      '1 open roadmap item saw no product edit for 90 days or more (threshold 90 days): P-7 (90 days). The ' +
        'roadmap is owned by Sam Lee. Review whether they are still planned; re-plan them or close them.',
    );
  });

  it('stays silent at 89 days', () => {
    const s = site();
    epic(s, 'P-7', [], { lastProductEditAt: s.now - 89 * DAY - 1 });
    expect(deferredStrategy(s.context())).toEqual([]);
  });

  it('ignores done epics and measures never-edited epics from creation', () => {
    const s = site();
    epic(s, 'P-7', [], { lastProductEditAt: null, created: s.now - 200 * DAY });
    epic(s, 'P-8', [], { lastProductEditAt: null, created: s.now - 200 * DAY, currentCategory: 'done' });
    const [w] = deferredStrategy(s.context());
    expect(w?.figures).toEqual({ staleItems: 1, maxIdleDays: 200 });
    expect(w?.people).toEqual([]);
  });

  it('cites the last product event when it is in the window', () => {
    const s = site().event('roadmap', 'priya', '2026-01-05', { issueKey: 'P-7' });
    epic(s, 'P-7', [], { lastProductEditAt: at('2026-01-05') });
    const [w] = deferredStrategy(s.context());
    expect(w?.evidence[0]).toEqual(s.events[0]?.evidence);
  });
});
