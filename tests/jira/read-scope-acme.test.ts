// The client reads the whole bundled sample site through the local Jira server: every issue and every history,
// in exactly the number of requests Jira's page caps require.
import path from 'node:path';
import { JiraClient } from '../../src/jira/client';
import { DEFAULT_LIMITS } from '../../src/jira/limits';
import { installForgeFetch } from '../../src/jira/transport/forge-fetch';
import { startJiraServer, type JiraServer } from '../../tools/jira-server/server';
import { readSnapshot, siteProjectKeys, type Snapshot } from '../../tools/snapshot/read';

const ACME = path.join(__dirname, '..', '..', 'samples', 'acme');

let snapshot: Snapshot;
let server: JiraServer;
let uninstall: () => void;

beforeAll(async () => {
  snapshot = await readSnapshot(ACME);
  server = await startJiraServer({ snapshotDir: ACME, port: 0 });
  uninstall = installForgeFetch({ baseUrl: server.url, auth: { kind: 'local' } });
});

afterAll(async () => {
  uninstall();
  await server.close();
});

it('reads every issue and history of samples/acme in the fewest requests the caps allow', async () => {
  const projects = siteProjectKeys(snapshot.site);
  server.resetCounts();
  const site = await new JiraClient().readScope({ projects });

  const histories = (issues: Snapshot['issues']) =>
    issues.reduce((n, issue) => n + (issue.changelog?.histories.length ?? 0), 0);
  expect(site.gaps).toEqual([]);
  expect(site.issues.map((i) => i.key).sort()).toEqual(snapshot.issues.map((i) => i.key).sort());
  expect(histories(site.issues)).toBe(histories(snapshot.issues));
  for (const issue of site.issues) {
    const recorded = snapshot.issues.find((i) => i.id === issue.id);
    expect(issue.changelog?.histories.map((h) => h.id)).toEqual(
      recorded?.changelog?.histories.map((h) => h.id),
    );
  }

  // All issues fit one bulk batch (<= 1000 issues), so bulk pages = histories / page size.
  expect(snapshot.issues.length).toBeLessThanOrEqual(DEFAULT_LIMITS.bulkChangelogIssues);
  const boards = snapshot.boards.length;
  expect(server.requestCounts()).toEqual({
    'GET /rest/api/3/mypermissions': projects.length,
    'GET /rest/api/3/field': 1,
    'GET /rest/api/3/status': 1,
    'POST /rest/api/3/search/jql': Math.ceil(snapshot.issues.length / DEFAULT_LIMITS.searchPageSize),
    'POST /rest/api/3/changelog/bulkfetch': Math.ceil(
      histories(snapshot.issues) / DEFAULT_LIMITS.bulkChangelogPageSize,
    ),
    'GET /rest/agile/1.0/board': projects.length,
    'GET /rest/agile/1.0/board/{id}/sprint': boards,
  });
});
