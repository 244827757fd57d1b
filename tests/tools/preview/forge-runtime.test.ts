// The emulated runtime globals: installed while a preview runs, per invocation, and restored afterwards.
import api, { route } from '@forge/api';
import {
  acquireForgeRuntime,
  contextAri,
  installationAri,
  NoUserToActForError,
  runInInvocation,
  type Invocation,
} from '../../../tools/preview/forge-runtime';
import type { JiraTarget } from '../../../tools/preview/jira-target';

type Globals = typeof globalThis & { __forge_fetch__?: unknown; __forge_runtime__?: unknown };

test('the globals are installed once for all previews and the last release restores what was there', () => {
  const globals = globalThis as Globals;
  const before = () => 'someone else';
  globals.__forge_fetch__ = before;
  const releaseFirst = acquireForgeRuntime();
  const releaseSecond = acquireForgeRuntime();
  const installed = globals.__forge_fetch__;
  expect(installed).not.toBe(before);
  releaseFirst();
  releaseFirst(); // releasing twice counts once
  expect(globals.__forge_fetch__).toBe(installed);
  releaseSecond();
  expect(globals.__forge_fetch__).toBe(before);
  expect('__forge_runtime__' in globals).toBe(false);
  delete globals.__forge_fetch__;
});

test('a product request outside any invocation fails clearly instead of acting as nobody', async () => {
  const release = acquireForgeRuntime();
  try {
    await expect(api.asUser().requestJira(route`/rest/api/3/myself`)).rejects.toThrow(
      'A product request (/rest/api/3/myself) was made outside a preview invocation',
    );
    expect((globalThis as Globals).__forge_runtime__).toBeUndefined();
  } finally {
    release();
  }
});

describe('asUser() in an invocation that has no principal', () => {
  /** An invocation nobody started (as a trigger's), whose Jira requests are noted instead of sent. */
  function unattended(accountId: string | undefined) {
    const sent: { path: string; actingAccountId: string | undefined }[] = [];
    const jira: JiraTarget = {
      kind: 'local',
      baseUrl: 'http://127.0.0.1:1',
      impersonates: true,
      request: (path, _init, actingAccountId) => {
        sent.push({ path, actingAccountId });
        return Promise.resolve(Response.json({ ok: true }));
      },
    };
    const invocation: Invocation = {
      invocationId: 'inv-1',
      appId: 'app',
      environmentId: 'env',
      installationId: 'inst',
      moduleKey: 'module',
      moduleType: 'jira:projectPage',
      functionKey: 'resolver',
      accountId,
      product: 'jira',
      installContext: String(contextAri('jira', 'cloud-1')),
      cloudId: 'cloud-1',
      installation: { ari: installationAri('inst'), contexts: [contextAri('jira', 'cloud-1')] },
      jira,
      consented: true,
      deadline: Number.MAX_SAFE_INTEGER,
      requests: [],
    };
    return { invocation, sent };
  }

  test('is refused, naming the request, and nothing reaches Jira (Forge never sends it as anyone else)', async () => {
    const release = acquireForgeRuntime();
    try {
      const { invocation, sent } = unattended(undefined);
      const attempt = runInInvocation(invocation, () =>
        api.asUser().requestJira(route`/rest/api/3/search/jql`, { method: 'POST', body: '{}' }),
      );
      await expect(attempt).rejects.toThrow(NoUserToActForError);
      await expect(
        runInInvocation(invocation, () => api.asUser().requestJira(route`/rest/api/3/myself`)),
      ).rejects.toThrow(
        'asUser() cannot send GET /rest/api/3/myself: this invocation has no user (no principal) to act for.',
      );
      expect(sent).toEqual([]);
      expect(invocation.requests).toEqual([]);
    } finally {
      release();
    }
  });

  test('asUser(accountId) still acts for the account it names, and a principal is acted for as before', async () => {
    const release = acquireForgeRuntime();
    try {
      const nobody = unattended(undefined);
      await runInInvocation(nobody.invocation, () =>
        api.asUser('acc-named').requestJira(route`/rest/api/3/myself`),
      );
      const someone = unattended('acc-viewer');
      await runInInvocation(someone.invocation, () => api.asUser().requestJira(route`/rest/api/3/myself`));
      expect([...nobody.sent, ...someone.sent]).toEqual([
        { path: '/rest/api/3/myself', actingAccountId: 'acc-named' },
        { path: '/rest/api/3/myself', actingAccountId: 'acc-viewer' },
      ]);
    } finally {
      release();
    }
  });
});
