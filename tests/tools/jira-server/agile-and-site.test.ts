// Agile lists (boards, sprints, sprint issues; cap 50) and the site endpoints (fields, statuses, projects, permissions).
import type { JiraServer } from '../../../tools/jira-server/server';
import { removeTempSnapshots, sampleJson, type RawIssue } from '../snapshot/temp-snapshot';
import { call, SPRINT_FIELD, startJiraServer, writeFixtureSnapshot } from './http';

let server: JiraServer;
let gora: RawIssue[];

beforeAll(async () => {
  const written = await writeFixtureSnapshot();
  gora = written.gora;
  server = await startJiraServer({ snapshotDir: written.dir });
});

afterAll(async () => {
  await server.close();
  await removeTempSnapshots();
});

interface Paged<T> {
  values: T[];
  startAt: number;
  maxResults: number;
  total: number;
  isLast: boolean;
}

describe('GET /rest/agile/1.0/board', () => {
  it('pages 63 boards 50 at a time at most', async () => {
    const first = await call<Paged<{ id: number; self: string }>>(
      server,
      'GET',
      '/rest/agile/1.0/board?maxResults=100',
    );
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 50, total: 63, isLast: false });
    expect(first.body.values).toHaveLength(50);
    expect(first.body.values[0]?.self).toBe(`${server.url}/rest/agile/1.0/board/1`);
    const second = await call<Paged<{ id: number }>>(server, 'GET', '/rest/agile/1.0/board?startAt=50');
    expect(second.body.values).toHaveLength(13);
    expect(second.body.isLast).toBe(true);
  });

  it('filters by project key or id, and by type', async () => {
    const byKey = await call<Paged<{ id: number }>>(
      server,
      'GET',
      '/rest/agile/1.0/board?projectKeyOrId=GORA',
    );
    expect(byKey.body.values.map((b) => b.id)).toEqual([1]);
    const byId = await call<Paged<{ id: number }>>(
      server,
      'GET',
      '/rest/agile/1.0/board?projectKeyOrId=12311010',
    );
    expect(byId.body.values.map((b) => b.id)).toEqual([1]);
    const kanban = await call<Paged<{ id: number }>>(server, 'GET', '/rest/agile/1.0/board?type=kanban');
    expect(kanban.body.values.map((b) => b.id)).toEqual([2, 3]);
  });
});

describe('GET /rest/agile/1.0/board/{id}/sprint', () => {
  it('orders sprints closed, active, future and filters by state', async () => {
    const all = await call<Paged<{ id: number; state: string }>>(
      server,
      'GET',
      '/rest/agile/1.0/board/1/sprint',
    );
    expect(all.body.values.map((s) => s.id)).toEqual([11, 12, 13]);
    const some = await call<Paged<{ id: number }>>(
      server,
      'GET',
      '/rest/agile/1.0/board/1/sprint?state=active,future',
    );
    expect(some.body.values.map((s) => s.id)).toEqual([12, 13]);
    const bad = await call(server, 'GET', '/rest/agile/1.0/board/1/sprint?state=done');
    expect(bad.status).toBe(400);
  });

  it('answers an empty list for a board without sprints and 404 for a missing board', async () => {
    const none = await call<Paged<unknown>>(server, 'GET', '/rest/agile/1.0/board/3/sprint');
    expect(none.body).toMatchObject({ values: [], total: 0, isLast: true });
    expect((await call(server, 'GET', '/rest/agile/1.0/board/999/sprint')).status).toBe(404);
  });
});

describe('GET /rest/agile/1.0/sprint/{id}/issue', () => {
  it('lists the issues whose Sprint field names the sprint, Cloud objects and Server strings alike', async () => {
    const sprint11 = await call<{
      issues: { key: string; fields?: Record<string, unknown> }[];
      total: number;
    }>(server, 'GET', '/rest/agile/1.0/sprint/11/issue');
    expect(sprint11.body.total).toBe(4);
    expect(new Set(sprint11.body.issues.map((i) => i.key))).toEqual(
      new Set(gora.slice(0, 4).map((i) => i.key)),
    );
    // Without `fields`, every field comes back (the agile default).
    expect(sprint11.body.issues[0]?.fields?.[SPRINT_FIELD]).toBeDefined();
    const sprint12 = await call<{ issues: { key: string; fields?: Record<string, unknown> }[] }>(
      server,
      'GET',
      '/rest/agile/1.0/sprint/12/issue?fields=summary',
    );
    expect(sprint12.body.issues.map((i) => i.key)).toEqual([gora[3]?.key]);
    expect(Object.keys(sprint12.body.issues[0]?.fields ?? {})).toEqual(['summary']);
  });

  it('pages at most 50 and answers 404 for a sprint nobody knows', async () => {
    const page = await call<{ maxResults: number }>(
      server,
      'GET',
      '/rest/agile/1.0/sprint/11/issue?maxResults=500',
    );
    expect(page.body.maxResults).toBe(50);
    expect((await call(server, 'GET', '/rest/agile/1.0/sprint/4242/issue')).status).toBe(404);
    const known = await call<{ total: number }>(server, 'GET', '/rest/agile/1.0/sprint/13/issue');
    expect(known.body.total).toBe(0);
  });
});

describe('site endpoints', () => {
  it('serves fields.json and statuses.json as they are', async () => {
    expect((await call(server, 'GET', '/rest/api/3/field')).body).toEqual(
      await sampleJson('apache-GORA', 'fields.json'),
    );
    expect((await call(server, 'GET', '/rest/api/3/status')).body).toEqual(
      await sampleJson('apache-GORA', 'statuses.json'),
    );
  });

  it('pages projects (cap 100) with ids and names from site.json or the issues', async () => {
    const page = await call<Paged<{ id: string; key: string; name: string }>>(
      server,
      'GET',
      '/rest/api/3/project/search?maxResults=500',
    );
    expect(page.body.maxResults).toBe(100);
    expect(page.body.values.map(({ id, key, name }) => ({ id, key, name }))).toEqual([
      { id: '88000', key: 'BIG', name: 'Big project' },
      { id: '12311172', key: 'GORA', name: 'Apache Gora' },
      { id: '12314426', key: 'TEZ', name: 'Apache Tez' },
    ]);
    const second = await call<Paged<{ key: string }>>(
      server,
      'GET',
      '/rest/api/3/project/search?startAt=1&maxResults=1',
    );
    expect(second.body).toMatchObject({ startAt: 1, total: 3, isLast: false });
    expect(second.body.values.map((p) => p.key)).toEqual(['GORA']);
  });

  it('mypermissions needs `permissions` and knows unknown projects are missing', async () => {
    expect((await call(server, 'GET', '/rest/api/3/mypermissions')).status).toBe(400);
    expect(
      (await call(server, 'GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=NOPE'))
        .status,
    ).toBe(404);
    const admin = await call<{ permissions: Record<string, { havePermission: boolean; key: string }> }>(
      server,
      'GET',
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=TEZ',
    );
    expect(admin.body.permissions.BROWSE_PROJECTS).toMatchObject({
      key: 'BROWSE_PROJECTS',
      havePermission: true,
    });
  });

  it('answers a wrong method with 405 and an unknown path with 404, both in Jira error shape', async () => {
    const wrong = await call(server, 'GET', '/rest/api/3/changelog/bulkfetch');
    expect(wrong.status).toBe(405);
    expect(wrong.body).toEqual({ errorMessages: [expect.stringMatching(/use POST/)], errors: {} });
    const unknown = await call(server, 'GET', '/rest/api/2/issue/GORA-1');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  });
});
