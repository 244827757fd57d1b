// readScope end to end: the app's own requestJira, through the outside-Forge transport, against the local Jira
// server serving real Apache history. Counts are read from the snapshot files; requests from the server's counters.
import { join } from 'node:path';
import { JiraClient, type JiraClientOptions } from '../../src/jira/client';
import { JiraError } from '../../src/jira/errors';
import type { SiteData } from '../../src/jira/site';
import { installForgeFetch } from '../../src/jira/transport/forge-fetch';
import {
  SITE_ADMIN_ACCOUNT_ID,
  startJiraServer,
  type Fault,
  type JiraServer,
} from '../../tools/jira-server/server';
import { mergedSnapshot, REAL_SAMPLES, snapshotFacts } from './helpers/snapshots';
import { recordingSleep } from './helpers/fake-forge-fetch';

const TEZ = join(REAL_SAMPLES, 'apache-TEZ');
const GORA = join(REAL_SAMPLES, 'apache-GORA');
const facts = snapshotFacts(TEZ);

const SEARCH = 'POST /rest/api/3/search/jql';
const BULK = 'POST /rest/api/3/changelog/bulkfetch';
const ISSUE_CHANGELOG = 'GET /rest/api/3/issue/{key}/changelog';

let server: JiraServer;
let uninstall: () => void;

beforeAll(async () => {
  server = await startJiraServer({ snapshotDir: TEZ, port: 0 });
  uninstall = installForgeFetch({
    baseUrl: server.url,
    auth: { kind: 'local', accountId: SITE_ADMIN_ACCOUNT_ID },
  });
});
afterAll(async () => {
  uninstall();
  await server.close();
});
beforeEach(() => {
  server.setFaults([]);
  server.resetCounts();
});

function client(options: JiraClientOptions = {}) {
  const waits = recordingSleep();
  return { jira: new JiraClient({ retry: { sleep: waits.sleep }, ...options }), waits: waits.waits };
}

function historyIdsOf(site: SiteData): Map<string, string[]> {
  return new Map(site.issues.map((issue) => [issue.id, (issue.changelog?.histories ?? []).map((h) => h.id)]));
}

function sorted(map: Map<string, string[]>): [string, string[]][] {
  return [...map]
    .map(([id, ids]): [string, string[]] => [id, [...ids].sort()])
    .sort(([a], [b]) => a.localeCompare(b));
}

function expectEveryHistory(site: SiteData): void {
  expect(site.issues.map((issue) => issue.id).sort()).toEqual([...facts.issueIds].sort());
  expect(sorted(historyIdsOf(site))).toEqual(sorted(facts.historyIds));
  expect(site.issues.reduce((n, issue) => n + (issue.changelog?.histories.length ?? 0), 0)).toBe(
    facts.histories,
  );
}

