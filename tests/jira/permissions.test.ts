// browsableOf: which projects and issues the viewer may see, asked of POST /rest/api/3/permissions/check in batches
// of Jira's 1000 projects and 1000 issues, the answer validated; and, through the local server, the sample's
// secured issue (SRCH-57) hidden from Victor.
import path from 'node:path';
import { JiraClient } from '../../src/jira/client';
import { JiraError } from '../../src/jira/errors';
import { installForgeFetch } from '../../src/jira/transport/forge-fetch';
import { startJiraServer, type JiraServer } from '../../tools/jira-server/server';
import {
  installFakeForgeFetch,
  jsonResponse,
  recordingSleep,
  type FakeForgeFetch,
} from './helpers/fake-forge-fetch';

interface CheckBody {
  projectPermissions: { permissions: string[]; projects: number[]; issues: number[] }[];
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from + i));
const client = () => new JiraClient({ retry: { sleep: recordingSleep().sleep } });

describe('browsableOf with a fake Jira', () => {
  let fake: FakeForgeFetch | undefined;
  afterEach(() => fake?.uninstall());

  it('asks in batches of 1000 projects and 1000 issues and gathers what each answer grants', async () => {
    // Jira grants the even ids it is asked about.
    fake = installFakeForgeFetch((call) => {
      const asked = (call.body as CheckBody).projectPermissions[0];
      const even = (list: number[] = []) => list.filter((id) => id % 2 === 0);
      return jsonResponse({
        projectPermissions: [
          { permission: 'BROWSE_PROJECTS', projects: even(asked?.projects), issues: even(asked?.issues) },
        ],
        globalPermissions: [],
      });
    });
    const projectIds = ids(10000, 1200);
    const issueIds = [...ids(20000, 2500), '20000', 'not-an-id'];
    const browsable = await client().browsableOf({ projectIds, issueIds });

    expect(fake.calls.map((c) => `${c.init?.method} ${c.path}`)).toEqual(
      Array(3).fill('POST /rest/api/3/permissions/check'),
    );
    const bodies = fake.calls.map((c) => (c.body as CheckBody).projectPermissions);
    expect(bodies.map((entries) => entries.map((e) => e.permissions))).toEqual(
      Array(3).fill([['BROWSE_PROJECTS']]),
    );
    expect(bodies.map(([e]) => [e?.projects.length, e?.issues.length])).toEqual([
      [1000, 1000],
      [200, 1000],
      [0, 500],
    ]);
    // Every id is asked once, as a number; one that is not a Jira id is not asked at all.
    expect(bodies.flatMap(([e]) => e?.issues ?? []).map(String)).toEqual(ids(20000, 2500));
    expect(bodies.flatMap(([e]) => e?.projects ?? []).map(String)).toEqual(projectIds);
    expect(browsable.projects).toEqual(new Set(projectIds.filter((id) => Number(id) % 2 === 0)));
    expect(browsable.issues).toEqual(new Set(ids(20000, 2500).filter((id) => Number(id) % 2 === 0)));
  });

  it('asks nothing when there is nothing to check', async () => {
    fake = installFakeForgeFetch(() => jsonResponse({}));
    expect(await client().browsableOf({})).toEqual({ projects: new Set(), issues: new Set() });
    expect(fake.calls).toHaveLength(0);
  });

  it('counts only what is granted for BROWSE_PROJECTS', async () => {
    fake = installFakeForgeFetch(() =>
      jsonResponse({
        projectPermissions: [
          { permission: 'EDIT_ISSUES', projects: [1], issues: [2] },
          { permission: 'BROWSE_PROJECTS', projects: [3], issues: [] },
        ],
        globalPermissions: [],
      }),
    );
    const browsable = await client().browsableOf({ projectIds: ['1', '3'], issueIds: ['2'] });
    expect(browsable).toEqual({ projects: new Set(['3']), issues: new Set() });
  });

  it('refuses an answer that is not Jira’s BulkPermissionGrants', async () => {
    fake = installFakeForgeFetch(() =>
      jsonResponse({ projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: ['1'] }] }),
    );
    const reading = client().browsableOf({ projectIds: ['1'] });
    await expect(reading).rejects.toBeInstanceOf(JiraError);
    await expect(reading).rejects.toMatchObject({ code: 'invalid-response' });
  });
});

describe('browsableOf through the local Jira server over samples/acme', () => {
  const ACME = path.join(__dirname, '..', '..', 'samples', 'acme');
  /** samples/acme/README.md: Victor browses SRCH only and does not hold the "Security fixes" level. */
  const VICTOR = '8cabe2dff28a63d80613434e';
  const PRIYA = '8bd7b81342e3c818e496b63f';
  const PROJECTS = { CHK: '10000', PAY: '10001', SRCH: '10002' };
  const ISSUES = { 'CHK-1': '10001', 'SRCH-57': '10248', 'SRCH-58': '10256' };
  let server: JiraServer;

  beforeAll(async () => {
    server = await startJiraServer({ snapshotDir: ACME, port: 0 });
  });
  afterAll(() => server.close());

  const browsableAs = async (accountId: string) => {
    const uninstall = installForgeFetch({ baseUrl: server.url, auth: { kind: 'local', accountId } });
    try {
      return await new JiraClient().browsableOf({
        projectIds: Object.values(PROJECTS),
        issueIds: Object.values(ISSUES),
      });
    } finally {
      uninstall();
    }
  };

  it('Victor may see SRCH and SRCH-58, not the secured SRCH-57; Priya sees all three issues', async () => {
    expect(await browsableAs(VICTOR)).toEqual({
      projects: new Set([PROJECTS.SRCH]),
      issues: new Set([ISSUES['SRCH-58']]),
    });
    expect(await browsableAs(PRIYA)).toEqual({
      projects: new Set(Object.values(PROJECTS)),
      issues: new Set(Object.values(ISSUES)),
    });
  });
});
