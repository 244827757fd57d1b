// The recorder end to end: the app's own JiraClient through the outside-Forge transport, against the local Jira
// server serving a snapshot; the recording read back must equal the source, and a stopped run must resume without
// asking again for what it already has. Counts come from the source files, requests from the server's counters.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JiraError } from '../../../src/jira/errors';
import type { JiraIssue } from '../../../src/jira/schemas';
import {
  ENDPOINTS,
  SITE_ADMIN_ACCOUNT_ID,
  startJiraServer,
  type JiraServer,
} from '../../../tools/jira-server/server';
import { RECORD_PHASES, type ProgressReport } from '../../../tools/snapshot/progress';
import { readSnapshot, siteProjectKeys, type Snapshot } from '../../../tools/snapshot/read';
import {
  RecordError,
  RecordingInterrupted,
  recordSite,
  type RecordOptions,
  type RecordState,
} from '../../../tools/snapshot/record';
import { PARTIAL_FILES, RecordStateSchema } from '../../../tools/snapshot/write';
import { mergedSnapshot, REAL_SAMPLES } from '../../jira/helpers/snapshots';
import { goraParts, removeTempSnapshots, writeTempSnapshot } from './temp-snapshot';

const TEZ = join(REAL_SAMPLES, 'apache-TEZ');
/** The bundled sample; ACME_SAMPLE_DIR points the test at another generated copy. */
const ACME = process.env.ACME_SAMPLE_DIR ?? join(__dirname, '../../../samples/acme');

const SEARCH = ENDPOINTS.searchJql;
const BULK = ENDPOINTS.bulkChangelog;

/** TEZ with a scrum board (three sprints, in Jira's closed/active/future order) and a kanban board. */
const AGILE = {
  boards: [
    {
      id: 31,
      name: 'TEZ board',
      type: 'scrum',
      location: { projectId: 12314426, projectKey: 'TEZ', projectName: 'Apache Tez' },
    },
    { id: 32, name: 'TEZ flow', type: 'kanban', location: { projectKey: 'TEZ' } },
  ],
  sprints: {
    '31': [
      {
        id: 301,
        name: 'TEZ Sprint 1',
        state: 'closed',
        startDate: '2014-06-02T09:00:00.000Z',
        endDate: '2014-06-16T09:00:00.000Z',
        completeDate: '2014-06-16T10:00:00.000Z',
        originBoardId: 31,
        goal: 'First pipeline',
      },
      {
        id: 302,
        name: 'TEZ Sprint 2',
        state: 'active',
        startDate: '2014-06-16T09:00:00.000Z',
        endDate: '2014-06-30T09:00:00.000Z',
        originBoardId: 31,
      },
      { id: 303, name: 'TEZ Sprint 3', state: 'future', originBoardId: 31 },
    ],
  },
};

/** Small pages and chunks so a 23-issue project needs several of each. */
const PAGE = 10;
const CHUNK = 5;

let source: { dir: string; remove(): void };
let sourceSnapshot: Snapshot;
let server: JiraServer;
let work: string;
let runs = 0;

beforeAll(async () => {
  source = mergedSnapshot([TEZ], undefined, AGILE);
  sourceSnapshot = await readSnapshot(source.dir);
  server = await startJiraServer({ snapshotDir: source.dir });
  work = await mkdtemp(join(tmpdir(), 'ownership-record-'));
});
afterAll(async () => {
  await server.close();
  source.remove();
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  server.setFaults([]);
  server.resetCounts();
});

function freshOut(): string {
  runs += 1;
  return join(work, `snapshot-${runs}`);
}

function options(outDir: string, more: Partial<RecordOptions> = {}): RecordOptions {
  return {
    baseUrl: server.url,
    // The local server answers a request that names no account as anonymous: the recorder acts as the site admin.
    auth: { kind: 'local', accountId: SITE_ADMIN_ACCOUNT_ID },
    projects: ['TEZ'],
    outDir,
    limits: { searchPageSize: PAGE },
    chunkIssues: CHUNK,
    estimateIssueCount: false,
    now: () => new Date('2025-03-01T12:00:00.000Z'),
    ...more,
  };
}

const withoutSelf = (value: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'self'));

/**
 * What must survive a recording. `self` (and the issue's `expand`) are left out: Jira writes its own address into
 * them, so a recording from another host differs there by design.
 */
