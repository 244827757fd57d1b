// Views served from the store, per viewer, through the app's own resolvers on the local platform: each viewer gets
// from the store exactly what the live path gave them, no viewer gets another's result, and what a viewer may see
// is asked of Jira at the moment of the view, so a store that is behind Jira never shows what they lost.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AnalysisResultSchema, type AnalysisResult } from '../../src/contract/analysis';
import { RESOLVERS } from '../../src/contract/requests';
import type { ResolverResult } from '../../src/contract/result';
import { JiraClient } from '../../src/jira/client';
import { AnalysisConfigSchema } from '../../src/ownership/config';
import { serveView } from '../../src/serve/serve-view';
import { Storage } from '../../src/store/storage';
import { formatCsv } from '../../tools/report/format-csv';
import { startLocalSync, type LocalSync } from '../../tools/sync/local-sync';

const ACME = path.resolve(__dirname, '../../samples/acme');
const PROJECTS = ['CHK', 'PAY', 'SRCH'];
const PRIYA = '8bd7b81342e3c818e496b63f';
const VICTOR = '8cabe2dff28a63d80613434e';
const NADIA = '712020:454bf565-ece5-47ca-b6d0-f08df3e835fc';

const AnswerSchema = z.union([
  z.object({ ok: z.literal(true), data: AnalysisResultSchema }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

async function openMap(sync: LocalSync, accountId: string): Promise<ResolverResult<AnalysisResult>> {
  const { answer } = await sync.view({
    accountId,
    functionKey: RESOLVERS.ownershipMap,
    context: {
      siteUrl: 'https://acme.atlassian.net',
      extension: { type: 'macro', config: { scope: { projects: PROJECTS } } },
    },
  });
  return AnswerSchema.parse(answer) as ResolverResult<AnalysisResult>;
}

/** The result without the line saying where it came from: the figures themselves. */
function figures(answer: ResolverResult<AnalysisResult>): unknown {
  if (!answer.ok) return answer;
  const { served: _served, ...rest } = answer.data;
  return rest;
}

/** Keys of the results kept for later views (pieces of a big result not counted). */
async function keptResults(sync: LocalSync): Promise<string[]> {
  return sync.runtime.run(async () => {
    const keys: string[] = [];
    for await (const { key } of new Storage(sync.clock).list('serve:result:', z.unknown())) {
      if (!key.includes('#')) keys.push(key);
    }
    return keys;
  });
}

describe('views served from the store', () => {
  let sync: LocalSync;
  const live = new Map<string, ResolverResult<AnalysisResult>>();

  beforeAll(async () => {
    sync = await startLocalSync({ snapshotDir: ACME, latencyMs: 0 });
    // First views: the store holds nothing, the scope is small: each is read live, and the sync is asked for.
    for (const viewer of [PRIYA, VICTOR, NADIA]) live.set(viewer, await openMap(sync, viewer));
    await sync.runtime.drain();
  });
  afterAll(async () => {
    await sync.close();
  });

  it('reads first views live and then has every project of the scope in the store', async () => {
    const priya = live.get(PRIYA);
    expect(priya?.ok && priya.data.served?.from).toBe('live');
    for (const project of PROJECTS) expect((await sync.state(project)).phase).toBe('current');
  });

  it.each([
    ['Priya (every project)', PRIYA],
    ['Victor (SRCH only)', VICTOR],
    ['Nadia (nothing)', NADIA],
  ])('gives %s from the store exactly what the live path gave', async (_name, viewer) => {
    const stored = await openMap(sync, viewer);
    const before = live.get(viewer) as ResolverResult<AnalysisResult>;
    expect(figures(stored)).toEqual(figures(before));
    if (stored.ok) expect(stored.data.served?.from).toBe('store');
  });

  it('leaves out of Victor’s map every key, person and count of the projects he cannot browse', async () => {
    const victor = await openMap(sync, VICTOR);
    if (!victor.ok) throw new Error(victor.error.message);
    const text = JSON.stringify(victor.data);
    expect(text).not.toMatch(/"(CHK|PAY)-\d+"/);
    expect(victor.data.completeness.complete).toBe(false);
    expect(victor.data.completeness.gaps.map((gap) => gap.project)).toEqual(['CHK', 'PAY']);
    const priya = await openMap(sync, PRIYA);
    expect(priya.ok && victor.data.stats.issues < priya.data.stats.issues).toBe(true);
  });

  it('never hands one viewer another’s result, interleaved, and keeps one entry per kind of viewer', async () => {
    const first = { priya: await openMap(sync, PRIYA), victor: await openMap(sync, VICTOR) };
    for (let round = 0; round < 3; round++) {
      expect(figures(await openMap(sync, VICTOR))).toEqual(figures(first.victor));
      expect(figures(await openMap(sync, PRIYA))).toEqual(figures(first.priya));
    }
    expect(figures(first.priya)).not.toEqual(figures(first.victor));
    // Priya and Victor see different records; Nadia sees none, so nothing is computed for her.
    expect(await keptResults(sync)).toHaveLength(2);
  });

  it('costs one permission check as the viewer and no other Jira request once the result is kept', async () => {
    await openMap(sync, VICTOR);
    sync.server.resetCounts();
    const answer = await openMap(sync, VICTOR);
    expect(answer.ok).toBe(true);
    expect(sync.server.requestCounts()).toEqual({ 'POST /rest/api/3/permissions/check': 1 });
  });
});

it('never shows from a store that is behind Jira a project the viewer has since lost', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ownership-serve-'));
  const snapshot = path.join(dir, 'acme');
  cpSync(ACME, snapshot, { recursive: true });
  const sync = await startLocalSync({ snapshotDir: snapshot, latencyMs: 0 });
  try {
    await openMap(sync, VICTOR);
    await sync.runtime.drain();
    const before = await openMap(sync, VICTOR);
    expect(before.ok && before.data.served?.from).toBe('store');

    // Victor loses SRCH in Jira; the store is not synced again.
    const file = path.join(snapshot, 'permissions.json');
    const permissions = JSON.parse(readFileSync(file, 'utf8')) as {
      accounts: Record<string, { projects: string[] }>;
    };
    (permissions.accounts[VICTOR] as { projects: string[] }).projects = [];
    writeFileSync(file, JSON.stringify(permissions));
    await sync.server.reload(snapshot);

    const after = await openMap(sync, VICTOR);
    expect(after.ok).toBe(false);
    if (!after.ok) expect(after.error.code).toBe('no-access');
  } finally {
    await sync.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('a scope too big to read while the viewer waits', () => {
  const serveAs = (sync: LocalSync, accountId: string) =>
    sync.runtime.run(
      () =>
        serveView({
          client: new JiraClient({ context: {} }),
          storage: new Storage(sync.clock),
          config: AnalysisConfigSchema.parse({ scope: { projects: PROJECTS } }),
          scope: { projects: PROJECTS },
          now: new Date(sync.clock.now()),
          baseUrl: 'https://acme.atlassian.net',
          requestSync: async () => {},
          liveIssueLimit: 100,
        }),
      { accountId },
    );

  it('answers with the background read’s progress for the projects the viewer may browse, then the map', async () => {
    const sync = await startLocalSync({ snapshotDir: ACME, latencyMs: 0 });
    try {
      await sync.register(PROJECTS);
      const priya = await serveAs(sync, PRIYA);
      expect(priya.ok).toBe(false);
      if (priya.ok) return;
      expect(priya.error.code).toBe('syncing');
      expect(priya.error.message).toMatch(/more than 100 issues/);
      expect(priya.error.progress?.projects.map((p) => [p.project, p.phase])).toEqual([
        ['CHK', 'waiting'],
        ['PAY', 'waiting'],
        ['SRCH', 'waiting'],
      ]);
      const victor = await serveAs(sync, VICTOR);
      expect(!victor.ok && victor.error.progress?.projects.map((p) => p.project)).toEqual(['SRCH']);

      await sync.syncNow();
      const done = await serveAs(sync, PRIYA);
      expect(done.ok && done.data.served?.from).toBe('store');
    } finally {
      await sync.close();
    }
  });
});

describe('a stored scope too big to analyse inside a view', () => {
  const serveAs = (sync: LocalSync, accountId: string) =>
    sync.runtime.run(
      () =>
        serveView({
          client: new JiraClient({ context: {} }),
          storage: new Storage(sync.clock),
          config: AnalysisConfigSchema.parse({ scope: { projects: PROJECTS } }),
          scope: { projects: PROJECTS },
          now: new Date(sync.clock.now()),
          baseUrl: 'https://acme.atlassian.net',
          requestSync: async () => {},
          inlineAnalysisLimit: 100,
        }),
      { accountId },
    );

  it('is prepared in the background once, then served; after the next sync the previous map shows as updating', async () => {
    const sync = await startLocalSync({ snapshotDir: ACME, latencyMs: 0 });
    try {
      await sync.register(PROJECTS);
      await sync.syncNow();
      const asked = await serveAs(sync, PRIYA);
      expect(!asked.ok && asked.error.code).toBe('syncing');
      expect(!asked.ok && asked.error.message).toMatch(/Preparing the map of 587 issues/);
      // Fifty viewers asking meanwhile push no second job.
      await serveAs(sync, PRIYA);
      expect(sync.runtime.queueStats().pending).toBe(1);
      await sync.runtime.drain();
      const prepared = sync.runtime.invocations.filter((r) => r.functionKey === 'serve-prepare');
      expect(prepared.map((r) => r.outcome)).toEqual(['ok']);

      const served = await serveAs(sync, PRIYA);
      expect(served.ok && served.data.served).toEqual({ from: 'store', asOf: expect.any(String) });
      // Victor may see other records: his result is his own, prepared for him.
      expect((await serveAs(sync, VICTOR)).ok).toBe(false);

      // An hour later the sync lands again: Priya sees her previous map, marked updating, until the new one is ready.
      sync.clock.advance(3_600_000);
      await sync.syncNow();
      const updating = await serveAs(sync, PRIYA);
      expect(updating.ok && updating.data.served?.updating).toBe(true);
      expect(updating.ok && updating.data.served?.asOf).toBe(served.ok && served.data.served?.asOf);
      await sync.runtime.drain();
      const fresh = await serveAs(sync, PRIYA);
      expect(fresh.ok && fresh.data.served?.updating).toBeUndefined();
      expect(fresh.ok && Date.parse(fresh.data.served?.asOf ?? '')).toBeGreaterThan(
        served.ok ? Date.parse(served.data.served?.asOf ?? '') : Infinity,
      );
    } finally {
      await sync.close();
    }
  });
});

describe('issues with a security level', () => {
  const LEVEL = { id: '10900', name: 'Security fixes (test)' };
  let dir: string;
  let snapshot: string;

  /** Rewrites the copy: `secure` issues get the level; `holders` hold it. */
  function restrict(secure: readonly string[], holders: readonly string[]): void {
    const issuesFile = path.join(snapshot, 'issues.ndjson');
    const lines = readFileSync(issuesFile, 'utf8').split('\n');
    const rewritten = lines.map((line) => {
      if (line.trim() === '') return line;
      const issue = JSON.parse(line) as { key: string; fields: Record<string, unknown> };
      if (secure.includes(issue.key)) issue.fields['security'] = LEVEL;
      return JSON.stringify(issue);
    });
    writeFileSync(issuesFile, rewritten.join('\n'));
    const permissionsFile = path.join(snapshot, 'permissions.json');
    const permissions = JSON.parse(readFileSync(permissionsFile, 'utf8')) as {
      accounts: Record<string, { projects: string[]; securityLevels?: string[] }>;
    };
    for (const [id, account] of Object.entries(permissions.accounts)) {
      account.securityLevels = holders.includes(id) ? [LEVEL.id] : [];
    }
    writeFileSync(permissionsFile, JSON.stringify(permissions));
  }

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ownership-secured-'));
    snapshot = path.join(dir, 'acme');
    cpSync(ACME, snapshot, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** An SRCH issue Priya's map names (so leaving it out is visible): the first SRCH key in her result. */
  async function namedSrchIssue(sync: LocalSync): Promise<string> {
    const priya = await openMap(sync, PRIYA);
    const key = JSON.stringify(priya).match(/"(SRCH-\d+)"/)?.[1];
    if (key === undefined) throw new Error('Priya’s map names no SRCH issue.');
    return key;
  }

  it('is absent from every figure and export of a viewer without the level, and is there for one with it', async () => {
    const probe = await startLocalSync({ snapshotDir: snapshot, latencyMs: 0 });
    const secured = await namedSrchIssue(probe).finally(() => probe.close());
    restrict([secured], [PRIYA]);
    const sync = await startLocalSync({ snapshotDir: snapshot, latencyMs: 0 });
    try {
      const liveVictor = await openMap(sync, VICTOR);
      await sync.runtime.drain();
      const victor = await openMap(sync, VICTOR);
      const priya = await openMap(sync, PRIYA);
      if (!victor.ok || !priya.ok) throw new Error('Both viewers see SRCH.');
      expect(victor.data.served?.from).toBe('store');
      expect(figures(victor)).toEqual(figures(liveVictor));
      const quoted = new RegExp(`\\b${secured}\\b`);
      expect(JSON.stringify(victor.data)).not.toMatch(quoted);
      expect(formatCsv(victor.data)).not.toMatch(quoted);
      expect(JSON.stringify(priya.data)).toMatch(quoted);
      expect(victor.data.stats.issues).toBeLessThan(priya.data.stats.issues);
    } finally {
      await sync.close();
    }
  });

  it('a store behind Jira: a level lost since the sync hides the issue; one added since is re-checked on opening', async () => {
    const probe = await startLocalSync({ snapshotDir: snapshot, latencyMs: 0 });
    const secured = await namedSrchIssue(probe).finally(() => probe.close());
    restrict([secured], [PRIYA]);
    const sync = await startLocalSync({ snapshotDir: snapshot, latencyMs: 0 });
    try {
      await openMap(sync, PRIYA);
      await sync.runtime.drain();
      const before = await openMap(sync, PRIYA);
      expect(before.ok && JSON.stringify(before.data)).toMatch(new RegExp(`\\b${secured}\\b`));

      // Priya loses the level in Jira; the store is not synced again: the view's own check leaves the issue out.
      restrict([secured], []);
      await sync.server.reload(snapshot);
      const after = await openMap(sync, PRIYA);
      expect(after.ok && after.data.served?.from).toBe('store');
      expect(after.ok && JSON.stringify(after.data)).not.toMatch(new RegExp(`\\b${secured}\\b`));

      // Another issue gets a level nobody holds after the sync: the store cannot know yet, so the map still
      // counts it, but opening its evidence asks Jira as the viewer, which no longer shows it.
      const other = (after.ok ? JSON.stringify(after.data) : '').match(/"(SRCH-\d+)"/)?.[1] as string;
      restrict([secured, other], []);
      await sync.server.reload(snapshot);
      sync.server.resetCounts();
      const { answer } = await sync.view({
        accountId: PRIYA,
        functionKey: RESOLVERS.issueDetails,
        payload: { keys: [other] },
        context: { siteUrl: 'https://acme.atlassian.net' },
      });
      expect(answer).toMatchObject({ ok: true, data: { issues: [], hidden: [other] } });
      // The story-points fields come from the stored field list: the one request is the search as the viewer.
      expect(sync.server.requestCounts()).toEqual({ 'POST /rest/api/3/search/jql': 1 });
    } finally {
      await sync.close();
    }
  });
});