describe('reading apache-TEZ', () => {
  test('every issue and every history, in the fewest requests the page caps allow', async () => {
    const { jira, waits } = client();
    const site = await jira.readScope({ projects: ['TEZ'] }, { baseUrl: 'https://issues.apache.org/jira' });
    expectEveryHistory(site);
    expect(site.gaps).toEqual([]);
    expect(site.fields.length).toBeGreaterThan(100);
    expect(site.statuses.length).toBeGreaterThan(0);
    expect(site.baseUrl).toBe('https://issues.apache.org/jira');
    expect(server.requestCounts()).toEqual({
      'GET /rest/api/3/mypermissions': 1,
      'GET /rest/api/3/field': 1,
      'GET /rest/api/3/status': 1,
      [SEARCH]: Math.ceil(facts.issueIds.length / 100),
      [BULK]: Math.ceil(facts.histories / 1000),
      'GET /rest/agile/1.0/board': 1,
    });
    expect(waits).toEqual([]);
  });

  test('with small pages every page is read once: ceil(issues/5) searches, ceil(histories/50) bulk pages', async () => {
    const { jira } = client({ limits: { searchPageSize: 5, bulkChangelogPageSize: 50 } });
    const site = await jira.readScope({ projects: ['TEZ'] });
    expectEveryHistory(site);
    expect(site.gaps).toEqual([]);
    const counts = server.requestCounts();
    expect(counts[SEARCH]).toBe(Math.ceil(facts.issueIds.length / 5));
    expect(counts[BULK]).toBe(Math.ceil(facts.histories / 50));
  });

  test('histories are oldest first in every issue', async () => {
    const site = await client().jira.readScope({ projects: ['TEZ'] });
    for (const issue of site.issues) {
      const times = (issue.changelog?.histories ?? []).map((h) => Date.parse(h.created));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  test('asks the search only for the analysis fields (system fields plus resolved custom fields)', async () => {
    const site = await client().jira.readScope({ projects: ['TEZ'] });
    const keys = new Set(site.issues.flatMap((issue) => Object.keys(issue.fields)));
    expect(keys.has('customfield_12311820')).toBe(true); // Rank, resolved by schema
    expect(keys.has('issuelinks')).toBe(false); // in the snapshot, not asked for
    expect(keys.has('progress')).toBe(false);
  });

  test('updatedSince narrows the search on the server', async () => {
    const all = await client().jira.readScope({ projects: ['TEZ'] });
    const times = all.issues.map((issue) => issue.fields.updated ?? '').sort();
    const median = times[Math.floor(times.length / 2)] ?? '';
    const day = median.slice(0, 10);
    const since = await client().jira.readScope({ projects: ['TEZ'], updatedSince: day });
    const expected = all.issues.filter((issue) => (issue.fields.updated ?? '').slice(0, 10) >= day).length;
    expect(since.issues).toHaveLength(expected);
    expect(since.issues.length).toBeLessThan(all.issues.length);
  });
});

describe('faults', () => {
  test('429 then success gives the full result after waiting what Retry-After said', async () => {
    const faults: Fault[] = [
      { kind: 'rate-limit', retryAfterSeconds: 2, endpoint: SEARCH, times: 1 },
      { kind: 'rate-limit', retryAfterSeconds: 1, endpoint: BULK, times: 1 },
    ];
    server.setFaults(faults);
    const { jira, waits } = client();
    const site = await jira.readScope({ projects: ['TEZ'] });
    expectEveryHistory(site);
    expect(site.gaps).toEqual([]);
    expect(waits).toEqual([2000, 1000]);
    expect(server.requestCounts()[SEARCH]).toBe(2);
    expect(server.requestCounts()[BULK]).toBe(2);
  });

  test('a 503 storm that outlasts the retries gives a JiraError and no SiteData', async () => {
    server.setFaults([{ kind: 'server-error', status: 503, endpoint: SEARCH }]);
    const { jira, waits } = client();
    const error: unknown = await jira.readScope({ projects: ['TEZ'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).code).toBe('server-error');
    expect((error as JiraError).endpoint).toBe(SEARCH);
    expect(server.requestCounts()[SEARCH]).toBe(5);
    expect(waits).toHaveLength(4);
  });

  test('a persistent 500 gives a clear JiraError after one retry and no SiteData', async () => {
    server.setFaults([{ kind: 'server-error', status: 500, endpoint: BULK }]);
    const error: unknown = await client()
      .jira.readScope({ projects: ['TEZ'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).code).toBe('server-error');
    expect((error as JiraError).message).toBe(
      'Jira failed to answer POST /rest/api/3/changelog/bulkfetch. Try again later.',
    );
    expect(server.requestCounts()[BULK]).toBe(2);
    expect(server.requestCounts()[ISSUE_CHANGELOG]).toBeUndefined();
  });

  test('a repeated search token stops the loop with a truncated gap instead of looping', async () => {
    server.setFaults([{ kind: 'repeat-token', endpoint: SEARCH, times: 1 }]);
    const { jira } = client({ limits: { searchPageSize: 5 } });
    const site = await jira.readScope({ projects: ['TEZ'] });
    expect(server.requestCounts()[SEARCH]).toBe(2);
    expect(site.issues).toHaveLength(10);
    expect(site.gaps).toEqual([
      {
        kind: 'truncated',
        message:
          'Jira repeated a page while listing the issues found, so reading stopped there; the list may be incomplete.',
      },
    ]);
  });

  test('a repeated bulk changelog token stops that loop with a truncated gap', async () => {
    server.setFaults([{ kind: 'repeat-token', endpoint: BULK, times: 1 }]);
    const { jira } = client({ limits: { bulkChangelogPageSize: 50 } });
    const site = await jira.readScope({ projects: ['TEZ'] });
    expect(server.requestCounts()[BULK]).toBe(2);
    expect(site.issues).toHaveLength(facts.issueIds.length);
    expect(site.gaps.map((gap) => gap.kind)).toEqual(['truncated']);
  });

  test('short (truncated) pages cost one more request each and lose nothing', async () => {
    server.setFaults([
      { kind: 'truncated-page', endpoint: SEARCH, times: 1 },
      { kind: 'truncated-page', endpoint: BULK, times: 1 },
    ]);
    const { jira } = client({ limits: { searchPageSize: 5, bulkChangelogPageSize: 50 } });
    const site = await jira.readScope({ projects: ['TEZ'] });
    expectEveryHistory(site);
    expect(site.gaps).toEqual([]);
    expect(server.requestCounts()[SEARCH]).toBe(Math.ceil(facts.issueIds.length / 5) + 1);
  });

  test('bulk refused: the per-issue fallback gives the same histories, one request per 100 histories of an issue', async () => {
    const baseline = historyIdsOf(await client().jira.readScope({ projects: ['TEZ'] }));
    server.resetCounts();
    server.setFaults([{ kind: 'refuse', status: 403, endpoint: BULK }]);
    const { jira } = client();
    const site = await jira.readScope({ projects: ['TEZ'] });
    expect(historyIdsOf(site)).toEqual(baseline);
    expect(site.gaps).toEqual([]);
    expect(jira.usesBulkChangelog).toBe(false);
    const perIssue = [...facts.historyIds.values()].reduce(
      (n, ids) => n + Math.max(1, Math.ceil(ids.length / 100)),
      0,
    );
    expect(server.requestCounts()[BULK]).toBe(1);
    expect(server.requestCounts()[ISSUE_CHANGELOG]).toBe(perIssue);

    // The fallback sticks for the client's run: a second read does not ask bulk again.
    server.resetCounts();
    await jira.readScope({ projects: ['TEZ'] });
    expect(server.requestCounts()[BULK]).toBeUndefined();
    expect(server.requestCounts()[ISSUE_CHANGELOG]).toBe(perIssue);
  });
});

describe('permissions', () => {
  const goraFacts = snapshotFacts(GORA);
  let merged: ReturnType<typeof mergedSnapshot>;
  let twoProjects: JiraServer;
  let restoreTransport: () => void;
  let viewer: string | undefined;

  beforeAll(async () => {
    merged = mergedSnapshot([TEZ, GORA], { alice: { displayName: 'Alice', projects: ['TEZ'] } });
    twoProjects = await startJiraServer({ snapshotDir: merged.dir, port: 0 });
    restoreTransport = installForgeFetch({
      baseUrl: twoProjects.url,
      auth: { kind: 'local', accountId: () => viewer },
    });
  });
  afterAll(async () => {
    restoreTransport();
    await twoProjects.close();
    merged.remove();
  });

  test('a project the viewer cannot browse is a no-access gap, and none of its issues are read', async () => {
    viewer = 'alice';
    twoProjects.resetCounts();
    const site = await client().jira.readScope({ projects: ['TEZ', 'GORA'] });
    expect(site.gaps).toEqual([
      { kind: 'no-access', message: 'You cannot browse project GORA in Jira.', project: 'GORA' },
    ]);
    expect(site.issues).toHaveLength(facts.issueIds.length);
    expect(site.issues.every((issue) => issue.fields.project.key === 'TEZ')).toBe(true);
    expect(twoProjects.requestCounts()['GET /rest/api/3/mypermissions']).toBe(2);
    expect(twoProjects.requestCounts()[SEARCH]).toBe(1);
  });

  test('a viewer who may browse both gets both, in the same number of search and bulk requests', async () => {
    viewer = SITE_ADMIN_ACCOUNT_ID;
    twoProjects.resetCounts();
    const site = await client().jira.readScope({ projects: ['TEZ', 'GORA'] });
    expect(site.gaps).toEqual([]);
    expect(site.issues).toHaveLength(facts.issueIds.length + goraFacts.issueIds.length);
    const histories = site.issues.reduce((n, issue) => n + (issue.changelog?.histories.length ?? 0), 0);
    expect(histories).toBe(facts.histories + goraFacts.histories);
    expect(twoProjects.requestCounts()[SEARCH]).toBe(1);
    expect(twoProjects.requestCounts()[BULK]).toBe(1);
  });

  test('listProjects and canBrowse answer for the viewer', async () => {
    viewer = 'alice';
    twoProjects.resetCounts();
    const jira = client({ limits: { projectPageSize: 1 } }).jira;
    const projects = await jira.listProjects();
    expect(projects.items.map((project) => project.key)).toEqual(['TEZ']);
    expect(projects.gaps).toEqual([]);
    expect(await jira.canBrowse('TEZ')).toBe(true);
    expect(await jira.canBrowse('GORA')).toBe(false);
    expect(await jira.canBrowse('NOPE')).toBe(false);
    expect(twoProjects.requestCounts()['GET /rest/api/3/project/search']).toBe(1);
  });

  test('an account the permissions file does not list can browse nothing: every project is a gap, no search', async () => {
    viewer = 'mallory';
    twoProjects.resetCounts();
    const site = await client().jira.readScope({ projects: ['TEZ', 'GORA'] });
    expect(site.issues).toEqual([]);
    expect(site.gaps.map((gap) => gap.project)).toEqual(['TEZ', 'GORA']);
    expect(twoProjects.requestCounts()[SEARCH]).toBeUndefined();
  });
});

describe('boards and sprints', () => {
  const boards = [
    { id: 1, name: 'TEZ scrum', type: 'scrum', location: { projectKey: 'TEZ', projectId: 12314426 } },
    { id: 2, name: 'TEZ kanban', type: 'kanban', location: { projectKey: 'TEZ' } },
    { id: 3, name: 'GORA scrum', type: 'scrum', location: { projectKey: 'GORA' } },
  ];
  const sprint = (id: number, state: string) => ({ id, name: `Sprint ${id}`, state, originBoardId: 1 });
  const sprints = {
    '1': Array.from({ length: 60 }, (_, i) => sprint(i + 1, 'closed')),
    '3': [sprint(100, 'active')],
  };
  let merged: ReturnType<typeof mergedSnapshot>;
  let agileServer: JiraServer;
  let restoreTransport: () => void;

  beforeAll(async () => {
    // The first three issues are put in sprint 1 through their Sprint field (customfield_12310921 on this site).
    merged = mergedSnapshot(
      [TEZ, GORA],
      { alice: { projects: ['TEZ'] } },
      { boards, sprints },
      (issue, index) => {
        const fields = issue.fields as Record<string, unknown>;
        if (index < 3)
          fields.customfield_12310921 = [{ id: 1, name: 'Sprint 1', state: 'closed', boardId: 1 }];
      },
    );
    agileServer = await startJiraServer({ snapshotDir: merged.dir, port: 0 });
    restoreTransport = installForgeFetch({
      baseUrl: agileServer.url,
      auth: { kind: 'local', accountId: 'alice' },
    });
  });
  afterAll(async () => {
    restoreTransport();
    await agileServer.close();
    merged.remove();
  });
  beforeEach(() => agileServer.resetCounts());

  test("the browsable projects' boards are read, and every sprint of each scrum board (paged by 50)", async () => {
    const site = await client().jira.readScope({ projects: ['TEZ', 'GORA'] });
    expect(site.boards.map((board) => board.id)).toEqual([1, 2]);
    expect(Object.keys(site.sprints)).toEqual(['1']);
    expect(site.sprints['1']?.map((s) => s.id)).toEqual(sprints['1'].map((s) => s.id));
    expect(agileServer.requestCounts()['GET /rest/agile/1.0/board']).toBe(1);
    expect(agileServer.requestCounts()['GET /rest/agile/1.0/board/{id}/sprint']).toBe(2);
    expect(site.gaps.map((gap) => gap.kind)).toEqual(['no-access']);
  });

  test('named boards: only those are kept; one outside the browsable projects is a no-access gap', async () => {
    const site = await client().jira.readScope({ projects: ['TEZ'], boards: [1, 3] });
    expect(site.boards.map((board) => board.id)).toEqual([1]);
    expect(site.gaps).toEqual([
      {
        kind: 'no-access',
        message: 'Board 3 is not a board of a project you can browse, so it is left out.',
        boardId: 3,
      },
    ]);
  });

  test('progress reports every phase in order, ending with done = total', async () => {
    const seen: { phase: string; done: number; total?: number }[] = [];
    await client().jira.readScope({ projects: ['TEZ'] }, { onProgress: (p) => seen.push(p) });
    const phases = seen.map((p) => p.phase).filter((phase, i, all) => all[i - 1] !== phase);
    expect(phases).toEqual(['permissions', 'fields', 'issues', 'changelogs', 'boards', 'sprints']);
    const lastChangelog = seen.filter((p) => p.phase === 'changelogs').at(-1);
    expect(lastChangelog).toEqual({
      phase: 'changelogs',
      done: facts.issueIds.length,
      total: facts.issueIds.length,
    });
  });
});
