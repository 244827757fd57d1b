// Who is asking: the acting account named by the `x-acting-account-id` header, and what it may browse.
// No header = the site admin (sees everything); that is how the server is used by hand and by simple tests.
import type { IncomingHttpHeaders } from 'node:http';
import { browsableProjects } from '../snapshot/read';
import type { SiteIndex } from './site-index';

export const ACTING_ACCOUNT_HEADER = 'x-acting-account-id';
export const SITE_ADMIN_ACCOUNT_ID = 'local-site-admin';

export interface Viewer {
  /** undefined = the site admin. */
  accountId: string | undefined;
  canBrowse(projectKey: string): boolean;
}

export function viewerOf(headers: IncomingHttpHeaders, index: SiteIndex): Viewer {
  const header = headers[ACTING_ACCOUNT_HEADER];
  const accountId = (Array.isArray(header) ? header[0] : header)?.trim() || undefined;
  // With permissions.json, an account it does not list browses nothing; without it, everyone browses everything.
  const browsable = browsableProjects(index.meta.permissions, accountId);
  return {
    accountId,
    canBrowse: (projectKey) => browsable === undefined || browsable.has(projectKey),
  };
}

/** A short string that tells viewers apart in cache keys. */
export function viewerCacheKey(viewer: Viewer): string {
  return viewer.accountId ?? '';
}
