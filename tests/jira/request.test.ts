// The request layer through @forge/api's real requestJira: retries, backoff, Retry-After, typed errors, validation.
import { NeedsAuthenticationError } from '@forge/api';
import { JiraClient } from '../../src/jira/client';
import { JiraError } from '../../src/jira/errors';
import { parseRetryAfter } from '../../src/jira/request';
import {
  installFakeForgeFetch,
  jsonResponse,
  recordingSleep,
  type FakeForgeFetch,
} from './helpers/fake-forge-fetch';

const STATUSES = [{ id: '1', name: 'Open', statusCategory: { key: 'new' } }];

let fake: FakeForgeFetch | undefined;
afterEach(() => fake?.uninstall());

function clientWith(
  sleep: (ms: number) => Promise<void>,
  overrides: Partial<ConstructorParameters<typeof JiraClient>[0]> = {},
) {
  return new JiraClient({
    retry: { sleep, random: () => 0.5, now: () => Date.UTC(2026, 0, 1) },
    ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<JiraError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JiraError) return error;
    throw error;
  }
  throw new Error('expected a JiraError');
}

describe('retries', () => {
  test('a 429 with Retry-After in seconds is retried after exactly that wait, then succeeds', async () => {
    fake = installFakeForgeFetch((_call, i) =>
      i === 0
        ? jsonResponse({ errorMessages: ['slow down'] }, 429, { 'retry-after': '3' })
        : jsonResponse(STATUSES),
    );
    const { sleep, waits } = recordingSleep();
    const client = clientWith(sleep);
    const statuses = await client.getStatuses();
    expect(statuses).toHaveLength(1);
    expect(fake.calls).toHaveLength(2);
    expect(waits).toEqual([3000]);
    expect(client.stats).toEqual({ requests: 2, retries: 1, waitedMs: 3000 });
  });

  test('a Retry-After given as an HTTP date waits until that moment', async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    fake = installFakeForgeFetch((_call, i) =>
      i === 0
        ? jsonResponse({}, 503, { 'retry-after': new Date(now + 7000).toUTCString() })
        : jsonResponse(STATUSES),
    );
    const { sleep, waits } = recordingSleep();
    const client = new JiraClient({ retry: { sleep, now: () => now } });
    await client.getStatuses();
    expect(waits).toEqual([7000]);
  });

  test('without Retry-After the backoff doubles per attempt (equal jitter, never below half)', async () => {
    fake = installFakeForgeFetch((_call, i) => (i < 3 ? jsonResponse({}, 503) : jsonResponse(STATUSES)));
    const { sleep, waits } = recordingSleep();
    const client = new JiraClient({ retry: { sleep, random: () => 0, baseDelayMs: 1000 } });
    await client.getStatuses();
    expect(fake.calls).toHaveLength(4);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  test('persistent 429 stops after maxAttempts with a rate-limited JiraError', async () => {
    fake = installFakeForgeFetch(() => jsonResponse({}, 429, { 'retry-after': '1' }));
    const { sleep, waits } = recordingSleep();
    const error = await caught(clientWith(sleep).getStatuses());
    expect(error.code).toBe('rate-limited');
    expect(error.status).toBe(429);
    expect(fake.calls).toHaveLength(5);
    expect(waits).toEqual([1000, 1000, 1000, 1000]);
  });

  test('total waiting is bounded: a Retry-After beyond the budget is not waited for', async () => {
    fake = installFakeForgeFetch(() => jsonResponse({}, 429, { 'retry-after': '15' }));
    const { sleep, waits } = recordingSleep();
    const error = await caught(new JiraClient({ retry: { sleep, maxTotalWaitMs: 20_000 } }).getStatuses());
    expect(error.code).toBe('rate-limited');
    expect(waits).toEqual([15_000]);
    expect(fake.calls).toHaveLength(2);
  });

  test('a 500 is retried once, then a server-error JiraError naming the endpoint', async () => {
    fake = installFakeForgeFetch(() => jsonResponse({ errorMessages: ['boom'] }, 500));
    const { sleep, waits } = recordingSleep();
    const error = await caught(clientWith(sleep).getStatuses());
    expect(error.code).toBe('server-error');
    expect(error.endpoint).toBe('GET /rest/api/3/status');
    expect(error.details).toEqual(['boom']);
    expect(fake.calls).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  test('a thrown failure (connection reset) is retried once, then reported', async () => {
    fake = installFakeForgeFetch(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    });
    const error = await caught(clientWith(recordingSleep().sleep).getStatuses());
    expect(error.code).toBe('server-error');
    expect(fake.calls).toHaveLength(2);
  });
});

describe('typed errors', () => {
  test.each([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [405, 'bad-request'],
  ] as const)('status %i becomes code %s', async (status, code) => {
    fake = installFakeForgeFetch(() => jsonResponse({ errorMessages: ['no'] }, status));
    const error = await caught(clientWith(recordingSleep().sleep).getStatuses());
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(fake.calls).toHaveLength(1);
  });

  test('a 403 on a project permission check reads as "cannot browse", not as a failure', async () => {
    fake = installFakeForgeFetch(() => jsonResponse({ errorMessages: ['no'] }, 403));
    await expect(clientWith(recordingSleep().sleep).canBrowse('ABC')).resolves.toBe(false);
  });

  test('a response that does not match the schema is invalid-response naming the endpoint and the path', async () => {
    fake = installFakeForgeFetch(() => jsonResponse([{ id: 1, name: 'Open' }]));
    const error = await caught(clientWith(recordingSleep().sleep).getStatuses());
    expect(error.code).toBe('invalid-response');
    expect(error.message).toContain('GET /rest/api/3/status');
    expect(error.details[0]).toMatch(/^0\.id/);
  });

  test('a body that is not JSON is invalid-response', async () => {
    fake = installFakeForgeFetch(() => new Response('<html>proxy</html>', { status: 200 }));
    const error = await caught(clientWith(recordingSleep().sleep).getFields());
    expect(error.code).toBe('invalid-response');
    expect(error.endpoint).toBe('GET /rest/api/3/field');
  });

  test('a Forge proxy error header becomes a server-error JiraError', async () => {
    fake = installFakeForgeFetch(() => jsonResponse({}, 502, { 'forge-proxy-error': 'PROXY_UNAVAILABLE' }));
    const error = await caught(clientWith(recordingSleep().sleep).getStatuses());
    expect(error.code).toBe('server-error');
    expect(error.details[0]).toContain('PROXY_UNAVAILABLE');
  });

  test("NEEDS_AUTHENTICATION from the platform goes on as @forge/api's NeedsAuthenticationError (consent)", async () => {
    fake = installFakeForgeFetch(() =>
      jsonResponse({}, 401, { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' }),
    );
    const error: unknown = await clientWith(recordingSleep().sleep)
      .getStatuses()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeedsAuthenticationError);
    expect(fake.calls).toHaveLength(1);
  });

  test('RequestProductNotAllowedError (Jira from a Confluence context) becomes not-installed', async () => {
    const notAllowed = Object.assign(new Error('Request jira is not allowed from confluence context.'), {
      name: 'REQUEST_EGRESS_ALLOWLIST_ERR',
    });
    fake = installFakeForgeFetch(() => {
      throw notAllowed;
    });
    const error = await caught(clientWith(recordingSleep().sleep).getStatuses());
    expect(error.code).toBe('not-installed');
    expect(error.message).toMatch(/^Ownership Map is not installed on Jira for this site/);
  });

  test('JiraError serialises to a plain value for resolver results', () => {
    const error = new JiraError('forbidden', 'You cannot browse project ABC.', {
      status: 403,
      endpoint: 'GET /x',
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'forbidden',
      message: 'You cannot browse project ABC.',
      status: 403,
      endpoint: 'GET /x',
    });
  });
});

describe('parseRetryAfter', () => {
  test('reads seconds, fractional seconds and HTTP dates; ignores garbage and past dates wait 0', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter(new Date(now + 2000).toUTCString(), now)).toBe(2000);
    expect(parseRetryAfter(new Date(now - 2000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
