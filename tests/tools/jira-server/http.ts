// Test support: plain fetch calls against an in-process local Jira server, and a two-project fixture snapshot.
// The calls act as the site admin unless given other headers: the server answers a request that names no account
// as an anonymous user, so whoever needs to see everything says so (AS_SITE_ADMIN), and ANONYMOUS is explicit too.
import {
  ACTING_ACCOUNT_HEADER,
  SITE_ADMIN_ACCOUNT_ID,
  startJiraServer,
  type JiraServer,
} from '../../../tools/jira-server/server';
import {
  goraParts,
  sampleIssues,
  syntheticIssues,
  writeTempSnapshot,
  type RawIssue,
} from '../snapshot/temp-snapshot';

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

type Body = Record<string, unknown>;

export function asAccount(accountId: string): Record<string, string> {
  return { [ACTING_ACCOUNT_HEADER]: accountId };
}

/** The site admin, who browses every project whatever permissions.json says. */
export const AS_SITE_ADMIN: Readonly<Record<string, string>> = asAccount(SITE_ADMIN_ACCOUNT_ID);
/** No acting account and no credentials: Jira's anonymous user. */
export const ANONYMOUS: Readonly<Record<string, string>> = {};

export async function call<T = Body>(
  server: JiraServer,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Readonly<Record<string, string>> = AS_SITE_ADMIN,
): Promise<JsonResponse<T>> {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

export interface SearchPage {
  issues: { id: string; key: string; self: string; fields?: Record<string, unknown>; changelog?: unknown }[];
  nextPageToken?: string;
  isLast: boolean;
}

export interface BulkPage {
  issueChangeLogs: {
    issueId: string;
    changeHistories: { id: string; created: string; items: { field: string }[] }[];
  }[];
  nextPageToken?: string;
}

/** Pages a search to the end; returns every issue and the number of pages it took. */
export async function searchAll(
  server: JiraServer,
  request: Record<string, unknown>,
  headers: Readonly<Record<string, string>> = AS_SITE_ADMIN,
): Promise<{ issues: SearchPage['issues']; pages: number }> {
  const issues: SearchPage['issues'] = [];
  let nextPageToken: string | undefined;
  let pages = 0;
  do {
    const page = await call<SearchPage>(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { ...request, nextPageToken },
      headers,
    );
    if (page.status !== 200) throw new Error(`search answered ${page.status}: ${JSON.stringify(page.body)}`);
    pages += 1;
    issues.push(...page.body.issues);
    nextPageToken = page.body.nextPageToken;
  } while (nextPageToken !== undefined);
  return { issues, pages };
}

/** Pages a bulk changelog fetch to the end; returns histories by issue id, in the order received. */
export async function bulkAll(
  server: JiraServer,
  request: Record<string, unknown>,
  headers: Readonly<Record<string, string>> = AS_SITE_ADMIN,
): Promise<{
  byIssue: Map<string, BulkPage['issueChangeLogs'][number]['changeHistories']>;
  pages: number;
  /** The `created` times of each page's histories, page by page. */
  pageTimes: number[][];
}> {
  const byIssue = new Map<string, BulkPage['issueChangeLogs'][number]['changeHistories']>();
  const pageTimes: number[][] = [];
  let nextPageToken: string | undefined;
  let pages = 0;
  do {
    const page = await call<BulkPage>(
      server,
      'POST',
      '/rest/api/3/changelog/bulkfetch',
      { ...request, nextPageToken },
      headers,
    );
    if (page.status !== 200)
      throw new Error(`bulkfetch answered ${page.status}: ${JSON.stringify(page.body)}`);
    pages += 1;
    const times: number[] = [];
    for (const log of page.body.issueChangeLogs) {
      const list = byIssue.get(log.issueId) ?? [];
      list.push(...log.changeHistories);
      byIssue.set(log.issueId, list);
      for (const h of log.changeHistories) times.push(Date.parse(h.created));
    }
    pageTimes.push(times);
    nextPageToken = page.body.nextPageToken;
  } while (nextPageToken !== undefined);
  return { byIssue, pages, pageTimes };
}

export const FIXTURE_ACCOUNTS = {
  /** Browses GORA only. */
  alice: 'acc-alice',
  /** Listed with no projects. */
  bob: 'acc-bob',
  /** Not in permissions.json at all. */
  stranger: 'acc-stranger',
};

export const SPRINT_FIELD = 'customfield_12310921';

/**
 * GORA (19 real issues) + TEZ (23 real issues) + BIG (250 synthetic issues, BIG-1 with 130 histories);
 * boards 1 (GORA), 2 (TEZ), 3 (no location) and 60 boards of BIG; sprints on board 1; permissions.json.
 * The first three GORA issues are in sprint 11; GORA issue 4 in sprints 11 and 12 (Cloud objects and a
 * Server-era string).
 */
export async function writeFixtureSnapshot(): Promise<{
  dir: string;
  gora: RawIssue[];
  tez: RawIssue[];
  big: RawIssue[];
}> {
  const parts = await goraParts();
  const gora = structuredClone(parts.issues);
  const tez = await sampleIssues('apache-TEZ');
  const template = gora[0] as RawIssue;
  const big = syntheticIssues(template, 'BIG', 250, { historiesEach: 2, projectId: '88000' });
  // BIG-1 gets 130 histories, more than one page of the per-issue changelog (cap 100).
  big[0] = syntheticIssues(template, 'BIG', 1, { historiesEach: 130, projectId: '88000' })[0] as RawIssue;
  gora.slice(0, 3).forEach((issue) => {
    issue.fields[SPRINT_FIELD] = [{ id: 11, name: 'GORA 1', state: 'closed', boardId: 1 }];
  });
  (gora[3] as RawIssue).fields[SPRINT_FIELD] = [
    'com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=11,rapidViewId=1,state=CLOSED,name=GORA 1]',
    { id: 12, name: 'GORA 2', state: 'active', boardId: 1 },
  ];
  const boards = [
    { id: 1, name: 'GORA board', type: 'scrum', location: { projectKey: 'GORA', projectId: 12311010 } },
    { id: 2, name: 'TEZ board', type: 'kanban', location: { projectKey: 'TEZ' } },
    { id: 3, name: 'Cross-project board', type: 'kanban' },
    ...Array.from({ length: 60 }, (_, i) => ({
      id: 100 + i,
      name: `BIG board ${i}`,
      type: 'scrum',
      location: { projectKey: 'BIG' },
    })),
  ];
  const sprints = {
    '1': [
      { id: 13, name: 'GORA 3', state: 'future' },
      { id: 12, name: 'GORA 2', state: 'active', startDate: '2012-02-01T00:00:00.000Z' },
      { id: 11, name: 'GORA 1', state: 'closed', startDate: '2012-01-01T00:00:00.000Z' },
    ],
    '2': [{ id: 21, name: 'TEZ 1', state: 'active' }],
  };
  const dir = await writeTempSnapshot({
    ...parts,
    site: {
      baseUrl: 'https://example.atlassian.net',
      recordedAt: '2024-06-01T00:00:00.000Z',
      projects: ['GORA', 'TEZ', { key: 'BIG', name: 'Big project', id: '88000' }],
    },
    issues: [...gora, ...tez, ...big],
    boards,
    sprints,
    permissions: {
      accounts: {
        [FIXTURE_ACCOUNTS.alice]: { displayName: 'Alice Example', projects: ['GORA'] },
        [FIXTURE_ACCOUNTS.bob]: { displayName: 'Bob Example', projects: [] },
      },
    },
  });
  return { dir, gora, tez, big };
}

export { startJiraServer };
