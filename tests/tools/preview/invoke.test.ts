// POST /__preview/invoke runs resolver definitions exactly as Forge calls them, from a Forge-shaped context.
import api, { getAppContext, route } from '@forge/api';
import Resolver from '@forge/resolver';
import { RESOLVERS } from '../../../src/contract/requests';
import type { ResolverHandler } from '../../../tools/preview/invoke';
import { startPreview, type PreviewServer } from '../../../tools/preview/server';
import { removeTempSnapshots } from '../snapshot/temp-snapshot';
import { PEOPLE, writePreviewSnapshot } from './fixture';
import { invoke, jiraSiteAri } from './support';

const macroFrame = { view: 'macro', accountId: PEOPLE.po.accountId };
const projectFrame = { view: 'project-page', accountId: PEOPLE.po.accountId, project: 'CHK' };

/** What a resolver saw, for the assertions below. */
type Seen = { payload: unknown; context: Record<string, unknown> };

/** The 'slow' resolver answers only when the suite ends, well past the preview's 300 ms limit. */
let finishSlow: () => void = () => {};
const slowDone = new Promise<void>((resolve) => (finishSlow = resolve));

function probeResolver(): ResolverHandler {
  const resolver = new Resolver();
  resolver.define('echo', ({ payload, context }) => ({ payload, context }) as Seen);
  resolver.define('shapes', () => ({
    when: new Date('2024-01-02T03:04:05.000Z'),
    gone: undefined,
    fn: () => 1,
    n: 1,
  }));
  resolver.define('nothing', () => undefined);
  resolver.define('appContext', () => {
    const app = getAppContext();
    return {
      moduleKey: app.moduleKey,
      contexts: app.installation?.contexts.map(String),
      env: app.environmentType,
    };
  });
  resolver.define('slow', async () => {
    await slowDone;
    return 'late';
  });
  resolver.define(
    'plainJira',
    async () => (await api.asUser().requestJira(route`/rest/api/3/myself`)).status,
  );
  resolver.define('jiraViaContext', async ({ context }) => {
    return (
      await api
        .asUser()
        .withContext(jiraSiteAri(context))
        .requestJira(route`/rest/api/3/myself`)
    ).json();
  });
  return resolver.getDefinitions() as ResolverHandler;
}

let real: PreviewServer;
let probe: PreviewServer;

beforeAll(async () => {
  const snapshotDir = await writePreviewSnapshot();
  [real, probe] = await Promise.all([
    startPreview({ snapshotDir }),
    startPreview({ snapshotDir, handler: probeResolver(), invocationTimeoutMs: 300 }),
  ]);
});

afterAll(async () => {
  finishSlow();
  await Promise.all([real?.close(), probe?.close()]);
  await removeTempSnapshots();
});

test("the app's own resolver answers from the macro, reaching Jira as the viewer", async () => {
  // getConfigOptions lists what the viewer may browse: the macro's path to Jira (withContext) as Forge runs it.
  const asOwner = await invoke(real, macroFrame, RESOLVERS.configOptions);
  expect(asOwner.status).toBe(200);
  const data = (asOwner.body.body as { ok: boolean; data: { projects: { key: string }[] } }).data;
  expect(data.projects.map((project) => project.key)).toEqual(['CHK']);
  const asOutsider = await invoke(
    real,
    { ...macroFrame, accountId: PEOPLE.outsider.accountId },
    RESOLVERS.configOptions,
  );
  const outsider = (asOutsider.body.body as { data: { projects: { key: string }[] } }).data;
  expect(outsider.projects.map((project) => project.key)).toEqual(['PAY']);
});

test("an unknown function key fails with Forge's own words", async () => {
  const answer = await invoke(real, macroFrame, 'doesNotExist');
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    ok: false,
    error: { name: 'Error', message: "Resolver has no definition for 'doesNotExist'." },
  });
  expect(real.invocations().at(-1)).toMatchObject({ functionKey: 'doesNotExist', ok: false });
});

