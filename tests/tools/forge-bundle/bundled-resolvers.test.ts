// The backend as `forge deploy` ships it: bundled by Atlassian's @forge/bundler, loaded with require(), and its
// handler invoked the way Forge invokes it (second argument: installContext, installation.contexts, principal)
// from every module's context, against the local Jira server over samples/acme. Each answer must be the answer of
// the source handler (src/index.ts) for the same call, and the calls that should succeed must succeed.
import path from 'node:path';
import { AnalysisResultSchema, type AnalysisResult } from '../../../src/contract/analysis';
import { ConfigOptionsSchema, PersonOptionSchema, RESOLVERS } from '../../../src/contract/requests';
import { handler as sourceHandler } from '../../../src/index';
import { bundleApp, type AppBundle } from '../../../tools/forge-bundle/bundle';
import type { ResolverHandler } from '../../../tools/preview/invoke';
import { startPreview, type PreviewServer } from '../../../tools/preview/server';
import { invoke, type FrameFields } from '../preview/support';

const ACME = path.resolve(__dirname, '../../../samples/acme');
const ACME_CONFIG = { scope: { projects: ['CHK', 'PAY', 'SRCH'], boards: [] }, window: { kind: 'all' } };
const PRIYA = '8bd7b81342e3c818e496b63f';
/** Victor may browse SRCH only. */
const VICTOR = '8cabe2dff28a63d80613434e';
const CHK_BOARD = '1';
const CHK_ACTIVE_SPRINT = '12';
const NOW = '2026-11-16T09:00:00.000Z';

type JiraForm = 'site' | 'workspace';

/** Every module context of manifest.yml, as the preview frames them. */
const CONTEXTS: Record<string, FrameFields> = {
  macro: { view: 'macro' },
  'macro config': { view: 'macro-config' },
  'project page': { view: 'project-page', project: 'CHK' },
  'project page on a board': { view: 'project-page', project: 'CHK', board: CHK_BOARD },
  'sprint action': { view: 'sprint-action', project: 'CHK', board: CHK_BOARD, sprint: CHK_ACTIVE_SPRINT },
};

/** Every function key the resolver defines, with a payload the UIs send. */
const CALLS: { key: string; payload: unknown }[] = [
  { key: RESOLVERS.ownershipMap, payload: {} },
  { key: RESOLVERS.projectAnalysis, payload: {} },
  { key: RESOLVERS.configOptions, payload: {} },
  { key: RESOLVERS.searchPeople, payload: { query: 'Priya' } },
];

let bundle: AppBundle;
let bundled: ResolverHandler;
const previews = new Map<string, PreviewServer>();

async function preview(
  name: string,
  handler: ResolverHandler,
  options: { jiraContext?: JiraForm | 'none'; withoutConsent?: string[] } = {},
): Promise<PreviewServer> {
  const key = `${name}:${options.jiraContext ?? 'site'}:${(options.withoutConsent ?? []).join(',')}`;
  let server = previews.get(key);
  if (server === undefined) {
    server = await startPreview({ snapshotDir: ACME, handler, macroConfig: ACME_CONFIG, ...options });
    previews.set(key, server);
  }
  return server;
}

beforeAll(async () => {
  bundle = await bundleApp();
  const [handler] = bundle.handlers;
  if (handler === undefined) throw new Error('The manifest names no handler.');
  bundled = bundle.load(handler)[handler.func] as ResolverHandler;
}, 120_000);

afterAll(async () => {
  for (const server of previews.values()) await server.close();
  bundle?.remove();
});

beforeEach(() => {
  // One clock for both handlers: the bundle runs in this test's globals, so its `new Date()` is this one too.
  jest.useFakeTimers({
    now: new Date(NOW),
    doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'],
  });
});
afterEach(() => jest.useRealTimers());

test('the bundle is what forge deploy uploads: one index.cjs for the manifest handlers (resolver, sync and prepare)', () => {
  expect(bundle.handlers).toEqual([
    { module: 'index', func: 'handler' },
    { module: 'index', func: 'syncConsume' },
    { module: 'index', func: 'syncSchedule' },
    { module: 'index', func: 'servePrepare' },
  ]);
  expect(bundle.files.map((file) => file.name)).toEqual(expect.arrayContaining(['index.cjs']));
  expect(bundle.warnings).toEqual([]);
});

