// The evidence's issue details read as the viewer: batches of 100 keys, keys Jira does not return are hidden (Jira's
// 400 for an unknown or hidden key narrowed down), and an answer of the wrong shape is a typed error. Against the
// local Jira server over the acme sample, and a fake Jira for the behaviours the local server does not have.
import { join } from 'node:path';
import { JiraClient } from '../../src/jira/client';
import { JiraError } from '../../src/jira/errors';
import { installForgeFetch } from '../../src/jira/transport/forge-fetch';
import { SITE_ADMIN_ACCOUNT_ID, startJiraServer, type JiraServer } from '../../tools/jira-server/server';
import { installFakeForgeFetch, jsonResponse, recordingSleep } from './helpers/fake-forge-fetch';

const ACME = join(__dirname, '..', '..', 'samples', 'acme');
/** Victor Vance may browse SRCH only. */
const VICTOR = '8cabe2dff28a63d80613434e';
const SEARCH = 'POST /rest/api/3/search/jql';

const client = () => new JiraClient({ retry: { sleep: recordingSleep().sleep } });
const keys = (project: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${project}-${from + i}`);

describe('against the local Jira server', () => {
  let server: JiraServer;
  let uninstall: () => void;
  let viewer = SITE_ADMIN_ACCOUNT_ID;

  beforeAll(async () => {
    server = await startJiraServer({ snapshotDir: ACME, port: 0 });
    uninstall = installForgeFetch({ baseUrl: server.url, auth: { kind: 'local', accountId: () => viewer } });
  });
  afterAll(async () => {
    uninstall();
    await server.close();
  });
  beforeEach(() => {
    viewer = SITE_ADMIN_ACCOUNT_ID;
    server.resetCounts();
    server.resetPoints();
  });

  it('reads summary, type and status of each key, 100 keys a request, in the order asked', async () => {
    const asked = keys('CHK', 1, 150).reverse();
    const { issues, hidden } = await client().readIssueSummaries([...asked, 'CHK-7']);
    expect(hidden).toEqual([]);
    expect(issues.map((issue) => issue.key)).toEqual(asked);
    expect(server.requestCounts()[SEARCH]).toBe(2);
    const first = issues.at(-1);
    expect(first?.fields.summary).toEqual(expect.any(String));
    expect(first?.fields.issuetype).toMatchObject({ name: expect.any(String), iconUrl: expect.any(String) });
    expect(first?.fields.status.statusCategory).toMatchObject({
      key: expect.stringMatching(/^(new|indeterminate|done)$/),
      colorName: expect.any(String),
    });
  });

  it('20 keys cost one request: 1 point plus 1 per issue returned', async () => {
    await client().readIssueSummaries(keys('PAY', 1, 20));
    expect(server.requestCounts()[SEARCH]).toBe(1);
    expect(server.points().total).toBe(21);
  });

  it("hides keys the viewer may not browse or that do not exist, narrowing Jira's 400 down by the keys it names", async () => {
    viewer = VICTOR;
    const { issues, hidden } = await client().readIssueSummaries(['SRCH-1', 'CHK-1', 'SRCH-2', 'SRCH-99999']);
    expect(issues.map((issue) => issue.key)).toEqual(['SRCH-1', 'SRCH-2']);
    expect(hidden).toEqual(['CHK-1', 'SRCH-99999']);
    // Refused once per named key (the local server names the first it meets), then answered.
    expect(server.requestCounts()[SEARCH]).toBe(3);
  });

  it('a viewer who may open none of the keys gets them all as hidden', async () => {
    viewer = VICTOR;
    const { issues, hidden } = await client().readIssueSummaries(['CHK-1', 'PAY-2']);
    expect(issues).toEqual([]);
    expect(hidden).toEqual(['CHK-1', 'PAY-2']);
  });
});

describe('against a fake Jira', () => {
  let fake: ReturnType<typeof installFakeForgeFetch> | undefined;
  afterEach(() => fake?.uninstall());

  const issue = (key: string) => ({
    id: key.replace(/\D/g, ''),
    key,
    fields: {
      summary: `Summary of ${key}`,
      issuetype: { id: '1', name: 'Story', iconUrl: 'https://x.atlassian.net/story.svg' },
      status: { id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate', colorName: 'yellow' } },
    },
  });
  const jqlKeys = (body: unknown) =>
    /key in \(([^)]*)\)/
      .exec((body as { jql: string }).jql)?.[1]
      ?.split(', ')
      .filter((key) => key !== '') ?? [];

  it('a Jira that leaves unknown keys out answers once, and the missing keys are hidden', async () => {
    fake = installFakeForgeFetch((call) =>
      jsonResponse({
        issues: jqlKeys(call.body)
          .filter((k) => k !== 'A-2')
          .map(issue),
        isLast: true,
      }),
    );
    const { issues, hidden } = await client().readIssueSummaries(['A-1', 'A-2', 'A-3']);
    expect(issues.map((i) => i.key)).toEqual(['A-1', 'A-3']);
    expect(hidden).toEqual(['A-2']);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.body).toMatchObject({
      jql: 'key in (A-1, A-2, A-3)',
      fields: ['summary', 'issuetype', 'status'],
      maxResults: 3,
    });
  });

  it("a 400 that names no key (Jira's words in another language) is halved until the refused key stands alone", async () => {
    fake = installFakeForgeFetch((call) => {
      const asked = jqlKeys(call.body);
      if (asked.includes('A-6')) return jsonResponse({ errorMessages: ['Ungültige Abfrage.'] }, 400);
      return jsonResponse({ issues: asked.map(issue), isLast: true });
    });
    const { issues, hidden } = await client().readIssueSummaries(keys('A', 1, 8));
    expect(hidden).toEqual(['A-6']);
    expect(issues).toHaveLength(7);
    // 1–8 refused; 1–4 answered; 5–8 refused; 5–6 refused; 5 answered; 6 refused; 7–8 answered.
    expect(fake.calls).toHaveLength(7);
  });

  it('a key named inside a longer one is not taken for it (ABC-1 is not in ABC-12)', async () => {
    fake = installFakeForgeFetch((call) => {
      const asked = jqlKeys(call.body);
      if (asked.includes('A-12'))
        return jsonResponse(
          { errorMessages: ["An issue with key 'A-12' does not exist for field 'key'."] },
          400,
        );
      return jsonResponse({ issues: asked.map(issue), isLast: true });
    });
    const { issues, hidden } = await client().readIssueSummaries(['A-1', 'A-12']);
    expect(issues.map((i) => i.key)).toEqual(['A-1']);
    expect(hidden).toEqual(['A-12']);
    expect(fake.calls).toHaveLength(2);
  });

  it('an answer of the wrong shape is an invalid-response JiraError naming the endpoint', async () => {
    fake = installFakeForgeFetch(() =>
      jsonResponse({ issues: [{ id: '1', key: 'A-1', fields: { summary: 'No type' } }], isLast: true }),
    );
    const failure = await client()
      .readIssueSummaries(['A-1'])
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JiraError);
    expect(failure).toMatchObject({ code: 'invalid-response', endpoint: SEARCH });
  });

  it('other refusals are not taken for hidden keys: a 403 is an error', async () => {
    fake = installFakeForgeFetch(() => jsonResponse({ errorMessages: ['No.'] }, 403));
    await expect(client().readIssueSummaries(['A-1'])).rejects.toMatchObject({ code: 'forbidden' });
  });
});
