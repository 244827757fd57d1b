// Changelog reading: bulk pages merged per issue oldest first and deduped; refused bulk falls back per issue, for good.
import { oldestFirst, withChangelogs } from '../../src/jira/changelog';
import { JiraClient } from '../../src/jira/client';
import { JiraError } from '../../src/jira/errors';
import type { ChangeHistory, JiraIssue } from '../../src/jira/schemas';
import {
  installFakeForgeFetch,
  jsonResponse,
  recordingSleep,
  type FakeForgeFetch,
} from './helpers/fake-forge-fetch';

function history(id: string, created: string): ChangeHistory {
  return {
    id,
    created,
    author: { accountId: 'u1' },
    items: [{ field: 'status', fromString: 'A', toString: 'B' }],
  };
}

const A = { id: '10', key: 'ABC-1' };
const B = { id: '11', key: 'ABC-2' };
const C = { id: '12', key: 'ABC-3' };

let fake: FakeForgeFetch | undefined;
afterEach(() => fake?.uninstall());

function client(
  limits: ConstructorParameters<typeof JiraClient>[0] extends infer O
    ? O extends { limits?: infer L }
      ? L
      : never
    : never = {},
) {
  return new JiraClient({ retry: { sleep: recordingSleep().sleep }, limits });
}

test('bulk pages are merged per issue, oldest first, each history once (even when a page repeats one)', async () => {
  fake = installFakeForgeFetch((call) => {
    const token = (call.body as { nextPageToken?: string }).nextPageToken;
    if (token === undefined) {
      return jsonResponse({
        issueChangeLogs: [
          { issueId: '10', changeHistories: [history('101', '2024-01-01T10:00:00.000+0000')] },
          { issueId: '11', changeHistories: [history('201', '2024-01-02T10:00:00.000+0000')] },
        ],
        nextPageToken: 'p2',
      });
    }
    return jsonResponse({
      issueChangeLogs: [
        { issueId: '10', changeHistories: [history('101', '2024-01-01T10:00:00.000+0000')] },
        { issueId: '10', changeHistories: [history('100', '2023-12-31T10:00:00.000+0000')] },
        { issueId: '99', changeHistories: [history('900', '2024-01-01T10:00:00.000+0000')] },
      ],
    });
  });
  const fetched = await client().fetchChangelogs([A, B]);
  expect(fake.calls.map((c) => `${c.init?.method} ${c.path}`)).toEqual([
    'POST /rest/api/3/changelog/bulkfetch',
    'POST /rest/api/3/changelog/bulkfetch',
  ]);
  expect(fake.calls[0]?.body).toEqual({ issueIdsOrKeys: ['10', '11'], maxResults: 1000 });
  expect(fetched.byIssueId.get('10')?.map((h) => h.id)).toEqual(['100', '101']);
  expect(fetched.byIssueId.get('11')?.map((h) => h.id)).toEqual(['201']);
  expect(fetched.byIssueId.has('99')).toBe(false);
  expect(fetched.gaps).toEqual([]);
});

test("a bulk history whose created is an epoch number (as in Atlassian's example) is read as an ISO time", async () => {
  fake = installFakeForgeFetch(() =>
    jsonResponse({
      issueChangeLogs: [{ issueId: '10', changeHistories: [{ ...history('1', ''), created: 1492070429 }] }],
    }),
  );
  const fetched = await client().fetchChangelogs([A]);
  expect(fetched.byIssueId.get('10')?.[0]?.created).toBe('2017-04-13T08:00:29.000Z');
});

