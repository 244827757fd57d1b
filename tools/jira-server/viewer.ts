// Who is asking: the acting account named by the `x-acting-account-id` header, and what it may browse.
// A request that names no account is anonymous, as on Jira Cloud without credentials: it browses nothing, and the
// endpoints Jira does not open to anonymous callers answer 401. Whoever needs to see everything names the site
// admin, `x-acting-account-id: local-site-admin` (SITE_ADMIN_ACCOUNT_ID), explicitly.
import type { IncomingHttpHeaders } from 'node:http';
import { browsableProjects, SITE_ADMIN_ACCOUNT_ID } from '../snapshot/read';
import { JiraRequestError } from './reply';
import type { SiteIndex } from './site-index';

export { SITE_ADMIN_ACCOUNT_ID } from '../snapshot/read';
export const ACTING_ACCOUNT_HEADER = 'x-acting-account-id';

export interface Viewer {
  /** The acting account; undefined = anonymous. */
  accountId: string | undefined;
  canBrowse(projectKey: string): boolean;
}

const ANONYMOUS: Viewer = { accountId: undefined, canBrowse: () => false };

/** A request header's first value, trimmed; absent or blank = undefined. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

export function viewerOf(headers: IncomingHttpHeaders, index: SiteIndex): Viewer {
  // Basic or bearer credentials (a recorder or preview pointed at this server as at a real site) name the token's
  // owner, whom the server can neither look up nor check: they act as the site admin. The app's own local
  // transport never sends credentials; it names the viewer in the header.
  const accountId =
    headerValue(headers, ACTING_ACCOUNT_HEADER) ??
    (headerValue(headers, 'authorization') === undefined ? undefined : SITE_ADMIN_ACCOUNT_ID);
  if (accountId === undefined) return ANONYMOUS;
  // With permissions.json, an account it does not list browses nothing; without it, everyone browses everything.
  const browsable = browsableProjects(index.meta.permissions, accountId);
  return {
    accountId,
    canBrowse: (projectKey) => browsable === undefined || browsable.has(projectKey),
  };
}

/**
 * For the endpoints Jira Cloud does not open to anonymous callers (its OpenAPI lists no "can be accessed
 * anonymously" for them: myself, the bulk changelog, the agile API, whose 401 is "the user is not logged in"):
 * an anonymous request is refused with 401 before anything is looked up.
 */
export function requireAccount(viewer: Viewer): void {
  if (viewer.accountId !== undefined) return;
  throw new JiraRequestError(
    401,
    'Client must be authenticated to access this resource. The local Jira server answers a request that names ' +
      `no account as an anonymous user: name the acting account in the ${ACTING_ACCOUNT_HEADER} header ` +
      `(${SITE_ADMIN_ACCOUNT_ID} acts as the site admin, who browses everything).`,
  );
}

/** A short string that tells viewers apart in cache keys (account ids are never empty). */
export function viewerCacheKey(viewer: Viewer): string {
  return viewer.accountId ?? '';
}
