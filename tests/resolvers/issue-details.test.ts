// getIssueDetails invoked as Forge invokes it, from the macro (Confluence) and from Jira, reading the acme sample
// through the local Jira server as the viewing user: what a viewer may not open comes back as hidden, never its summary.
import { join } from 'node:path';
import { IssueDetailsSchema, type IssueDetails } from '../../src/contract/issue-details';
import { RESOLVERS } from '../../src/contract/requests';
import type { ResolverResult } from '../../src/contract/result';
import { handler } from '../../src/index';
import { installForgeFetch } from '../../src/jira/transport/forge-fetch';
import { startJiraServer, type JiraServer } from '../../tools/jira-server/server';
import { readSnapshot } from '../../tools/snapshot/read';

const ACME = join(__dirname, '..', '..', 'samples', 'acme');
const CLOUD_ID = 'c0ffee00-0000-4000-8000-000000000001';
const JIRA_ARI = `ari:cloud:jira::site/${CLOUD_ID}`;
const CONFLUENCE_ARI = `ari:cloud:confluence::site/${CLOUD_ID}`;
/** Priya Raman browses CHK, PAY and SRCH; Victor Vance only SRCH. */
const PRIYA = '8bd7b81342e3c818e496b63f';
const VICTOR = '8cabe2dff28a63d80613434e';

let server: JiraServer;
let uninstall: () => void;
let viewer: string | undefined;
let summaryOf: Map<string, string>;
let pointsOf: Map<string, unknown>;

beforeAll(async () => {
  const snapshot = await readSnapshot(ACME);
  summaryOf = new Map(snapshot.issues.map((issue) => [issue.key, issue.fields.summary ?? '']));
  // acme's one story-points field ("Story point estimate", jsw-story-points).
  pointsOf = new Map(snapshot.issues.map((issue) => [issue.key, issue.fields['customfield_10016']]));
  server = await startJiraServer({ snapshotDir: ACME, port: 0 });
  uninstall = installForgeFetch({ baseUrl: server.url, auth: { kind: 'local', accountId: () => viewer } });
});
afterAll(async () => {
  uninstall();
  await server.close();
});
beforeEach(() => server.resetCounts());

async function issueDetails(
  payload: unknown,
  accountId: string,
  from: 'jira' | 'confluence' = 'confluence',
): Promise<ResolverResult<IssueDetails>> {
  viewer = accountId;
  const result = await handler(
    {
      call: { functionKey: RESOLVERS.issueDetails, payload: payload as Record<string, unknown> },
      context: { extension: from === 'confluence' ? { type: 'macro' } : { type: 'jira:projectPage' } },
    },
    {
      principal: { accountId },
      installContext: from === 'confluence' ? CONFLUENCE_ARI : JIRA_ARI,
      installation: { contexts: [CONFLUENCE_ARI, JIRA_ARI] },
    },
  );
  return JSON.parse(JSON.stringify(result)) as ResolverResult<IssueDetails>;
}

it('answers summary, type and status of each key, in the contract shape', async () => {
  const result = await issueDetails({ keys: ['CHK-1', 'PAY-3'] }, PRIYA);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(IssueDetailsSchema.parse(result.data)).toEqual(result.data);
  expect(result.data.hidden).toEqual([]);
  expect(result.data.issues.map((issue) => [issue.key, issue.summary])).toEqual([
    ['CHK-1', summaryOf.get('CHK-1')],
    ['PAY-3', summaryOf.get('PAY-3')],
  ]);
  expect(result.data.issues[0]?.type).toMatchObject({
    name: expect.any(String),
    iconUrl: expect.any(String),
  });
  expect(result.data.issues[0]?.status.category).toMatch(/^(new|indeterminate|done)$/);
  // No store in this invocation: the site's field list is read once to find its story-points field.
  expect(server.requestCounts()).toEqual({ 'POST /rest/api/3/search/jql': 1, 'GET /rest/api/3/field': 1 });
});

it("answers each issue's story points as Jira holds them now, null for an issue without an estimate", async () => {
  const keys = [...pointsOf.keys()].filter((key) => key.startsWith('CHK-')).slice(0, 40);
  const estimated = keys.filter((key) => typeof pointsOf.get(key) === 'number');
  expect(estimated.length).toBeGreaterThan(0);
  expect(estimated.length).toBeLessThan(keys.length);
  const result = await issueDetails({ keys }, PRIYA);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.data.issues.map((issue) => [issue.key, issue.points])).toEqual(
    keys.map((key) => [key, typeof pointsOf.get(key) === 'number' ? pointsOf.get(key) : null]),
  );
});

it('a viewer without access to a key gets it under hidden, never its summary', async () => {
  const result = await issueDetails({ keys: ['SRCH-1', 'CHK-1', 'SRCH-2'] }, VICTOR, 'jira');
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.data.issues.map((issue) => issue.key)).toEqual(['SRCH-1', 'SRCH-2']);
  expect(result.data.hidden).toEqual(['CHK-1']);
  const summary = summaryOf.get('CHK-1');
  expect(summary).toBeTruthy();
  expect(JSON.stringify(result)).not.toContain(JSON.stringify(summary));
});

it.each([
  [{}, 'keys'],
  [{ keys: [] }, 'keys'],
  [{ keys: ['chk-1'] }, 'keys.0'],
  [{ keys: ['CHK-1) OR project = PAY AND key in (PAY-1'] }, 'keys.0'],
  [{ keys: Array.from({ length: 101 }, (_, i) => `CHK-${i + 1}`) }, 'keys'],
  [{ keys: ['CHK-1'], extra: true }, ''],
])('a bad payload %# is a bad-request naming %s, and reads nothing from Jira', async (payload, path) => {
  const result = await issueDetails(payload, PRIYA);
  expect(result).toEqual({
    ok: false,
    error: expect.objectContaining({
      code: 'bad-request',
      fields: expect.arrayContaining([expect.objectContaining({ path })]),
    }),
  });
  expect(server.requestCounts()).toEqual({});
});
