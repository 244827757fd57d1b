// Checks, from the raw snapshot, every figure samples/acme/README.md promises about the cast and the
// warnings. raw-figures.ts replays the changelogs itself; nothing here reads the generator's parameters.
import { acmeFigures } from './acme-figures';

const f = acmeFigures();

describe('acme sample: size and automation', () => {
  test('587 issues (30 epics, 32 subtasks) and 5,469 histories', () => {
    expect(f.issues).toBe(587);
    expect(f.byType).toEqual({ Epic: 30, Story: 316, Task: 118, Bug: 91, Subtask: 32 });
    expect(f.histories).toBe(5469);
  });

  test('automation: 14 histories have no author, 133 are by the app Automation for Jira', () => {
    expect(f.historiesWithoutAuthor).toBe(14);
    expect(f.historiesByApp).toBe(133);
  });

  test('Felix Brandt (inactive) did real product work until he left on 3 July', () => {
    expect(f.felix.events).toBe(250);
    expect(f.felix.lastEventAt < '2026-07-04').toBe(true);
  });
});

describe('acme sample: who is accountable where', () => {
  test('Priya is A of roadmap everywhere and of every tactical row on CHK', () => {
    for (const scope of ['site', 'CHK', 'PAY', 'SRCH'] as const)
      expect(f.accountable[scope]?.roadmap).toBe('Priya Raman');
    expect(new Set(Object.values(f.accountable.CHK ?? {}))).toEqual(new Set(['Priya Raman']));
  });

  test('Omar is A of every PAY tactical row but acceptance, which has no owner', () => {
    expect(f.accountable.PAY).toMatchObject({
      prioritization: 'Omar Haddad',
      'story-writing': 'Omar Haddad',
      refinement: 'Omar Haddad',
      'acceptance-criteria': 'Omar Haddad',
      'sprint-planning': 'Omar Haddad',
      acceptance: null,
    });
    expect(f.topShare.payAcceptance).toBe(12.8);
  });

  test('Sofia is A of every SRCH tactical row but prioritization, spread over four people', () => {
    expect(f.accountable.SRCH).toMatchObject({
      prioritization: null,
      'story-writing': 'Sofia Lindqvist',
      refinement: 'Sofia Lindqvist',
      'acceptance-criteria': 'Sofia Lindqvist',
      'sprint-planning': 'Sofia Lindqvist',
      acceptance: 'Sofia Lindqvist',
    });
    expect(f.srchPrioritizers).toEqual([
      ['Sofia Lindqvist', 26.4],
      ['Priya Raman', 25.9],
      ['Mei Lin', 25],
      ['Rafael Souza', 22.7],
    ]);
  });

  test('on the whole site Priya is A of roadmap, prioritization, sprint planning and acceptance; three rows have no A', () => {
    expect(f.accountable.site).toEqual({
      roadmap: 'Priya Raman',
      prioritization: 'Priya Raman',
      'story-writing': null,
      refinement: null,
      'acceptance-criteria': null,
      'sprint-planning': 'Priya Raman',
      acceptance: 'Priya Raman',
    });
    expect(f.topShare).toMatchObject({
      siteAcceptance: 40.8,
      siteStoryWriting: 26.3,
      siteRefinement: 27.9,
      siteCriteria: 29.1,
    });
  });
});

