// Each invocation acts as its own viewer, even when invocations for different viewers overlap in time.
import api, { route } from '@forge/api';
import Resolver from '@forge/resolver';
import type { ResolverHandler } from '../../../tools/preview/invoke';
import { startPreview, type PreviewServer } from '../../../tools/preview/server';
import { removeTempSnapshots } from '../snapshot/temp-snapshot';
import { PEOPLE, writePreviewSnapshot } from './fixture';
import { invoke, jiraSiteAri } from './support';

type Seen = { me: string; projects: string[]; principal: string };

let running = 0;
let mostAtOnce = 0;

function viewerResolver(): ResolverHandler {
  const resolver = new Resolver();
  resolver.define('whatDoISee', async ({ payload, context }) => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    try {
      // Wait first, so every invocation has started before any asks Jira: their scopes must not leak.
      await new Promise((resolve) => setTimeout(resolve, (payload as { waitMs: number }).waitMs));
      const requester =
        context.extension.type === 'macro'
          ? api.asUser().withContext(jiraSiteAri(context)).requestJira
          : api.asUser().requestJira;
      const me = (await (await requester(route`/rest/api/3/myself`)).json()) as { accountId: string };
      const page = (await (await requester(route`/rest/api/3/project/search`)).json()) as {
        values: { key: string }[];
      };
      return {
        me: me.accountId,
        projects: page.values.map((p) => p.key).sort(),
        principal: context.accountId,
      };
    } finally {
      running -= 1;
    }
  });
  return resolver.getDefinitions() as ResolverHandler;
}

let preview: PreviewServer;

beforeAll(async () => {
  preview = await startPreview({ snapshotDir: await writePreviewSnapshot(), handler: viewerResolver() });
});

afterAll(async () => {
  await preview?.close();
  await removeTempSnapshots();
});

test('overlapping invocations for three viewers each see only their own account and projects', async () => {
  preview.jira?.resetCounts();
  const people = [PEOPLE.pm, PEOPLE.po, PEOPLE.outsider];
  const calls = Array.from({ length: 9 }, (_, n) => {
    const person = people[n % 3]!;
    const view: Record<string, string> =
      n % 2 === 0 ? { view: 'macro' } : { view: 'project-page', project: 'CHK' };
    // Later calls wait less, so answers come back in a different order than the calls went out.
    return {
      person,
      request: invoke(preview, { ...view, accountId: person.accountId }, 'whatDoISee', {
        waitMs: 90 - n * 10,
      }),
    };
  });
  for (const { person, request } of calls) {
    const answer = await request;
    expect(answer.body.body as Seen).toEqual({
      me: person.accountId,
      projects: [...person.projects].sort(),
      principal: person.accountId,
    });
  }
  expect(mostAtOnce).toBeGreaterThan(1);
  const counts = preview.jira!.requestCounts();
  expect(counts['GET /rest/api/3/myself']).toBe(9);
  expect(counts['GET /rest/api/3/project/search']).toBe(9);
});

test('each recorded invocation lists its Jira requests with the account they acted as', async () => {
  await invoke(preview, { view: 'macro', accountId: PEOPLE.po.accountId }, 'whatDoISee', { waitMs: 0 });
  const record = preview.invocations().at(-1)!;
  expect(record.accountId).toBe(PEOPLE.po.accountId);
  expect(record.requests.map((r) => [r.method, r.path, r.actingAccountId, r.status])).toEqual([
    ['GET', '/rest/api/3/myself', PEOPLE.po.accountId, 200],
    ['GET', '/rest/api/3/project/search', PEOPLE.po.accountId, 200],
  ]);
});
