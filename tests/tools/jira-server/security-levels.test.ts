// Issue security levels: an issue with `fields.security` exists only for viewers who browse its project and hold
// its level, on every endpoint that returns issues; POST /permissions/check answers the same rights in bulk.
import type { JiraServer } from '../../../tools/jira-server/server';
import {
  goraParts,
  removeTempSnapshots,
  syntheticIssues,
  writeTempSnapshot,
  type RawIssue,
} from '../snapshot/temp-snapshot';
import {
  ANONYMOUS,
  AS_SITE_ADMIN,
  asAccount,
  bulkAll,
  call,
  searchAll,
  SPRINT_FIELD,
  startJiraServer,
} from './http';

const LEVEL = { id: '10100', name: 'Security fixes' };
const ALICE = 'acc-alice'; // browses GORA, holds no level
const CAROL = 'acc-carol'; // browses GORA, holds the level
const GORA_ID = 12311172;
const BIG_ID = 88000;
/** More valid ids than Jira checks in one call: BIG has this many issues, site.json this many extra projects. */
const OVER_LIMIT = 1001;

let server: JiraServer;
let secured: RawIssue;
let plain: RawIssue;
let big: RawIssue[];

beforeAll(async () => {
  const parts = await goraParts();
  const withHistories = parts.issues.filter((issue) => issue.changelog.histories.length > 0);
  secured = withHistories[0] as RawIssue;
  plain = withHistories[1] as RawIssue;
  // BIG's issues are copies made before the GORA issues get a level and a sprint.
  big = syntheticIssues(secured, 'BIG', OVER_LIMIT, { historiesEach: 0, projectId: String(BIG_ID) });
  secured.fields.security = {
    self: 'https://example.atlassian.net/rest/api/3/securitylevel/10100',
    ...LEVEL,
  };
  for (const issue of [secured, plain])
    issue.fields[SPRINT_FIELD] = [{ id: 11, name: 'GORA 1', state: 'closed' }];
  const extraProjects = Array.from({ length: OVER_LIMIT }, (_, i) => ({
    key: `P${i}`,
    name: `P${i}`,
    id: String(60000 + i),
  }));
  const dir = await writeTempSnapshot({
    ...parts,
    site: {
      baseUrl: 'https://example.atlassian.net',
      recordedAt: '2024-06-01T00:00:00.000Z',
      projects: ['GORA', { key: 'BIG', name: 'Big', id: String(BIG_ID) }, ...extraProjects],
    },
    issues: [...parts.issues, ...big],
    boards: [{ id: 1, name: 'GORA board', type: 'scrum', location: { projectKey: 'GORA' } }],
    sprints: { '1': [{ id: 11, name: 'GORA 1', state: 'closed' }] },
    permissions: {
      accounts: {
        [ALICE]: { displayName: 'Alice', projects: ['GORA'] },
        [CAROL]: { displayName: 'Carol', projects: ['GORA'], securityLevels: [LEVEL.id] },
      },
    },
  });
  server = await startJiraServer({ snapshotDir: dir });
});

afterAll(async () => {
  await server.close();
  await removeTempSnapshots();
});

const VIEWERS = { alice: asAccount(ALICE), carol: asAccount(CAROL), admin: AS_SITE_ADMIN };

