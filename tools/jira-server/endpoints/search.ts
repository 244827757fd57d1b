// POST|GET /rest/api/3/search/jql: token-paged issue search (SearchAndReconcileResults), no total, no changelog.
import type { RequestContext } from '../context';
import { fieldSelection, issueJson, selectsFields } from '../issue-fields';
import { parseJql, type JqlQuery } from '../jql';
import {
  decodePageToken,
  encodePageToken,
  fingerprint,
  pageSize,
  SEARCH_DEFAULT_MAX_RESULTS,
  SEARCH_MAX_RESULTS_ID_ONLY,
  SEARCH_MAX_RESULTS_WITH_FIELDS,
  truncatedLength,
} from '../paging';
import { badRequest, ok, type Reply } from '../reply';
import { byKeyOrder, findIssue, type IndexedIssue, type SiteIndex } from '../site-index';
import type { Viewer } from '../viewer';
import { viewerCacheKey } from '../viewer';

interface SearchRequest {
  jql: unknown;
  fields: unknown;
  maxResults: unknown;
  nextPageToken: unknown;
}

function projectKeysOf(values: string[], index: SiteIndex, viewer: Viewer): Set<string> {
  const keys = new Set<string>();
  for (const value of values) {
    const project = index.projectByKey.get(value.toUpperCase()) ?? index.projectById.get(value);
    // Jira does not tell a hidden project from a missing one: both are "does not exist".
    if (!project || !viewer.canBrowse(project.key)) {
      badRequest(`The value '${value}' does not exist for the field 'project'.`);
    }
    keys.add(project.key);
  }
  return keys;
}

function issuesOf(values: string[], index: SiteIndex, viewer: Viewer): Set<IndexedIssue> {
  const issues = new Set<IndexedIssue>();
  for (const value of values) {
    const issue = findIssue(index, value);
    if (!issue || !viewer.canSee(issue)) {
      badRequest(`An issue with key '${value}' does not exist for field 'issuekey'.`);
    }
    issues.add(issue);
  }
  return issues;
}

function dateOf(issue: IndexedIssue, field: 'created' | 'updated'): number {
  return field === 'created' ? issue.created : issue.updated;
}

/** Every issue the query matches for this viewer, in the query's order (key ASC when it names none). */
export function matchIssues(query: JqlQuery, index: SiteIndex, viewer: Viewer): IndexedIssue[] {
  const projectSets = query.projectClauses.map((values) => projectKeysOf(values, index, viewer));
  const issueSets = query.issueKeyClauses.map((values) => issuesOf(values, index, viewer));
  const candidates: Iterable<IndexedIssue> = issueSets[0] ?? index.issues;
  const matched: IndexedIssue[] = [];
  for (const issue of candidates) {
    if (!viewer.canSee(issue)) continue;
    if (!projectSets.every((set) => set.has(issue.projectKey))) continue;
    if (!issueSets.every((set) => set.has(issue))) continue;
    const inBounds = query.dateBounds.every(({ field, operator, at }) => {
      const value = dateOf(issue, field);
      if (operator === '>=') return value >= at;
      if (operator === '>') return value > at;
      if (operator === '<=') return value <= at;
      return value < at;
    });
    if (inBounds) matched.push(issue);
  }
  const order =
    query.orderBy.length > 0 ? query.orderBy : [{ field: 'key' as const, direction: 'ASC' as const }];
  matched.sort((a, b) => {
    for (const { field, direction } of order) {
      const sign = direction === 'ASC' ? 1 : -1;
      const difference = field === 'key' ? byKeyOrder(a, b) : dateOf(a, field) - dateOf(b, field);
      if (difference !== 0) return sign * difference;
    }
    return byKeyOrder(a, b);
  });
  return matched;
}

function search(ctx: RequestContext, request: SearchRequest): Reply {
  if (typeof request.jql !== 'string' || request.jql.trim() === '') {
    badRequest('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
  const jql = request.jql;
  if (
    request.maxResults !== undefined &&
    (typeof request.maxResults !== 'number' || !Number.isInteger(request.maxResults))
  ) {
    badRequest('The maxResults must be an integer.');
  }
  const selection = fieldSelection(request.fields, 'none');
  const cap = selectsFields(selection) ? SEARCH_MAX_RESULTS_WITH_FIELDS : SEARCH_MAX_RESULTS_ID_ONLY;
  const size = pageSize(request.maxResults as number | undefined, SEARCH_DEFAULT_MAX_RESULTS, cap);

  const viewerKey = viewerCacheKey(ctx.viewer);
  const requestFingerprint = fingerprint(`${viewerKey}|${jql}`);
  const offset = decodePageToken(request.nextPageToken, requestFingerprint);
  const query = parseJql(jql, ctx.now);
  // A relative date ("-90m") matches differently as time passes: such a result is cached for its minute only.
  const minute = query.relative ? `|${Math.floor(ctx.now / 60_000)}` : '';
  const matched = ctx.caches.search.getOrCompute(`${viewerKey}|${jql}${minute}`, () =>
    matchIssues(query, ctx.index, ctx.viewer),
  );

  let page = matched.slice(offset, offset + size);
  if (page.length >= 2 && ctx.page.truncate()) page = page.slice(0, truncatedLength(page.length));
  // Faults of a page that promises more: it comes back empty, or without the token to read the rest.
  const moreAfter = offset + page.length < matched.length;
  let isLast = !moreAfter;
  let dropToken = false;
  if (moreAfter && ctx.page.empty()) {
    page = [];
    dropToken = true;
  } else if (moreAfter && ctx.page.dropToken()) {
    dropToken = true;
  }
  const nextOffset = offset + page.length;
  let nextPageToken =
    nextOffset < matched.length && !dropToken ? encodePageToken(nextOffset, requestFingerprint) : undefined;
  if (typeof request.nextPageToken === 'string' && request.nextPageToken !== '' && ctx.page.repeatToken()) {
    nextPageToken = request.nextPageToken;
    isLast = false;
  }

  const issues = page.map((issue) => issueJson(issue, selection, ctx.index, ctx.baseUrl)).join(',');
  const tokenPart = nextPageToken === undefined ? '' : `"nextPageToken":${JSON.stringify(nextPageToken)},`;
  return ok(`{"issues":[${issues}],${tokenPart}"isLast":${isLast}}`, page.length);
}

export function searchJqlPost(ctx: RequestContext): Reply {
  const body = ctx.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    badRequest('Invalid request payload. Refer to the REST API documentation and try again.');
  }
  const b = body as Record<string, unknown>;
  return search(ctx, {
    jql: b.jql,
    fields: b.fields,
    maxResults: b.maxResults,
    nextPageToken: b.nextPageToken,
  });
}

export function searchJqlGet(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const maxResults = q.get('maxResults');
  const fields = q.getAll('fields');
  return search(ctx, {
    jql: q.get('jql') ?? undefined,
    fields: fields.length > 0 ? fields : undefined,
    maxResults: maxResults === null ? undefined : Number(maxResults),
    nextPageToken: q.get('nextPageToken') ?? undefined,
  });
}
