// The bundled sample site "Acme": one product area, three squads (CHK, PAY, SRCH), a fixed cast whose
// habits exercise every rule of DOMAIN.md. samples/acme/README.md lists the cast and what each warning shows.
import path from 'node:path';
import { utc } from './calendar';
import { poRunsSquad, poWithoutAcceptance, pmRunsSquad } from './habits';
import { AUTOMATION_FOR_JIRA, cloudAccountId, person, type Person } from './people';
import { buildSite, type Generated } from './site';
import type { ProjectSpec, SecurityLevelSpec, SiteSpec } from './spec';

/** Where the committed sample lives; `npm run sample:generate` rewrites it. */
export const ACME_SAMPLE_DIR = path.resolve(__dirname, '../../samples/acme');
export const ACME_SEED = 20261116;
export const ACME_RECORDED_AT = '2026-11-16T09:00:00.000Z';

/** Priya's summer holiday: two working weeks with no acceptance on CHK while work waits in review. */
export const PRIYA_AWAY = { from: utc('2026-08-10T00:00:00Z'), until: utc('2026-08-22T00:00:00Z') };
/** Felix, PAY's first PO, left; Omar took over (a few days of overlap). */
export const FELIX_LEFT = utc('2026-07-03T17:00:00Z');
export const OMAR_JOINED = utc('2026-06-15T09:00:00Z');

const priya = person('Priya Raman', { away: [PRIYA_AWAY] });
const omar = person('Omar Haddad', { accountId: cloudAccountId('Omar Haddad') });
const sofia = person('Sofia Lindqvist');
const felix = person('Felix Brandt', { active: false });
const victor = person('Victor Vance');
const nadia = person('Nadia Novak', { accountId: cloudAccountId('Nadia Novak') });
const chk = ['Chen Wei', 'Dana Kowalski', 'Elif Demir', 'Farid Nasser', 'Grace Okafor', 'Hugo Laurent'].map(
  (n) => person(n),
);
const pay = [
  'Aisha Bello',
  'Bruno Costa',
  'Carla Mendes',
  'Dmitri Volkov',
  'Emma Fischer',
  'Femi Adeyemi',
  'Gita Sharma',
  'Hiro Tanaka',
  'Ivan Petrov',
  'Jana Horvat',
  'Kofi Mensah',
].map((n) => person(n));
const srch = ['Rafael Souza', 'Mei Lin', 'Noah Becker', 'Olga Ivanova', 'Pavel Novak', 'Quinn Harper'].map(
  (n) => person(n),
);
const chen = chk[0] as Person;
const rafael = srch[0] as Person;
const mei = srch[1] as Person;
/** The deploy rule that closes CHK tasks on merge was switched off while Priya was away. */
const deployRule: Person = { ...AUTOMATION_FOR_JIRA, away: [PRIYA_AWAY] };

/** The one issue security level of the site; everyone holds it except Victor and Nadia. */
export const SECURITY_FIXES: SecurityLevelSpec = {
  id: '10100',
  name: 'Security fixes',
  description: 'Vulnerability fixes, seen only by the people who may know of them before release.',
};
/** The one secured issue: a SRCH story with a few histories and an acceptance, hidden from Victor. */
export const SECURED_ISSUE_KEY = 'SRCH-57';

/** The cast, by role, for tests and the README. */
export const ACME_CAST = {
  priya,
  omar,
  sofia,
  felix,
  victor,
  nadia,
  automation: AUTOMATION_FOR_JIRA,
  chk,
  pay,
  srch,
  chen,
  rafael,
  mei,
};

function versions(key: string, base: number): ProjectSpec['versions'] {
  return [
    { id: String(base), name: `${key} 2026.07`, releaseDate: '2026-07-31' },
    { id: String(base + 1), name: `${key} 2026.09`, releaseDate: '2026-09-30' },
    { id: String(base + 2), name: `${key} 2026.11`, releaseDate: '2026-11-30' },
    { id: String(base + 3), name: `${key} 2027.01`, releaseDate: '2027-01-29' },
  ];
}