test('the resolver gets the payload, the principal as accountId, and the macro config from the context', async () => {
  probe.setMacroConfig({ projects: ['CHK'] });
  const answer = await invoke(probe, macroFrame, 'echo', { projects: ['PAY'], n: 2 });
  const seen = answer.body.body as Seen;
  expect(seen.payload).toEqual({ projects: ['PAY'], n: 2 });
  expect(seen.context).toMatchObject({
    accountId: PEOPLE.po.accountId,
    moduleKey: 'ownership-map-macro',
    localId: 'preview-page-macro',
    siteUrl: 'https://acme.atlassian.net',
    extension: {
      type: 'macro',
      config: { projects: ['CHK'] },
      content: { id: '65538' },
      space: { key: 'PROD' },
    },
  });
  expect(seen.context.installContext).toMatch(/^ari:cloud:confluence::site\/[0-9a-f-]{36}$/);
  // installation contexts arrive as Forge's ARI objects; after JSON they read as the ARI strings.
  const contexts = (seen.context.installation as { contexts: string[] }).contexts;
  expect(contexts).toEqual([
    seen.context.installContext,
    (seen.context.installContext as string).replace('confluence', 'jira'),
  ]);
  probe.setMacroConfig(undefined);
});

test('Jira views invoke with a Jira install context and their project in the extension', async () => {
  const seen = (await invoke(probe, projectFrame, 'echo')).body.body as Seen;
  expect(seen.context.installContext).toMatch(/^ari:cloud:jira::site\//);
  expect(seen.context.extension).toEqual({
    type: 'jira:projectPage',
    project: { id: '10001', key: 'CHK', type: 'software' },
  });
});

test('results pass through JSON as across the bridge: dates become strings, functions and undefined vanish', async () => {
  expect((await invoke(probe, macroFrame, 'shapes')).body).toEqual({
    ok: true,
    body: { when: '2024-01-02T03:04:05.000Z', n: 1 },
  });
  expect((await invoke(probe, macroFrame, 'nothing')).body).toEqual({ ok: true });
});

test('getAppContext works inside an invocation and sees the installation on both products', async () => {
  const answer = (await invoke(probe, macroFrame, 'appContext')).body.body as { contexts: string[] };
  expect(answer).toMatchObject({ moduleKey: 'ownership-map-macro', env: 'DEVELOPMENT' });
  expect(answer.contexts.map((ari) => ari.split('::')[0])).toEqual([
    'ari:cloud:confluence',
    'ari:cloud:jira',
  ]);
});

test('from the macro a plain requestJira is refused as in Forge; withContext(jira site) reaches Jira', async () => {
  const refused = await invoke(probe, macroFrame, 'plainJira');
  expect(refused.body.error?.message).toBe('Request jira is not allowed from confluence context.');
  const allowed = await invoke(probe, macroFrame, 'jiraViaContext');
  expect(allowed.body.body).toMatchObject({ accountId: PEOPLE.po.accountId, displayName: 'Oscar Owner' });
  expect((await invoke(probe, projectFrame, 'plainJira')).body.body).toBe(200);
});

test('an invocation past the time limit fails instead of hanging the page', async () => {
  const answer = await invoke(probe, macroFrame, 'slow');
  expect(answer.body).toMatchObject({ ok: false, error: { name: 'FunctionTimeoutError' } });
});

test('a frame the site does not have is a 400 with the reason, not a resolver call', async () => {
  const before = probe.invocations().length;
  const answer = await invoke(probe, { view: 'project-page', accountId: 'acc-po', project: 'NOPE' }, 'echo');
  expect(answer.status).toBe(400);
  expect(answer.body.message).toBe('Project NOPE is not on this site.');
  const missingViewer = await invoke(probe, { view: 'macro' }, 'echo');
  expect(missingViewer.status).toBe(400);
  expect(missingViewer.body.message).toContain('accountId');
  expect(probe.invocations()).toHaveLength(before);
});
