// The one error type of the Jira data layer: a code the caller can branch on and a sentence a user can act on.
import { z } from 'zod';

export const JiraErrorCodeSchema = z.enum([
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'rate-limited',
  'server-error',
  'invalid-response',
  'not-installed',
  /** The invocation's time ran out before Jira answered everything. */
  'too-slow',
]);
export type JiraErrorCode = z.infer<typeof JiraErrorCodeSchema>;

export interface JiraErrorOptions {
  status?: number;
  /** The request as "METHOD /path" without the query, e.g. "POST /rest/api/3/search/jql". */
  endpoint?: string;
  /** What Jira itself said (errorMessages / errors), for logs; never shown instead of `message`. */
  details?: string[];
  cause?: unknown;
  /** rate-limited: when Jira said it would answer again (epoch ms). */
  retryAt?: number;
}

export class JiraError extends Error {
  override readonly name = 'JiraError';
  readonly code: JiraErrorCode;
  readonly status?: number;
  readonly endpoint?: string;
  readonly details: string[];
  readonly retryAt?: number;

  constructor(code: JiraErrorCode, message: string, options: JiraErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.endpoint = options.endpoint;
    this.details = options.details ?? [];
    this.retryAt = options.retryAt;
  }

  /** A plain value for resolver results (errors cross the bridge as JSON). */
  toJSON(): { code: JiraErrorCode; message: string; status?: number; endpoint?: string } {
    return { code: this.code, message: this.message, status: this.status, endpoint: this.endpoint };
  }
}

export function isJiraError(value: unknown): value is JiraError {
  return value instanceof JiraError;
}

/**
 * True for @forge/api's NeedsAuthenticationError: the user has not yet allowed the app to act for them. It must
 * leave the resolver uncaught: Forge then prompts the user to allow access. Matched by name, as @forge/api's own
 * isExpectedError does, because the bundle and the tests may hold different copies of the class.
 */
export function needsConsent(value: unknown): value is Error {
  return value instanceof Error && value.name === 'NEEDS_AUTHENTICATION_ERR';
}

/** The error code an HTTP status maps to; undefined for success statuses. */
export function codeForStatus(status: number): JiraErrorCode | undefined {
  if (status < 400) return undefined;
  if (status === 400 || status === 405 || status === 409 || status === 422) return 'bad-request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return 'bad-request';
}

export const NOT_INSTALLED_ON_JIRA =
  'Ownership Map is not installed on Jira for this site, so it cannot read Jira from Confluence. ' +
  'Ask a site admin to connect the app to Jira (Manage apps in Jira), then reload this page.';

/** NOT_INSTALLED_ON_JIRA plus the product contexts the app was found on (ARIs: ids only, no secrets). */
export function notInstalledOnJira(presentContexts: readonly string[]): string {
  const found =
    presentContexts.length === 0
      ? 'The platform named no product this app is installed on.'
      : `The app is installed on: ${presentContexts.join(', ')}; none of them is Jira.`;
  return `${NOT_INSTALLED_ON_JIRA} ${found}`;
}

/** Default sentences per code; operations pass sharper ones ("You cannot browse project ABC."). */
export function defaultMessage(code: JiraErrorCode, endpoint: string): string {
  switch (code) {
    case 'bad-request':
      return `Jira rejected the request ${endpoint} as invalid.`;
    case 'unauthorized':
      return 'Jira did not accept your sign-in. Sign in to Jira again, or check the API token.';
    case 'forbidden':
      return `You do not have permission in Jira for ${endpoint}.`;
    case 'not-found':
      return `Jira could not find ${endpoint}.`;
    case 'rate-limited':
      return 'Jira is limiting requests right now. Try again in a few minutes.';
    case 'server-error':
      return `Jira failed to answer ${endpoint}. Try again later.`;
    case 'invalid-response':
      return `Jira answered ${endpoint} with data this app does not understand.`;
    case 'not-installed':
      return NOT_INSTALLED_ON_JIRA;
    case 'too-slow':
      return `Jira answered too slowly: the time this app has for one view ran out at ${endpoint}.`;
  }
}
