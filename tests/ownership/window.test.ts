import { applyWindow, resolveWindow, scopeBoardIds } from '../../src/ownership/window';
import { config, item, ms, person, SiteBuilder } from './build';
import { norm } from './normalise/helpers';

const otto = person('otto', 'Otto PO');

function site() {
  const s = new SiteBuilder().board(1, 'Alpha', 'P').board(2, 'Beta', 'Q');
  for (let i = 0; i < 5; i++) {
    const start = ms('2026-01-05') + i * 14 * 86400000;
    const iso = (t: number) => new Date(t).toISOString().slice(0, 16);
    s.sprint(1, 10 + i, {
      start: iso(start),
      end: iso(start + 13 * 86400000),
      complete: i < 4 ? iso(start + 13 * 86400000) : undefined,
    });
  }
  s.sprint(1, 99, { start: '2026-06-01', end: '2026-06-14', state: 'future' });
  s.issue('P-1', { created: '2026-01-02', by: otto })
    .change('2026-01-06', otto, item.rank())
    .change('2026-02-20', otto, item.rank())
    .change('2026-03-04', otto, item.rank());
  return norm(s);
}

describe('analysis window', () => {
  const now = ms('2026-03-10');

  it('last N sprints: the N latest started sprints of the scope boards; the window opens at the first start', () => {
    const n = site();
    const w = resolveWindow(n, config({ window: { kind: 'sprints', lastSprints: 2 } }), now);
    expect(w).toEqual({ kind: 'sprints', from: ms('2026-02-16'), to: now, sprintIds: [13, 14] });
    const windowed = applyWindow(n, w);
    expect(windowed.events.map((e) => e.at)).toEqual([ms('2026-02-20'), ms('2026-03-04')]);
    // Timelines keep the whole history.
    expect(windowed.issues).toBe(n.issues);
  });

  it('dates: from the first day 00:00 to the end of the last day, UTC', () => {
    const w = resolveWindow(
      site(),
      config({ window: { kind: 'dates', from: '2026-01-06', to: '2026-02-20' } }),
      now,
    );
    expect(w.from).toBe(Date.parse('2026-01-06T00:00:00Z'));
    expect(w.to).toBe(Date.parse('2026-02-21T00:00:00Z') - 1);
    expect(applyWindow(site(), w).events).toHaveLength(2);
  });

  it('all: everything up to now', () => {
    const n = site();
    expect(resolveWindow(n, config(), now)).toEqual({ kind: 'all', from: null, to: now, sprintIds: [] });
    expect(applyWindow(n, resolveWindow(n, config(), now)).events).toHaveLength(4);
  });

  it('without sprints, a sprint window falls back to all history and says so', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-01-02', by: otto });
    const w = resolveWindow(norm(s), config({ window: { kind: 'sprints', lastSprints: 3 } }), now);
    expect(w).toMatchObject({ kind: 'all', from: null });
    expect(w.note).toMatch(/No started sprints/);
  });

  it('scope boards: the named boards, else the boards of the scope projects', () => {
    const n = site();
    expect(scopeBoardIds(n, config({ scope: { projects: ['P'], boards: [] } }))).toEqual([1]);
    expect(scopeBoardIds(n, config({ scope: { projects: ['P'], boards: [2] } }))).toEqual([2]);
  });
});