describe.each<JiraForm>(['site', 'workspace'])('with a Jira %s context ARI in the installation', (form) => {
  test.each(Object.keys(CONTEXTS))(
    'from the %s context, every function key answers as the source does',
    async (name) => {
      const frame = { ...CONTEXTS[name]!, accountId: PRIYA };
      const fromBundle = await preview('bundle', bundled, { jiraContext: form });
      const fromSource = await preview('source', sourceHandler as ResolverHandler, { jiraContext: form });
      for (const call of CALLS) {
        // Each preview syncs what a view asked for in the background: both answer from the same point of it.
        await Promise.all([fromBundle.syncSettled(), fromSource.syncSettled()]);
        const bundledAnswer = await invoke(fromBundle, frame, call.key, call.payload);
        const sourceAnswer = await invoke(fromSource, frame, call.key, call.payload);
        // A failure names the context and the key that broke.
        expect({ context: name, key: call.key, answer: bundledAnswer }).toEqual({
          context: name,
          key: call.key,
          answer: sourceAnswer,
        });
        expect({ context: name, key: call.key, invoked: bundledAnswer.body.ok }).toEqual({
          context: name,
          key: call.key,
          invoked: true,
        });
      }
    },
    120_000,
  );
});

/** The resolver's own answer ({ ok, data | error }) of a bundled call that Forge completed. */
async function bundledAnswer(
  frame: FrameFields,
  key: string,
  payload: unknown = {},
  options: { jiraContext?: JiraForm | 'none'; withoutConsent?: string[] } = {},
) {
  const server = await preview('bundle', bundled, options);
  const answer = await invoke(server, frame, key, payload);
  return { answer, server };
}

function analysisOf(body: unknown): AnalysisResult {
  const result = body as { ok: boolean; data?: unknown };
  expect(result.ok).toBe(true);
  return AnalysisResultSchema.parse(result.data);
}

describe.each<JiraForm>(['site', 'workspace'])('the bundled macro, Jira as a %s context', (form) => {
  test('reads Jira through that very context and draws the map of all three squads', async () => {
    const { answer, server } = await bundledAnswer(
      { view: 'macro', accountId: PRIYA },
      RESOLVERS.ownershipMap,
      {},
      {
        jiraContext: form,
      },
    );
    const result = analysisOf(answer.body.body);
    expect(result.scope.projects).toEqual(['CHK', 'PAY', 'SRCH']);
    expect(result.completeness.complete).toBe(true);
    const last = server.invocations().at(-1);
    expect(last?.requests.length).toBeGreaterThan(0);
    expect(
      last?.requests.every((request) => request.product === 'jira' && request.actingAccountId === PRIYA),
    ).toBe(true);
  });

  test('the config dialog lists the projects and boards and finds people', async () => {
    const options = await bundledAnswer(
      { view: 'macro-config', accountId: PRIYA },
      RESOLVERS.configOptions,
      {},
      {
        jiraContext: form,
      },
    );
    const data = ConfigOptionsSchema.parse((options.answer.body.body as { data: unknown }).data);
    expect(data.projects.map((p) => p.key)).toEqual(['CHK', 'PAY', 'SRCH']);
    expect(data.boards.map((b) => b.id)).toEqual([1, 2, 3]);
    const people = await bundledAnswer(
      { view: 'macro-config', accountId: PRIYA },
      RESOLVERS.searchPeople,
      { query: 'Priya' },
      { jiraContext: form },
    );
    const found = PersonOptionSchema.array().parse((people.answer.body.body as { data: unknown }).data);
    expect(found.map((p) => p.displayName)).toContain('Priya Raman');
  });
});

