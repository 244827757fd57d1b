// The one small request layer under every Jira API module: JSON in and out, zod-validated, bounded retries, typed errors.
// It sends through a `JiraRequester` (the shape of `api.asUser().requestJira`), so the same code path runs in Forge,
// in tests and in the CLI; only what sits behind `global.__forge_fetch__` differs.
import type { APIResponse, RequestInit, Route } from '@forge/api';
import type { z } from 'zod';
import { SYSTEM_CLOCK, type Clock } from './clock';
import { codeForStatus, defaultMessage, JiraError, needsConsent, type JiraErrorCode } from './errors';

/** `requestJira` as @forge/api exposes it (plain, or bound to a product context with `withContext`). */
export type JiraRequester = (path: Route, init?: RequestInit) => Promise<APIResponse>;

export interface RetryPolicy {
  /** Attempts per request, the first one included. */
  maxAttempts: number;
  /** First backoff when Jira gives no Retry-After; doubles per attempt. */
  baseDelayMs: number;
  /** Ceiling of one computed backoff (a Retry-After from Jira is honoured as given, within the total). */
  maxDelayMs: number;
  /** Ceiling of all waiting for one request (the invocation's deadline, when there is one, bounds it further). */
  maxTotalWaitMs: number;
  sleep: Clock['sleep'];
  now: Clock['now'];
  after: Clock['after'];
  /** Jitter source in [0, 1): spreads retries of parallel callers. */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 10_000,
  maxTotalWaitMs: 20_000,
  sleep: SYSTEM_CLOCK.sleep,
  now: SYSTEM_CLOCK.now,
  after: SYSTEM_CLOCK.after,
  random: () => Math.random(),
};

/** 429 is Jira's rate limit; 502/503/504 are the gateway saying "not now". */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** A 500 may be a real failure or a passing one: every request here is a read, so it is tried once more. */
const RETRIED_ONCE_STATUS = 500;

/** Thrown failures that say nothing about the request itself (a reset connection, the proxy failing once). */
function isPassingFailure(thrown: unknown): boolean {
  if (thrown instanceof JiraError || needsConsent(thrown)) return false;
  // Refusals by the platform (product not allowed from here, endpoint not allowed) will not change on a retry.
  return !(thrown instanceof Error && thrown.name === 'REQUEST_EGRESS_ALLOWLIST_ERR');
}

export interface JsonRequest<S extends z.ZodType> {
  method?: 'GET' | 'POST';
  body?: unknown;
  schema: S;
  /** Sharper sentences than the defaults for some codes, e.g. forbidden -> "You cannot browse project ABC." */
  messages?: Partial<Record<JiraErrorCode, string>>;
}

export interface RequestStats {
  requests: number;
  retries: number;
  waitedMs: number;
}

/** "POST /rest/api/3/search/jql": the path without its query, for messages and counts. */
export function endpointOf(method: string, path: Route): string {
  const value = path.value;
  const queryAt = value.indexOf('?');
  return `${method} ${queryAt === -1 ? value : value.slice(0, queryAt)}`;
}

