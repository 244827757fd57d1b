// POST /rest/api/3/search/jql on the local Jira server: token paging, caps, field selection, the JQL subset.
import type { JiraServer } from '../../../tools/jira-server/server';
import { removeTempSnapshots, sampleDir, sampleIssues, type RawIssue } from '../snapshot/temp-snapshot';
import { call, searchAll, startJiraServer, writeFixtureSnapshot, type SearchPage } from './http';

let gora: JiraServer;
let fixture: JiraServer;
let goraIssues: RawIssue[];
let bigIssues: RawIssue[];

beforeAll(async () => {
  gora = await startJiraServer({ snapshotDir: sampleDir('apache-GORA'), port: 0 });
  goraIssues = await sampleIssues('apache-GORA');
  const written = await writeFixtureSnapshot();
  bigIssues = written.big;
  fixture = await startJiraServer({ snapshotDir: written.dir });
});

afterAll(async () => {
  await gora.close();
  await fixture.close();
  await removeTempSnapshots();
});

beforeEach(() => {
  gora.resetCounts();
  fixture.resetCounts();
});

const keyNumber = (key: string) => Number(key.split('-')[1]);

describe('search/jql serves every issue of the GORA sample', () => {
  it('pages all 19 issues in key order, 5 a page, in 4 requests', async () => {
    const { issues, pages } = await searchAll(gora, {
      jql: 'project = GORA ORDER BY key ASC',
      fields: ['summary', 'status'],
      maxResults: 5,
    });
    expect(issues).toHaveLength(goraIssues.length);
    expect(issues).toHaveLength(19);
    expect(new Set(issues.map((i) => i.key))).toEqual(new Set(goraIssues.map((i) => i.key)));
    const numbers = issues.map((i) => keyNumber(i.key));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(pages).toBe(4);
    expect(gora.requestCounts()).toEqual({ 'POST /rest/api/3/search/jql': 4 });
  });

  it('returns only the requested fields plus id, key and self, and never the changelog', async () => {
    const page = await call<SearchPage>(gora, 'POST', '/rest/api/3/search/jql', {
      jql: 'project in (GORA)',
      fields: ['summary', 'status', 'duedate'],
      expand: 'changelog',
      maxResults: 3,
    });
    expect(page.status).toBe(200);
    const first = page.body.issues[0];
    expect(Object.keys(first ?? {}).sort()).toEqual(['fields', 'id', 'key', 'self']);
    expect(Object.keys(first?.fields ?? {}).sort()).toEqual(['duedate', 'status', 'summary']);
    expect(first?.self).toBe(`${gora.url}/rest/api/3/issue/${first?.id}`);
    expect(page.body.issues.every((i) => i.changelog === undefined)).toBe(true);
    expect(page.body.isLast).toBe(false);
    expect(typeof page.body.nextPageToken).toBe('string');
  });

  it('answers ids only when no fields are asked, as Jira does by default', async () => {
    const page = await call<SearchPage>(gora, 'POST', '/rest/api/3/search/jql', { jql: 'project = GORA' });
    expect(page.body.issues).toHaveLength(19);
    expect(page.body.issues.every((i) => i.fields === undefined)).toBe(true);
    expect(page.body.isLast).toBe(true);
    expect(page.body.nextPageToken).toBeUndefined();
  });

  it('orders by created ascending and filters by updated date', async () => {
    const byCreated = await searchAll(gora, {
      jql: 'project = GORA ORDER BY created ASC',
      fields: ['created'],
    });
    const created = byCreated.issues.map((i) => Date.parse(String(i.fields?.created)));
    expect(created).toEqual([...created].sort((a, b) => a - b));

    const since = Date.UTC(2014, 0, 1);
    const expected = goraIssues
      .filter((i) => Date.parse(String(i.fields.updated)) >= since)
      .map((i) => i.key);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(19);
    const recent = await searchAll(gora, {
      jql: 'project = GORA AND updated >= "2014-01-01" ORDER BY key ASC',
    });
    expect(new Set(recent.issues.map((i) => i.key))).toEqual(new Set(expected));
  });

  it('finds issues by key or id with issuekey in (...)', async () => {
    const target = goraIssues.slice(0, 3);
    const jql = `issuekey in (${target[0]?.key}, "${target[1]?.key}", ${target[2]?.id})`;
    const { issues } = await searchAll(gora, { jql });
    expect(issues.map((i) => i.key).sort()).toEqual(target.map((i) => i.key).sort());
  });
});

describe('search/jql caps pages like Jira Cloud', () => {
  it('serves at most 100 issues a page when fields are asked', async () => {
    const page = await call<SearchPage>(fixture, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = BIG ORDER BY key ASC',
      fields: ['summary'],
      maxResults: 1000,
    });
    expect(page.body.issues).toHaveLength(100);
    expect(page.body.isLast).toBe(false);
  });

  it('serves up to 5000 a page for id and key only', async () => {
    const page = await call<SearchPage>(fixture, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = BIG ORDER BY key ASC',
      fields: ['id', 'key'],
      maxResults: 5000,
    });
    expect(page.body.issues).toHaveLength(bigIssues.length);
    expect(page.body.isLast).toBe(true);
  });

  it('defaults to 50 a page', async () => {
    const page = await call<SearchPage>(fixture, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = BIG',
      fields: ['summary'],
    });
    expect(page.body.issues).toHaveLength(50);
    const all = await searchAll(fixture, { jql: 'project = BIG', fields: ['summary'] });
    expect(all.issues).toHaveLength(250);
    expect(all.pages).toBe(5);
  });
});

describe('search/jql refuses what it cannot answer, in Jira error shape', () => {
  it.each([
    ['project = GORA OR project = TEZ', /OR/],
    ['assignee = currentUser()', /field 'assignee'/],
    ['ORDER BY key', /Unbounded/],
    ['project = GORA ORDER BY rank', /ORDER BY 'rank'/],
    ['updated >= -30x', /date value '-30x'/],
  ])('400 for %s', async (jql, message) => {
    const response = await call<{ errorMessages: string[]; errors: object }>(
      gora,
      'POST',
      '/rest/api/3/search/jql',
      { jql },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual({});
    expect(response.body.errorMessages).toHaveLength(1);
    expect(response.body.errorMessages[0]).toMatch(message);
  });

  it('says a project that does not exist does not exist', async () => {
    const response = await call<{ errorMessages: string[] }>(gora, 'POST', '/rest/api/3/search/jql', {
      jql: 'project in (GORA, NOPE)',
    });
    expect(response.status).toBe(400);
    expect(response.body.errorMessages).toEqual(["The value 'NOPE' does not exist for the field 'project'."]);
  });

  it('refuses a token from another query, and a malformed body', async () => {
    const first = await call<SearchPage>(gora, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = GORA',
      fields: ['summary'],
      maxResults: 2,
    });
    const other = await call(gora, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = GORA ORDER BY created ASC',
      nextPageToken: first.body.nextPageToken,
    });
    expect(other.status).toBe(400);
    const garbage = await call(gora, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = GORA',
      nextPageToken: '%%%',
    });
    expect(garbage.status).toBe(400);
    const response = await fetch(`${gora.url}/rest/api/3/search/jql`, { method: 'POST', body: '{not json' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errorMessages: ['Invalid request payload. Refer to the REST API documentation and try again.'],
      errors: {},
    });
  });
});
