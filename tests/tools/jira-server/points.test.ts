// Jira's hourly points quota, locally: every answer costs 1 + the objects it returns (an error 1), per installation,
// in a fixed window on the server's injected clock; a request that finds the quota spent gets a 429 and costs nothing.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { JiraClient } from '../../../src/jira/client';
import { JiraError } from '../../../src/jira/errors';
import { installForgeFetch } from '../../../src/jira/transport/forge-fetch';
import {
  DEFAULT_INSTALLATION,
  ENDPOINTS,
  INSTALLATION_HEADER,
  UNKNOWN_ENDPOINT,
  type JiraServer,
  type JiraServerOptions,
} from '../../../tools/jira-server/server';
import { readSnapshot, siteProjectKeys, type Snapshot } from '../../../tools/snapshot/read';
import { SimulatedClock } from '../../../tools/simulated-clock';
import { ANONYMOUS, AS_SITE_ADMIN, call, startJiraServer, type BulkPage, type SearchPage } from './http';

const ROOT = path.join(__dirname, '..', '..', '..');
const ACME = path.join(ROOT, 'samples', 'acme');
/** Priya Raman may browse all three projects. */
const PRIYA = '8bd7b81342e3c818e496b63f';
/** 20 minutes into an hour: the quota window ends at 10:00, 2400 s later. */
const START = '2026-11-16T09:20:00.000Z';
const WINDOW_END = Date.parse('2026-11-16T10:00:00.000Z');

let snapshot: Snapshot;
const servers: JiraServer[] = [];

beforeAll(async () => {
  snapshot = await readSnapshot(ACME);
});

afterAll(() => Promise.all(servers.map((s) => s.close())));

async function acmeServer(options: Partial<JiraServerOptions> = {}): Promise<JiraServer> {
  const server = await startJiraServer({ snapshotDir: ACME, ...options });
  servers.push(server);
  return server;
}

const historiesOf = (issues: Snapshot['issues']) =>
  issues.reduce((n, issue) => n + (issue.changelog?.histories.length ?? 0), 0);

/** One search page of up to 100 issues with a field (the cap with fields is 100). */
const searchPage = (server: JiraServer, headers: Readonly<Record<string, string>> = AS_SITE_ADMIN) =>
  call<SearchPage & { errorMessages?: string[]; errors?: object }>(
    server,
    'POST',
    '/rest/api/3/search/jql',
    { jql: 'project = CHK ORDER BY key ASC', fields: ['summary'], maxResults: 100 },
    headers,
  );

const asInstallation = (id: string) => ({ ...AS_SITE_ADMIN, [INSTALLATION_HEADER]: id });

