// Where the app's Jira requests go in the preview: the local Jira server, told who is acting, or a real Jira
// Cloud site with basic auth from the environment (every request then runs as that one user). The HTTP part is
// the Jira transport of src/jira (createForgeFetch), so the preview, the CLI and the tests send requests alike.
import type { RequestInit as ForgeRequestInit } from '@forge/api';
import { assertCredentialsMayGoTo, basicAuthFromEnv } from '../../src/jira/transport/credentials';
import {
  ACTING_ACCOUNT_HEADER,
  createForgeFetch,
  type ForgeFetch,
} from '../../src/jira/transport/forge-fetch';

export interface JiraTarget {
  kind: 'local' | 'site';
  baseUrl: string;
  /** The local server acts as any account; a real site always acts as the API token's owner. */
  impersonates: boolean;
  /** `path` arrives as @forge/api hands it over: already encoded, starting with "/". */
  request(
    path: string,
    init: RequestInit | undefined,
    actingAccountId: string | undefined,
  ): Promise<Response>;
}

export interface SiteCredentials {
  baseUrl: string;
  email: string;
  apiToken: string;
}

/** The transport takes plain-object headers (@forge/api's RequestInit); browsers and apps may send others. */
function forgeInit(init: RequestInit | undefined): ForgeRequestInit {
  const headers = Object.fromEntries(new Headers(init?.headers));
  // Who acts is the preview's decision, never a header the app or the page set itself.
  delete headers[ACTING_ACCOUNT_HEADER];
  const body = typeof init?.body === 'string' ? init.body : undefined;
  return { method: init?.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) };
}

function target(kind: JiraTarget['kind'], baseUrl: string, send: ForgeFetch): JiraTarget {
  return {
    kind,
    baseUrl,
    impersonates: kind === 'local',
    request(path, init, actingAccountId) {
      // As @forge/api would call it: asUser(viewer) when someone acts, asApp() otherwise.
      const provider = actingAccountId === undefined ? 'app' : 'user';
      return send(
        { type: 'fpp', provider, remote: 'jira', accountId: actingAccountId },
        path,
        forgeInit(init),
      );
    },
  };
}

/** The local Jira server (or anything that honours the acting-account header). */
export function localJiraTarget(baseUrl: string): JiraTarget {
  return target('local', baseUrl, createForgeFetch({ baseUrl, auth: { kind: 'local' } }));
}

/** Jira's POST endpoints that only read (queries sent as a body); every other POST, PUT or DELETE writes. */
const READING_POSTS = new Set([
  '/rest/api/3/search/jql',
  '/rest/api/3/changelog/bulkfetch',
  '/rest/api/3/issue/bulkfetch',
  // Which projects and secured issues the viewer may see (the store's per-view permission check).
  '/rest/api/3/permissions/check',
]);

export class ReadOnlySiteError extends Error {
  override name = 'ReadOnlySiteError';
}

/**
 * A real Jira Cloud site; the acting account cannot be honoured there. With `readOnly` (the manifest asks no
 * write scope, so Forge would refuse writes anyway) nothing that could change the site is sent to it.
 */
export function siteJiraTarget(site: SiteCredentials, options: { readOnly?: boolean } = {}): JiraTarget {
  const auth = { kind: 'basic' as const, email: site.email, apiToken: site.apiToken };
  const send = createForgeFetch({ baseUrl: site.baseUrl, auth });
  const reading: ForgeFetch = (request, path, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const endpoint = path.split('?')[0] ?? path;
    if (method !== 'GET' && method !== 'HEAD' && !(method === 'POST' && READING_POSTS.has(endpoint))) {
      return Promise.reject(
        new ReadOnlySiteError(
          `The preview does not send ${method} ${endpoint} to ${site.baseUrl}: the app's manifest asks read scopes only.`,
        ),
      );
    }
    return send(request, path, init);
  };
  return target('site', site.baseUrl, options.readOnly === false ? send : reading);
}

/** Credentials for `--site URL` come only from the environment, never from arguments or files. */
export function siteCredentialsFromEnv(
  baseUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): SiteCredentials {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`--site needs a URL like https://your-site.atlassian.net, not "${baseUrl}".`);
  }
  // createForgeFetch refuses it as well; checking here names the address before the credentials.
  assertCredentialsMayGoTo(url.origin);
  const { email, apiToken } = basicAuthFromEnv(env);
  return { baseUrl: url.origin, email, apiToken };
}