function normalised(snapshot: Snapshot) {
  const issue = (i: JiraIssue) => ({
    id: i.id,
    key: i.key,
    fields: i.fields,
    total: i.changelog?.total,
    histories: i.changelog?.histories,
  });
  return JSON.parse(
    JSON.stringify({
      fields: snapshot.fields,
      statuses: snapshot.statuses,
      boards: snapshot.boards.map(withoutSelf),
      sprints: Object.fromEntries(
        Object.entries(snapshot.sprints).map(([board, list]) => [board, list.map(withoutSelf)]),
      ),
      issues: [...snapshot.issues].sort((a, b) => a.key.localeCompare(b.key)).map(issue),
    }),
  ) as unknown;
}

function historyCount(snapshot: Snapshot): number {
  return snapshot.issues.reduce((n, i) => n + (i.changelog?.histories.length ?? 0), 0);
}

/** Issues in key order as search returns them (ORDER BY key: project, then number). */
function issuesInKeyOrder(snapshot: Snapshot): JiraIssue[] {
  const number = (key: string) => Number(key.split('-')[1]);
  return [...snapshot.issues].sort((a, b) => number(a.key) - number(b.key));
}

async function readState(outDir: string): Promise<RecordState> {
  return RecordStateSchema.parse(
    JSON.parse(await readFile(join(`${outDir}.partial`, PARTIAL_FILES.state), 'utf8')),
  );
}

/** A fetch that notes the issue ids of every bulkfetch request before sending it on. */
function watchingBulkfetch(): { fetch: typeof fetch; batches: string[][] } {
  const batches: string[][] = [];
  return {
    batches,
    fetch: async (input, init) => {
      if (String(input).endsWith('/rest/api/3/changelog/bulkfetch') && typeof init?.body === 'string') {
        batches.push((JSON.parse(init.body) as { issueIdsOrKeys: string[] }).issueIdsOrKeys);
      }
      return fetch(input, init);
    },
  };
}