describe('costs: 1 point per request plus 1 per object the page returns', () => {
  let server: JiraServer;
  beforeAll(async () => {
    server = await acmeServer();
  });
  beforeEach(() => server.resetPoints());

  it('a search page of 100 issues costs 101', async () => {
    const page = await searchPage(server);
    expect(page.body.issues).toHaveLength(100);
    expect(server.points()).toEqual({
      total: 101,
      byEndpoint: { [ENDPOINTS.searchJql]: 101 },
      byInstallation: { [DEFAULT_INSTALLATION]: 101 },
    });
  });

  it('a bulkfetch page costs its histories + 1, counted by history, not by issue', async () => {
    const ids = snapshot.issues.map((issue) => issue.id);
    const first = await call<BulkPage>(server, 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ids,
    });
    const histories = (page: BulkPage) =>
      page.issueChangeLogs.reduce((n, log) => n + log.changeHistories.length, 0);
    expect(histories(first.body)).toBe(1000);
    expect(server.points().total).toBe(1001);

    const small = await call<BulkPage>(server, 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ids.slice(0, 3),
    });
    const n = histories(small.body);
    expect(n).toBe(historiesOf(snapshot.issues.slice(0, 3)));
    expect(server.points().byEndpoint).toEqual({ [ENDPOINTS.bulkChangelog]: 1001 + n + 1 });
  });

  it('every other endpoint costs 1 + what it lists', async () => {
    const board = snapshot.boards[0];
    if (!board) throw new Error('samples/acme has boards');
    const sprints = snapshot.sprints[String(board.id)] ?? [];
    const issue = snapshot.issues[0];
    if (!issue) throw new Error('samples/acme has issues');
    const sprintId = sprints[0]?.id ?? 0;
    const sprintIssues = await call<{ issues: unknown[] }>(
      server,
      'GET',
      `/rest/agile/1.0/sprint/${sprintId}/issue?fields=summary`,
    );
    const users = await call<unknown[]>(server, 'GET', '/rest/api/3/user/search?query=a');
    await call(server, 'GET', '/rest/api/3/field');
    await call(server, 'GET', '/rest/api/3/status');
    await call(server, 'GET', '/rest/api/3/myself');
    await call(
      server,
      'GET',
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES&projectKey=CHK',
    );
    await call(server, 'GET', '/rest/api/3/project/search');
    await call(server, 'GET', '/rest/agile/1.0/board');
    await call(server, 'GET', `/rest/agile/1.0/board/${board.id}/sprint`);
    await call(server, 'GET', `/rest/api/3/issue/${issue.key}/changelog?maxResults=2`);

    expect(sprintIssues.body.issues.length).toBeGreaterThan(0);
    expect(users.body.length).toBeGreaterThan(0);
    expect(server.points().byEndpoint).toEqual({
      [ENDPOINTS.fields]: 1 + snapshot.fields.length,
      [ENDPOINTS.statuses]: 1 + snapshot.statuses.length,
      [ENDPOINTS.myself]: 2,
      // Two permission entries asked, two returned.
      [ENDPOINTS.myPermissions]: 3,
      [ENDPOINTS.projectSearch]: 1 + siteProjectKeys(snapshot.site).length,
      [ENDPOINTS.userSearch]: 1 + users.body.length,
      [ENDPOINTS.boards]: 1 + snapshot.boards.length,
      [ENDPOINTS.boardSprints]: 1 + sprints.length,
      [ENDPOINTS.sprintIssues]: 1 + sprintIssues.body.issues.length,
      [ENDPOINTS.issueChangelog]: 1 + Math.min(2, issue.changelog?.histories.length ?? 0),
    });
  });

  it('an error answer costs 1 whatever it is, and a dropped connection nothing', async () => {
    const badJql = await call(server, 'POST', '/rest/api/3/search/jql', { jql: 'assignee = me' });
    expect(badJql.status).toBe(400);
    expect((await call(server, 'GET', '/rest/api/3/myself', undefined, ANONYMOUS)).status).toBe(401);
    expect((await call(server, 'GET', '/rest/api/3/nothing-here')).status).toBe(404);
    server.setFaults([{ kind: 'server-error', status: 503, times: 1 }]);
    expect((await searchPage(server)).status).toBe(503);
    server.setFaults([{ kind: 'reset', times: 1 }]);
    await expect(searchPage(server)).rejects.toThrow();
    server.setFaults([]);
    expect(server.points()).toEqual({
      total: 4,
      byEndpoint: { [ENDPOINTS.myself]: 1, [ENDPOINTS.searchJql]: 2, [UNKNOWN_ENDPOINT]: 1 },
      byInstallation: { [DEFAULT_INSTALLATION]: 4 },
    });
  });

  it('without a quota no quota headers are sent', async () => {
    const page = await searchPage(server);
    expect(page.headers.get('beta-ratelimit')).toBeNull();
    expect(page.headers.get('beta-ratelimit-policy')).toBeNull();
  });

  it('resetPoints() forgets every charge', async () => {
    await searchPage(server);
    server.resetPoints();
    expect(server.points()).toEqual({ total: 0, byEndpoint: {}, byInstallation: {} });
  });
});

