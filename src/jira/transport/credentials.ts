// Credentials for reading a real Jira site from the CLI: from the environment only, never written anywhere.
import type { ForgeFetchAuth } from './forge-fetch';

export class MissingCredentialsError extends Error {
  override readonly name = 'MissingCredentialsError';
}

/** Basic auth from JIRA_EMAIL and JIRA_API_TOKEN (an Atlassian API token, id.atlassian.com). */
export function basicAuthFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Extract<ForgeFetchAuth, { kind: 'basic' }> {
  const email = env.JIRA_EMAIL?.trim();
  const apiToken = env.JIRA_API_TOKEN?.trim();
  const missing = [email ? undefined : 'JIRA_EMAIL', apiToken ? undefined : 'JIRA_API_TOKEN'].filter(
    (name): name is string => name !== undefined,
  );
  if (email === undefined || apiToken === undefined || missing.length > 0) {
    throw new MissingCredentialsError(
      `Set ${missing.join(' and ')} in the environment to read a Jira site ` +
        '(an API token from https://id.atlassian.com/manage-profile/security/api-tokens).',
    );
  }
  return { kind: 'basic', email, apiToken };
}
