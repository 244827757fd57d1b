// End to end on the bundled sample site: every cast member of samples/acme gets the role, the letters and the
// warnings samples/acme/README.md promises, with the analysis run as the product runs it (snapshot reader →
// snapshotToSiteData → analyse at the snapshot's recordedAt). People are found by accountId, never by position.
// Shares are checked to the README's precision (one decimal of a percent); figures marked "map" in the README are
// the ones the product's rules give where they read the raw data differently from the README's own measurement.
import path from 'node:path';
import { AnalysisResultSchema, OTHERS_ID, TEAM_ID, type AnalysisResult } from '../../src/contract/analysis';
import { analyse } from '../../src/ownership/analyse';
import { AnalysisConfigSchema, type AnalysisConfigInput } from '../../src/ownership/config';
import { AUTOMATION_ID } from '../../src/ownership/model';
import { TACTICAL_ROWS, type RowKey } from '../../src/ownership/rows';
import type { Warning, WarningId } from '../../src/ownership/warning';
import { readSnapshot, snapshotToSiteData, type Snapshot } from '../../tools/snapshot/read';

const ACME_DIR = path.resolve(__dirname, '../../samples/acme');

// The cast, by accountId as the README's cast table gives them.
const PRIYA = '8bd7b81342e3c818e496b63f';
const OMAR = '712020:0c924268-5d0a-4f86-bdc2-21861db9a043';
const SOFIA = '37230b5ff67be16c463e7030';
const FELIX = '52cf0574bebc3d9951127c63';
const CHEN = 'd2a93dd0995494a0e049dbd2';
const CHK_ENGINEERS = [
  '9744031e09b2bf7402137783', // Dana Kowalski
  '66183722d29d2408c8912da0', // Elif Demir
  'cdb9bd742dd345df9564b3b6', // Farid Nasser
  '2255210b05d58ad903367982', // Grace Okafor
  '3c772e1a91a8d5cd79609afd', // Hugo Laurent
];
const AISHA = '60706d9cab89a421cc4cc980';
const BRUNO = 'bfb872de2aca68a3fe6fb9bf';
const HIRO = '4df96642e7a0598e8d07c9bb';
const PAY_ENGINEERS = [
  AISHA,
  BRUNO,
  'f0fb1dd4d48746028fcd8bc4', // Carla Mendes
  '6d5500dfedc7196b46f82288', // Dmitri Volkov
  '5294fcee8c680035c3ce8a37', // Emma Fischer
  '57b12110cc47d541a0f21810', // Femi Adeyemi
  'aeb147b77fa7bd1fe6ec6254', // Gita Sharma
  HIRO,
  '4471acbc03d563a549471c98', // Ivan Petrov
  '89f186a3197199c0be1cef19', // Jana Horvat
  'cedc7b4a57d28cb74eb57c6e', // Kofi Mensah
];
const RAFAEL = '6fe643b36de6ba825127dd48';
const MEI = '2c82b1dfb00f7d9a081a5487';
const SRCH_ENGINEERS = [
  '4182213af99b35e6ef044918', // Noah Becker
  '424d2d6bd854df3ef91dc319', // Olga Ivanova
  'eafde6082814cd185590d6e3', // Pavel Novak
  'e7ed5b4b07186d5fb563cda4', // Quinn Harper
];
const VICTOR = '8cabe2dff28a63d80613434e';
const NADIA = '712020:454bf565-ece5-47ca-b6d0-f08df3e835fc';
const AUTOMATION_FOR_JIRA = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';

/** The scopes the README names: the whole site, each board, and the declared-PO configs of declared-mismatch. */
const SCOPES = {
  site: { scope: { projects: ['CHK', 'PAY', 'SRCH'] } },
  chk: { scope: { boards: [1] } },
  pay: { scope: { boards: [2] } },
  srch: { scope: { boards: [3] } },
  omarDeclaredPoOfChk: { scope: { boards: [1] }, declared: { po: OMAR } },
  omarDeclaredPoOfPay: { scope: { boards: [2] }, declared: { po: OMAR } },
} satisfies Record<string, AnalysisConfigInput>;
type ScopeName = keyof typeof SCOPES;
const UNDECLARED: ScopeName[] = ['site', 'chk', 'pay', 'srch'];
const ALL_SCOPES = Object.keys(SCOPES) as ScopeName[];

let snapshot: Snapshot;
const results = {} as Record<ScopeName, AnalysisResult>;

beforeAll(async () => {
  snapshot = await readSnapshot(ACME_DIR);
  const site = snapshotToSiteData(snapshot);
  const now = new Date(snapshot.site.recordedAt);
  for (const name of ALL_SCOPES) {
    results[name] = analyse(site, AnalysisConfigSchema.parse(SCOPES[name]), now);
  }
});

function rowOf(result: AnalysisResult, key: RowKey) {
  const row = result.rows.find((r) => r.key === key);
  if (row === undefined) throw new Error(`row ${key} missing`);
  return row;
}

function nameOf(result: AnalysisResult, id: string): string {
  return result.people.find((p) => p.id === id)?.displayName ?? id;
}

function personOf(result: AnalysisResult, id: string) {
  const person = result.people.find((p) => p.id === id);
  if (person === undefined) throw new Error(`${id} is not in the result`);
  return person;
}

/** A share (0..1) equals the README's percent to its one decimal (half a unit either side, plus the map's rounding). */
function expectPercent(share: number | null | undefined, percent: number, what: string) {
  const actual = share === null || share === undefined ? Number.NaN : share * 100;
  const within = Math.abs(actual - percent) <= 0.051;
  expect({ what, percent: within ? percent : actual }).toEqual({ what, percent });
}

/** The person's letter in a row (and, when the README gives one, their share of the row). */
function expectLetter(
  scope: ScopeName,
  key: RowKey,
  personId: string,
  letter: 'A' | 'R' | 'C' | 'I',
  percent?: number,
) {
  const result = results[scope];
  const row = rowOf(result, key);
  const cell = row.cells.find((c) => c.personId === personId);
  const who = `${nameOf(result, personId)} in ${key} (${scope})`;
  expect({ who, letter: cell?.letter }).toEqual({ who, letter });
  if (letter === 'A') expect({ who, accountable: row.accountableId }).toEqual({ who, accountable: personId });
  if (percent !== undefined) expectPercent(cell?.share, percent, who);
}