describe('the bundled Jira views', () => {
  test('a project page opened on a board reads that board; "all boards" in the payload wins over it', async () => {
    const frame = { view: 'project-page', project: 'CHK', board: CHK_BOARD, accountId: PRIYA };
    const onBoard = analysisOf((await bundledAnswer(frame, RESOLVERS.projectAnalysis)).answer.body.body);
    expect(onBoard.boards.map((b) => b.id)).toEqual([1]);
    const all = analysisOf(
      (await bundledAnswer(frame, RESOLVERS.projectAnalysis, { boardId: 'all' })).answer.body.body,
    );
    const withoutBoard = analysisOf(
      (
        await bundledAnswer(
          { view: 'project-page', project: 'CHK', accountId: PRIYA },
          RESOLVERS.projectAnalysis,
        )
      ).answer.body.body,
    );
    expect(all).toEqual(withoutBoard);
    expect(all.stats.issues).toBeGreaterThanOrEqual(onBoard.stats.issues);
  });

  test('the sprint action reviews its board, and its payload board still wins', async () => {
    const frame = { ...CONTEXTS['sprint action']!, accountId: PRIYA };
    const result = analysisOf((await bundledAnswer(frame, RESOLVERS.projectAnalysis)).answer.body.body);
    expect(result.scope.boards.map((b) => b.id)).toEqual([1]);
    expect(result.acceptance.sprints.some((sprint) => sprint.sprintId === Number(CHK_ACTIVE_SPRINT))).toBe(
      true,
    );
  });

  test('a viewer who may browse SRCH only gets a typed no-access answer on CHK, not a crash', async () => {
    const { answer } = await bundledAnswer(
      { view: 'project-page', project: 'CHK', accountId: VICTOR },
      RESOLVERS.projectAnalysis,
    );
    expect(answer.body).toEqual({
      ok: true,
      body: { ok: false, error: expect.objectContaining({ code: 'no-access' }) },
    });
  });
});

describe('the bundled macro when the app is not installed on Jira', () => {
  test('says so plainly, names the contexts that are present, and calls nothing', async () => {
    const { answer, server } = await bundledAnswer(
      { view: 'macro', accountId: PRIYA },
      RESOLVERS.ownershipMap,
      {},
      {
        jiraContext: 'none',
      },
    );
    const error = (answer.body.body as { ok: false; error: { code: string; message: string } }).error;
    expect(error.code).toBe('not-installed');
    expect(error.message).toMatch(/^Ownership Map is not installed on Jira for this site/);
    expect(error.message).toMatch(
      /installed on: ari:cloud:confluence::site\/[0-9a-f-]+; none of them is Jira\.$/,
    );
    expect(server.invocations().at(-1)?.requests).toEqual([]);
  });
});

describe('consent', () => {
  test.each(Object.keys(CONTEXTS))(
    "from the %s context, a viewer who has not allowed access gets Forge's consent prompt, not an error value",
    async (name) => {
      const frame = { ...CONTEXTS[name]!, accountId: PRIYA };
      const prompted: string[] = [];
      for (const call of CALLS) {
        const { answer } = await bundledAnswer(frame, call.key, call.payload, { withoutConsent: [PRIYA] });
        if (!answer.body.ok) prompted.push(call.key);
        // Either the call needs no Jira (a typed answer such as not-configured), or it propagates the consent error.
        if (answer.body.ok) {
          expect({ name, key: call.key, body: answer.body.body }).toEqual({
            name,
            key: call.key,
            body: {
              ok: false,
              error: expect.objectContaining({
                code: expect.stringMatching(/^(not-configured|bad-request)$/),
              }),
            },
          });
        } else {
          expect({ name, key: call.key, error: answer.body.error?.name }).toEqual({
            name,
            key: call.key,
            error: 'NEEDS_AUTHENTICATION_ERR',
          });
        }
      }
      // Every module's UI reads Jira through at least its analysis or its pickers: those calls must prompt.
      const readsJira = name.startsWith('macro')
        ? [
            RESOLVERS.configOptions,
            RESOLVERS.searchPeople,
            ...(name === 'macro' ? [RESOLVERS.ownershipMap] : []),
          ]
        : [RESOLVERS.projectAnalysis, RESOLVERS.configOptions, RESOLVERS.searchPeople];
      expect(prompted).toEqual(expect.arrayContaining(readsJira));
    },
    120_000,
  );
});