describe('recording a site from the local Jira server', () => {
  it('reads back equal to the source: issues, every history oldest first, fields, statuses, boards, sprints', async () => {
    const out = freshOut();
    const result = await recordSite(options(out));
    const recorded = await readSnapshot(out);

    expect(normalised(recorded)).toEqual(normalised(sourceSnapshot));
    expect(recorded.site).toEqual({
      baseUrl: server.url,
      recordedAt: '2025-03-01T12:00:00.000Z',
      projects: [{ key: 'TEZ', name: 'Apache Tez', id: '12314426' }],
    });
    expect(existsSync(join(out, 'permissions.json'))).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);

    const issues = sourceSnapshot.issues.length;
    expect(result).toMatchObject({
      resumed: false,
      projects: ['TEZ'],
      issues,
      histories: historyCount(sourceSnapshot),
      boards: 2,
      sprints: 3,
      gaps: [],
      retries: 0,
    });
    // One request per page and per chunk (every chunk's histories fit one bulkfetch page of 1000).
    expect(server.requestCounts()).toEqual({
      [ENDPOINTS.fields]: 1,
      [ENDPOINTS.statuses]: 1,
      [ENDPOINTS.projectSearch]: 1,
      [ENDPOINTS.boards]: 1,
      [ENDPOINTS.boardSprints]: 1,
      [SEARCH]: Math.ceil(issues / PAGE),
      [BULK]: Math.ceil(issues / CHUNK),
    });
    expect(result.requests).toBe(5 + Math.ceil(issues / PAGE) + Math.ceil(issues / CHUNK));
    expect(result.bytesReceived).toBeGreaterThan(result.bytesWritten['issues.ndjson'] ?? 0);
    expect(Object.keys(result.bytesWritten)).toEqual([
      'boards.json',
      'fields.json',
      'issues.ndjson',
      'site.json',
      'sprints.json',
      'statuses.json',
    ]);
  });

  it('writes issues in key order, one per line, with changelog.total = the number of histories', async () => {
    const out = freshOut();
    await recordSite(options(out));
    const lines = (await readFile(join(out, 'issues.ndjson'), 'utf8')).trimEnd().split('\n');
    const issues = lines.map((line) => JSON.parse(line) as JiraIssue);
    expect(issues.map((i) => i.key)).toEqual(issuesInKeyOrder(sourceSnapshot).map((i) => i.key));
    for (const issue of issues) {
      expect(issue.changelog?.total).toBe(issue.changelog?.histories.length);
      const created = (issue.changelog?.histories ?? []).map((h) => Date.parse(h.created));
      expect(created).toEqual([...created].sort((a, b) => a - b));
    }
  });

  it('reports the phases in order: fields, statuses, projects, boards, sprints, issues, changelogs, writing', async () => {
    const reports: ProgressReport[] = [];
    await recordSite(options(freshOut(), { onProgress: (r) => reports.push(r) }));
    const phases = reports.map((r) => r.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual([...RECORD_PHASES]);
    const issues = sourceSnapshot.issues.length;
    // search/jql has no total: the count goes up page by page, the total is known once the search ends.
    const issueReports = reports.filter((r) => r.phase === 'issues');
    expect(issueReports.slice(0, -1).map((r) => [r.done, r.total])).toEqual([
      [0, undefined],
      [10, undefined],
      [20, undefined],
      [23, undefined],
    ]);
    expect(issueReports.at(-1)).toEqual({ phase: 'issues', done: issues, total: issues });
    const changelogs = reports.filter((r) => r.phase === 'changelogs');
    expect(changelogs.every((r) => r.total === issues)).toBe(true);
    expect(changelogs.at(-1)?.done).toBe(issues);
  });

  it('asks Jira for an estimated issue count once, and counts up without a total when there is none', async () => {
    const reports: ProgressReport[] = [];
    await recordSite(options(freshOut(), { estimateIssueCount: true, onProgress: (r) => reports.push(r) }));
    // The local server has no search/approximate-count: one 404, and the bar counts up instead.
    expect(server.requestCounts().unknown).toBe(1);
    expect(reports.filter((r) => r.phase === 'issues' && r.total !== undefined)).toHaveLength(1);
  });

  it('records only the boards asked for, with their sprints', async () => {
    const out = freshOut();
    const result = await recordSite(options(out, { boards: [31] }));
    const recorded = await readSnapshot(out);
    expect(recorded.boards.map((b) => b.id)).toEqual([31]);
    expect(Object.keys(recorded.sprints)).toEqual(['31']);
    expect(result.sprints).toBe(3);
  });

  it('refuses a board that is not a board of the projects, before reading any issue', async () => {
    await expect(recordSite(options(freshOut(), { boards: [99] }))).rejects.toThrow(
      'Board 99 is not a board of TEZ that this account can see (boards found: 31, 32).',
    );
    expect(server.requestCounts()[SEARCH]).toBeUndefined();
  });

  it('refuses a project the site does not have', async () => {
    const out = freshOut();
    await expect(recordSite(options(out, { projects: ['NOPE'] }))).rejects.toThrow(
      `Project NOPE is not on ${server.url}, or this account cannot browse it.`,
    );
    expect(server.requestCounts()[SEARCH]).toBeUndefined();
  });

  it('reads changelogs one issue at a time where the site refuses bulkfetch, and records the same', async () => {
    server.setFaults([{ kind: 'refuse', status: 404, endpoint: BULK }]);
    const out = freshOut();
    await recordSite(options(out));
    expect(normalised(await readSnapshot(out))).toEqual(normalised(sourceSnapshot));
    const counts = server.requestCounts();
    expect(counts[BULK]).toBe(1);
    // Every TEZ issue has at most 100 histories: one changelog page each.
    expect(Math.max(...sourceSnapshot.issues.map((i) => i.changelog?.histories.length ?? 0))).toBeLessThan(
      100,
    );
    expect(counts[ENDPOINTS.issueChangelog]).toBe(sourceSnapshot.issues.length);
  });
});

/**
 * A fetch that answers as a real Jira Cloud site would for an account allowed to see e-mail addresses: every
 * object of every response (users, fields, boards, histories, page wrappers…) gets an `emailAddress`.
 */
function withEmailAddresses(): { fetch: typeof fetch; added: () => number } {
  let added = 0;
  const addTo = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(addTo);
    if (value === null || typeof value !== 'object') return value;
    added += 1;
    const entries = Object.entries(value).map(([key, inner]) => [key, addTo(inner)]);
    return { ...Object.fromEntries(entries), emailAddress: `person${added}@example.com` };
  };
  return {
    added: () => added,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const text = await response.text();
      if (!response.ok || text === '') return new Response(text, response);
      return new Response(JSON.stringify(addTo(JSON.parse(text))), {
        status: response.status,
        headers: response.headers,
      });
    },
  };
}