const CHECKOUT: ProjectSpec = {
  id: '10000',
  key: 'CHK',
  name: 'Checkout',
  boardId: 1,
  components: [
    { id: '10300', name: 'Cart' },
    { id: '10301', name: 'Payment form' },
    { id: '10302', name: 'Promotions' },
  ],
  versions: versions('CHK', 10100),
  topics: [
    'cart',
    'promo codes',
    'guest checkout',
    'address form',
    'order summary',
    'saved cards',
    'shipping options',
    'gift cards',
  ],
};
const PAYMENTS: ProjectSpec = {
  id: '10001',
  key: 'PAY',
  name: 'Payments',
  boardId: 2,
  components: [
    { id: '10310', name: 'Ledger' },
    { id: '10311', name: 'Payouts' },
    { id: '10312', name: 'Fraud' },
  ],
  versions: versions('PAY', 10110),
  topics: [
    'refunds',
    'payouts',
    'card tokens',
    'fraud rules',
    'ledger exports',
    'currency conversion',
    'chargebacks',
    '3-D Secure',
  ],
};
const SEARCH: ProjectSpec = {
  id: '10002',
  key: 'SRCH',
  name: 'Search',
  boardId: 3,
  components: [
    { id: '10320', name: 'Indexing' },
    { id: '10321', name: 'Ranking' },
    { id: '10322', name: 'Query UI' },
  ],
  versions: versions('SRCH', 10120),
  topics: [
    'autocomplete',
    'synonyms',
    'facets',
    'spelling fixes',
    'relevance',
    'index freshness',
    'zero results',
    'filters',
  ],
};

export function acmeSpec(): SiteSpec {
  const everything = ['CHK', 'PAY', 'SRCH'];
  const people = [priya, omar, sofia, felix, victor, nadia, ...chk, ...pay, ...srch];
  const permissions = new Map<Person, string[]>(people.map((p) => [p, everything]));
  permissions.set(victor, ['SRCH']);
  permissions.set(nadia, []);
  const securityLevels = new Map<Person, string[]>(
    people.filter((p) => p !== victor && p !== nadia).map((p) => [p, [SECURITY_FIXES.id]]),
  );
  return {
    seed: ACME_SEED,
    baseUrl: 'https://acme.atlassian.net',
    recordedAt: utc(ACME_RECORDED_AT),
    sprintsPerBoard: 12,
    firstSprintStart: utc('2026-06-03T10:00:00Z'),
    issueWindow: { from: utc('2026-04-20T09:00:00Z'), until: utc('2026-11-13T17:00:00Z') },
    epicWindow: { from: utc('2026-04-06T09:00:00Z'), until: utc('2026-09-30T17:00:00Z') },
    squads: [
      {
        project: CHECKOUT,
        engineers: chk,
        habits: pmRunsSquad(
          priya,
          chen,
          { pCriteria: 0.64, pEstimate: 0.97, ranks: [2, 4], workDays: [1, 3] },
          { bot: deployRule, weight: 5 },
        ),
        epics: 11,
        issues: 240,
        typeMix: { Story: 0.6, Task: 0.22, Bug: 0.18 },
      },
      {
        project: PAYMENTS,
        engineers: pay,
        habits: poWithoutAcceptance(
          priya,
          [
            { who: felix, until: FELIX_LEFT },
            { who: omar, from: OMAR_JOINED },
          ],
          pay,
          { pCriteria: 0.96, pEstimate: 0.97, pCriteriaInDescription: 0.1, pDecoyEdit: 0.05 },
        ),
        epics: 10,
        issues: 160,
        typeMix: { Story: 0.6, Task: 0.25, Bug: 0.15 },
      },
      {
        project: SEARCH,
        engineers: srch,
        habits: poRunsSquad(
          priya,
          sofia,
          rafael,
          [
            { who: sofia, weight: 0.26 },
            { who: rafael, weight: 0.27 },
            { who: priya, weight: 0.24 },
            { who: mei, weight: 0.23 },
          ],
          [
            { who: mei, weight: 0.5 },
            { who: victor, weight: 0.6 },
          ],
          { pScopeChange: 0.06 },
        ),
        epics: 9,
        issues: 125,
        typeMix: { Story: 0.62, Task: 0.2, Bug: 0.18 },
      },
    ],
    people,
    permissions,
    securityLevels,
    scenarios: {
      slippingEpic: { project: 'CHK', slips: 3 },
      staleEpic: { project: 'PAY', lastEditBefore: utc('2026-07-24T00:00:00Z') },
      acceptedAfterSprint: { project: 'CHK', sprintOrdinal: 8 },
      securedIssue: { key: SECURED_ISSUE_KEY, level: SECURITY_FIXES },
    },
  };
}

export function generateAcme(): Generated {
  return buildSite(acmeSpec());
}
