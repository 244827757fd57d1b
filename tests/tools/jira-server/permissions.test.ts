// Acting accounts and permissions.json: what each viewer can see, as Jira hides it (missing, not forbidden).
import { SITE_ADMIN_ACCOUNT_ID, type JiraServer } from '../../../tools/jira-server/server';
import { removeTempSnapshots, type RawIssue } from '../snapshot/temp-snapshot';
import {
  ANONYMOUS,
  AS_SITE_ADMIN,
  asAccount,
  bulkAll,
  call,
  FIXTURE_ACCOUNTS,
  searchAll,
  startJiraServer,
  writeFixtureSnapshot,
  type SearchPage,
} from './http';

let server: JiraServer;
let gora: RawIssue[];
let tez: RawIssue[];
let big: RawIssue[];
const { alice, bob, stranger } = FIXTURE_ACCOUNTS;

beforeAll(async () => {
  const written = await writeFixtureSnapshot();
  ({ gora, tez, big } = written);
  server = await startJiraServer({ snapshotDir: written.dir });
});

afterAll(async () => {
  await server.close();
  await removeTempSnapshots();
});

interface Paged<T> {
  values: T[];
  total: number;
}

describe('the site admin, named by x-acting-account-id: local-site-admin, sees everything', () => {
  it('searches, bulk-fetches and lists all three projects, although permissions.json does not list it', async () => {
    const { issues } = await searchAll(
      server,
      { jql: 'project in (GORA, TEZ, BIG)', maxResults: 5000 },
      AS_SITE_ADMIN,
    );
    expect(issues).toHaveLength(gora.length + tez.length + big.length);
    const { byIssue } = await bulkAll(server, { issueIdsOrKeys: tez.map((i) => i.key) }, AS_SITE_ADMIN);
    expect(byIssue.size).toBe(tez.length);
    const projects = await call<Paged<{ key: string }>>(
      server,
      'GET',
      '/rest/api/3/project/search',
      undefined,
      AS_SITE_ADMIN,
    );
    expect(projects.body.values.map((p) => p.key)).toEqual(['BIG', 'GORA', 'TEZ']);
    const me = await call(server, 'GET', '/rest/api/3/myself', undefined, AS_SITE_ADMIN);
    expect(me.body).toEqual({
      accountId: SITE_ADMIN_ACCOUNT_ID,
      accountType: 'atlassian',
      displayName: 'Site admin',
      active: true,
    });
  });

  it('basic auth without an acting account is the token owner, who the server cannot check: the site admin', async () => {
    const basic = { Authorization: `Basic ${Buffer.from('someone@example.com:token').toString('base64')}` };
    const page = await call<SearchPage>(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'project = TEZ', maxResults: 100 },
      basic,
    );
    expect(page.status).toBe(200);
    expect(page.body.issues).toHaveLength(tez.length);
    // An acting account named as well wins over the credentials.
    const asAlice = await call<SearchPage>(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'project = GORA', maxResults: 100 },
      { ...basic, ...asAccount(alice) },
    );
    expect(asAlice.body.issues).toHaveLength(gora.length);
    const hidden = await call(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'project = TEZ' },
      { ...basic, ...asAccount(alice) },
    );
    expect(hidden.status).toBe(400);
  });
});

describe('a request that names no account is anonymous, as Jira Cloud answers one without credentials', () => {
  const notLoggedIn = {
    errorMessages: [expect.stringContaining('Client must be authenticated') as string],
    errors: {},
  };

  it('finds no issue, no project, no person and no browse permission where Jira lets anonymous callers ask', async () => {
    const search = await call(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'updated >= "2000-01-01"' },
      ANONYMOUS,
    );
    expect(search).toMatchObject({ status: 200, body: { issues: [], isLast: true } });
    const named = await call<{ errorMessages: string[] }>(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'project = TEZ' },
      ANONYMOUS,
    );
    expect(named.status).toBe(400);
    expect(named.body.errorMessages).toEqual(["The value 'TEZ' does not exist for the field 'project'."]);
    const changelog = await call(
      server,
      'GET',
      `/rest/api/3/issue/${tez[0]?.key}/changelog`,
      undefined,
      ANONYMOUS,
    );
    expect(changelog.status).toBe(404);
    const projects = await call<Paged<unknown>>(
      server,
      'GET',
      '/rest/api/3/project/search',
      undefined,
      ANONYMOUS,
    );
    expect(projects).toMatchObject({ status: 200, body: { values: [], total: 0 } });
    const global = await call<{ permissions: { BROWSE_PROJECTS: { havePermission: boolean } } }>(
      server,
      'GET',
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS',
      undefined,
      ANONYMOUS,
    );
    expect(global.body.permissions.BROWSE_PROJECTS.havePermission).toBe(false);
    const people = await call(server, 'GET', '/rest/api/3/user/search?query=a', undefined, ANONYMOUS);
    expect(people).toMatchObject({ status: 200, body: [] });
    // (That an account finds people there is shown in private-data.test.ts, on a site with Cloud people.)
  });

  it.each([
    ['GET', '/rest/api/3/myself', undefined],
    ['POST', '/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['GORA-1'] }],
    ['GET', '/rest/agile/1.0/board', undefined],
    ['GET', '/rest/agile/1.0/board/1/sprint', undefined],
    ['GET', '/rest/agile/1.0/sprint/11/issue', undefined],
  ] as const)('is refused with 401 where Jira needs a login: %s %s', async (method, path, body) => {
    const response = await call(server, method, path, body, ANONYMOUS);
    expect(response.status).toBe(401);
    expect(response.body).toEqual(notLoggedIn);
  });

  it('an empty acting-account header names no one either', async () => {
    const me = await call(server, 'GET', '/rest/api/3/myself', undefined, { 'x-acting-account-id': ' ' });
    expect(me.status).toBe(401);
  });
});

