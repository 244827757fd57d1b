import type { SiteData } from '../../src/jira/site';
import { analyse } from '../../src/ownership/analyse';
import type { AnalysisConfig } from '../../src/ownership/config';
import { config, item, person, SiteBuilder, APP } from './build';
import { loadSample } from './samples';

/** Mulberry32: a small seeded generator, so every failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(list: readonly T[], next: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Same data, every list in another order: issues, each issue's histories, fields, statuses, boards, sprints. */
function shuffleSite(site: SiteData, seed: number): SiteData {
  const next = random(seed);
  const copy = structuredClone(site);
  copy.issues = shuffled(copy.issues, next);
  for (const issue of copy.issues) {
    if (issue.changelog) issue.changelog.histories = shuffled(issue.changelog.histories, next);
  }
  copy.fields = shuffled(copy.fields, next);
  copy.statuses = shuffled(copy.statuses, next);
  copy.boards = shuffled(copy.boards, next);
  const sprints: SiteData['sprints'] = {};
  for (const key of shuffled(Object.keys(copy.sprints), next))
    sprints[key] = shuffled(copy.sprints[key] ?? [], next);
  copy.sprints = sprints;
  return copy;
}

const SEEDS = [1, 7, 42, 1234, 99991];

function builtSite(): SiteData {
  const pam = person('pam', 'Pam PM');
  const otto = person('otto', 'Otto PO');
  const devs = [person('d1', 'Dev One'), person('d2', 'Dev Two', { active: false })];
  const s = new SiteBuilder()
    .board(1, 'Alpha', 'P')
    .board(2, 'Beta', 'Q')
    .sprint(1, 10, { start: '2026-03-02', end: '2026-03-13T17:00', complete: '2026-03-13T17:00' })
    .sprint(1, 11, { start: '2026-03-16', end: '2026-03-27T17:00' })
    .sprint(2, 20, { start: '2026-03-02', end: '2026-03-13T17:00', complete: '2026-03-13T17:00' });
  s.issue('P-100', { type: 'Epic', created: '2026-02-01', by: pam })
    .change('2026-02-02', pam, item.targetEnd('2026-06-30'))
    .change('2026-03-02', pam, item.targetEnd('2026-07-31'));
  for (let i = 1; i <= 12; i++) {
    const dev = devs[i % 2] ?? null;
    const key = i % 3 === 0 ? `Q-${i}` : `P-${i}`;
    const sprint = key.startsWith('Q') ? 20 : i < 6 ? 10 : 11;
    // Several changes at the same instant: order must come from history ids, not input order.
    s.issue(key, { created: '2026-02-10', by: i % 4 === 0 ? APP : otto, assignee: dev })
      .change('2026-02-20', otto, item.rank(), item.points(i % 5), item.criteria(i % 2 ? 'AC' : null))
      .change('2026-02-20', pam, item.fixVersion('1.0'), item.epicLink('P-100'))
      .change('2026-02-27', otto, item.sprint([sprint]))
      .change('2026-03-03T10:00', dev, item.status('In Progress'))
      .change('2026-03-05T10:00', i % 3 ? otto : dev, item.status('Done'))
      .comment('2026-03-04', person('sam', 'Sam Stakeholder'));
  }
  return s.build();
}

function expectOrderFree(site: SiteData, cfg: AnalysisConfig, now: Date) {
  const reference = JSON.stringify(analyse(site, cfg, now));
  for (const seed of SEEDS) {
    expect(JSON.stringify(analyse(shuffleSite(site, seed), cfg, now))).toEqual(reference);
  }
}

describe('input order changes nothing', () => {
  it('on a built site with boards, sprints, automation and simultaneous changes', () => {
    expectOrderFree(
      builtSite(),
      config({ scope: { projects: ['P', 'Q'] } }),
      new Date('2026-04-01T00:00:00Z'),
    );
  });

  it('with a sprint window', () => {
    expectOrderFree(
      builtSite(),
      config({ scope: { projects: ['P', 'Q'] }, window: { kind: 'sprints', lastSprints: 1 } }),
      new Date('2026-04-01T00:00:00Z'),
    );
  });

  it('on the real TEZ snapshot', async () => {
    const data = await loadSample('TEZ');
    expectOrderFree(data, config({ scope: { projects: ['TEZ'] } }), new Date('2015-05-01T00:00:00Z'));
  });
});