describe('a secured issue is hidden from a viewer without its level, shown to one with it and to the site admin', () => {
  const sees = { alice: false, carol: true, admin: true };

  it.each(Object.keys(VIEWERS) as (keyof typeof VIEWERS)[])('search (POST and GET) as %s', async (who) => {
    const { issues } = await searchAll(server, { jql: 'project = GORA', maxResults: 100 }, VIEWERS[who]);
    const keys = issues.map((issue) => issue.key);
    expect(keys.includes(secured.key)).toBe(sees[who]);
    expect(keys).toContain(plain.key);
    const query = new URLSearchParams({ jql: 'project = GORA', maxResults: '100' });
    const get = await call<{ issues: { key: string }[] }>(
      server,
      'GET',
      `/rest/api/3/search/jql?${query}`,
      undefined,
      VIEWERS[who],
    );
    expect(get.body.issues.map((issue) => issue.key)).toEqual(keys);
  });

  it('naming a secured issue in JQL is "does not exist" to a viewer without its level, as a missing one is', async () => {
    const named = await call(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: `key = ${secured.key}` },
      VIEWERS.alice,
    );
    const missing = await call(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'key = GORA-99999' },
      VIEWERS.alice,
    );
    expect(named.status).toBe(400);
    expect(named.body).toEqual({
      ...missing.body,
      errorMessages: [`An issue with key '${secured.key}' does not exist for field 'issuekey'.`],
    });
    const carol = await call<{ issues: { key: string }[] }>(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: `key = ${secured.key}` },
      VIEWERS.carol,
    );
    expect(carol.body.issues.map((issue) => issue.key)).toEqual([secured.key]);
  });

  it.each(Object.keys(VIEWERS) as (keyof typeof VIEWERS)[])(
    'bulkfetch as %s: its histories only for a viewer with the level, else it is left out silently',
    async (who) => {
      const { byIssue } = await bulkAll(server, { issueIdsOrKeys: [secured.key, plain.key] }, VIEWERS[who]);
      expect(byIssue.has(secured.id)).toBe(sees[who]);
      expect(byIssue.get(plain.id)).toHaveLength(plain.changelog.histories.length);
    },
  );

  it('its changelog is the 404 of a missing issue without the level, its histories with it', async () => {
    const path = (key: string) => `/rest/api/3/issue/${key}/changelog`;
    const hidden = await call(server, 'GET', path(secured.key), undefined, VIEWERS.alice);
    const missing = await call(server, 'GET', path('GORA-99999'), undefined, VIEWERS.alice);
    expect([hidden.status, hidden.body]).toEqual([404, missing.body]);
    expect(hidden.body).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
    for (const who of ['carol', 'admin'] as const) {
      const shown = await call<{ total: number }>(server, 'GET', path(secured.id), undefined, VIEWERS[who]);
      expect([shown.status, shown.body.total]).toEqual([200, secured.changelog.histories.length]);
    }
  });

  it.each(Object.keys(VIEWERS) as (keyof typeof VIEWERS)[])(
    'sprint issues as %s leave it out of the list and the total',
    async (who) => {
      const page = await call<{ total: number; issues: { key: string }[] }>(
        server,
        'GET',
        '/rest/agile/1.0/sprint/11/issue',
        undefined,
        VIEWERS[who],
      );
      const expected = sees[who] ? [secured.key, plain.key].sort() : [plain.key];
      expect(page.body.issues.map((issue) => issue.key).sort()).toEqual(expected);
      expect(page.body.total).toBe(expected.length);
    },
  );

  it('the issue JSON carries fields.security for those who see it', async () => {
    const page = await call<{ issues: { fields: { security?: unknown } }[] }>(
      server,
      'POST',
      '/rest/api/3/search/jql',
      { jql: `key = ${secured.key}`, fields: ['security'] },
      VIEWERS.carol,
    );
    expect(page.body.issues[0]?.fields.security).toMatchObject(LEVEL);
  });
});

interface Grants {
  projectPermissions: { permission: string; projects: number[]; issues: number[] }[];
  globalPermissions: string[];
  /** On a refusal, Jira's ErrorCollection instead. */
  errors?: Record<string, string>;
}

const check = (body: unknown, headers: Readonly<Record<string, string>>) =>
  call<Grants>(server, 'POST', '/rest/api/3/permissions/check', body, headers);

