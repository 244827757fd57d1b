// Ownership over time on samples/acme, held to what its README's cast promises: PAY's tactical rows pass from Felix
// Brandt (PO until 3 Jul) to Omar Haddad (PO from 15 Jun) in PAY Sprint 3; rows whose owner never changed (CHK's
// roadmap is Priya's throughout) have no handover; Priya took acceptance on across the site in July.
import path from 'node:path';
import type { AnalysisResult } from '../../../src/contract/analysis';
import { analyse } from '../../../src/ownership/analyse';
import { AnalysisConfigSchema } from '../../../src/ownership/config';
import { TACTICAL_ROWS } from '../../../src/ownership/rows';
import { readSnapshot, snapshotToSiteData } from '../../../tools/snapshot/read';

const ACME = path.resolve(__dirname, '../../../samples/acme');
const PRIYA = '8bd7b81342e3c818e496b63f';
const OMAR = '712020:0c924268-5d0a-4f86-bdc2-21861db9a043';
const FELIX = '52cf0574bebc3d9951127c63';
const CHEN = 'd2a93dd0995494a0e049dbd2';
const CHK = 1;
const PAY = 2;
const SRCH = 3;

let result: AnalysisResult;
beforeAll(async () => {
  const site = snapshotToSiteData(await readSnapshot(ACME), { accountId: PRIYA });
  const config = AnalysisConfigSchema.parse({ scope: { projects: ['CHK', 'PAY', 'SRCH'] } });
  result = analyse(site, config, new Date('2026-11-16T09:00:00.000Z'));
});

const timelineOf = (row: string, boardId: number | null) =>
  result.timeline.find((t) => t.row === row && t.boardId === boardId)!;

test('PAY: every tactical row Felix held passes to Omar in PAY Sprint 3, between 15 June and 3 July', () => {
  const feliksRows = TACTICAL_ROWS.filter((row) =>
    timelineOf(row, PAY).periods.some((p) => p.ownerId === FELIX),
  );
  expect(feliksRows).toEqual([
    'prioritization',
    'story-writing',
    'refinement',
    'acceptance-criteria',
    'sprint-planning',
  ]);
  const pay = result.handovers.filter((h) => h.boardId === PAY);
  expect(pay.map((h) => [h.row, h.fromId, h.toId, h.sincePeriod, h.untilPeriod])).toEqual(
    feliksRows.map((row) => [row, FELIX, OMAR, 'PAY Sprint 3', 'PAY Sprint 2']),
  );
  for (const h of pay) {
    expect(h.since).toBe('2026-07-01T10:00:00.000Z');
    expect(h.fromShare).toBeGreaterThanOrEqual(0.35);
    expect(h.toShare).toBeGreaterThanOrEqual(0.35);
    // The evidence is both people's events in the window that decided, and names only them.
    expect(h.evidenceTotal).toBeGreaterThan(0);
    expect(h.evidence.length).toBe(Math.min(20, h.evidenceTotal));
  }
  expect(pay.find((h) => h.row === 'refinement')).toMatchObject({ fromShare: 0.7179, toShare: 0.544 });
});

test('rows whose owner never changed have no handover: CHK and the site keep Priya on the roadmap throughout', () => {
  for (const scope of [CHK, PAY, SRCH, null]) {
    const roadmap = timelineOf('roadmap', scope);
    const owners = new Set(roadmap.periods.map((p) => p.ownerId).filter((id) => id !== null));
    expect({ scope, owners: [...owners] }).toEqual({ scope, owners: [PRIYA] });
  }
  expect(result.handovers.filter((h) => h.row === 'roadmap')).toEqual([]);
  // SRCH's rows are Sofia's all along: no handover there at all.
  expect(result.handovers.filter((h) => h.boardId === SRCH)).toEqual([]);
});

test("CHK: Chen Wei covers Priya's story-writing and refinement while she is away in August, and hands back", () => {
  const chk = result.handovers.filter((h) => h.boardId === CHK);
  expect(chk.map((h) => [h.row, h.fromId, h.toId, h.sincePeriod])).toEqual([
    ['story-writing', PRIYA, CHEN, 'CHK Sprint 6'],
    ['story-writing', CHEN, PRIYA, 'CHK Sprint 9'],
    ['refinement', PRIYA, CHEN, 'CHK Sprint 6'],
    ['refinement', CHEN, PRIYA, 'CHK Sprint 8'],
  ]);
});

test('across the site Priya takes on acceptance in July 2026 while keeping the roadmap; the warning says since when', () => {
  expect(result.accretions.map((a) => [a.personId, a.row, a.boardId, a.sincePeriod, a.keptRows])).toEqual([
    [PRIYA, 'sprint-planning', null, 'Jun 2026', ['roadmap']],
    [PRIYA, 'acceptance', null, 'Jul 2026', ['roadmap', 'prioritization']],
  ]);
  const warning = result.warnings.find((w) => w.id === 'strategy-and-acceptance');
  expect(warning?.message).toContain('for acceptance (44 %, since Jul 2026, 2026-07-01)');
});

test('a period needs 5 events in its rolling window to have an owner; PAY acceptance (the squad accepts its own) has none', () => {
  for (const t of result.timeline) {
    for (const p of t.periods) if (p.eventCount < 5) expect(p.ownerId).toBeNull();
  }
  expect(timelineOf('acceptance', PAY).periods.every((p) => p.ownerId === null)).toBe(true);
  expect(
    result.ownershipGaps.map((g) => [g.row, g.boardId, g.previousOwnerId, g.fromPeriod, g.periods]),
  ).toEqual([['story-writing', PAY, OMAR, 'PAY Sprint 8', 1]]);
});

test("the timeline covers strategic and tactical rows only: delivery is the team's, nothing ranks engineers", () => {
  expect(result.timeline.some((t) => t.row === 'delivery')).toBe(false);
  expect(new Set(result.timeline.map((t) => t.boardId))).toEqual(new Set([null, CHK, PAY, SRCH]));
  expect(timelineOf('roadmap', CHK).periods.map((p) => p.label)).toEqual(
    Array.from({ length: 12 }, (_, i) => `CHK Sprint ${i + 1}`),
  );
});
