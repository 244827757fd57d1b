// The resolvers invoked exactly as Forge invokes them (getDefinitions, call + context + runtime payload), reading
// Jira through the local Jira server: payload validation, typed errors, permissions and the Confluence route.
import { join } from 'node:path';
import { NeedsAuthenticationError } from '@forge/api';
import { AnalysisResultSchema, type AnalysisResult } from '../../src/contract/analysis';
import { ConfigOptionsSchema, PersonOptionSchema, RESOLVERS } from '../../src/contract/requests';
import type { ResolverResult } from '../../src/contract/result';
import { installForgeFetch } from '../../src/jira/transport/forge-fetch';
import { analyse } from '../../src/ownership/analyse';
import { AnalysisConfigSchema } from '../../src/ownership/config';
import { handler } from '../../src/index';
import { startJiraServer, type JiraServer } from '../../tools/jira-server/server';
import { readSnapshot, snapshotToSiteData } from '../../tools/snapshot/read';
import { installFakeForgeFetch, jsonResponse } from '../jira/helpers/fake-forge-fetch';
import { mergedSnapshot, REAL_SAMPLES } from '../jira/helpers/snapshots';

const TEZ = join(REAL_SAMPLES, 'apache-TEZ');
const GORA = join(REAL_SAMPLES, 'apache-GORA');
const CLOUD_ID = 'c0ffee00-0000-4000-8000-000000000001';
const JIRA_ARI = `ari:cloud:jira::site/${CLOUD_ID}`;
const CONFLUENCE_ARI = `ari:cloud:confluence::site/${CLOUD_ID}`;
const NOW = '2015-05-01T00:00:00.000Z';

let merged: ReturnType<typeof mergedSnapshot>;
let server: JiraServer;
let uninstall: () => void;
let viewer: string | undefined;

beforeAll(async () => {
  merged = mergedSnapshot(
    [TEZ, GORA],
    {
      hitesh: { displayName: 'Hitesh Shah', projects: ['TEZ', 'GORA'] },
      alice: { displayName: 'Alice', projects: ['TEZ'] },
      nobody: { displayName: 'Nobody', projects: [] },
    },
    {},
    // Server-era people have no accountId, so one Cloud person (with an e-mail that must never travel) is added.
    (issue, index) => {
      if (index === 0) {
        const fields = issue.fields as Record<string, unknown>;
        fields.assignee = {
          accountId: 'ada-1',
          displayName: 'Ada Lovelace',
          active: false,
          emailAddress: 'ada@example.com',
        };
      }
    },
  );
  server = await startJiraServer({ snapshotDir: merged.dir, port: 0 });
  uninstall = installForgeFetch({ baseUrl: server.url, auth: { kind: 'local', accountId: () => viewer } });
});

afterAll(async () => {
  uninstall();
  await server.close();
  merged.remove();
});

beforeEach(() => {
  jest.useFakeTimers({
    now: new Date(NOW),
    doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'],
  });
  server.setFaults([]);
  server.resetCounts();
});
afterEach(() => jest.useRealTimers());

/** Invokes a resolver the way the Forge runtime does, as `accountId`, from Jira or from a Confluence macro. */
async function invoke<T = AnalysisResult>(
  functionKey: string,
  payload: unknown,
  options: { accountId: string; extension: Record<string, unknown>; from?: 'jira' | 'confluence' },
): Promise<ResolverResult<T>> {
  viewer = options.accountId;
  const installContext = options.from === 'confluence' ? CONFLUENCE_ARI : JIRA_ARI;
  const installation = { contexts: [CONFLUENCE_ARI, JIRA_ARI] };
  const result = await handler(
    {
      call: { functionKey, payload: payload as Record<string, unknown> },
      context: { extension: options.extension },
    },
    { principal: { accountId: options.accountId }, installContext, installation },
  );
  return JSON.parse(JSON.stringify(result)) as ResolverResult<T>;
}

const macro = (config?: unknown) => ({ type: 'macro', config });