describe('acme sample: the figures behind each warning', () => {
  test('strategy-and-acceptance: Priya accepts every human CHK acceptance while 6 people deliver on CHK, 23 on the site', () => {
    expect(f.priyaAcceptance.CHK).toMatchObject({ count: 190, shareOfAll: 86.8, shareOfHuman: 100 });
    expect(f.priyaAcceptance.site.shareOfHuman).toBe(40.8);
    expect(f.delivering).toEqual({ site: 23, CHK: 6, PAY: 11, SRCH: 6 });
  });

  test('tactical-overload: 85.4 % of Priya’s product activity is tactical (93.5 % on CHK, none on PAY)', () => {
    expect(f.priyaTactical).toEqual({ site: 85.4, CHK: 93.5, PAY: 0, SRCH: 28.6 });
  });

  test('acceptance-concentration: Priya’s CHK acceptances waited 4.46 working days (median), never under 3', () => {
    expect(f.priyaAcceptance.CHK.medianWait).toBe(4.46);
    expect(f.priyaAcceptance.CHK.minWait).toBeGreaterThanOrEqual(3);
    expect(f.sofiaAcceptance).toMatchObject({ shareOfHuman: 87.5, medianWait: 0.64 });
  });

  test('single-point: 10 working days from 10 August with CHK work in review and no acceptance', () => {
    expect(f.chkIdleAcceptanceDays).toEqual({ total: 34, longest: 10, longestFrom: '2026-08-10' });
  });

  test('vague-stories: 40.6 % of CHK stories entered a sprint without criteria; 1.3 % on SRCH, 0 % on PAY', () => {
    expect(f.vague.CHK).toMatchObject({
      storiesEntering: 128,
      withoutCriteria: 40.6,
      withoutCriteriaOrEstimate: 41.4,
    });
    expect(f.vague.CHK.everyStoryEntryIncludingCarryOver).toBe(44.8);
    expect(f.vague.CHK.everyStandardIssue).toBe(36.9);
    expect(f.vague.SRCH).toMatchObject({ withoutCriteria: 1.3, withoutCriteriaOrEstimate: 4 });
    expect(f.vague.PAY).toMatchObject({ withoutCriteria: 0, withoutCriteriaOrEstimate: 5 });
    expect(f.vague.site).toMatchObject({
      withoutCriteriaOrEstimate: 21.2,
      everyStoryEntryIncludingCarryOver: 25.9,
    });
  });

  test('deferred-strategy: CHK-131 moved its target end and due date later in 3 saves; PAY-47 untouched for 153 days', () => {
    expect(f.epicsWithLaterTargetMoves).toEqual({
      'CHK-1': 1,
      'SRCH-1': 1,
      'CHK-14': 1,
      'PAY-36': 1,
      'CHK-131': 3,
      'SRCH-87': 1,
    });
    expect(f.laterTargetItemsOnSlippingEpic).toBe(6);
    expect(f.staleEpics).toEqual([{ key: 'PAY-47', days: 153 }]);
    expect(f.openEpics).toBe(13);
    expect(f.freshestOpenEpicGap).toBe(62);
  });

  test('span-of-control cannot fire: each owner is A of tactical rows on one board only', () => {
    expect(f.boardsPerTacticalOwner).toEqual({
      'Priya Raman': ['CHK'],
      'Omar Haddad': ['PAY'],
      'Sofia Lindqvist': ['SRCH'],
    });
  });

  test('squad-size: Omar, PO-like (98.6 % tactical on PAY), serves 11 delivering people', () => {
    expect(f.omarTacticalOnPay).toBe(98.6);
    expect(f.delivering.PAY).toBe(11);
    expect(f.omarDoneMoves).toBe(0);
    expect(f.omarDeliveryEvents).toBe(0);
  });

  test('self-acceptance: PAY engineers moved 39.4 % of PAY stories, tasks and bugs to Done themselves', () => {
    expect(f.selfAcceptance.PAY).toMatchObject({
      doneMoves: 169,
      selfMoves: 84,
      standardShare: 39.4,
      shareOfDoneMoves: 49.7,
      shareOfIssues: 41.6,
    });
    expect(f.selfAcceptance.CHK.selfMoves).toBe(0);
    expect(f.selfAcceptance.SRCH.selfMoves).toBe(0);
    expect(f.selfAcceptance.site).toMatchObject({
      standardShare: 11.4,
      shareOfDoneMoves: 16.6,
      shareOfIssues: 14.3,
    });
  });

  test('the Team column: 9 people only deliver (5 on CHK, 4 on SRCH, none on PAY)', () => {
    expect(f.team.site).toHaveLength(9);
    expect(f.team.CHK).toEqual([
      'Dana Kowalski',
      'Elif Demir',
      'Farid Nasser',
      'Grace Okafor',
      'Hugo Laurent',
    ]);
    expect(f.team.SRCH).toEqual(['Noah Becker', 'Olga Ivanova', 'Pavel Novak', 'Quinn Harper']);
    expect(f.team.PAY).toEqual([]);
  });

  test('sprints: scope changes, carry-over and one issue accepted after its sprint closed', () => {
    expect(f.scopeChanges).toEqual({ CHK: 19, PAY: 12, SRCH: 6 });
    expect(f.carryOvers).toEqual({ CHK: 97, PAY: 17, SRCH: 9 });
    expect(f.acceptedAfterSprint).toEqual(['CHK-170']);
  });
});

describe('acme sample: ownership over time (sprint by sprint, the last 3 sprints, at least 5 events)', () => {
  const said = (list: (typeof f.handovers)['PAY']) =>
    list.map((h) => `${h.row}: ${h.from} → ${h.to} in ${h.sinceSprint} (${h.since})`);

  test('PAY: Felix Brandt hands every row he held to Omar Haddad in PAY Sprint 3, story writing a sprint later', () => {
    expect(said(f.handovers.PAY)).toEqual([
      'prioritization: Felix Brandt → Omar Haddad in PAY Sprint 3 (2026-07-01)',
      'story-writing: Felix Brandt → Omar Haddad in PAY Sprint 4 (2026-07-15)',
      'refinement: Felix Brandt → Omar Haddad in PAY Sprint 3 (2026-07-01)',
      'acceptance-criteria: Felix Brandt → Omar Haddad in PAY Sprint 3 (2026-07-01)',
      'sprint-planning: Felix Brandt → Omar Haddad in PAY Sprint 3 (2026-07-01)',
    ]);
  });

  test('CHK: Chen Wei covers story writing and refinement while Priya is away, and hands them back; SRCH none', () => {
    expect(said(f.handovers.CHK)).toEqual([
      'story-writing: Priya Raman → Chen Wei in CHK Sprint 6 (2026-08-12)',
      'story-writing: Chen Wei → Priya Raman in CHK Sprint 9 (2026-09-23)',
      'refinement: Priya Raman → Chen Wei in CHK Sprint 6 (2026-08-12)',
      'refinement: Chen Wei → Priya Raman in CHK Sprint 8 (2026-09-09)',
    ]);
    expect(f.handovers.SRCH).toEqual([]);
    expect([...f.handovers.CHK, ...f.handovers.PAY].some((h) => h.row === 'roadmap')).toBe(false);
  });
});
