// Who is asking: the acting account named by the `x-acting-account-id` header, and what it may browse.
// A request that names no account is anonymous, as on Jira Cloud without credentials: it browses nothing, and the
// endpoints Jira does not open to anonymous callers answer 401. Whoever needs to see everything names the site
// admin, `x-acting-account-id: local-site-admin` (SITE_ADMIN_ACCOUNT_ID), explicitly.
import type { IncomingHttpHeaders } from 'node:http';
import { accountGrants, mayBrowse, maySeeIssue, SITE_ADMIN_ACCOUNT_ID } from '../snapshot/read';
import { JiraRequestError } from './reply';
import type { IndexedIssue, SiteIndex } from './site-index';

export { SITE_ADMIN_ACCOUNT_ID } from '../snapshot/read';
export const ACTING_ACCOUNT_HEADER = 'x-acting-account-id';

export interface Viewer {
  /** The acting account; undefined = anonymous. */
  accountId: string | undefined;
  canBrowse(projectKey: string): boolean;
  /**
   * Whether the issue exists for this viewer: its project browsable and, if it has a security level, the level
   * held. An issue it cannot see is absent from every list and "does not exist" when read directly, as in Jira.
   */
  canSee(issue: Pick<IndexedIssue, 'projectKey' | 'securityLevelId'>): boolean;
}

const ANONYMOUS: Viewer = { accountId: undefined, canBrowse: () => false, canSee: () => false };

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
  return accountId === undefined ? ANONYMOUS : viewerFor(accountId, index);
}

/**
 * The viewer an account is; also whom POST /permissions/check asks about when the site admin names another account.
 * With permissions.json, an account it does not list sees nothing; without it, everyone sees everything.
 */
export function viewerFor(accountId: string, index: SiteIndex): Viewer {
  const grants = accountGrants(index.meta.permissions, accountId);
  return {
    accountId,
    canBrowse: (projectKey) => mayBrowse(grants, projectKey),
    canSee: (issue) => maySeeIssue(grants, issue),
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

/**
 * A short string that tells viewers apart in cache keys (account ids are never empty). The account id is enough:
 * everything a viewer may see, projects and security levels alike, follows from it and the snapshot, and the
 * caches are dropped with the snapshot they were computed from.
 */
export function viewerCacheKey(viewer: Viewer): string {
  return viewer.accountId ?? '';
}