describe('getOwnershipMap (macro)', () => {
  it('an unconfigured macro answers not-configured, not an error page', async () => {
    const result = await invoke(
      RESOLVERS.ownershipMap,
      {},
      { accountId: 'hitesh', extension: macro(), from: 'confluence' },
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-configured' }) });
    expect(server.requestCounts()).toEqual({});
  });

  it('a bad saved config names each bad setting and reads nothing from Jira', async () => {
    const config = { scope: { projects: ['TEZ'] }, thresholds: { accountableShare: 2 } };
    const result = await invoke(
      RESOLVERS.ownershipMap,
      {},
      { accountId: 'hitesh', extension: macro(config), from: 'confluence' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-config');
    expect(result.error.fields?.map((f) => f.path)).toEqual(['thresholds.accountableShare']);
    expect(server.requestCounts()).toEqual({});
  });

  it('from Confluence it reads Jira through the Jira installation and returns the same result as the analysis', async () => {
    const config = { scope: { projects: ['TEZ', 'GORA'] } };
    const result = await invoke(
      RESOLVERS.ownershipMap,
      {},
      { accountId: 'hitesh', extension: macro(config), from: 'confluence' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = AnalysisResultSchema.parse(result.data);
    expect(data.completeness.complete).toBe(true);
    expect(data.stats.issues).toBe(42);
    // One path: what the resolver returns equals the analysis of the snapshot read directly from disk.
    const site = snapshotToSiteData(await readSnapshot(merged.dir));
    const direct = analyse(site, AnalysisConfigSchema.parse(config), new Date(NOW));
    expect(data.rows).toEqual(JSON.parse(JSON.stringify(direct.rows)));
    expect(data.warnings).toEqual(JSON.parse(JSON.stringify(direct.warnings)));
  });

  it('the payload cannot smuggle a scope: unknown payload keys are refused', async () => {
    const result = await invoke(
      RESOLVERS.ownershipMap,
      { scope: { projects: ['GORA'] } },
      { accountId: 'alice', extension: macro({ scope: { projects: ['TEZ'] } }), from: 'confluence' },
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad-request' }) });
  });

  it('a viewer who may browse only TEZ sees TEZ, and the map says GORA is missing', async () => {
    const config = { scope: { projects: ['TEZ', 'GORA'] } };
    const result = await invoke(
      RESOLVERS.ownershipMap,
      {},
      { accountId: 'alice', extension: macro(config), from: 'confluence' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.stats.issues).toBe(23);
    expect(result.data.completeness.complete).toBe(false);
    expect(result.data.completeness.gaps).toEqual([
      expect.objectContaining({
        kind: 'no-access',
        project: 'GORA',
        message: 'You cannot browse project GORA in Jira.',
      }),
    ]);
    const keys = result.data.rows.flatMap((r) => r.cells.flatMap((c) => c.evidence.map((e) => e.issueKey)));
    expect(keys.some((k) => k.startsWith('GORA-'))).toBe(false);
  });

  it('a viewer who may browse nothing in scope gets the no-access state', async () => {
    const config = { scope: { projects: ['TEZ'] } };
    const result = await invoke(
      RESOLVERS.ownershipMap,
      {},
      { accountId: 'nobody', extension: macro(config), from: 'confluence' },
    );
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'no-access', message: expect.stringContaining('TEZ') }),
    });
  });

  it('429 then success gives the whole map', async () => {
    server.setFaults([
      { kind: 'rate-limit', retryAfterSeconds: 0, times: 1, endpoint: 'POST /rest/api/3/search/jql' },
    ]);
    const result = await invoke(
      RESOLVERS.ownershipMap,
      {},
      { accountId: 'hitesh', extension: macro({ scope: { projects: ['TEZ'] } }) },
    );
    expect(result.ok && result.data.stats.issues).toBe(23);
    expect(server.requestCounts()['POST /rest/api/3/search/jql']).toBe(2);
  });

  it('a persistent Jira failure gives a jira-error and no map', async () => {
    server.setFaults([
      { kind: 'server-error', status: 500, endpoint: 'POST /rest/api/3/changelog/bulkfetch' },
    ]);
    const result = await invoke(
      RESOLVERS.ownershipMap,
      {},
      { accountId: 'hitesh', extension: macro({ scope: { projects: ['TEZ'] } }) },
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'jira-error' }) });
  });
});

