// An API token never travels in clear text: every basic-auth path (the transport itself, `report --site`,
// `snapshot --site`, the preview's site target) refuses plain http to another machine before anything is sent.
import api, { route } from '@forge/api';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertCredentialsMayGoTo, InsecureCredentialsError } from '../../../src/jira/transport/credentials';
import {
  createForgeFetch,
  installForgeFetch,
  type ForgeFetchAuth,
} from '../../../src/jira/transport/forge-fetch';
import { siteCredentialsFromEnv, siteJiraTarget } from '../../../tools/preview/jira-target';
import { openReportPlatform } from '../../../tools/report/platform';
import { recordSite } from '../../../tools/snapshot/record';

const BASIC: ForgeFetchAuth = { kind: 'basic', email: 'me@example.com', apiToken: 'tok' };
const ENV = { JIRA_EMAIL: 'me@example.com', JIRA_API_TOKEN: 'tok' };

/** A fetch that records what would have gone out and answers {}. */
function watch(): { sent: string[]; fetch: typeof fetch } {
  const sent: string[] = [];
  const fake = async (input: string | URL | Request): Promise<Response> => {
    sent.push(String(input));
    return new Response('{}', { status: 200 });
  };
  return { sent, fetch: fake as typeof fetch };
}

const ELSEWHERE = [
  'http://acme.atlassian.net',
  'http://10.0.0.7:8080',
  'http://192.168.1.20/jira',
  'http://localhost.example.com',
  'http://[::2]:8080',
  'http://128.0.0.1',
];
const LOOPBACK = [
  'http://127.0.0.1:4100',
  'http://127.8.9.10',
  'http://localhost:8080',
  'http://LOCALHOST',
  'http://[::1]:8080/jira',
];

describe('the transport', () => {
  test.each(ELSEWHERE)('refuses basic auth over http to %s, sending nothing', async (baseUrl) => {
    const { sent, fetch } = watch();
    expect(() => createForgeFetch({ baseUrl, auth: BASIC, fetch })).toThrow(InsecureCredentialsError);
    const holder = globalThis as unknown as { __forge_fetch__?: unknown };
    const before = holder.__forge_fetch__;
    expect(() => installForgeFetch({ baseUrl, auth: BASIC, fetch })).toThrow(/Use https:\/\//);
    expect(holder.__forge_fetch__).toBe(before);
    expect(sent).toEqual([]);
  });

  test.each(LOOPBACK)('allows basic auth over http to this machine: %s', async (baseUrl) => {
    const { sent, fetch } = watch();
    const uninstall = installForgeFetch({ baseUrl, auth: BASIC, fetch });
    try {
      await api.asUser().requestJira(route`/rest/api/3/myself`);
    } finally {
      uninstall();
    }
    expect(sent).toHaveLength(1);
  });

  test('https anywhere, and http without credentials (the local server), are allowed', async () => {
    const { sent, fetch } = watch();
    const overHttps = createForgeFetch({ baseUrl: 'https://acme.atlassian.net', auth: BASIC, fetch });
    const local = createForgeFetch({ baseUrl: 'http://10.0.0.7:4100', auth: { kind: 'local' }, fetch });
    await overHttps({ type: 'fpp', provider: 'user', remote: 'jira' }, '/rest/api/3/myself');
    await local({ type: 'fpp', provider: 'user', remote: 'jira' }, '/rest/api/3/myself');
    expect(sent).toEqual([
      'https://acme.atlassian.net/rest/api/3/myself',
      'http://10.0.0.7:4100/rest/api/3/myself',
    ]);
  });

  test('says what to do: the same address over https', () => {
    expect(() => assertCredentialsMayGoTo('http://acme.atlassian.net/jira')).toThrow(
      'Refusing to send your Jira API token to http://acme.atlassian.net: over plain http anyone on the ' +
        'network could read it. Use https://acme.atlassian.net/jira instead (plain http is only allowed to ' +
        'this machine: localhost, 127.0.0.1, [::1]).',
    );
    expect(() => assertCredentialsMayGoTo('ftp://acme.atlassian.net')).toThrow(
      /use https:\/\/acme\.atlassian\.net/,
    );
    expect(() => assertCredentialsMayGoTo('acme')).toThrow(/like https:\/\/your-site\.atlassian\.net/);
  });
});

describe('every command that sends credentials', () => {
  test('report --site: the report refuses http, even before asking for credentials', async () => {
    const site = { source: { siteUrl: 'http://acme.atlassian.net' } };
    await expect(openReportPlatform(site, ENV)).rejects.toThrow(InsecureCredentialsError);
    await expect(openReportPlatform(site, {})).rejects.toThrow(/Use https:\/\/acme\.atlassian\.net/);
  });

  test('snapshot --site: recordSite sends no request', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'insecure-record-'));
    try {
      const { sent, fetch } = watch();
      await expect(
        recordSite({
          baseUrl: 'http://acme.atlassian.net',
          auth: BASIC,
          projects: ['CHK'],
          outDir: path.join(work, 'out'),
          fetch,
        }),
      ).rejects.toThrow(InsecureCredentialsError);
      expect(sent).toEqual([]);
      expect(existsSync(path.join(work, 'out'))).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  test('the preview: a site target over http is refused when it is made, and so are its credentials', () => {
    expect(() =>
      siteJiraTarget({ baseUrl: 'http://acme.atlassian.net', email: 'me@example.com', apiToken: 'tok' }),
    ).toThrow(InsecureCredentialsError);
    expect(() => siteCredentialsFromEnv('http://acme.atlassian.net', ENV)).toThrow(InsecureCredentialsError);
    expect(siteCredentialsFromEnv('http://[::1]:8080', ENV).baseUrl).toBe('http://[::1]:8080');
  });
});
