// Every invocation has one deadline that all its Jira requests and retry waits share: under 429s and slow answers
// the resolver stops in time and answers a typed value (rate-limited with when to retry, too-slow with how far it
// got), never Forge's timeout. Tested in simulated time: the client and the local Jira server share one clock.
import path from 'node:path';
import { RESOLVERS } from '../../src/contract/requests';
import type { ResolverResult } from '../../src/contract/result';
import type { AnalysisResult } from '../../src/contract/analysis';
import { installForgeFetch } from '../../src/jira/transport/forge-fetch';
import { defineResolvers } from '../../src/resolvers';
import { UI_INVOCATION_LIMIT_MS } from '../../src/resolvers/invocation';
import { startJiraServer, type Fault, type JiraServer } from '../../tools/jira-server/server';
import { SimulatedClock } from '../../tools/simulated-clock';

const ACME = path.resolve(__dirname, '../../samples/acme');
const PRIYA = '8bd7b81342e3c818e496b63f';
const START = '2026-11-16T09:00:00.000Z';

let clock: SimulatedClock;
let server: JiraServer;
let uninstall: () => void;

beforeAll(async () => {
  server = await startJiraServer({ snapshotDir: ACME, port: 0, sleep: (ms) => clock.sleep(ms) });
  uninstall = installForgeFetch({ baseUrl: server.url, auth: { kind: 'local', accountId: PRIYA } });
});
afterAll(async () => {
  uninstall();
  await server.close();
});
beforeEach(() => {
  clock = new SimulatedClock(START);
  server.setFaults([]);
  server.resetCounts();
});

const PROJECT_PAGE = {
  functionKey: RESOLVERS.projectAnalysis,
  context: { extension: { type: 'jira:projectPage', project: { key: 'CHK' } } },
};
/** The macro over all three squads (23 requests), from Confluence through the Jira context. */
const JIRA_ARI = 'ari:cloud:jira::site/c0ffee00-0000-4000-8000-00000000acme';
const CONFLUENCE_ARI = 'ari:cloud:confluence::site/c0ffee00-0000-4000-8000-00000000acme';
const MACRO = {
  functionKey: RESOLVERS.ownershipMap,
  context: { extension: { type: 'macro', config: { scope: { projects: ['CHK', 'PAY', 'SRCH'] } } } },
};

/** One view's analysis, invoked as Forge invokes it, on the simulated clock; and the simulated time it took. */
async function view(
  faults: Fault[],
  which: typeof PROJECT_PAGE | typeof MACRO = PROJECT_PAGE,
): Promise<{ result: ResolverResult<AnalysisResult>; tookMs: number }> {
  server.setFaults(faults);
  const handler = defineResolvers(clock);
  const started = clock.now();
  const fromConfluence = which === MACRO;
  const result = (await handler(
    { call: { functionKey: which.functionKey, payload: {} }, context: which.context },
    {
      principal: { accountId: PRIYA },
      installContext: fromConfluence ? CONFLUENCE_ARI : JIRA_ARI,
      installation: { contexts: [CONFLUENCE_ARI, JIRA_ARI] },
    },
  )) as ResolverResult<AnalysisResult>;
  return { result, tookMs: clock.now() - started };
}

/** Requests of one endpoint for the project page when nothing goes wrong. */
async function baseline(endpoint: string): Promise<number> {
  server.resetCounts();
  await view([]);
  const count = server.requestCounts()[endpoint] ?? 0;
  server.resetCounts();
  return count;
}

test('without faults the page reads all of CHK in simulated time well inside the limit', async () => {
  const { result, tookMs } = await view([]);
  expect(result.ok && result.data.completeness.complete).toBe(true);
  expect(tookMs).toBe(0);
});

test('six 429s with Retry-After: 5 on six different requests end in rate-limited with a retry time, in time', async () => {
  const endpoints = [
    'GET /rest/api/3/mypermissions',
    'GET /rest/api/3/field',
    'GET /rest/api/3/status',
    'POST /rest/api/3/search/jql',
    'POST /rest/api/3/changelog/bulkfetch',
    'GET /rest/agile/1.0/board',
  ];
  const { result, tookMs } = await view(
    endpoints.map((endpoint) => ({ kind: 'rate-limit', retryAfterSeconds: 5, times: 1, endpoint })),
  );
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('rate-limited');
  // Jira reads may take 20 s of the 25: three waits of 5 s fit, the fourth would reach the deadline, so the
  // resolver stops before it and says when Jira will answer again.
  expect(tookMs).toBe(15_000);
  expect(tookMs).toBeLessThan(UI_INVOCATION_LIMIT_MS);
  expect(result.error.retryAt).toBe(new Date(Date.parse(START) + 20_000).toISOString());
});

test('every request 1.2 s slow ends in too-slow, saying how far reading got, before the limit', async () => {
  const { result, tookMs } = await view([{ kind: 'slow', delayMs: 1200 }], MACRO);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('too-slow');
  expect(result.error.message).toMatch(/^Jira answered too slowly to read all of this map's scope/);
  expect(result.error.message).toMatch(/\d+ (of [\d,]+ )?(issues|issue histories|boards|sprints) read/);
  expect(tookMs).toBeLessThanOrEqual(UI_INVOCATION_LIMIT_MS - 5_000 + 1_200);
});

test('a single 500 on a read is retried once and the result is whole', async () => {
  const normal = await baseline('POST /rest/api/3/search/jql');
  const { result } = await view([
    { kind: 'server-error', status: 500, times: 1, endpoint: 'POST /rest/api/3/search/jql' },
  ]);
  expect(result.ok && result.data.completeness.complete).toBe(true);
  expect(server.requestCounts()['POST /rest/api/3/search/jql']).toBe(normal + 1);
});

test('a second 500 on the same read is not retried again: a typed jira-error', async () => {
  const { result } = await view([
    { kind: 'server-error', status: 500, times: 2, endpoint: 'POST /rest/api/3/search/jql' },
  ]);
  expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'jira-error' }) });
  expect(server.requestCounts()['POST /rest/api/3/search/jql']).toBe(2);
});

test('a connection reset on a read is retried once and the result is whole', async () => {
  const normal = await baseline('POST /rest/api/3/changelog/bulkfetch');
  const { result } = await view([
    { kind: 'reset', times: 1, endpoint: 'POST /rest/api/3/changelog/bulkfetch' },
  ]);
  expect(result.ok && result.data.completeness.complete).toBe(true);
  expect(server.requestCounts()['POST /rest/api/3/changelog/bulkfetch']).toBe(normal + 1);
});
