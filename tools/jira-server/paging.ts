// Page sizes as Jira Cloud caps them, opaque page tokens, and the offset pages of the older endpoints.
// Sources of every cap are in docs/snapshot.md ("Caps").
import { badRequest } from './reply';

/** POST /rest/api/3/search/jql: default 50; at most 100 issues when fields are asked, 5000 for id/key only. */
export const SEARCH_DEFAULT_MAX_RESULTS = 50;
export const SEARCH_MAX_RESULTS_WITH_FIELDS = 100;
export const SEARCH_MAX_RESULTS_ID_ONLY = 5000;
/** POST /rest/api/3/changelog/bulkfetch: ≤1000 issues, ≤10 field ids, maxResults 1..10000 accepted, 1000 served. */
export const BULK_MAX_ISSUES = 1000;
export const BULK_MAX_FIELD_IDS = 10;
export const BULK_DEFAULT_MAX_RESULTS = 1000;
export const BULK_MAX_RESULTS_ACCEPTED = 10000;
export const BULK_MAX_RESULTS_SERVED = 1000;
/** GET /rest/api/3/issue/{key}/changelog: default and cap 100. */
export const ISSUE_CHANGELOG_MAX_RESULTS = 100;
/** GET /rest/api/3/project/search: default 50, cap 100. */
export const PROJECT_SEARCH_DEFAULT_MAX_RESULTS = 50;
export const PROJECT_SEARCH_MAX_RESULTS = 100;
/** Agile lists (boards, sprints, sprint issues): default and cap 50. */
export const AGILE_MAX_RESULTS = 50;

/** A non-negative integer query parameter, or the fallback when absent; anything else is a 400. */
export function intParam(value: string | null | undefined, name: string, fallback: number): number {
  if (value === null || value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    badRequest(`The value '${value}' is not valid for the parameter '${name}'.`);
  return n;
}

/** Jira answers maxResults above the cap with the cap, and 0 (or below) with the default. */
export function pageSize(requested: number | undefined, fallback: number, cap: number): number {
  if (requested === undefined || requested <= 0) return fallback;
  return Math.min(requested, cap);
}

/** A 32-bit FNV-1a hash, to tie a token to the request that produced it. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

interface TokenBody {
  /** Offset of the next item. */
  o: number;
  /** Fingerprint of the request the token belongs to. */
  f: string;
}

export function encodePageToken(offset: number, requestFingerprint: string): string {
  const body: TokenBody = { o: offset, f: requestFingerprint };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** The offset a token points at; a token that is malformed or from another request is a 400, as in Jira. */
export function decodePageToken(token: unknown, requestFingerprint: string): number {
  if (token === undefined || token === null || token === '') return 0;
  if (typeof token !== 'string') badRequest('The nextPageToken must be a string.');
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    badRequest(`The nextPageToken '${token}' is not valid.`);
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    !('o' in body) ||
    !('f' in body) ||
    typeof body.o !== 'number' ||
    !Number.isInteger(body.o) ||
    body.o < 0
  ) {
    badRequest(`The nextPageToken '${token}' is not valid.`);
  }
  if (body.f !== requestFingerprint)
    badRequest(`The nextPageToken '${token}' does not belong to this request.`);
  return body.o;
}

/** How many items a page may hold after the `truncated-page` fault, which halves a page that has more after it. */
export function truncatedLength(length: number): number {
  return Math.max(1, Math.floor(length / 2));
}