describe('the hourly quota', () => {
  let clock: SimulatedClock;
  const quotaServer = (pointsPerHour: number) => acmeServer({ pointsPerHour, now: () => clock.now() });
  beforeEach(() => {
    clock = new SimulatedClock(START);
  });

  it('tells every answer what remains and refuses the request that finds it spent, until the window ends', async () => {
    const server = await quotaServer(202);
    const first = await searchPage(server);
    expect(first.status).toBe(200);
    expect(first.headers.get('beta-ratelimit-policy')).toBe('"tenant-app-quota";q=202;w=3600');
    expect(first.headers.get('beta-ratelimit')).toBe('"tenant-app-quota";r=101;t=2400');
    clock.advance(1500);
    const second = await searchPage(server);
    expect(second.status).toBe(200);
    // 2398.5 s are left: rounded up, so a client that waits that long finds the new window.
    expect(second.headers.get('beta-ratelimit')).toBe('"tenant-app-quota";r=0;t=2399');

    const refused = await searchPage(server);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2399');
    expect(refused.headers.get('beta-ratelimit')).toBe('"tenant-app-quota";r=0;t=2399');
    expect(refused.headers.get('beta-ratelimit-policy')).toBe('"tenant-app-quota";q=202;w=3600');
    expect(refused.headers.get('x-beta-ratelimit-reason')).toBe('jira-quota-tenant-based');
    expect(refused.body).toEqual({
      errorMessages: [expect.stringContaining('202 points') as string],
      errors: {},
    });
    // The refusal is a request, but it costs nothing.
    expect(server.requestCounts()).toEqual({ [ENDPOINTS.searchJql]: 3 });
    expect(server.points().total).toBe(202);

    clock.advance(WINDOW_END - clock.now() - 1);
    expect((await searchPage(server)).headers.get('retry-after')).toBe('1');
    clock.advance(1);
    const again = await searchPage(server);
    expect(again.status).toBe(200);
    expect(again.headers.get('beta-ratelimit')).toBe('"tenant-app-quota";r=101;t=3600');
    expect(server.points().total).toBe(303);
  });

  it('serves the request that crosses the quota in full: its cost is known only once it is answered', async () => {
    const server = await quotaServer(150);
    expect((await searchPage(server)).headers.get('beta-ratelimit')).toBe('"tenant-app-quota";r=49;t=2400');
    const crossing = await searchPage(server);
    expect(crossing.status).toBe(200);
    expect(crossing.body.issues).toHaveLength(100);
    expect(crossing.headers.get('beta-ratelimit')).toBe('"tenant-app-quota";r=0;t=2400');
    expect((await searchPage(server)).status).toBe(429);
    expect(server.points().total).toBe(202);
  });

  it('keeps one ledger per installation; requests that name none share the default one', async () => {
    const server = await quotaServer(101);
    expect((await searchPage(server, asInstallation('install-a'))).status).toBe(200);
    expect((await searchPage(server, asInstallation('install-a'))).status).toBe(429);
    const other = await searchPage(server, asInstallation('install-b'));
    expect(other.status).toBe(200);
    expect(other.headers.get('beta-ratelimit')).toBe('"tenant-app-quota";r=0;t=2400');
    expect((await searchPage(server)).status).toBe(200);
    expect((await searchPage(server)).status).toBe(429);
    expect(server.points().byInstallation).toEqual({
      [DEFAULT_INSTALLATION]: 101,
      'install-a': 101,
      'install-b': 101,
    });
  });

  it('refuses a quota that is not a whole number of points of at least 1', async () => {
    await expect(acmeServer({ pointsPerHour: 0 })).rejects.toThrow(RangeError);
    await expect(acmeServer({ pointsPerHour: 2.5 })).rejects.toThrow(RangeError);
  });
});

