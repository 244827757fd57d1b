// A snapshot recorded before e-mail addresses were dropped still holds them: the local Jira server never answers
// with one, whichever endpoint is asked. People are still found by name (and only by someone signed in).
import type { JiraServer } from '../../../tools/jira-server/server';
import { goraParts, removeTempSnapshots, writeTempSnapshot } from '../snapshot/temp-snapshot';
import { ANONYMOUS, AS_SITE_ADMIN, asAccount, bulkAll, call, searchAll, startJiraServer } from './http';

const SPRINT_FIELD = 'customfield_12310921';
const ADA = { accountId: 'acc-ada', displayName: 'Ada Lovelace', emailAddress: 'ada@example.com' };
const BO = { accountId: 'acc-bo', displayName: 'Bo Builder', emailAddress: 'bo@example.com' };

let server: JiraServer;
let keys: string[];

beforeAll(async () => {
  const parts = await goraParts();
  const issues = parts.issues.map((issue, i) => ({
    ...issue,
    fields: {
      ...issue.fields,
      assignee: ADA,
      reporter: BO,
      customfield_99001: [BO, ADA],
      ...(i < 2 ? { [SPRINT_FIELD]: [{ id: 11, name: 'S1', state: 'closed', boardId: 1 }] } : {}),
    },
    changelog: {
      ...issue.changelog,
      histories: issue.changelog.histories.map((h) => ({ ...h, author: ADA })),
    },
  }));
  keys = issues.map((issue) => issue.key);
  const dir = await writeTempSnapshot({
    ...parts,
    issues,
    boards: [{ id: 1, name: 'GORA board', type: 'scrum', location: { projectKey: 'GORA' }, owner: BO }],
    sprints: { '1': [{ id: 11, name: 'S1', state: 'closed', goal: 'x', createdBy: ADA }] },
  });
  server = await startJiraServer({ snapshotDir: dir });
});

afterAll(async () => {
  await server.close();
  await removeTempSnapshots();
});

/** The raw text of an answer (every endpoint answers JSON), so nothing can hide in a field the test does not read. */
async function text(path: string, init: RequestInit = {}): Promise<string> {
  const response = await fetch(server.url + path, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...AS_SITE_ADMIN, ...init.headers },
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe('no answer of the local Jira server holds an e-mail address', () => {
  it.each([
    ['GET', '/rest/api/3/search/jql?jql=project%20%3D%20GORA&fields=*all&maxResults=100'],
    ['GET', '/rest/api/3/issue/GORA-75/changelog'],
    ['GET', '/rest/api/3/user/search?query=a'],
    ['GET', '/rest/agile/1.0/board'],
    ['GET', '/rest/agile/1.0/board/1/sprint'],
    ['GET', '/rest/agile/1.0/sprint/11/issue'],
  ])('%s %s', async (_method, path) => {
    const body = await text(path);
    expect(body.length).toBeGreaterThan(50);
    expect(body).not.toContain('emailAddress');
    expect(body).not.toContain('@example.com');
  });

  it('search with every field, bulkfetch and myself', async () => {
    const { issues } = await searchAll(server, { jql: 'project = GORA', fields: ['*all'], maxResults: 100 });
    expect(issues).toHaveLength(keys.length);
    expect(JSON.stringify(issues)).not.toContain('@example.com');
    // The people are still there, without their addresses.
    expect(issues[0]?.fields?.assignee).toEqual({ accountId: 'acc-ada', displayName: 'Ada Lovelace' });
    const { byIssue } = await bulkAll(server, { issueIdsOrKeys: keys });
    expect(byIssue.size).toBe(keys.length);
    expect(JSON.stringify([...byIssue.values()])).not.toContain('@example.com');
    const me = await call(server, 'GET', '/rest/api/3/myself', undefined, asAccount('acc-ada'));
    expect(me.body).toEqual({
      accountId: 'acc-ada',
      accountType: 'atlassian',
      displayName: 'Ada Lovelace',
      active: true,
    });
  });
});

describe('user search', () => {
  it('finds people by name for an account, and no one for an anonymous request', async () => {
    const found = await call<{ accountId: string }[]>(
      server,
      'GET',
      '/rest/api/3/user/search?query=lovelace',
      undefined,
      asAccount('acc-bo'),
    );
    expect(found.body.map((user) => user.accountId)).toEqual(['acc-ada']);
    const anonymous = await call<unknown[]>(
      server,
      'GET',
      '/rest/api/3/user/search?query=lovelace',
      undefined,
      ANONYMOUS,
    );
    expect(anonymous).toMatchObject({ status: 200, body: [] });
  });
});
