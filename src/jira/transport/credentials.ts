// Credentials for reading a real Jira site from the CLI: from the environment only, never written anywhere, and
// sent only where nobody on the way can read them (https, or plain http to this machine itself).
import type { ForgeFetchAuth } from './forge-fetch';

export class MissingCredentialsError extends Error {
  override readonly name = 'MissingCredentialsError';
}

export class InsecureCredentialsError extends Error {
  override readonly name = 'InsecureCredentialsError';
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

/** This machine: localhost, 127.0.0.0/8 and [::1] (URL has already normalised forms like 127.1 or [0:0::1]). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Throws InsecureCredentialsError unless credentials may be sent to `baseUrl`: an https address, or plain http to
 * this machine's loopback (the local Jira server, a test stub). Every basic-auth transport calls it before it can
 * send anything (createForgeFetch), so no command can put an API token on the network in clear text.
 */
export function assertCredentialsMayGoTo(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InsecureCredentialsError(
      `"${baseUrl}" is not a web address; give the site's address, like https://your-site.atlassian.net.`,
    );
  }
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return;
  const secure = `https://${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  throw new InsecureCredentialsError(
    url.protocol === 'http:'
      ? `Refusing to send your Jira API token to ${url.origin}: over plain http anyone on the network could ` +
          `read it. Use ${secure} instead (plain http is only allowed to this machine: localhost, 127.0.0.1, [::1]).`
      : `Jira credentials are only sent to https addresses, not ${url.protocol} ones; use ${secure}.`,
  );
}
