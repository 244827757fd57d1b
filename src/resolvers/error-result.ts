// Turns whatever went wrong into a ResolverError the UI can show: a code and a sentence, never a stack trace.
import { z } from 'zod';
import type { ResolverError, ResolverResult } from '../contract/result';
import { isJiraError, needsConsent, type JiraErrorCode } from '../jira/errors';
import { BadContextError } from './context';

const JIRA_TO_RESOLVER: Record<JiraErrorCode, ResolverError['code']> = {
  'bad-request': 'jira-error',
  unauthorized: 'no-access',
  forbidden: 'no-access',
  'not-found': 'not-found',
  'rate-limited': 'rate-limited',
  'server-error': 'jira-error',
  'invalid-response': 'jira-error',
  'not-installed': 'not-installed',
  'too-slow': 'too-slow',
};

/** Field-level messages of zod issues, e.g. { path: "thresholds.accountableShare", message: "…" }. */
export function zodFields(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly string[] = [],
): { path: string; message: string }[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

export function badConfig(error: z.ZodError): ResolverError {
  return {
    code: 'bad-config',
    message: 'Some settings of this ownership map are not valid. Edit the macro to fix them.',
    fields: zodFields(error.issues),
  };
}

export function toResolverError(error: unknown): ResolverError {
  if (isJiraError(error)) {
    return {
      code: JIRA_TO_RESOLVER[error.code],
      message: error.message,
      ...(error.retryAt === undefined ? {} : { retryAt: new Date(error.retryAt).toISOString() }),
    };
  }
  if (error instanceof BadContextError) {
    return {
      code: 'bad-request',
      message: `${error.message} Reload the page; if this stays, tell whoever installed the app.`,
      fields: zodFields(error.issues, ['context']),
    };
  }
  if (error instanceof z.ZodError) {
    return {
      code: 'bad-request',
      message: 'The request was not understood.',
      fields: zodFields(error.issues),
    };
  }
  // Unknown failures are logged for the app's owner; the user gets a sentence, not internals.
  console.error('Ownership Map resolver failed', error);
  return { code: 'internal', message: 'Something went wrong while building the map. Try again in a moment.' };
}

/**
 * Runs one resolver's work and answers a typed value whatever happens, with one exception: the user's consent.
 * NeedsAuthenticationError leaves the resolver uncaught, because that is how Forge knows to ask the user to allow
 * the app access; caught, the user could never consent.
 */
export async function answer<T>(work: () => Promise<ResolverResult<T>>): Promise<ResolverResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (needsConsent(error)) throw error;
    return { ok: false, error: toResolverError(error) };
  }
}
