// The client reads the whole bundled sample site through the local Jira server: every issue and every history,
// in exactly the number of requests Jira's page caps require.
import path from 'node:path';
import { JiraClient } from '../../src/jira/client';
import { DEFAULT_LIMITS } from '../../src/jira/limits';
import { installForgeFetch } from '../../src/jira/transport/forge-fetch';
import { analyse } from '../../src/ownership/analyse';
import { AnalysisConfigSchema } from '../../src/ownership/config';
import { startJiraServer, type JiraServer } from '../../tools/jira-server/server';
import { readSnapshot, siteProjectKeys, type Snapshot } from '../../tools/snapshot/read';

const ACME = path.join(__dirname, '..', '..', 'samples', 'acme');
/** Priya Raman may browse all three projects. */
const PRIYA = '8bd7b81342e3c818e496b63f';

const NOW = '2026-11-16T09:00:00.000Z';

let snapshot: Snapshot;
let server: JiraServer;
let uninstall: () => void;

beforeAll(async () => {
  snapshot = await readSnapshot(ACME);
  server = await startJiraServer({ snapshotDir: ACME, port: 0 });
  uninstall = installForgeFetch({ baseUrl: server.url, auth: { kind: 'local', accountId: PRIYA } });
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

describe('a partial read is never taken for the whole', () => {
  afterEach(() => server.setFaults([]));

  test.each(['drop-token', 'empty-page'] as const)(
    'a search page with isLast: false and no token (%s) makes the result incomplete, naming the list',
    async (kind) => {
      server.setFaults([{ kind, endpoint: 'POST /rest/api/3/search/jql', times: 1 }]);
      const site = await new JiraClient().readScope({ projects: ['CHK', 'PAY', 'SRCH'] });
      const all = snapshot.issues.length;
      expect(site.issues.length).toBeLessThan(all);
      expect(site.gaps).toEqual([
        expect.objectContaining({
          kind: 'truncated',
          message: expect.stringContaining('gave no way to read them') as string,
        }),
      ]);
      const result = analyse(
        site,
        AnalysisConfigSchema.parse({ scope: { projects: ['CHK'] } }),
        new Date(NOW),
      );
      expect(result.completeness.complete).toBe(false);
    },
  );

  test('an empty agile page that promises more makes the board list incomplete', async () => {
    server.setFaults([{ kind: 'empty-page', endpoint: 'GET /rest/agile/1.0/board/{id}/sprint', times: 1 }]);
    const site = await new JiraClient({ limits: { agilePageSize: 5 } }).readScope({ projects: ['CHK'] });
    expect(site.gaps).toEqual([expect.objectContaining({ kind: 'truncated', boardId: 1 })]);
  });
});
