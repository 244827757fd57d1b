// Every resolver answers a typed value for every input, the Forge context included: a malformed context or payload
// is a bad-request naming the part that is wrong, reads nothing from Jira, and never rejects with a raw error.
import { RESOLVERS } from '../../src/contract/requests';
import { ResolverErrorSchema } from '../../src/contract/result';
import { handler } from '../../src/index';
import { installFakeForgeFetch, jsonResponse, type FakeForgeFetch } from '../jira/helpers/fake-forge-fetch';

const JIRA_ARI = 'ari:cloud:jira::site/c0ffee00-0000-4000-8000-000000000001';

let jira: FakeForgeFetch;
beforeEach(() => {
  jira = installFakeForgeFetch(() => jsonResponse({ errorMessages: ['should not be called'] }, 500));
});
afterEach(() => jira.uninstall());

async function call(
  functionKey: string,
  payload: unknown,
  context: Record<string, unknown>,
): Promise<unknown> {
  return handler(
    { call: { functionKey, payload: payload as Record<string, unknown> }, context },
    { principal: { accountId: 'alice' }, installContext: JIRA_ARI, installation: { contexts: [JIRA_ARI] } },
  );
}

const BAD_CONTEXTS: [string, Record<string, unknown>, string][] = [
  [
    'a lower-case project key',
    { extension: { type: 'jira:projectPage', project: { key: 'chk' } } },
    'context.extension.project.key',
  ],
  [
    'a quoted project key',
    { extension: { type: 'jira:projectPage', project: { key: '"CHK"' } } },
    'context.extension.project.key',
  ],
  [
    'a board id that is not a number',
    { extension: { type: 'jira:sprintAction', board: { id: 'abc' } } },
    'context.extension.board.id',
  ],
  [
    'a negative sprint id',
    { extension: { type: 'jira:sprintAction', sprint: { id: -3 } } },
    'context.extension.sprint.id',
  ],
  ['an extension that is not an object', { extension: 'jira:projectPage' }, 'context.extension'],
  [
    'a project that is not an object',
    { extension: { type: 'jira:projectPage', project: 7 } },
    'context.extension.project',
  ],
];

/** A payload each resolver accepts, so that only the context is wrong (the others take `{}`). */
const VALID_PAYLOADS: Partial<Record<string, unknown>> = {
  [RESOLVERS.searchPeople]: { query: 'Ada' },
  [RESOLVERS.issueDetails]: { keys: ['CHK-1'] },
};

describe.each(Object.values(RESOLVERS))('%s', (functionKey) => {
  test.each(BAD_CONTEXTS)(
    'with %s answers bad-request naming it, reading nothing',
    async (_, context, path) => {
      const payload = VALID_PAYLOADS[functionKey] ?? {};
      const answer = (await call(functionKey, payload, context)) as { ok: boolean; error?: unknown };
      expect(answer.ok).toBe(false);
      const error = ResolverErrorSchema.parse(answer.error);
      expect(error.code).toBe('bad-request');
      expect(error.message).toMatch(
        /^The page this view was opened from gave the app a context it does not understand/,
      );
      expect(error.fields?.map((f) => f.path)).toContain(path);
      expect(jira.calls).toHaveLength(0);
    },
  );

  test.each([
    ['a payload that is a string', 'hello'],
    ['a payload with unknown fields', { surprise: true }],
    ['a payload that is an array', [1, 2]],
  ])('with %s answers a typed error, reading nothing', async (_, payload) => {
    const answer = (await call(functionKey, payload, {
      extension: { type: 'jira:projectPage', project: { key: 'CHK' } },
    })) as { ok: boolean; error?: unknown };
    expect(answer.ok).toBe(false);
    expect(ResolverErrorSchema.parse(answer.error).code).toBe('bad-request');
    expect(jira.calls).toHaveLength(0);
  });
});

test('a board id from the context given as a digit string still works as that board', async () => {
  const answer = (await call(
    RESOLVERS.projectAnalysis,
    { boardId: 'all' },
    {
      extension: { type: 'jira:projectPage', project: { key: 'CHK' }, board: { id: '12' } },
    },
  )) as { ok: boolean; error?: { code: string } };
  // It gets as far as Jira (which the fake refuses): the context was understood.
  expect(jira.calls.length).toBeGreaterThan(0);
  expect(answer.ok).toBe(false);
});