describe("the app's client reading all of samples/acme", () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  const readAcme = async (server: JiraServer, clock: SimulatedClock) => {
    uninstall = installForgeFetch({ baseUrl: server.url, auth: { kind: 'local', accountId: PRIYA } });
    const client = new JiraClient({ retry: { now: clock.now, sleep: clock.sleep, after: clock.after } });
    return client.readScope({ projects: siteProjectKeys(snapshot.site) });
  };

  it('costs its requests plus every object they return: 6,154 points', async () => {
    const clock = new SimulatedClock(START);
    const server = await acmeServer({ now: clock.now });
    const site = await readAcme(server, clock);
    expect(site.gaps).toEqual([]);

    const projects = siteProjectKeys(snapshot.site).length;
    const sprints = Object.values(snapshot.sprints).reduce((n, list) => n + list.length, 0);
    const requests = Object.values(server.requestCounts()).reduce((n, count) => n + count, 0);
    // One permission entry per project, then every field, status, issue, history, board and sprint once.
    const objects =
      projects +
      snapshot.fields.length +
      snapshot.statuses.length +
      snapshot.issues.length +
      historiesOf(snapshot.issues) +
      snapshot.boards.length +
      sprints;
    expect({ requests, objects }).toEqual({ requests: 23, objects: 6131 });
    expect(server.points()).toEqual({
      total: 6154,
      byEndpoint: {
        [ENDPOINTS.myPermissions]: 3 * 2,
        [ENDPOINTS.fields]: 1 + 28,
        [ENDPOINTS.statuses]: 1 + 5,
        [ENDPOINTS.searchJql]: 6 + 587,
        [ENDPOINTS.bulkChangelog]: 6 + 5469,
        [ENDPOINTS.boards]: 3 * (1 + 1),
        [ENDPOINTS.boardSprints]: 3 * (1 + 12),
      },
      byInstallation: { [DEFAULT_INSTALLATION]: 6154 },
    });
  });

  it('with a smaller quota gets a rate-limited JiraError saying when the window resets', async () => {
    const clock = new SimulatedClock(START);
    const server = await acmeServer({ pointsPerHour: 6000, now: clock.now });
    const error = await readAcme(server, clock).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(JiraError);
    expect(error).toMatchObject({
      code: 'rate-limited',
      status: 429,
      retryAt: WINDOW_END,
      endpoint: 'GET /rest/agile/1.0/board',
    });
    // Issues and histories cost 6,109 points, crossing 6,000 on the last bulkfetch page; the first board list then
    // finds the quota spent, is refused at no cost and not retried (the reset is 40 minutes away), and reading stops.
    expect(server.points().total).toBe(6154 - 3 * 2 - 3 * 13);
    expect(server.requestCounts()[ENDPOINTS.boards]).toBe(1);
    expect(server.requestCounts()[ENDPOINTS.boardSprints]).toBeUndefined();
  });
});

describe('npm run jira:serve -- --points-per-hour N', () => {
  /** Runs the CLI; `whileServing` gets its URL once it listens, then Ctrl-C ends it. */
  function serve(
    args: string[],
    whileServing: (url: string) => Promise<void> = async () => undefined,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tools/jira-server/cli.ts', ...args],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      let started = false;
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const url = /^(http:\/\/\S+)$/m.exec(stdout)?.[1];
        if (url === undefined || started) return;
        started = true;
        whileServing(url).then(
          () => child.kill('SIGINT'),
          (error: unknown) => {
            child.kill('SIGINT');
            reject(error as Error);
          },
        );
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('serves with that quota and prints the points each endpoint cost', async () => {
    const result = await serve(['--snapshot', ACME, '--points-per-hour', '101'], async (url) => {
      const page = await fetch(`${url}/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...AS_SITE_ADMIN },
        body: JSON.stringify({ jql: 'project = CHK', fields: ['summary'], maxResults: 100 }),
      });
      const body = (await page.json()) as SearchPage;
      expect(body.issues).toHaveLength(100);
      expect(page.headers.get('beta-ratelimit-policy')).toBe('"tenant-app-quota";q=101;w=3600');
      expect(page.headers.get('beta-ratelimit')).toMatch(/^"tenant-app-quota";r=0;t=\d+$/);
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Hourly quota: 101 points per installation');
    expect(result.stdout).toMatch(/Points: 101\n\s+101 {2}POST \/rest\/api\/3\/search\/jql/);
  });

  it.each(['0', '1.5', 'many'])('refuses --points-per-hour %s with exit code 2', async (value) => {
    const result = await serve(['--snapshot', ACME, '--points-per-hour', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--points-per-hour must be a whole number of points of at least 1, not '${value}'`,
    );
  });
});