describe('POST /rest/api/3/permissions/check', () => {
  const asked = () => ({
    projectPermissions: [
      {
        permissions: ['BROWSE_PROJECTS', '', null],
        // 424242 names no project or issue: ignored, as null values are.
        projects: [GORA_ID, BIG_ID, 424242, null],
        issues: [Number(secured.id), Number(plain.id), Number(big[0]?.id), 424242, null],
      },
    ],
    globalPermissions: ['ADMINISTER', null],
  });

  it('answers, per asked permission, the asked projects one may browse and issues one may see', async () => {
    const alice = await check(asked(), VIEWERS.alice);
    expect(alice.status).toBe(200);
    expect(alice.body).toEqual({
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', projects: [GORA_ID], issues: [Number(plain.id)] },
      ],
      globalPermissions: [],
    });
    const carol = await check(asked(), VIEWERS.carol);
    expect(carol.body.projectPermissions[0]?.issues).toEqual([Number(secured.id), Number(plain.id)]);
    const admin = await check(asked(), VIEWERS.admin);
    expect(admin.body.projectPermissions).toEqual([
      {
        permission: 'BROWSE_PROJECTS',
        projects: [GORA_ID, BIG_ID],
        issues: [Number(secured.id), Number(plain.id), Number(big[0]?.id)],
      },
    ]);
  });

  it('merges entries asking for one permission and answers each permission asked', async () => {
    const answer = await check(
      {
        projectPermissions: [
          { permissions: ['BROWSE_PROJECTS'], projects: [GORA_ID] },
          { permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], issues: [Number(plain.id)] },
        ],
      },
      VIEWERS.alice,
    );
    expect(answer.body.projectPermissions).toEqual([
      { permission: 'BROWSE_PROJECTS', projects: [GORA_ID], issues: [Number(plain.id)] },
      { permission: 'EDIT_ISSUES', projects: [], issues: [Number(plain.id)] },
    ]);
  });

  it('lets anonymous callers ask: they may see nothing', async () => {
    const answer = await check(asked(), ANONYMOUS);
    expect(answer.status).toBe(200);
    expect(answer.body.projectPermissions).toEqual([
      { permission: 'BROWSE_PROJECTS', projects: [], issues: [] },
    ]);
  });

  it("only the site admin may ask about another account; one's own account id is fine", async () => {
    for (const headers of [VIEWERS.alice, ANONYMOUS]) {
      const refused = await check({ ...asked(), accountId: CAROL }, headers);
      expect([refused.status, refused.body]).toEqual([
        403,
        { errorMessages: ['Only Jira administrators can perform this operation.'], errors: {} },
      ]);
    }
    const own = await check({ ...asked(), accountId: ALICE }, VIEWERS.alice);
    expect(own.body.projectPermissions[0]?.issues).toEqual([Number(plain.id)]);
    const asCarol = await check({ ...asked(), accountId: CAROL }, VIEWERS.admin);
    expect(asCarol.body.projectPermissions[0]).toEqual({
      permission: 'BROWSE_PROJECTS',
      projects: [GORA_ID],
      issues: [Number(secured.id), Number(plain.id)],
    });
    const unknown = await check({ ...asked(), accountId: 'acc-nobody' }, VIEWERS.admin);
    expect([unknown.status, unknown.body.errors]).toEqual([400, { accountId: 'invalid account ID' }]);
  });

  it('refuses more than 1000 valid issues or projects, counting only ids that name something', async () => {
    const issues = big.map((issue) => Number(issue.id));
    const tooMany = await check(
      { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues }] },
      VIEWERS.admin,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({
      errorMessages: [
        'At most 1000 projects and 1000 issues can be checked (got 0 projects and 1001 issues).',
      ],
    });
    const projects = Array.from({ length: OVER_LIMIT }, (_, i) => 60000 + i);
    const tooManyProjects = await check(
      { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects }] },
      VIEWERS.admin,
    );
    expect(tooManyProjects.status).toBe(400);
    // 1000 valid ids and as many that name nothing are one call's worth.
    const withInvalid = [...issues.slice(0, 1000), ...issues.slice(0, 1000).map((id) => id + 10_000_000)];
    const allowed = await check(
      { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: withInvalid }] },
      VIEWERS.admin,
    );
    expect(allowed.status).toBe(200);
    expect(allowed.body.projectPermissions[0]?.issues).toHaveLength(1000);
  });

  it('refuses an entry without a permission and a malformed body', async () => {
    for (const body of [
      { projectPermissions: [{ permissions: ['', null], projects: [GORA_ID] }] },
      { projectPermissions: [{ projects: [GORA_ID] }] },
      { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: ['GORA'] }] },
      [],
    ]) {
      expect((await check(body, VIEWERS.alice)).status).toBe(400);
    }
  });

  it('costs 1 point plus 1 per project or issue id it grants', async () => {
    server.resetPoints();
    await check(asked(), VIEWERS.admin);
    expect(server.points().byEndpoint['POST /rest/api/3/permissions/check']).toBe(1 + 2 + 3);
  });
});