/** Retry-After is seconds or an HTTP date (RFC 9110); anything else is ignored. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

export class JiraRequestLayer {
  readonly stats: RequestStats = { requests: 0, retries: 0, waitedMs: 0 };
  private readonly policy: RetryPolicy;

  /**
   * `deadline` (epoch ms on the policy's clock) is shared by every request and wait of this layer, i.e. of one
   * invocation: no request starts, and no retry waits, past it; a request still running then is abandoned.
   */
  constructor(
    private readonly requester: JiraRequester,
    policy: Partial<RetryPolicy> = {},
    private readonly deadline?: number,
  ) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...policy };
  }

  /** Sends one request (retrying transient refusals) and returns its body parsed by `schema`. */
  async json<S extends z.ZodType>(path: Route, request: JsonRequest<S>): Promise<z.output<S>> {
    const method = request.method ?? 'GET';
    const endpoint = endpointOf(method, path);
    const response = await this.send(path, method, endpoint, request);
    const text = await response.text();
    let body: unknown;
    try {
      body = text.length === 0 ? null : JSON.parse(text);
    } catch (cause) {
      throw new JiraError('invalid-response', `Jira answered ${endpoint} with a body that is not JSON.`, {
        status: response.status,
        endpoint,
        cause,
      });
    }
    const parsed = request.schema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      throw new JiraError(
        'invalid-response',
        `${defaultMessage('invalid-response', endpoint)} (${issues[0]})`,
        {
          status: response.status,
          endpoint,
          details: issues,
        },
      );
    }
    return parsed.data;
  }

  private async send<S extends z.ZodType>(
    path: Route,
    method: string,
    endpoint: string,
    request: JsonRequest<S>,
  ): Promise<APIResponse> {
    const init: RequestInit = {
      method,
      headers: {
        Accept: 'application/json',
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    };
    let waited = 0;
    let passingFailureRetried = false;
    for (let attempt = 1; ; attempt += 1) {
      this.stats.requests += 1;
      let response: APIResponse;
      try {
        response = await this.beforeDeadline(() => this.requester(path, init), endpoint);
      } catch (thrown) {
        if (!passingFailureRetried && isPassingFailure(thrown) && attempt < this.policy.maxAttempts) {
          passingFailureRetried = true;
          this.stats.retries += 1;
          continue;
        }
        throw errorFromThrown(thrown, endpoint);
      }
      if (response.ok) return response;

      const status = response.status;
      const retryable =
        RETRYABLE_STATUSES.has(status) || (status === RETRIED_ONCE_STATUS && !passingFailureRetried);
      if (retryable && attempt < this.policy.maxAttempts) {
        const delay = this.delayBefore(attempt + 1, response);
        const now = this.policy.now();
        if (this.deadline !== undefined && now + delay >= this.deadline) {
          // Waiting would run past the invocation's time: stop now and say when Jira will answer again.
          await response.text().catch(() => '');
          if (status === 429) throw rateLimited(endpoint, now + delay);
          throw tooSlow(endpoint);
        }
        if (waited + delay <= this.policy.maxTotalWaitMs) {
          await response.text().catch(() => '');
          await this.policy.sleep(delay);
          if (status === RETRIED_ONCE_STATUS) passingFailureRetried = true;
          waited += delay;
          this.stats.retries += 1;
          this.stats.waitedMs += delay;
          continue;
        }
      }
      if (status === 429) {
        const asked = parseRetryAfter(response.headers.get('retry-after'), this.policy.now());
        await response.text().catch(() => '');
        throw rateLimited(endpoint, asked === undefined ? undefined : this.policy.now() + asked);
      }
      throw await errorFromResponse(response, endpoint, request.messages);
    }
  }

  /** The request's answer, unless the invocation's deadline comes first: then too-slow, and the answer is dropped. */
  private async beforeDeadline(send: () => Promise<APIResponse>, endpoint: string): Promise<APIResponse> {
    if (this.deadline === undefined) return send();
    const remaining = this.deadline - this.policy.now();
    if (remaining <= 0) throw tooSlow(endpoint);
    const answer = send();
    const timer = this.policy.after(remaining);
    try {
      return await Promise.race([
        answer,
        timer.done.then(() => {
          throw tooSlow(endpoint);
        }),
      ]);
    } finally {
      timer.cancel();
      answer.catch(() => undefined);
    }
  }

  private delayBefore(nextAttempt: number, response: APIResponse): number {
    const asked = parseRetryAfter(response.headers.get('retry-after'), this.policy.now());
    if (asked !== undefined) return asked;
    const exponential = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (nextAttempt - 2));
    // Equal jitter: at least half the backoff, so a retry never comes back immediately.
    return Math.round(exponential / 2 + (exponential / 2) * this.policy.random());
  }
}

function rateLimited(endpoint: string, retryAt: number | undefined): JiraError {
  return new JiraError('rate-limited', defaultMessage('rate-limited', endpoint), {
    status: 429,
    endpoint,
    ...(retryAt === undefined ? {} : { retryAt }),
  });
}

function tooSlow(endpoint: string): JiraError {
  return new JiraError('too-slow', defaultMessage('too-slow', endpoint), { endpoint });
}

async function errorFromResponse(
  response: APIResponse,
  endpoint: string,
  messages: Partial<Record<JiraErrorCode, string>> | undefined,
): Promise<JiraError> {
  const code = codeForStatus(response.status) ?? 'server-error';
  const text = await response.text().catch(() => '');
  return new JiraError(code, messages?.[code] ?? defaultMessage(code, endpoint), {
    status: response.status,
    endpoint,
    details: jiraErrorDetails(text),
  });
}

/** Jira's error bodies: {errorMessages: string[], errors: {field: message}}; anything else is kept short. */
function jiraErrorDetails(text: string): string[] {
  if (text.length === 0) return [];
  try {
    const body: unknown = JSON.parse(text);
    if (body !== null && typeof body === 'object') {
      const details: string[] = [];
      const { errorMessages, errors, message } = body as Record<string, unknown>;
      if (Array.isArray(errorMessages)) details.push(...errorMessages.filter((m) => typeof m === 'string'));
      if (errors !== null && typeof errors === 'object') {
        for (const [field, value] of Object.entries(errors)) details.push(`${field}: ${String(value)}`);
      }
      if (typeof message === 'string') details.push(message);
      if (details.length > 0) return details;
    }
  } catch {
    // not JSON: fall through
  }
  return [text.slice(0, 300)];
}

/**
 * What @forge/api throws instead of answering: product not allowed here, proxy failure, network. Consent is the
 * exception: NeedsAuthenticationError goes on unchanged, so that Forge can ask the user to allow access.
 */
function errorFromThrown(thrown: unknown, endpoint: string): unknown {
  if (thrown instanceof JiraError || needsConsent(thrown)) return thrown;
  const name = thrown instanceof Error ? thrown.name : '';
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  if (name === 'REQUEST_EGRESS_ALLOWLIST_ERR' && /not allowed from/i.test(text)) {
    return new JiraError('not-installed', defaultMessage('not-installed', endpoint), {
      status: 403,
      endpoint,
      details: [text],
      cause: thrown,
    });
  }
  return new JiraError('server-error', `Jira could not be reached for ${endpoint}. Try again later.`, {
    endpoint,
    details: [text],
    cause: thrown,
  });
}