/** Working-day waits of every acceptance a person made, from the sprint acceptance review (checked uncapped). */
function acceptedBy(scope: ScopeName, personId: string): number[] {
  const sprints = results[scope].acceptance.sprints;
  for (const s of sprints) expect(s.completed).toHaveLength(s.completedTotal);
  return sprints.flatMap((s) =>
    s.completed.filter((c) => c.acceptorId === personId).map((c) => c.waitWorkingDays),
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function warningsOf(scope: ScopeName, id: WarningId): Warning[] {
  return results[scope].warnings.filter((w) => w.id === id);
}

function onlyWarning(scope: ScopeName, id: WarningId): Warning {
  const found = warningsOf(scope, id);
  expect({ scope, id, count: found.length }).toEqual({ scope, id, count: 1 });
  return found[0] as Warning;
}

/** Every person id a result shows anywhere: people, cells, per-board cells, team, warnings, advice. */
function idsShown(result: AnalysisResult): Set<string> {
  const ids = new Set<string>(result.people.map((p) => p.id));
  for (const row of result.rows) for (const c of row.cells) ids.add(c.personId);
  for (const board of result.boards)
    for (const row of board.rows) for (const c of row.cells) ids.add(c.personId);
  for (const id of result.team.memberIds) ids.add(id);
  for (const w of result.warnings) for (const id of w.people) ids.add(id);
  for (const a of result.advice) ids.add(a.personId);
  return ids;
}

describe('acme end to end: the result', () => {
  it('validates against AnalysisResultSchema in every scope and is complete (no gaps) for the admin viewer', () => {
    for (const name of ALL_SCOPES) {
      const result = results[name];
      expect(() => AnalysisResultSchema.parse(result)).not.toThrow();
      expect({ name, completeness: result.completeness }).toEqual({
        name,
        completeness: { complete: true, gaps: [] },
      });
      expect(result.generatedAt).toBe('2026-11-16T09:00:00.000Z');
    }
  });

  it('reads all 587 issues and 5,469 histories; the site scope covers boards 1–3, each board scope its own', () => {
    expect(results.site.stats).toMatchObject({ issues: 587, histories: 5469, issuesOutOfScope: 0 });
    expect(results.site.scope.boards.map((b) => [b.id, b.projectKey])).toEqual([
      [1, 'CHK'],
      [2, 'PAY'],
      [3, 'SRCH'],
    ]);
    expect(results.chk.scope.boards.map((b) => b.id)).toEqual([1]);
    expect(results.pay.scope.boards.map((b) => b.id)).toEqual([2]);
    expect(results.srch.scope.boards.map((b) => b.id)).toEqual([3]);
  });

  it("the whole-site analysis shows each board's map exactly as the board-scoped analysis does", () => {
    const boardScopes: [number, ScopeName][] = [
      [1, 'chk'],
      [2, 'pay'],
      [3, 'srch'],
    ];
    for (const [boardId, scope] of boardScopes) {
      const inSite = results.site.boards.find((b) => b.id === boardId);
      for (const row of inSite?.rows ?? []) {
        const scoped = rowOf(results[scope], row.key);
        const lettersOf = (cells: readonly { personId: string; letter: string; share: number }[]) =>
          cells.filter((c) => c.letter !== 'I').map((c) => [c.personId, c.letter, c.share]);
        expect({ boardId, row: row.key, a: row.accountableId, cells: lettersOf(row.cells) }).toEqual({
          boardId,
          row: row.key,
          a: scoped.accountableId,
          cells: lettersOf(scoped.cells),
        });
      }
    }
  });
});

describe('acme cast: Priya Raman, the PM who also runs CHK', () => {
  it('Priya is A of roadmap on the whole site (87.3 %) and on every board: CHK 91.1 %, PAY 82.7 %, SRCH 87.7 %', () => {
    expectLetter('site', 'roadmap', PRIYA, 'A', 87.3);
    expectLetter('chk', 'roadmap', PRIYA, 'A', 91.1);
    expectLetter('pay', 'roadmap', PRIYA, 'A', 82.7);
    expectLetter('srch', 'roadmap', PRIYA, 'A', 87.7);
  });

  it('on CHK Priya is A of every tactical row: backlog order 79.2 %, refinement 65.2 %, acceptance 100 %', () => {
    for (const key of TACTICAL_ROWS) expectLetter('chk', key, PRIYA, 'A');
    expectLetter('chk', 'prioritization', PRIYA, 'A', 79.2);
    expectLetter('chk', 'refinement', PRIYA, 'A', 65.2);
    expectLetter('chk', 'acceptance', PRIYA, 'A', 100);
  });

  it('site-wide Priya is A of backlog order, sprint planning and acceptance, R of story writing, refinement, criteria', () => {
    expectLetter('site', 'prioritization', PRIYA, 'A', 52.8);
    expectLetter('site', 'sprint-planning', PRIYA, 'A', 43.3);
    expectLetter('site', 'acceptance', PRIYA, 'A', 43.8);
    expectLetter('site', 'story-writing', PRIYA, 'R', 25.6);
    expectLetter('site', 'refinement', PRIYA, 'R', 24.6);
    expectLetter('site', 'acceptance-criteria', PRIYA, 'R', 28.9);
  });

  it('on SRCH Priya is R of backlog order (25.9 %), one of four who rank it', () => {
    expectLetter('srch', 'prioritization', PRIYA, 'R', 25.9);
  });

  it('Priya reads PM/PO site-wide (85.6 % tactical); PO-like on CHK alone, PM-like on PAY, PM/PO on SRCH', () => {
    const site = personOf(results.site, PRIYA);
    expect([site.observedRole, site.roleLabel, site.active, site.inTeam]).toEqual([
      'pm-po',
      'PM/PO',
      true,
      false,
    ]);
    // She never delivers, so her tactical share of all activity is her tactical share of product activity.
    expect(site.deliveryShare).toBe(0);
    expectPercent(site.tacticalShare, 85.6, 'Priya tactical, site');
    const chk = personOf(results.chk, PRIYA);
    expect(chk.observedRole).toBe('po');
    expectPercent(chk.tacticalShare, 93.6, 'Priya tactical, CHK');
    const pay = personOf(results.pay, PRIYA);
    expect(pay.observedRole).toBe('pm');
    expect(pay.tacticalShare).toBe(0);
    const srch = personOf(results.srch, PRIYA);
    expect(srch.observedRole).toBe('pm-po');
    expectPercent(srch.tacticalShare, 28.6, 'Priya tactical, SRCH');
  });
});

describe('acme cast: Omar Haddad, the PAY PO who never accepts', () => {
  it('Omar is PO-like (98.6 % tactical) and A of every PAY tactical row but acceptance; C of roadmap (13.3 %)', () => {
    const omar = personOf(results.pay, OMAR);
    expect([omar.observedRole, omar.roleLabel, omar.active]).toEqual(['po', 'PO-like', true]);
    expectPercent(omar.tacticalShare, 98.6, 'Omar tactical, PAY');
    expect(personOf(results.site, OMAR).observedRole).toBe('po');
    expectLetter('pay', 'prioritization', OMAR, 'A', 76.2);
    expectLetter('pay', 'story-writing', OMAR, 'A', 38.3);
    expectLetter('pay', 'refinement', OMAR, 'A', 79.2);
    expectLetter('pay', 'acceptance-criteria', OMAR, 'A', 80.4);
    expectLetter('pay', 'sprint-planning', OMAR, 'A', 75.8);
    expectLetter('pay', 'roadmap', OMAR, 'C', 13.3);
    expect(rowOf(results.pay, 'acceptance').accountableId).toBeNull();
  });

  it('Omar has nothing on CHK or SRCH: neither analysis nor their boards in the site analysis name him', () => {
    expect(idsShown(results.chk).has(OMAR)).toBe(false);
    expect(idsShown(results.srch).has(OMAR)).toBe(false);
    for (const board of results.site.boards.filter((b) => b.id !== 2)) {
      for (const row of board.rows) expect(row.cells.some((c) => c.personId === OMAR)).toBe(false);
    }
  });
});

describe('acme cast: Sofia Lindqvist, the SRCH PO', () => {
  it('Sofia is PO-like and A of SRCH story writing, refinement, criteria, sprint planning and acceptance', () => {
    const sofia = personOf(results.srch, SOFIA);
    expect([sofia.observedRole, sofia.roleLabel]).toEqual(['po', 'PO-like']);
    expectLetter('srch', 'story-writing', SOFIA, 'A', 84.9);
    expectLetter('srch', 'refinement', SOFIA, 'A', 72.4);
    expectLetter('srch', 'acceptance-criteria', SOFIA, 'A', 90.2);
    expectLetter('srch', 'sprint-planning', SOFIA, 'A', 88.9);
    expectLetter('srch', 'acceptance', SOFIA, 'A', 87.5);
  });

  it('Sofia has the top share of SRCH backlog order (26.4 %) but only R: the row has no A; C of roadmap (12.3 %)', () => {
    expectLetter('srch', 'prioritization', SOFIA, 'R', 26.4);
    const row = rowOf(results.srch, 'prioritization');
    expect(row.accountableId).toBeNull();
    expect(row.cells[0]?.personId).toBe(SOFIA);
    expectLetter('srch', 'roadmap', SOFIA, 'C', 12.3);
  });
});

describe('acme cast: Felix Brandt, the inactive former PAY PO', () => {
  it('Felix is inactive, PO-like, R of five PAY tactical rows and C of roadmap', () => {
    for (const scope of ['site', 'pay'] as const) {
      const felix = personOf(results[scope], FELIX);
      expect([felix.active, felix.observedRole]).toEqual([false, 'po']);
    }
    expectLetter('pay', 'story-writing', FELIX, 'R', 20.6);
    expectLetter('pay', 'refinement', FELIX, 'R', 20.8);
    expectLetter('pay', 'prioritization', FELIX, 'R', 19.7);
    expectLetter('pay', 'acceptance-criteria', FELIX, 'R', 19.6);
    expectLetter('pay', 'sprint-planning', FELIX, 'R', 17.6);
    expectLetter('pay', 'roadmap', FELIX, 'C');
  });
});

describe('acme cast: Chen Wei, the CHK tech lead', () => {
  it('Chen Wei reads PO-like: 88.4 % of his weighted activity is tactical, though he also delivers', () => {
    for (const scope of ['site', 'chk'] as const) {
      const chen = personOf(results[scope], CHEN);
      expect([chen.observedRole, chen.roleLabel, chen.inTeam]).toEqual(['po', 'PO-like', false]);
      expectPercent(chen.tacticalShare, 88.4, `Chen tactical (${scope})`);
      expect(chen.deliveryShare).toBeGreaterThan(0);
    }
  });

  it('Chen Wei is R of five CHK tactical rows and C of roadmap (8.9 %)', () => {
    expectLetter('chk', 'story-writing', CHEN, 'R', 42.8);
    expectLetter('chk', 'refinement', CHEN, 'R', 34.8);
    expectLetter('chk', 'prioritization', CHEN, 'R', 20.8);
    expectLetter('chk', 'acceptance-criteria', CHEN, 'R', 18.7);
    expectLetter('chk', 'sprint-planning', CHEN, 'R', 18.8);
    expectLetter('chk', 'roadmap', CHEN, 'C', 8.9);
  });
});

describe('acme cast: the people who only deliver form the Team column', () => {
  it('the CHK Team column is exactly Dana, Elif, Farid, Grace and Hugo: engineers with no figures and no cell', () => {
    expect(results.chk.team).toMatchObject({ count: 5, label: 'Team (5 people)', shownIndividually: false });
    expect([...results.chk.team.memberIds].sort()).toEqual([...CHK_ENGINEERS].sort());
    for (const id of CHK_ENGINEERS) {
      const p = personOf(results.chk, id);
      expect([p.observedRole, p.inTeam, p.tacticalShare, p.deliveryShare]).toEqual([
        'engineer',
        true,
        null,
        null,
      ]);
      for (const row of results.chk.rows) expect(row.cells.some((c) => c.personId === id)).toBe(false);
    }
    expect(rowOf(results.chk, 'delivery').cells.find((c) => c.personId === TEAM_ID)?.members).toBe(5);
  });

  it('the SRCH Team column is exactly Noah, Olga, Pavel and Quinn', () => {
    expect(results.srch.team.count).toBe(4);
    expect([...results.srch.team.memberIds].sort()).toEqual([...SRCH_ENGINEERS].sort());
    for (const id of SRCH_ENGINEERS) expect(personOf(results.srch, id).inTeam).toBe(true);
  });

  it('the PAY Team column is the ten engineers who hold no A or R there; Bruno, PO-like, has his own column', () => {
    // DOMAIN.md "Columns of the map": an own column needs an A or R on a product row or a product role. The PAY
    // engineers accept and write a little (C at most), so they fold into Team with Dana's kind.
    const folded = PAY_ENGINEERS.filter((id) => id !== BRUNO);
    expect(results.pay.team).toMatchObject({ count: 10, label: 'Team (10 people)' });
    expect([...results.pay.team.memberIds].sort()).toEqual([...folded].sort());
    for (const id of folded)
      expect(personOf(results.pay, id)).toMatchObject({ inTeam: true, column: 'team' });
    expect(personOf(results.pay, BRUNO)).toMatchObject({ inTeam: false, column: 'own', observedRole: 'po' });
  });

  it('the whole-site Team column is the 20 engineers: the 9 who only deliver, Mei Lin and ten PAY engineers', () => {
    const expected = [
      ...CHK_ENGINEERS,
      ...SRCH_ENGINEERS,
      MEI,
      ...PAY_ENGINEERS.filter((id) => id !== BRUNO),
    ];
    expect(results.site.team).toMatchObject({ count: 20, label: 'Team (20 people)' });
    expect([...results.site.team.memberIds].sort()).toEqual([...expected].sort());
  });

  it('people who deliver: 23 on the site, 6 on CHK, 11 on PAY, 6 on SRCH', () => {
    const delivering = results.site.boards.map((b) => [b.id, b.deliveryPeople]);
    expect(delivering).toEqual([
      [1, 6],
      [2, 11],
      [3, 6],
    ]);
    expect(onlyWarning('site', 'strategy-and-acceptance').figures.deliveryPeople).toBe(23);
  });
});

describe('acme cast: the PAY engineers', () => {
  it('PAY engineers read as engineers, except Bruno Costa, PO-like with 68 % of his activity tactical', () => {
    for (const id of PAY_ENGINEERS) {
      const p = personOf(results.pay, id);
      expect({ id, role: p.observedRole }).toEqual({ id, role: id === BRUNO ? 'po' : 'engineer' });
    }
    expectPercent(personOf(results.pay, BRUNO).tacticalShare, 68.0, 'Bruno tactical');
  });

  it('PAY acceptance has no A and no R: Bruno C 12.1 % (tied with Hiro, folded in Team), the Team cell not drawn', () => {
    const row = rowOf(results.pay, 'acceptance');
    expect(row.accountableId).toBeNull();
    expect(row.owner).toBeNull();
    expect(row.ownerText).toBe('No clear owner: the largest share is 12 % (an owner needs 35 %)');
    expect(row.cells.filter((c) => c.letter === 'A' || c.letter === 'R')).toEqual([]);
    expectLetter('pay', 'acceptance', BRUNO, 'C', 12.1);
    // The no-owner warning still names all eleven, Hiro's 12.1 % as the top share (see below); in the map the
    // ten others are one Team column, whose members hold no A or R here, so it shows no letter.
    expect(row.cells.some((c) => c.personId === HIRO || c.personId === TEAM_ID)).toBe(false);
  });

  it('Bruno is C of PAY story writing (10.6 %); Aisha (9.2 %) is folded into Team, which holds no A or R there', () => {
    expectLetter('pay', 'story-writing', BRUNO, 'C', 10.6);
    expect(personOf(results.pay, AISHA).column).toBe('team');
    expect(rowOf(results.pay, 'story-writing').cells.some((c) => c.personId === TEAM_ID)).toBe(false);
  });
});

describe('acme cast: SRCH tech lead, engineer, stakeholder', () => {
  it('Rafael Souza reads PO-like (83.5 % tactical) and is R of SRCH refinement, backlog order and story writing', () => {
    const rafael = personOf(results.srch, RAFAEL);
    expect([rafael.observedRole, rafael.inTeam]).toEqual(['po', false]);
    expectPercent(rafael.tacticalShare, 83.5, 'Rafael tactical');
    expectLetter('srch', 'refinement', RAFAEL, 'R', 27.6);
    expectLetter('srch', 'prioritization', RAFAEL, 'R', 22.7);
    expectLetter('srch', 'story-writing', RAFAEL, 'R', 15.2);
    for (const key of ['acceptance-criteria', 'sprint-planning', 'acceptance'] as const) {
      expectLetter('srch', key, RAFAEL, 'C');
    }
  });

  it('Mei Lin is an engineer, not in the Team column, and R of SRCH backlog order (25.0 %)', () => {
    const mei = personOf(results.srch, MEI);
    expect([mei.observedRole, mei.inTeam]).toEqual(['engineer', false]);
    expectLetter('srch', 'prioritization', MEI, 'R', 25.0);
  });

  it('Victor Vance has no product activity: in Others, never C (4 SRCH issues are under 10 % of any row’s)', () => {
    for (const scope of ['site', 'srch'] as const) {
      const result = results[scope];
      expect(personOf(result, VICTOR)).toMatchObject({ observedRole: 'none', column: 'others' });
      expect(result.others).toEqual({ label: 'Others (1 person)', count: 1, memberIds: [VICTOR] });
      // DOMAIN.md: a few comments do not make anyone consulted; he has no cell of his own, and Others none.
      for (const r of result.rows) {
        expect(r.cells.some((c) => c.personId === VICTOR || c.personId === OTHERS_ID)).toBe(false);
      }
    }
    expect(idsShown(results.chk).has(VICTOR)).toBe(false);
    expect(idsShown(results.pay).has(VICTOR)).toBe(false);
  });

  it('Nadia Novak, in permissions.json only, appears in no analysis', () => {
    for (const name of ALL_SCOPES) expect(idsShown(results[name]).has(NADIA)).toBe(false);
  });
});

describe('acme cast: automation', () => {
  it('automation never holds a letter, is never a person, a Team member or one of a warning’s people', () => {
    for (const name of ALL_SCOPES) {
      const shown = idsShown(results[name]);
      expect({ name, automation: shown.has(AUTOMATION_ID) }).toEqual({ name, automation: false });
      expect({ name, app: shown.has(AUTOMATION_FOR_JIRA) }).toEqual({ name, app: false });
    }
    // It is counted, only apart: the site analysis reports automation's events and weight on their own.
    expect(results.site.automation.eventCount).toBeGreaterThan(0);
    expect(rowOf(results.site, 'refinement').automationWeight).toBeGreaterThan(0);
  });
});

describe('acme warnings: which fire where', () => {
  const ids = (scope: ScopeName) =>
    results[scope].warnings.map((w) => (w.boardId === undefined ? w.id : `${w.id}@${w.boardId}`)).sort();

  it('whole site: the PM bottleneck, slipping and stale roadmap, three ownerless rows, and the per-squad checks', () => {
    expect(ids('site')).toEqual(
      [
        'strategy-and-acceptance',
        'tactical-overload',
        'deferred-strategy',
        'deferred-strategy',
        'no-owner',
        'no-owner',
        'no-owner',
        'acceptance-concentration@1',
        'self-acceptance@2',
        'single-point@1',
        'squad-size@2',
        'vague-stories@1',
      ].sort(),
    );
  });

  it('board 1 CHK: strategy-and-acceptance, tactical-overload, acceptance-concentration, vague-stories, deferred-strategy, single-point', () => {
    expect(ids('chk')).toEqual(
      [
        'acceptance-concentration@1',
        'deferred-strategy',
        'single-point@1',
        'strategy-and-acceptance',
        'tactical-overload',
        'vague-stories@1',
      ].sort(),
    );
  });

  it('board 2 PAY: deferred-strategy, squad-size, self-acceptance and no-owner', () => {
    expect(ids('pay')).toEqual(['deferred-strategy', 'no-owner', 'self-acceptance@2', 'squad-size@2'].sort());
  });

  it('board 3 SRCH: only no-owner (backlog order)', () => {
    expect(ids('srch')).toEqual(['no-owner']);
  });
});

describe('acme warnings: the figures behind each', () => {
  it('strategy-and-acceptance fires on CHK: Priya A of roadmap 91.1 % and of 100 % of acceptances, 6 people deliver', () => {
    const w = onlyWarning('chk', 'strategy-and-acceptance');
    expect(w.people).toEqual([PRIYA]);
    expectPercent(w.figures.roadmapShare, 91.1, 'roadmap share');
    expect(w.figures.acceptanceShare).toBe(1);
    expect(w.figures.deliveryPeople).toBe(6);
    expect(w.thresholds).toMatchObject({ minDeliveryPeople: 5, accountableShare: 0.35 });
  });

  it('strategy-and-acceptance fires site-wide: roadmap 87.3 %, acceptance 43.8 %, 23 people deliver', () => {
    const w = onlyWarning('site', 'strategy-and-acceptance');
    expect(w.people).toEqual([PRIYA]);
    expectPercent(w.figures.roadmapShare, 87.3, 'roadmap share');
    expectPercent(w.figures.acceptanceShare, 43.8, 'acceptance share');
    expect(w.figures.deliveryPeople).toBe(23);
  });

  it('tactical-overload fires on Priya: 85.6 % of her product weight is tactical site-wide, 93.6 % on CHK', () => {
    const site = onlyWarning('site', 'tactical-overload');
    const chk = onlyWarning('chk', 'tactical-overload');
    expect([site.people, chk.people]).toEqual([[PRIYA], [PRIYA]]);
    expectPercent(site.figures.tacticalShare, 85.6, 'tactical share, site');
    expectPercent(chk.figures.tacticalShare, 93.6, 'tactical share, CHK');
    expect(site.thresholds.tacticalOverloadShare).toBe(0.8);
  });

  it('acceptance-concentration fires on CHK, alone and site-wide: Priya makes 190 of 212 acceptances (89.6 %), median wait 4.3 working days', () => {
    for (const scope of ['chk', 'site'] as const) {
      // DOMAIN.md: evaluated per board, so the whole-site map shows CHK's queue, the board named.
      const w = onlyWarning(scope, 'acceptance-concentration');
      expect([w.boardId, w.people]).toEqual([1, [PRIYA]]);
      expect(w.figures).toMatchObject({ acceptances: 190, totalAcceptances: 212, medianWaitDays: 4.3 });
      expectPercent(w.figures.acceptanceShare, 89.6, 'acceptance share');
      expect(w.thresholds).toEqual({ acceptanceConcentrationShare: 0.7, acceptanceWaitDays: 2 });
      expect(w.evidenceTotal).toBe(190);
      expect(w.message).toMatch(/^On CHK board, Priya Raman accepts 90 % of finished work \(190 of 212;/);
    }
    // The sprint acceptance review lists each of her 190 acceptances: none waited under 3 working days.
    const waits = acceptedBy('chk', PRIYA);
    expect([waits.length, Math.min(...waits) >= 3]).toEqual([190, true]);
  });

  it('acceptance-concentration stays silent on SRCH, where Sofia accepts 87.5 % within a day (median 0.87)', () => {
    expect(warningsOf('srch', 'acceptance-concentration')).toEqual([]);
    const waits = acceptedBy('srch', SOFIA);
    expect(waits).toHaveLength(98);
    expect(median(waits)).toBeCloseTo(0.87, 2);
  });

  it('acceptance-concentration stays silent on PAY (top acceptor 12.1 %) and over the whole site (Priya 43.8 %)', () => {
    expect(warningsOf('pay', 'acceptance-concentration')).toEqual([]);
    // Site-wide only the CHK board's queue fires: none over the scope as a whole.
    expect(warningsOf('site', 'acceptance-concentration').map((w) => w.boardId)).toEqual([1]);
  });

  it('vague-stories fires on CHK: 70 of 178 stories (39.3 %) entered a sprint without criteria or estimate', () => {
    for (const scope of ['chk', 'site'] as const) {
      const w = onlyWarning(scope, 'vague-stories');
      expect(w.boardId).toBe(1);
      expect(w.figures).toMatchObject({
        vagueStories: 70,
        stories: 178,
        withoutCriteria: 69,
        withoutEstimate: 3,
      });
      expectPercent(w.figures.vagueShare, 39.3, 'vague share');
      expect(w.thresholds.vagueStoriesShare).toBe(0.3);
    }
  });

  it('deferred-strategy fires on CHK for CHK-131, whose target end and due date moved later 3 times (6 items)', () => {
    for (const scope of ['chk', 'site'] as const) {
      const slipping = warningsOf(scope, 'deferred-strategy').filter((w) => w.figures.maxSlips !== undefined);
      expect(slipping).toHaveLength(1);
      const w = slipping[0] as Warning;
      expect(w.figures).toMatchObject({ slippingItems: 1, maxSlips: 3 });
      expect(w.thresholds.targetDateSlips).toBe(2);
      expect(w.evidenceTotal).toBe(6);
      expect(new Set(w.evidence.map((e) => e.issueKey))).toEqual(new Set(['CHK-131']));
    }
  });

  it('deferred-strategy fires on PAY for the stale epic PAY-47: no product edit for 153 days', () => {
    for (const scope of ['pay', 'site'] as const) {
      const stale = warningsOf(scope, 'deferred-strategy').filter((w) => w.figures.maxIdleDays !== undefined);
      expect(stale).toHaveLength(1);
      const w = stale[0] as Warning;
      expect(w.figures).toMatchObject({ staleItems: 1, maxIdleDays: 153 });
      expect(w.thresholds.staleEpicDays).toBe(90);
      expect(w.evidence.map((e) => e.issueKey)).toEqual(['PAY-47']);
    }
    expect(warningsOf('pay', 'deferred-strategy')).toHaveLength(1);
    expect(warningsOf('srch', 'deferred-strategy')).toEqual([]);
  });

  it('span-of-control never fires: nobody is A of a tactical row on more than one board, let alone four', () => {
    for (const name of ALL_SCOPES) expect(warningsOf(name, 'span-of-control')).toEqual([]);
    const tacticalOwners = results.site.boards.map((b) => [
      b.id,
      [...new Set(b.rows.filter((r) => TACTICAL_ROWS.includes(r.key)).map((r) => r.accountableId))]
        .filter((id) => id !== null)
        .sort(),
    ]);
    expect(tacticalOwners).toEqual([
      [1, [PRIYA]],
      [2, [OMAR]],
      [3, [SOFIA]],
    ]);
  });

  it('squad-size fires on PAY only: Omar serves 11 delivering people (threshold 8)', () => {
    for (const scope of ['pay', 'site'] as const) {
      const w = onlyWarning(scope, 'squad-size');
      expect([w.boardId, w.people, w.figures.deliveryPeople, w.thresholds.maxSquadSize]).toEqual([
        2,
        [OMAR],
        11,
        8,
      ]);
    }
  });

  it('self-acceptance fires on PAY: 52 of 132 finished issues (39.4 %) moved to done by their own assignee', () => {
    for (const scope of ['pay', 'site'] as const) {
      const w = onlyWarning(scope, 'self-acceptance');
      expect(w.boardId).toBe(2);
      expect(w.figures).toMatchObject({ selfAccepted: 52, accepted: 132 });
      expectPercent(w.figures.selfAcceptanceShare, 39.4, 'self-acceptance share');
      expect(w.thresholds.selfAcceptanceShare).toBe(0.2);
    }
  });

  it('no-owner fires on SRCH backlog order: Sofia 26.4 %, Priya 25.9 %, Mei 25.0 %, Rafael 22.7 %', () => {
    const w = onlyWarning('srch', 'no-owner');
    expect(w.title).toBe(`No clear owner: ${rowOf(results.srch, 'prioritization').label}`);
    expect(w.people).toEqual([SOFIA, PRIYA, MEI, RAFAEL]);
    expectPercent(w.figures.topShare, 26.4, 'top share');
    expect(w.thresholds.accountableShare).toBe(0.35);
  });

  it('no-owner fires on PAY acceptance: eleven people share it, the top 12.1 %', () => {
    const w = onlyWarning('pay', 'no-owner');
    expect(w.title).toBe(`No clear owner: ${rowOf(results.pay, 'acceptance').label}`);
    expect([...w.people].sort()).toEqual([...PAY_ENGINEERS].sort());
    expectPercent(w.figures.topShare, 12.1, 'top share');
  });

  it('no-owner fires site-wide on story writing (Priya 25.6 %), refinement (Omar 27.0 %) and criteria (Omar 29.1 %)', () => {
    const expected: [RowKey, string, number][] = [
      ['story-writing', PRIYA, 25.6],
      ['refinement', OMAR, 27.0],
      ['acceptance-criteria', OMAR, 29.1],
    ];
    const found = warningsOf('site', 'no-owner');
    expect(found.map((w) => w.title).sort()).toEqual(
      expected.map(([key]) => `No clear owner: ${rowOf(results.site, key).label}`).sort(),
    );
    for (const [key, top, percent] of expected) {
      const w = found.find((x) => x.title === `No clear owner: ${rowOf(results.site, key).label}`) as Warning;
      expect(w.people[0]).toBe(top);
      expectPercent(w.figures.topShare, percent, `top share of ${key}`);
    }
    expect(warningsOf('chk', 'no-owner')).toEqual([]);
  });

  it('single-point fires on CHK acceptance: Priya alone, 10 working days in a row (10–21 Aug) with work waiting', () => {
    for (const scope of ['chk', 'site'] as const) {
      const w = onlyWarning(scope, 'single-point');
      expect([w.boardId, w.people]).toEqual([1, [PRIYA]]);
      expect(w.figures).toMatchObject({ idleWorkingDays: 10, doers: 1 });
      expect(w.thresholds.singlePointIdleDays).toBe(5);
      expect(w.message).toContain('2026-08-10');
      expect(w.message).toContain('2026-08-21');
    }
  });

  it('declared-mismatch fires when Omar is declared CHK’s PO: Priya is A of backlog order, refinement, acceptance', () => {
    const w = onlyWarning('omarDeclaredPoOfChk', 'declared-mismatch');
    expect([...w.people].sort()).toEqual([OMAR, PRIYA].sort());
    expectPercent(w.figures.prioritizationOwnerShare, 79.2, 'prioritization owner');
    expectPercent(w.figures.refinementOwnerShare, 65.2, 'refinement owner');
    expect(w.figures.acceptanceOwnerShare).toBe(1);
    for (const key of ['prioritization', 'refinement', 'acceptance']) {
      expect(w.figures[`${key}DeclaredShare`]).toBe(0);
    }
    expect(w.thresholds.accountableShare).toBe(0.35);
  });

  it('declared-mismatch never fires without a declaration, nor when Omar is declared PAY’s PO', () => {
    for (const name of [...UNDECLARED, 'omarDeclaredPoOfPay'] as const) {
      expect(warningsOf(name, 'declared-mismatch')).toEqual([]);
    }
  });
});

describe('acme sprint acceptance review', () => {
  it('carry-over is 97 on CHK, 17 on PAY, 9 on SRCH; only CHK-170 was accepted after its sprint ended', () => {
    const review = (scope: ScopeName) => results[scope].acceptance;
    const carried = (scope: ScopeName) => review(scope).sprints.reduce((n, s) => n + s.carriedOverTotal, 0);
    expect([carried('chk'), carried('pay'), carried('srch')]).toEqual([97, 17, 9]);
    const late = (scope: ScopeName) => review(scope).sprints.reduce((n, s) => n + s.acceptedAfterEnd, 0);
    expect([late('chk'), late('pay'), late('srch')]).toEqual([1, 0, 0]);
    const chk170 = review('chk')
      .sprints.flatMap((s) => s.completed)
      .filter((c) => c.afterSprintEnd);
    expect(chk170.map((c) => c.issueKey)).toEqual(['CHK-170']);
  });
});

describe('acme viewers with limited permissions (permissions.json)', () => {
  const analyseAs = (accountId: string) =>
    analyse(
      snapshotToSiteData(snapshot, { accountId }),
      AnalysisConfigSchema.parse(SCOPES.site),
      new Date(snapshot.site.recordedAt),
    );

  it('analysed as Victor, who may browse SRCH only, the result says CHK and PAY are missing', () => {
    const result = analyseAs(VICTOR);
    expect(result.completeness.complete).toBe(false);
    expect(result.completeness.gaps.map((g) => [g.kind, g.project])).toEqual([
      ['no-access', 'CHK'],
      ['no-access', 'PAY'],
    ]);
    expect(result.scope.boards.map((b) => b.id)).toEqual([3]);
  });

  it('analysed as Nadia, who may browse nothing, the result is empty and says all three projects are missing', () => {
    const result = analyseAs(NADIA);
    expect(result.completeness.gaps.map((g) => g.project)).toEqual(['CHK', 'PAY', 'SRCH']);
    expect([result.stats.issues, result.warnings.length, result.team.count]).toEqual([0, 0, 0]);
  });
});

describe('acme: the map readable in ten seconds (DOMAIN.md "Columns of the map", issue 13)', () => {
  const PRODUCT_PEOPLE = [PRIYA, OMAR, SOFIA, CHEN, FELIX, RAFAEL, BRUNO];
  const productRole = (role: string) => role === 'pm' || role === 'po' || role === 'pm-po';

  it('site-wide: 9 columns, the 7 product people, then Team (20 people) and Others (1 person)', () => {
    const own = results.site.people.filter((p) => p.column === 'own').map((p) => p.id);
    expect([...own].sort()).toEqual([...PRODUCT_PEOPLE].sort());
    const drawn = new Set(results.site.rows.flatMap((r) => r.cells.map((c) => c.personId)));
    for (const id of drawn) expect([TEAM_ID, OTHERS_ID, ...own]).toContain(id);
    const columns =
      own.length + (results.site.team.count > 0 ? 1 : 0) + (results.site.others.count > 0 ? 1 : 0);
    expect(columns).toBe(9);
    expect([results.site.team.label, results.site.others.label]).toEqual([
      'Team (20 people)',
      'Others (1 person)',
    ]);
  });

  it("site-wide each product person carries the role each squad's own map gives them: Priya PO-like on CHK, PM-like on PAY", () => {
    const site = results.site;
    const byBoard = (id: string) =>
      personOf(site, id).boardRoles.map((b) => [b.boardId, b.roleLabel] as [number, string]);
    expect(personOf(site, PRIYA).roleLabel).toBe('PM/PO');
    expect(byBoard(PRIYA)).toEqual([
      [1, 'PO-like'],
      [2, 'PM-like'],
      [3, 'PM/PO'],
    ]);
    // The same labels as each board's own analysis, for everyone with a column of their own.
    const boardResult = { 1: results.chk, 2: results.pay, 3: results.srch } as const;
    for (const person of site.people.filter((p) => p.column === 'own')) {
      expect(person.boardRoles.length).toBeGreaterThan(0);
      for (const { boardId, roleLabel } of person.boardRoles) {
        expect(personOf(boardResult[boardId as 1 | 2 | 3], person.id).roleLabel).toBe(roleLabel);
      }
    }
    // Folded people, and any scope of one board, carry none.
    for (const person of site.people.filter((p) => p.column !== 'own')) expect(person.boardRoles).toEqual([]);
    for (const person of results.chk.people) expect(person.boardRoles).toEqual([]);
  });

  it('in every scope, each person with a column of their own holds an A or R on a product row or a product role', () => {
    for (const name of UNDECLARED) {
      const result = results[name];
      for (const p of result.people.filter((x) => x.column === 'own')) {
        const holds = result.rows.some(
          (r) =>
            r.layer !== 'delivery' && r.cells.some((c) => c.personId === p.id && 'AR'.includes(c.letter)),
        );
        expect({ name, who: p.displayName, ok: holds || productRole(p.observedRole) }).toEqual({
          name,
          who: p.displayName,
          ok: true,
        });
      }
      // Nobody folded has a cell of their own.
      const folded = new Set(result.people.filter((x) => x.column !== 'own').map((x) => x.id));
      for (const r of result.rows) for (const c of r.cells) expect(folded.has(c.personId)).toBe(false);
    }
  });

  it('no C for a share under 2 % unless the person commented on 10 % of the row’s issues and at least 3', () => {
    let consulted = 0;
    for (const name of UNDECLARED) {
      for (const r of results[name].rows) {
        for (const c of r.cells.filter((x) => x.letter === 'C' && x.share < 0.02)) {
          consulted += 1;
          expect(c.commentedIssues).toBeGreaterThanOrEqual(3);
          expect(c.commentedIssues).toBeGreaterThanOrEqual(0.1 * r.issueCount);
        }
      }
    }
    // Chen Wei comments on CHK's accepted work: consulted by comments, with no acceptance of his own.
    const chen = rowOf(results.chk, 'acceptance').cells.find((c) => c.personId === CHEN);
    expect([chen?.letter, chen?.share]).toEqual(['C', 0]);
    expect(consulted).toBeGreaterThan(0);
  });

  it('folded columns show only an A or R a member holds: on CHK the Team is R of delivery (88 %), nothing else', () => {
    const cells = results.chk.rows.flatMap((r) =>
      r.cells.filter((c) => c.personId === TEAM_ID).map((c) => [r.key, c.letter, c.members]),
    );
    expect(cells).toEqual([['delivery', 'R', 5]]);
    expectPercent(
      rowOf(results.chk, 'delivery').cells.find((c) => c.personId === TEAM_ID)?.share,
      88.3,
      'Team delivery',
    );
  });

  it('each row states its owner in words: "Owner: Priya Raman, 87 % · 194 events", or that it has no clear owner', () => {
    const roadmap = rowOf(results.site, 'roadmap');
    expect(roadmap.ownerText).toBe('Owner: Priya Raman, 87 % · 194 events');
    expect(roadmap.owner).toMatchObject({ personId: PRIYA, eventCount: 194 });
    expectPercent(roadmap.owner?.share, 87.3, 'roadmap owner');
    expect(rowOf(results.site, 'story-writing').ownerText).toBe(
      'No clear owner: the largest share is 26 % (an owner needs 35 %)',
    );
    for (const name of UNDECLARED) {
      for (const r of results[name].rows) {
        expect(r.owner?.personId ?? null).toBe(r.accountableId);
        const cell = r.cells.find((c) => c.personId === r.accountableId);
        if (r.owner !== null)
          expect([r.owner.share, r.owner.eventCount]).toEqual([cell?.share, cell?.eventCount]);
      }
    }
  });

  it('by squad: CHK acceptance is Priya’s (100 %), SRCH’s Sofia’s (87.5 %), PAY’s nobody’s; as each board alone says', () => {
    const owner = (boardId: number) =>
      results.site.boards.find((b) => b.id === boardId)?.rows.find((r) => r.key === 'acceptance');
    expect(owner(1)?.owner).toMatchObject({ personId: PRIYA, share: 1, eventCount: 190 });
    expect(owner(1)?.ownerText).toBe('Owner: Priya Raman, 100 % · 190 events');
    expect(owner(3)?.owner).toMatchObject({ personId: SOFIA, eventCount: 98 });
    expectPercent(owner(3)?.owner?.share, 87.5, 'SRCH acceptance owner');
    expect(owner(2)?.owner).toBeNull();
    expect(owner(2)?.ownerText).toMatch(/^No clear owner/);
    const boardScopes: [number, ScopeName][] = [
      [1, 'chk'],
      [2, 'pay'],
      [3, 'srch'],
    ];
    for (const [boardId, scope] of boardScopes) {
      for (const row of results.site.boards.find((b) => b.id === boardId)?.rows ?? []) {
        const alone = rowOf(results[scope], row.key);
        expect({ boardId, row: row.key, owner: row.owner, text: row.ownerText }).toEqual({
          boardId,
          row: row.key,
          owner: alone.owner,
          text: alone.ownerText,
        });
        // The cell a "by squad" owner opens is the owner's letter of the board's own map, evidence and all.
        const aloneCell = alone.cells.find((c) => c.letter === 'A') ?? null;
        expect({ boardId, row: row.key, cell: row.ownerCell }).toEqual({
          boardId,
          row: row.key,
          cell: aloneCell,
        });
      }
    }
  });

  it('warnings show counts that agree with their evidence and never an internal weight', () => {
    for (const name of ALL_SCOPES) {
      for (const w of results[name].warnings) {
        const what = `${name} ${w.id}`;
        for (const key of Object.keys(w.figures))
          expect({ what, key, weight: /weight/i.test(key) }).toEqual({ what, key, weight: false });
        expect({ what, weight: /weight/i.test(w.message) }).toEqual({ what, weight: false });
        for (const key of ['events', 'tacticalEvents', 'acceptances', 'selfAccepted', 'vagueStories']) {
          if (w.figures[key] !== undefined)
            expect({ what, key, n: w.figures[key] }).toEqual({ what, key, n: w.evidenceTotal });
        }
      }
      for (const a of results[name].advice)
        for (const key of Object.keys(a.figures)) expect(key).not.toMatch(/weight/i);
      for (const f of results[name].bandwidth.flags)
        for (const key of Object.keys(f.figures)) expect(key).not.toMatch(/weight/i);
    }
    // The README's refinement no-owner: the events named are the six people's, as many as the evidence behind it.
    const refinement = warningsOf('site', 'no-owner').find((w) =>
      w.title.endsWith(rowOf(results.site, 'refinement').label),
    );
    expect([refinement?.figures.events, refinement?.evidenceTotal]).toEqual([1426, 1426]);
  });

  it('nobody on the sample shares a display name, so every distinct name is the display name', () => {
    for (const p of results.site.people) expect(p.distinctName).toBe(p.displayName);
  });
});
