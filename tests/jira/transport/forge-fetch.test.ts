// The outside-Forge transport: @forge/api's own requestJira, forwarded to a base URL with the right identity.
import api, { route } from '@forge/api';
import { basicAuthFromEnv, MissingCredentialsError } from '../../../src/jira/transport/credentials';
import { installForgeFetch, type ForgeFetchOptions } from '../../../src/jira/transport/forge-fetch';

interface Sent {
  url: string;
  init: RequestInit;
}

function capture(): { sent: Sent[]; fetch: typeof fetch } {
  const sent: Sent[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({ url: String(input), init: init ?? {} });
    return new Response('{}', { status: 200 });
  };
  return { sent, fetch: fake as typeof fetch };
}

function headerOf(sent: Sent | undefined, name: string): string | undefined {
  const headers = (sent?.init.headers ?? {}) as Record<string, string>;
  return headers[name];
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function install(options: Omit<ForgeFetchOptions, 'fetch'>): Sent[] {
  const { sent, fetch } = capture();
  uninstall = installForgeFetch({ ...options, fetch });
  return sent;
}

test('local: forwards the already-encoded path verbatim to the base URL, as the configured viewer', async () => {
  const sent = install({ baseUrl: 'http://127.0.0.1:4100/', auth: { kind: 'local', accountId: 'alice' } });
  const query = new URLSearchParams({ jql: 'project = "A B"', fields: 'summary,status' });
  await api.asUser().requestJira(route`/rest/api/3/search/jql?${query}`);
  expect(sent[0]?.url).toBe(
    'http://127.0.0.1:4100/rest/api/3/search/jql?jql=project+%3D+%22A+B%22&fields=summary%2Cstatus',
  );
  expect(headerOf(sent[0], 'x-acting-account-id')).toBe('alice');
});

test('local: an account id passed to asUser(id) wins over the configured one', async () => {
  const sent = install({ baseUrl: 'http://127.0.0.1:4100', auth: { kind: 'local', accountId: 'alice' } });
  await api.asUser('bob').requestJira(route`/rest/api/3/myself`);
  expect(headerOf(sent[0], 'x-acting-account-id')).toBe('bob');
});

test('local: the viewer may be a function, so a harness can switch viewers per invocation', async () => {
  let viewer = 'alice';
  const sent = install({
    baseUrl: 'http://127.0.0.1:4100',
    auth: { kind: 'local', accountId: () => viewer },
  });
  await api.asUser().requestJira(route`/rest/api/3/myself`);
  viewer = 'carol';
  await api.asUser().requestJira(route`/rest/api/3/myself`);
  expect(sent.map((s) => headerOf(s, 'x-acting-account-id'))).toEqual(['alice', 'carol']);
});

test('basic: sends Authorization Basic email:token and keeps the method, headers and body', async () => {
  const sent = install({
    baseUrl: 'https://example.atlassian.net',
    auth: { kind: 'basic', email: 'me@example.com', apiToken: 'tok' },
  });
  await api.asUser().requestJira(route`/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"jql":"project = A"}',
  });
  expect(sent[0]?.url).toBe('https://example.atlassian.net/rest/api/3/search/jql');
  expect(headerOf(sent[0], 'Authorization')).toBe(
    `Basic ${Buffer.from('me@example.com:tok').toString('base64')}`,
  );
  expect(headerOf(sent[0], 'Content-Type')).toBe('application/json');
  expect(headerOf(sent[0], 'x-acting-account-id')).toBeUndefined();
  expect(sent[0]?.init.method).toBe('POST');
  expect(sent[0]?.init.body).toBe('{"jql":"project = A"}');
});

test('a base URL with a context path (Server-era sites) keeps its prefix', async () => {
  const sent = install({ baseUrl: 'https://issues.example.org/jira', auth: { kind: 'local' } });
  await api.asUser().requestJira(route`/rest/api/3/field`);
  expect(sent[0]?.url).toBe('https://issues.example.org/jira/rest/api/3/field');
  expect(headerOf(sent[0], 'x-acting-account-id')).toBeUndefined();
});

test('withContext(jira site ARI) is forwarded to Jira; a Confluence request is refused, not sent to Jira', async () => {
  const sent = install({ baseUrl: 'http://127.0.0.1:4100', auth: { kind: 'local', accountId: 'alice' } });
  await api
    .asUser()
    .withContext('ari:cloud:jira::site/c1')
    .requestJira(route`/rest/api/3/myself`);
  expect(sent).toHaveLength(1);
  expect(headerOf(sent[0], 'x-acting-account-id')).toBe('alice');
  await expect(api.asUser().requestConfluence(route`/wiki/api/v2/pages`)).rejects.toThrow(/only Jira/);
  expect(sent).toHaveLength(1);
});

test('uninstall restores whatever __forge_fetch__ was there before', async () => {
  const holder = globalThis as unknown as { __forge_fetch__?: unknown };
  const before = holder.__forge_fetch__;
  const undo = installForgeFetch({ baseUrl: 'http://127.0.0.1:1', auth: { kind: 'local' } });
  expect(holder.__forge_fetch__).not.toBe(before);
  undo();
  expect(holder.__forge_fetch__).toBe(before);
});

describe('basicAuthFromEnv', () => {
  test('reads JIRA_EMAIL and JIRA_API_TOKEN', () => {
    expect(basicAuthFromEnv({ JIRA_EMAIL: ' me@example.com ', JIRA_API_TOKEN: 'tok' })).toEqual({
      kind: 'basic',
      email: 'me@example.com',
      apiToken: 'tok',
    });
  });

  test('names exactly the missing variables', () => {
    expect(() => basicAuthFromEnv({ JIRA_EMAIL: 'me@example.com' })).toThrow(MissingCredentialsError);
    expect(() => basicAuthFromEnv({})).toThrow(/Set JIRA_EMAIL and JIRA_API_TOKEN/);
    expect(() => basicAuthFromEnv({ JIRA_EMAIL: 'me@example.com', JIRA_API_TOKEN: ' ' })).toThrow(
      /Set JIRA_API_TOKEN in/,
    );
  });
});
