// The changelog endpoints: bulkfetch (every history, paged by history, date-ordered) and the per-issue pages.
import type { JiraServer } from '../../../tools/jira-server/server';
import { removeTempSnapshots, sampleDir, sampleIssues, type RawIssue } from '../snapshot/temp-snapshot';
import { bulkAll, call, startJiraServer, writeFixtureSnapshot, type BulkPage } from './http';

let gora: JiraServer;
let fixture: JiraServer;
let goraIssues: RawIssue[];
let bigIssues: RawIssue[];

beforeAll(async () => {
  gora = await startJiraServer({ snapshotDir: sampleDir('apache-GORA') });
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

const totalHistories = (issues: RawIssue[]) => issues.reduce((n, i) => n + i.changelog.histories.length, 0);

describe('changelog/bulkfetch', () => {
  it('serves every GORA history, each issue complete, oldest first across pages', async () => {
    const expected = totalHistories(goraIssues);
    expect(expected).toBe(154);
    const { byIssue, pages, pageTimes } = await bulkAll(gora, {
      issueIdsOrKeys: goraIssues.map((i) => i.key),
      maxResults: 10,
    });
    expect([...byIssue.values()].reduce((n, list) => n + list.length, 0)).toBe(154);
    expect(pages).toBe(16);
    expect(gora.requestCounts()).toEqual({ 'POST /rest/api/3/changelog/bulkfetch': 16 });
    for (const issue of goraIssues) {
      const served = byIssue.get(issue.id) ?? [];
      expect(served.map((h) => h.id).sort()).toEqual(issue.changelog.histories.map((h) => h.id).sort());
    }
    // Pages follow each other in time; within a page, histories are grouped by issue.
    for (let p = 1; p < pageTimes.length; p++) {
      expect(Math.min(...(pageTimes[p] ?? []))).toBeGreaterThanOrEqual(Math.max(...(pageTimes[p - 1] ?? [])));
    }
    for (const list of byIssue.values()) {
      const times = list.map((h) => Date.parse(h.created));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    // At least one issue's histories are spread over several pages.
    const pagesOfIssue = goraIssues.map((issue) => {
      const times = new Set(issue.changelog.histories.map((h) => Date.parse(h.created)));
      return pageTimes.filter((page) => page.some((t) => times.has(t))).length;
    });
    expect(Math.max(...pagesOfIssue)).toBeGreaterThan(1);
  });

  it('serves 1000 histories a page by default and at most 1000 even when more are asked', async () => {
    const request = { issueIdsOrKeys: bigIssues.map((i) => i.id) };
    const expected = totalHistories(bigIssues);
    expect(expected).toBe(130 + 249 * 2);
    const first = await call<BulkPage>(fixture, 'POST', '/rest/api/3/changelog/bulkfetch', {
      ...request,
      maxResults: 5000,
    });
    const served = first.body.issueChangeLogs.reduce((n, log) => n + log.changeHistories.length, 0);
    expect(served).toBe(expected); // fewer than 1000 in all: one page
    expect(first.body.nextPageToken).toBeUndefined();
    const all = await bulkAll(fixture, { ...request, maxResults: 100 });
    expect([...all.byIssue.values()].reduce((n, list) => n + list.length, 0)).toBe(expected);
    expect(all.pages).toBe(Math.ceil(expected / 100));
  });

  it('filters by field: only histories with a matching item, only those items (name match without fieldId)', async () => {
    const { byIssue } = await bulkAll(gora, {
      issueIdsOrKeys: goraIssues.map((i) => i.key),
      fieldIds: ['status'],
    });
    const expected = goraIssues
      .flatMap((i) => i.changelog.histories)
      .filter((h) => h.items.some((it) => it.field === 'status'));
    const served = [...byIssue.values()].flat();
    expect(expected.length).toBeGreaterThan(10);
    expect(served).toHaveLength(expected.length);
    expect(served.every((h) => h.items.length > 0 && h.items.every((item) => item.field === 'status'))).toBe(
      true,
    );
  });

  it('leaves out unknown issues silently', async () => {
    const { byIssue } = await bulkAll(gora, { issueIdsOrKeys: ['GORA-73', 'NOPE-1', '999999999'] });
    expect([...byIssue.keys()]).toEqual(['12537202']);
  });

  it.each([
    [
      '1001 issues',
      { issueIdsOrKeys: Array.from({ length: 1001 }, (_, i) => `GORA-${i}`) },
      /between 1 and 1000/,
    ],
    ['no issues', { issueIdsOrKeys: [] }, /between 1 and 1000/],
    [
      '11 field ids',
      { issueIdsOrKeys: ['GORA-73'], fieldIds: Array.from({ length: 11 }, (_, i) => `f${i}`) },
      /At most 10/,
    ],
    ['maxResults 10001', { issueIdsOrKeys: ['GORA-73'], maxResults: 10001 }, /between 1 and 10000/],
    ['a missing issue list', {}, /issueIdsOrKeys/],
  ])('400 for %s', async (_name, body, message) => {
    const response = await call<{ errorMessages: string[] }>(
      gora,
      'POST',
      '/rest/api/3/changelog/bulkfetch',
      body,
    );
    expect(response.status).toBe(400);
    expect(response.body.errorMessages[0]).toMatch(message);
  });

  it('accepts exactly 1000 issues', async () => {
    const keys = [
      ...goraIssues.map((i) => i.key),
      ...Array.from({ length: 1000 - goraIssues.length }, (_, i) => `X-${i}`),
    ];
    expect(keys).toHaveLength(1000);
    const response = await call<BulkPage>(gora, 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: keys,
    });
    expect(response.status).toBe(200);
    expect(response.body.issueChangeLogs.reduce((n, log) => n + log.changeHistories.length, 0)).toBe(154);
  });
});

interface ChangelogPage {
  values: { id: string }[];
  startAt: number;
  maxResults: number;
  total: number;
  isLast: boolean;
}

describe('GET issue/{key}/changelog', () => {
  it('pages one issue oldest first and reports the total', async () => {
    const issue = goraIssues[0] as RawIssue;
    const ids: string[] = [];
    let startAt = 0;
    let requests = 0;
    for (;;) {
      const page = await call<ChangelogPage>(
        gora,
        'GET',
        `/rest/api/3/issue/${issue.key}/changelog?startAt=${startAt}&maxResults=5`,
      );
      requests += 1;
      expect(page.body.total).toBe(16);
      ids.push(...page.body.values.map((v) => v.id));
      if (page.body.isLast) break;
      startAt += page.body.values.length;
    }
    expect(ids).toEqual(issue.changelog.histories.map((h) => h.id));
    expect(requests).toBe(4);
    expect(gora.requestCounts()).toEqual({ 'GET /rest/api/3/issue/{key}/changelog': 4 });
  });

  it('caps a page at 100 and finds the issue by id too', async () => {
    const big1 = bigIssues[0] as RawIssue;
    const first = await call<ChangelogPage>(
      fixture,
      'GET',
      `/rest/api/3/issue/${big1.id}/changelog?maxResults=500`,
    );
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 100, total: 130, isLast: false });
    expect(first.body.values).toHaveLength(100);
    const second = await call<ChangelogPage>(fixture, 'GET', `/rest/api/3/issue/big-1/changelog?startAt=100`);
    expect(second.body.values).toHaveLength(30);
    expect(second.body.isLast).toBe(true);
  });

  it('answers 404 for an issue that does not exist', async () => {
    const response = await call<{ errorMessages: string[] }>(
      gora,
      'GET',
      '/rest/api/3/issue/GORA-99999/changelog',
    );
    expect(response.status).toBe(404);
    expect(response.body.errorMessages).toEqual([
      'Issue does not exist or you do not have permission to see it.',
    ]);
  });
});