test('more issues than one bulk call takes are sent in batches of at most the limit', async () => {
  fake = installFakeForgeFetch(() => jsonResponse({ issueChangeLogs: [] }));
  const fetched = await client({ bulkChangelogIssues: 2 }).fetchChangelogs([A, B, C]);
  expect(fake.calls.map((c) => (c.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys)).toEqual([
    ['10', '11'],
    ['12'],
  ]);
  expect([...fetched.byIssueId.keys()]).toEqual(['10', '11', '12']);
});

test.each([400, 403, 404, 405])(
  'bulk refused with %i falls back to per-issue paging, and the fallback sticks for the run',
  async (status) => {
    fake = installFakeForgeFetch((call) => {
      if (call.path === '/rest/api/3/changelog/bulkfetch')
        return jsonResponse({ errorMessages: ['no'] }, status);
      const url = new URL(`http://x${call.path}`);
      const startAt = Number(url.searchParams.get('startAt'));
      const key = url.pathname.split('/')[5];
      const all = [history(`${key}-1`, '2024-01-01T00:00:00Z'), history(`${key}-2`, '2024-01-02T00:00:00Z')];
      return jsonResponse({ values: all.slice(startAt, startAt + 1), startAt, maxResults: 1, total: 2 });
    });
    const jira = client({ issueChangelogPageSize: 1 });
    const first = await jira.fetchChangelogs([A]);
    expect(first.byIssueId.get('10')?.map((h) => h.id)).toEqual(['ABC-1-1', 'ABC-1-2']);
    expect(jira.usesBulkChangelog).toBe(false);

    const second = await jira.fetchChangelogs([B]);
    expect(second.byIssueId.get('11')?.map((h) => h.id)).toEqual(['ABC-2-1', 'ABC-2-2']);
    expect(fake.calls.map((c) => c.path)).toEqual([
      '/rest/api/3/changelog/bulkfetch',
      '/rest/api/3/issue/ABC-1/changelog?startAt=0&maxResults=1',
      '/rest/api/3/issue/ABC-1/changelog?startAt=1&maxResults=1',
      '/rest/api/3/issue/ABC-2/changelog?startAt=0&maxResults=1',
      '/rest/api/3/issue/ABC-2/changelog?startAt=1&maxResults=1',
    ]);
  },
);

test('a server error on bulk is not a refusal: tried once more, it fails the read', async () => {
  fake = installFakeForgeFetch(() => jsonResponse({}, 500));
  await expect(client().fetchChangelogs([A])).rejects.toBeInstanceOf(JiraError);
  expect(fake.calls).toHaveLength(2);
  expect(fake.calls.every((call) => call.path === '/rest/api/3/changelog/bulkfetch')).toBe(true);
});

test('in the fallback, an issue gone since the search becomes a gap for that issue only', async () => {
  fake = installFakeForgeFetch((call) => {
    if (call.path === '/rest/api/3/changelog/bulkfetch') return jsonResponse({}, 403);
    if (call.path.includes('ABC-1/')) return jsonResponse({ errorMessages: ['gone'] }, 404);
    return jsonResponse({
      values: [history('5', '2024-01-01T00:00:00Z')],
      startAt: 0,
      maxResults: 100,
      total: 1,
    });
  });
  const fetched = await client().fetchChangelogs([A, B]);
  expect(fetched.byIssueId.get('10')).toEqual([]);
  expect(fetched.byIssueId.get('11')?.map((h) => h.id)).toEqual(['5']);
  expect(fetched.gaps).toEqual([
    {
      kind: 'unavailable',
      message: 'The history of ABC-1 could not be read (not found); it is left out.',
      issueKey: 'ABC-1',
      project: 'ABC',
    },
  ]);
});

test('oldestFirst orders by time across offsets, then by id, and keeps each id once', () => {
  const sorted = oldestFirst([
    history('3', '2024-01-01T12:00:00.000+0100'),
    history('2', '2024-01-01T11:30:00.000+0000'),
    history('10', '2024-01-01T11:30:00.000+0000'),
    history('2', '2024-01-01T11:30:00.000+0000'),
  ]);
  expect(sorted.map((h) => h.id)).toEqual(['3', '2', '10']);
});

test('withChangelogs puts every history into changelog.histories and states the total', () => {
  const issue = { id: '10', key: 'ABC-1', fields: {} } as unknown as JiraIssue;
  const [merged] = withChangelogs([issue], {
    byIssueId: new Map([
      ['10', [history('1', '2024-01-01T00:00:00Z'), history('2', '2024-01-02T00:00:00Z')]],
    ]),
    gaps: [],
  });
  expect(merged?.changelog?.histories.map((h) => h.id)).toEqual(['1', '2']);
  expect(merged?.changelog?.total).toBe(2);
});
