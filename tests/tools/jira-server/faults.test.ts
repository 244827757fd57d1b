// Injected faults and request counts: each fault kind is observable, `times` limits it, counts include faults.
import { ENDPOINTS, type JiraServer } from '../../../tools/jira-server/server';
import { sampleDir } from '../snapshot/temp-snapshot';
import { call, startJiraServer, type BulkPage, type SearchPage } from './http';

let server: JiraServer;

beforeAll(async () => {
  server = await startJiraServer({ snapshotDir: sampleDir('apache-GORA') });
});

afterAll(() => server.close());

beforeEach(() => {
  server.setFaults([]);
  server.resetCounts();
});

const search = (body: Record<string, unknown> = {}) =>
  call<SearchPage & { errorMessages?: string[] }>(server, 'POST', '/rest/api/3/search/jql', {
    jql: 'project = GORA ORDER BY key ASC',
    fields: ['summary'],
    maxResults: 6,
    ...body,
  });

describe('fault kinds', () => {
  it('rate-limit answers 429 with Retry-After, then recovers after `times`', async () => {
    server.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 7, times: 2 }]);
    const first = await search();
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.body.errorMessages).toEqual(['Rate limit exceeded.']);
    expect((await search()).status).toBe(429);
    const third = await search();
    expect(third.status).toBe(200);
    expect(third.body.issues).toHaveLength(6);
    expect(server.requestCounts()).toEqual({ [ENDPOINTS.searchJql]: 3 });
  });

  it('server-error answers the chosen status, 500 by default, on the named endpoint only', async () => {
    server.setFaults([{ kind: 'server-error', status: 503, endpoint: ENDPOINTS.bulkChangelog }]);
    expect((await search()).status).toBe(200);
    const bulk = await call(server, 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ['GORA-73'],
    });
    expect(bulk.status).toBe(503);
    server.setFaults([{ kind: 'server-error', times: 1 }]);
    expect((await call(server, 'GET', '/rest/api/3/field')).status).toBe(500);
    expect((await call(server, 'GET', '/rest/api/3/field')).status).toBe(200);
  });

  it('refuse answers 403/404/400 in Jira error shape, e.g. bulkfetch refused while per-issue changelog works', async () => {
    server.setFaults([{ kind: 'refuse', status: 403, endpoint: ENDPOINTS.bulkChangelog }]);
    const bulk = await call<{ errorMessages: string[]; errors: object }>(
      server,
      'POST',
      '/rest/api/3/changelog/bulkfetch',
      {
        issueIdsOrKeys: ['GORA-73'],
      },
    );
    expect(bulk.status).toBe(403);
    expect(bulk.body.errorMessages).toHaveLength(1);
    expect(bulk.body.errors).toEqual({});
    expect((await call(server, 'GET', '/rest/api/3/issue/GORA-73/changelog')).status).toBe(200);
    server.setFaults([{ kind: 'refuse', status: 404, endpoint: ENDPOINTS.bulkChangelog }]);
    expect(
      (await call(server, 'POST', '/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['GORA-73'] })).status,
    ).toBe(404);
  });

  it('truncated-page serves fewer items than asked with a token that continues where it stopped', async () => {
    server.setFaults([{ kind: 'truncated-page', times: 1 }]);
    const first = await search();
    expect(first.body.issues).toHaveLength(3);
    expect(first.body.isLast).toBe(false);
    const second = await search({ nextPageToken: first.body.nextPageToken });
    expect(second.body.issues).toHaveLength(6);
    const normal = await search({ maxResults: 9 });
    expect(second.body.issues[0]?.key).toBe(normal.body.issues[3]?.key);
  });

  it('truncated-page on bulkfetch and on offset pages', async () => {
    server.setFaults([{ kind: 'truncated-page' }]);
    const bulk = await call<BulkPage>(server, 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ['GORA-73'],
      maxResults: 10,
    });
    expect(bulk.body.issueChangeLogs[0]?.changeHistories).toHaveLength(5);
    expect(typeof bulk.body.nextPageToken).toBe('string');
    const page = await call<{ values: unknown[]; total: number; isLast: boolean }>(
      server,
      'GET',
      '/rest/api/3/issue/GORA-73/changelog?maxResults=16',
    );
    expect(page.body.values).toHaveLength(8);
    expect(page.body.total).toBe(16);
    expect(page.body.isLast).toBe(false);
  });

  it('repeat-token hands back the token it was given, and waits for a request that carries one', async () => {
    server.setFaults([{ kind: 'repeat-token', times: 1 }]);
    const first = await search();
    const token = first.body.nextPageToken;
    expect(typeof token).toBe('string');
    const repeated = await search({ nextPageToken: token });
    expect(repeated.body.nextPageToken).toBe(token);
    const after = await search({ nextPageToken: token });
    expect(after.body.nextPageToken).not.toBe(token);
  });

  it('slow delays the answer: a client that gives up first sees its own timeout', async () => {
    server.setFaults([{ kind: 'slow', delayMs: 30_000, times: 1 }]);
    await expect(
      fetch(`${server.url}/rest/api/3/field`, { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow(/timeout|aborted/i);
    expect(server.requestCounts()).toEqual({ [ENDPOINTS.fields]: 1 });
    // Used up: the next request is answered at once.
    expect((await call(server, 'GET', '/rest/api/3/field')).status).toBe(200);
  });

  it('slow answers correctly once the delay has passed', async () => {
    server.setFaults([{ kind: 'slow', delayMs: 20, endpoint: ENDPOINTS.statuses }]);
    const response = await call<unknown[]>(server, 'GET', '/rest/api/3/status');
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(5);
  });

  it('setFaults([]) clears every fault', async () => {
    server.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 1 }]);
    expect((await search()).status).toBe(429);
    server.setFaults([]);
    expect((await search()).status).toBe(200);
  });
});

describe('request counts', () => {
  it('counts each endpoint under its key, unknown paths under "unknown", and resets', async () => {
    await call(server, 'GET', '/rest/api/3/field');
    await call(server, 'GET', '/rest/api/3/field');
    await call(server, 'GET', '/rest/api/3/status');
    await call(server, 'GET', '/rest/api/3/issue/GORA-73/changelog');
    await call(server, 'GET', '/rest/api/3/issue/GORA-74/changelog');
    await call(server, 'GET', '/rest/agile/1.0/board');
    const unknown = await call<{ errorMessages: string[] }>(server, 'GET', '/rest/api/3/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorMessages[0]).toMatch(/no endpoint GET \/rest\/api\/3\/nothing-here/);
    expect(server.requestCounts()).toEqual({
      'GET /rest/api/3/field': 2,
      'GET /rest/api/3/status': 1,
      'GET /rest/api/3/issue/{key}/changelog': 2,
      'GET /rest/agile/1.0/board': 1,
      unknown: 1,
    });
    server.resetCounts();
    expect(server.requestCounts()).toEqual({});
  });

  it('counts faulted responses too', async () => {
    server.setFaults([{ kind: 'server-error', times: 2, endpoint: ENDPOINTS.myself }]);
    for (let i = 0; i < 3; i++) await call(server, 'GET', '/rest/api/3/myself');
    expect(server.requestCounts()).toEqual({ 'GET /rest/api/3/myself': 3 });
  });
});
