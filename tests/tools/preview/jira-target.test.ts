// Where the preview sends Jira requests: the local server with the acting account, or a real site with basic auth.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ReadOnlySiteError,
  localJiraTarget,
  siteCredentialsFromEnv,
  siteJiraTarget,
} from '../../../tools/preview/jira-target';
import { startPreview } from '../../../tools/preview/server';
import { LOCAL_APP_ACCOUNT_ID } from '../../../src/jira/transport/forge-fetch';

/** A stand-in for Jira Cloud that records the headers it got and answers the directory's four requests. */
let seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
let stub: Server;
let stubUrl: string;

const CLOUD_ANSWERS: Record<string, unknown> = {
  '/rest/api/3/myself': { accountId: 'me-123', displayName: 'Token Owner' },
  '/rest/api/3/project/search?maxResults=50': {
    values: [{ id: '10001', key: 'CHK', name: 'Checkout' }],
    startAt: 0,
    maxResults: 50,
  },
  '/rest/agile/1.0/board?maxResults=50': {
    values: [{ id: 7, name: 'CHK board', type: 'scrum', location: { projectKey: 'CHK' } }],
    startAt: 0,
    maxResults: 50,
  },
  '/rest/agile/1.0/board/7/sprint?maxResults=50': {
    values: [{ id: 70, name: 'Sprint 70', state: 'closed' }],
    startAt: 0,
    maxResults: 50,
  },
};

beforeAll(async () => {
  stub = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const answer = CLOUD_ANSWERS[req.url ?? ''];
    res.writeHead(answer === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer ?? { errorMessages: ['not here'] }));
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => stub.close(resolve));
});

beforeEach(() => {
  seen = [];
});

test('credentials for a real site come from JIRA_EMAIL and JIRA_API_TOKEN only', () => {
  expect(() => siteCredentialsFromEnv('https://acme.atlassian.net', {})).toThrow(
    /JIRA_EMAIL and JIRA_API_TOKEN/,
  );
  const env = { JIRA_EMAIL: 'a@b.c', JIRA_API_TOKEN: 'tok' };
  expect(siteCredentialsFromEnv('https://acme.atlassian.net/jira/your-work', env)).toEqual({
    baseUrl: 'https://acme.atlassian.net',
    email: 'a@b.c',
    apiToken: 'tok',
  });
  expect(() => siteCredentialsFromEnv('http://acme.atlassian.net', env)).toThrow(/https/);
  expect(() => siteCredentialsFromEnv('acme', env)).toThrow(/needs a URL/);
});

test('a real site gets basic auth and never the acting-account header', async () => {
  const target = siteJiraTarget({ baseUrl: stubUrl, email: 'a@b.c', apiToken: 'tok' });
  const response = await target.request(
    '/rest/api/3/myself',
    { headers: { 'x-acting-account-id': 'x' } },
    'acc-1',
  );
  expect(response.status).toBe(200);
  expect(seen[0]?.headers.authorization).toBe(`Basic ${Buffer.from('a@b.c:tok').toString('base64')}`);
  expect(seen[0]?.headers['x-acting-account-id']).toBeUndefined();
  expect(target.impersonates).toBe(false);
});

test('a read-only site gets reads and read-only queries, and no request that could change it', async () => {
  const target = siteJiraTarget({ baseUrl: stubUrl, email: 'a@b.c', apiToken: 'tok' }, { readOnly: true });
  await target.request('/rest/api/3/search/jql', { method: 'POST', body: '{}' }, undefined);
  await target.request('/rest/api/3/myself?expand=groups', undefined, undefined);
  await expect(
    target.request('/rest/api/3/issue/CHK-1', { method: 'PUT', body: '{}' }, undefined),
  ).rejects.toThrow('The preview does not send PUT /rest/api/3/issue/CHK-1');
  await expect(
    target.request('/rest/api/3/issue', { method: 'POST', body: '{}' }, undefined),
  ).rejects.toThrow(ReadOnlySiteError);
  expect(seen.map((request) => request.path)).toEqual([
    '/rest/api/3/search/jql',
    '/rest/api/3/myself?expand=groups',
  ]);
});

test('the local server is told who acts (the app itself when no user does), replacing any header the app set', async () => {
  const target = localJiraTarget(stubUrl);
  await target.request('/rest/api/3/myself', { headers: { 'x-acting-account-id': 'forged' } }, 'acc-1');
  await target.request('/rest/api/3/myself', undefined, undefined);
  expect(seen.map((request) => request.headers['x-acting-account-id'])).toEqual([
    'acc-1',
    LOCAL_APP_ACCOUNT_ID,
  ]);
});

test('previewing a site lists its projects and boards, and the token owner as the only viewer', async () => {
  const preview = await startPreview({ site: { baseUrl: stubUrl, email: 'a@b.c', apiToken: 'tok' } });
  try {
    expect(preview.jira).toBeUndefined();
    expect(preview.directory).toMatchObject({
      source: 'site',
      people: [{ accountId: 'me-123', displayName: 'Token Owner' }],
      defaultViewer: 'me-123',
      projects: [{ key: 'CHK', id: '10001' }],
      boards: [{ id: 7, sprints: [{ id: 70, state: 'closed' }] }],
    });
    expect(preview.directory.notes[0]).toContain('cannot be switched');
    expect(seen.every((request) => request.headers.authorization?.startsWith('Basic '))).toBe(true);
  } finally {
    await preview.close();
  }
});