/** Every file under `dir` (the partial folder or the snapshot) that holds the text `emailAddress`. */
function filesWithEmailAddresses(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => readFileSync(join(dir, name), 'utf8').includes('emailAddress'));
}

describe('e-mail addresses are never stored', () => {
  it('a site that sends them at every depth is recorded without any, in the partial folder and the snapshot', async () => {
    const out = freshOut();
    const site = withEmailAddresses();
    const partialFilesWithEmail = new Set<string>();
    let checkpoints = 0;
    await recordSite(
      options(out, {
        fetch: site.fetch,
        // After every page and chunk: what an interrupted run would leave on disk.
        onCheckpoint: () => {
          checkpoints += 1;
          for (const name of filesWithEmailAddresses(`${out}.partial`)) partialFilesWithEmail.add(name);
        },
      }),
    );
    // More addresses were sent than the source has histories: users, fields, boards and sprints had them too.
    expect(site.added()).toBeGreaterThan(historyCount(sourceSnapshot));
    expect(checkpoints).toBeGreaterThan(5);
    expect([...partialFilesWithEmail]).toEqual([]);
    expect(readdirSync(out).sort()).toEqual([
      'boards.json',
      'fields.json',
      'issues.ndjson',
      'site.json',
      'sprints.json',
      'statuses.json',
    ]);
    expect(filesWithEmailAddresses(out)).toEqual([]);
    // Only the e-mail addresses went: the rest reads back equal to the source.
    expect(normalised(await readSnapshot(out))).toEqual(normalised(sourceSnapshot));
  });

  it('a partial folder an older recorder left with e-mail addresses is finished without them', async () => {
    const out = freshOut();
    const stop = new AbortController();
    const first = recordSite(
      options(out, {
        signal: stop.signal,
        onCheckpoint: (state) => {
          if (state.changelogs.issuesDone >= CHUNK) stop.abort();
        },
      }),
    );
    await expect(first).rejects.toThrow(RecordingInterrupted);
    // What an older recorder would have written: the same lines with an e-mail address on every user.
    const partial = `${out}.partial`;
    for (const name of [PARTIAL_FILES.issues, PARTIAL_FILES.changelogs, 'fields.json', 'boards.json']) {
      const file = join(partial, name);
      const text = readFileSync(file, 'utf8').replace(
        /"displayName":/g,
        '"emailAddress":"old@example.com","displayName":',
      );
      await writeFile(file, text);
    }
    expect(filesWithEmailAddresses(partial).length).toBeGreaterThan(0);
    const state = await readState(out);
    // The data files were rewritten longer: point the checkpoint at their new ends so nothing is cut back.
    const size = (name: string) => readFileSync(join(partial, name)).length;
    await writeFile(
      join(partial, PARTIAL_FILES.state),
      JSON.stringify({
        ...state,
        issues: { ...state.issues, bytes: size(PARTIAL_FILES.issues) },
        changelogs: { ...state.changelogs, bytes: size(PARTIAL_FILES.changelogs) },
      }),
    );
    await recordSite(options(out));
    expect(filesWithEmailAddresses(out)).toEqual([]);
    expect(normalised(await readSnapshot(out))).toEqual(normalised(sourceSnapshot));
  });
});

describe('recording the local Jira server names who records', () => {
  it('without an account the server answers as anonymous: the recording stops before any issue is read', async () => {
    const out = freshOut();
    await expect(recordSite(options(out, { auth: { kind: 'local' } }))).rejects.toThrow(
      `Project TEZ is not on ${server.url}, or this account cannot browse it.`,
    );
    expect(server.requestCounts()[SEARCH]).toBeUndefined();
    expect(server.requestCounts()[BULK]).toBeUndefined();
  });
});