describe('an account listed for GORA only', () => {
  const headers = asAccount(alice);

  it('finds GORA issues and is told other projects do not exist', async () => {
    const { issues } = await searchAll(server, { jql: 'project = GORA' }, headers);
    expect(issues).toHaveLength(gora.length);
    const hidden = await call<{ errorMessages: string[] }>(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'project in (GORA, TEZ)' },
      headers,
    );
    expect(hidden.status).toBe(400);
    expect(hidden.body.errorMessages).toEqual(["The value 'TEZ' does not exist for the field 'project'."]);
    const byKey = await call(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: `issuekey = ${tez[0]?.key}` },
      headers,
    );
    expect(byKey.status).toBe(400);
  });

  it('sees only GORA issues in a search that names no project', async () => {
    const { issues } = await searchAll(server, { jql: 'created >= "2000-01-01"', maxResults: 5000 }, headers);
    expect(new Set(issues.map((i) => i.key.split('-')[0]))).toEqual(new Set(['GORA']));
    expect(issues).toHaveLength(gora.length);
  });

  it('gets no histories of hidden issues from bulkfetch', async () => {
    const keys = [...gora, ...tez].map((i) => i.key);
    const { byIssue } = await bulkAll(server, { issueIdsOrKeys: keys }, headers);
    expect(new Set(byIssue.keys())).toEqual(new Set(gora.map((i) => i.id)));
    const served = [...byIssue.values()].reduce((n, list) => n + list.length, 0);
    expect(served).toBe(gora.reduce((n, i) => n + i.changelog.histories.length, 0));
  });

  it('gets 404 for the changelog of a hidden issue, exactly as for a missing one', async () => {
    const hidden = await call(
      server,
      'GET',
      `/rest/api/3/issue/${tez[0]?.key}/changelog`,
      undefined,
      headers,
    );
    const missing = await call(server, 'GET', '/rest/api/3/issue/TEZ-999999/changelog', undefined, headers);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    const visible = await call(
      server,
      'GET',
      `/rest/api/3/issue/${gora[0]?.key}/changelog`,
      undefined,
      headers,
    );
    expect(visible.status).toBe(200);
  });

  it('has browse permission on GORA only, and lists only GORA', async () => {
    const check = async (projectKey: string) => {
      const response = await call<{ permissions: { BROWSE_PROJECTS: { havePermission: boolean } } }>(
        server,
        'GET',
        `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=${projectKey}`,
        undefined,
        headers,
      );
      return response.body.permissions.BROWSE_PROJECTS.havePermission;
    };
    expect(await check('GORA')).toBe(true);
    expect(await check('TEZ')).toBe(false);
    expect(await check('BIG')).toBe(false);
    const projects = await call<Paged<{ key: string; id: string; name: string }>>(
      server,
      'GET',
      '/rest/api/3/project/search',
      undefined,
      headers,
    );
    expect(projects.body.values).toEqual([
      expect.objectContaining({ key: 'GORA', id: '12311172', name: 'Apache Gora' }),
    ]);
    expect(projects.body.total).toBe(1);
  });

  it('lists only boards of GORA (and boards without a project), and cannot open hidden boards', async () => {
    const boards = await call<Paged<{ id: number }>>(
      server,
      'GET',
      '/rest/agile/1.0/board',
      undefined,
      headers,
    );
    expect(boards.body.values.map((b) => b.id)).toEqual([1, 3]);
    const hiddenSprints = await call(server, 'GET', '/rest/agile/1.0/board/2/sprint', undefined, headers);
    expect(hiddenSprints.status).toBe(404);
  });

  it('names itself with the display name from permissions.json', async () => {
    const me = await call(server, 'GET', '/rest/api/3/myself', undefined, headers);
    expect(me.body).toEqual({
      accountId: alice,
      accountType: 'atlassian',
      displayName: 'Alice Example',
      active: true,
    });
  });
});

describe('accounts with no projects', () => {
  it.each([
    ['listed with none', bob],
    ['not listed', stranger],
  ])('an account %s browses nothing', async (_how, accountId) => {
    const headers = asAccount(accountId);
    const search = await call(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'updated >= "2000-01-01"' },
      headers,
    );
    expect(search.body).toEqual({ issues: [], isLast: true });
    const bulk = await call(
      server,
      'POST',
      '/rest/api/3/changelog/bulkfetch',
      { issueIdsOrKeys: gora.map((i) => i.key) },
      headers,
    );
    expect(bulk.body).toEqual({ issueChangeLogs: [] });
    const projects = await call<Paged<unknown>>(
      server,
      'GET',
      '/rest/api/3/project/search',
      undefined,
      headers,
    );
    expect(projects.body.values).toEqual([]);
    const sprint = await call<{ issues: unknown[]; total: number }>(
      server,
      'GET',
      '/rest/agile/1.0/sprint/11/issue',
      undefined,
      headers,
    );
    expect(sprint.body.total).toBe(0);
    const global = await call<{ permissions: { BROWSE_PROJECTS: { havePermission: boolean } } }>(
      server,
      'GET',
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS',
      undefined,
      headers,
    );
    expect(global.body.permissions.BROWSE_PROJECTS.havePermission).toBe(false);
  });
});