describe('getProjectAnalysis (Jira views)', () => {
  it('reads the project of the project page', async () => {
    const result = await invoke(
      RESOLVERS.projectAnalysis,
      {},
      {
        accountId: 'hitesh',
        extension: { type: 'jira:projectPage', project: { key: 'GORA', id: '10000' } },
      },
    );
    expect(result.ok && result.data.scope.projects).toEqual(['GORA']);
  });

  it('bad query parameters give a bad-request, never a crash', async () => {
    const result = await invoke(
      RESOLVERS.projectAnalysis,
      { boardId: 'x', window: { kind: 'dates', from: 'soon' } },
      {
        accountId: 'hitesh',
        extension: { type: 'jira:projectPage', project: { key: 'GORA' } },
      },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.fields?.map((f) => f.path).sort()).toEqual(['boardId', 'window']);
  });

  it('without a project or board in the context it says where to open it', async () => {
    const result = await invoke(
      RESOLVERS.projectAnalysis,
      {},
      { accountId: 'hitesh', extension: { type: 'jira:projectPage' } },
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad-request' }) });
  });
});

describe('configuration helpers', () => {
  it('lists only the projects the viewer can browse', async () => {
    const result = await invoke(
      RESOLVERS.configOptions,
      {},
      { accountId: 'alice', extension: macro(), from: 'confluence' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(ConfigOptionsSchema.parse(result.data).projects.map((p) => p.key)).toEqual(['TEZ']);
  });

  it('finds people by name, never by e-mail', async () => {
    const result = await invoke<unknown[]>(
      RESOLVERS.searchPeople,
      { query: 'lovel' },
      { accountId: 'alice', extension: macro(), from: 'confluence' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toEqual([{ accountId: 'ada-1', displayName: 'Ada Lovelace', active: false }]);
    expect(PersonOptionSchema.array().parse(result.data)).toHaveLength(1);
  });

  it('an empty people query is refused with a bad-request', async () => {
    const result = await invoke(
      RESOLVERS.searchPeople,
      { query: ' ' },
      { accountId: 'alice', extension: macro(), from: 'confluence' },
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad-request' }) });
  });
});

describe('consent (the user has not yet allowed the app to act for them)', () => {
  test.each([
    [RESOLVERS.ownershipMap, {}, { type: 'macro', config: { scope: { projects: ['TEZ'] } } }, 'confluence'],
    [RESOLVERS.configOptions, {}, { type: 'macro' }, 'confluence'],
    [RESOLVERS.searchPeople, { query: 'Hitesh' }, { type: 'macro' }, 'confluence'],
    [RESOLVERS.projectAnalysis, {}, { type: 'jira:projectPage', project: { key: 'TEZ' } }, 'jira'],
  ] as const)(
    '%s lets NeedsAuthenticationError leave the resolver, so Forge can prompt',
    async (key, payload, extension, from) => {
      // Forge's proxy, not Jira, answers for a user who has not consented: this header, which @forge/api turns
      // into NeedsAuthenticationError.
      const proxy = installFakeForgeFetch(() =>
        jsonResponse({}, 401, { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' }),
      );
      try {
        const thrown: unknown = await invoke(key, payload, { accountId: 'hitesh', extension, from }).catch(
          (e: unknown) => e,
        );
        expect(thrown).toBeInstanceOf(NeedsAuthenticationError);
        expect(proxy.calls.length).toBeGreaterThan(0);
      } finally {
        proxy.uninstall();
      }
    },
  );
});