describe('a recording that stops half way', () => {
  it('keeps the finished changelog chunks, and the second run asks only for the rest', async () => {
    const out = freshOut();
    const watch = watchingBulkfetch();
    let faulted = false;
    const firstRun = recordSite(
      options(out, {
        fetch: watch.fetch,
        onCheckpoint: (state) => {
          if (!faulted && state.changelogs.issuesDone >= CHUNK) {
            faulted = true;
            server.setFaults([{ kind: 'server-error', endpoint: BULK }]);
          }
        },
      }),
    );
    await expect(firstRun).rejects.toThrow(JiraError);
    await expect(firstRun).rejects.toMatchObject({
      status: 500,
      endpoint: 'POST /rest/api/3/changelog/bulkfetch',
    });
    expect(existsSync(out)).toBe(false);
    const state = await readState(out);
    expect(state.issues).toMatchObject({ complete: true, count: sourceSnapshot.issues.length });
    expect(state.changelogs.issuesDone).toBe(CHUNK);
    const finished = watch.batches[0] ?? [];
    expect(finished).toHaveLength(CHUNK);

    server.setFaults([]);
    server.resetCounts();
    watch.batches.length = 0;
    const result = await recordSite(options(out, { fetch: watch.fetch }));

    const remaining = sourceSnapshot.issues.length - CHUNK;
    // Nothing but the unfinished chunks: no fields, statuses, projects, boards, sprints or search again.
    expect(server.requestCounts()).toEqual({ [BULK]: Math.ceil(remaining / CHUNK) });
    expect(watch.batches.flat().filter((id) => finished.includes(id))).toEqual([]);
    expect(watch.batches.flat()).toHaveLength(remaining);
    expect(result.resumed).toBe(true);
    expect(result.histories).toBe(historyCount(sourceSnapshot));
    expect(normalised(await readSnapshot(out))).toEqual(normalised(sourceSnapshot));
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('continues the search from the saved page token', async () => {
    const out = freshOut();
    let faulted = false;
    const firstRun = recordSite(
      options(out, {
        onCheckpoint: (state) => {
          if (!faulted && state.issues.count >= PAGE) {
            faulted = true;
            server.setFaults([{ kind: 'server-error', endpoint: SEARCH }]);
          }
        },
      }),
    );
    await expect(firstRun).rejects.toMatchObject({ status: 500 });
    const state = await readState(out);
    expect(state.issues).toMatchObject({ complete: false, count: PAGE });
    expect(state.issues.nextPageToken).toEqual(expect.any(String));
    // The first page, then the second tried twice: a 500 on a read is retried once.
    expect(server.requestCounts()[SEARCH]).toBe(3);
    expect(server.requestCounts()[BULK]).toBeUndefined();

    server.setFaults([]);
    server.resetCounts();
    await recordSite(options(out));
    const issues = sourceSnapshot.issues.length;
    expect(server.requestCounts()).toEqual({
      [SEARCH]: Math.ceil((issues - PAGE) / PAGE),
      [BULK]: Math.ceil(issues / CHUNK),
    });
    expect(normalised(await readSnapshot(out))).toEqual(normalised(sourceSnapshot));
  });

  it('searches again from the start when Jira no longer accepts the saved token, writing no issue twice', async () => {
    const out = freshOut();
    const stop = new AbortController();
    const firstRun = recordSite(
      options(out, { signal: stop.signal, onCheckpoint: (s) => s.issues.count >= PAGE && stop.abort() }),
    );
    await expect(firstRun).rejects.toThrow(RecordingInterrupted);
    // A token Jira does not know any more is a 400, as an expired one would be.
    const stateFile = join(`${out}.partial`, PARTIAL_FILES.state);
    const state = await readState(out);
    await writeFile(
      stateFile,
      JSON.stringify({ ...state, issues: { ...state.issues, nextPageToken: 'expired' } }),
    );

    server.resetCounts();
    const notes: string[] = [];
    await recordSite(options(out, { onNote: (n) => notes.push(n) }));
    const issues = sourceSnapshot.issues.length;
    expect(server.requestCounts()[SEARCH]).toBe(1 + Math.ceil(issues / PAGE));
    expect(notes.some((n) => n.startsWith('Jira no longer accepts the saved search position'))).toBe(true);
    expect(normalised(await readSnapshot(out))).toEqual(normalised(sourceSnapshot));
  });

  it('stops at a page boundary when asked, and cuts a torn append back to the checkpoint on resume', async () => {
    const out = freshOut();
    const stop = new AbortController();
    const firstRun = recordSite(
      options(out, {
        signal: stop.signal,
        onCheckpoint: (state) => state.changelogs.issuesDone >= 2 * CHUNK && stop.abort(),
      }),
    );
    await expect(firstRun).rejects.toThrow(
      `Recording stopped; everything fetched so far is kept in ${out}.partial. Run the same command again to resume.`,
    );
    // A crash between writing data and saving the checkpoint leaves bytes the checkpoint does not cover.
    await appendFile(join(`${out}.partial`, PARTIAL_FILES.changelogs), '{"issueId":"torn","histo');
    await appendFile(join(`${out}.partial`, PARTIAL_FILES.issues), '{"id":"1","key":"TORN-1"}\n');

    server.resetCounts();
    await recordSite(options(out));
    const remaining = sourceSnapshot.issues.length - 2 * CHUNK;
    expect(server.requestCounts()).toEqual({ [BULK]: Math.ceil(remaining / CHUNK) });
    expect(normalised(await readSnapshot(out))).toEqual(normalised(sourceSnapshot));
  });

  it('refuses to resume a partial folder with another command, without sending a request', async () => {
    const out = freshOut();
    const stop = new AbortController();
    await expect(
      recordSite(options(out, { signal: stop.signal, onCheckpoint: () => stop.abort() })),
    ).rejects.toThrow(RecordingInterrupted);
    server.resetCounts();
    await expect(recordSite(options(out, { projects: ['TEZ', 'GORA'] }))).rejects.toThrow(
      `${out}.partial holds a recording of another command (--site ${server.url} --project TEZ); ` +
        `run that command to finish it, or remove ${out}.partial to start again.`,
    );
    expect(server.requestCounts()).toEqual({});
  });

  it('refuses to overwrite a finished snapshot, without sending a request', async () => {
    const out = freshOut();
    await mkdir(out);
    await expect(recordSite(options(out))).rejects.toThrow(RecordError);
    await expect(recordSite(options(out))).rejects.toThrow(`${out} already exists`);
    expect(server.requestCounts()).toEqual({});
  });
});

describe('recording a project without issues', () => {
  it('writes an empty issues.ndjson and the project in site.json', async () => {
    const parts = await goraParts();
    const dir = await writeTempSnapshot({
      ...parts,
      site: {
        baseUrl: 'https://example.atlassian.net',
        recordedAt: '2025-01-01T00:00:00.000Z',
        projects: [{ key: 'EMPTY', name: 'Nothing yet', id: '4242' }],
      },
      issues: '',
    });
    const empty = await startJiraServer({ snapshotDir: dir });
    try {
      const out = freshOut();
      const result = await recordSite({ ...options(out), baseUrl: empty.url, projects: ['EMPTY'] });
      expect(result).toMatchObject({ issues: 0, histories: 0, boards: 0, sprints: 0 });
      const recorded = await readSnapshot(out);
      expect(recorded.issues).toEqual([]);
      expect(recorded.site.projects).toEqual([{ key: 'EMPTY', name: 'Nothing yet', id: '4242' }]);
      expect(empty.requestCounts()[SEARCH]).toBe(1);
      expect(empty.requestCounts()[BULK]).toBeUndefined();
    } finally {
      await empty.close();
      await removeTempSnapshots();
    }
  });
});

const acmePresent = existsSync(join(ACME, 'site.json'));

(acmePresent ? describe : describe.skip)('recording the bundled acme sample', () => {
  let acme: JiraServer;
  let acmeSnapshot: Snapshot;
  beforeAll(async () => {
    acmeSnapshot = await readSnapshot(ACME);
    acme = await startJiraServer({ snapshotDir: ACME });
  });
  afterAll(async () => acme?.close());

  it('reads back equal to samples/acme', async () => {
    const out = freshOut();
    const result = await recordSite({
      baseUrl: acme.url,
      auth: { kind: 'local', accountId: SITE_ADMIN_ACCOUNT_ID },
      projects: siteProjectKeys(acmeSnapshot.site),
      outDir: out,
      estimateIssueCount: false,
    });
    expect(normalised(await readSnapshot(out))).toEqual(normalised(acmeSnapshot));
    expect(result.issues).toBe(acmeSnapshot.issues.length);
    expect(acme.requestCounts()[SEARCH]).toBe(Math.ceil(acmeSnapshot.issues.length / 100));
    expect(result.histories).toBe(historyCount(acmeSnapshot));
  });
});
