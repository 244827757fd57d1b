// POST /rest/api/3/changelog/bulkfetch: every history of up to 1000 issues, paged by history, token-paged.
// Jira sorts "by changelog date and issue IDs, starting from the oldest changelog and smallest issue ID", so one
// issue's histories can be spread over several pages and interleaved with other issues' histories.
import type { RequestContext } from '../context';
import {
  BULK_DEFAULT_MAX_RESULTS,
  BULK_MAX_FIELD_IDS,
  BULK_MAX_ISSUES,
  BULK_MAX_RESULTS_ACCEPTED,
  BULK_MAX_RESULTS_SERVED,
  decodePageToken,
  encodePageToken,
  fingerprint,
  truncatedLength,
} from '../paging';
import { badRequest, ok, type Reply } from '../reply';
import { findIssue, type IndexedIssue, type SiteIndex } from '../site-index';
import { requireAccount, viewerCacheKey } from '../viewer';

/** The histories a bulk request selects, in Jira's order: issue of each, and its (possibly filtered) JSON. */
export interface BulkHistoryList {
  issues: IndexedIssue[];
  json: string[];
}

interface HistoryItemShape {
  field?: unknown;
  fieldId?: unknown;
}

/** Keeps the items of one history that touch the asked fields; undefined when none do. */
function filterHistory(json: string, fieldIds: string[], index: SiteIndex): string | undefined {
  const history = JSON.parse(json) as { items?: HistoryItemShape[] };
  const items = (history.items ?? []).filter((item) =>
    fieldIds.some((fieldId) => {
      if (typeof item.fieldId === 'string') return item.fieldId === fieldId;
      // Older histories have no fieldId: match the item's field name against the field's names (fields.json).
      const name = typeof item.field === 'string' ? item.field.toLowerCase() : '';
      return (index.historyNamesOfField.get(fieldId) ?? new Set([fieldId.toLowerCase()])).has(name);
    }),
  );
  if (items.length === 0) return undefined;
  if (items.length === history.items?.length) return json;
  return JSON.stringify({ ...history, items });
}

function collectHistories(issues: IndexedIssue[], fieldIds: string[], index: SiteIndex): BulkHistoryList {
  const refs: { issue: IndexedIssue; at: number; created: number }[] = [];
  for (const issue of issues) {
    issue.historyCreated.forEach((created, at) => refs.push({ issue, at, created }));
  }
  const idNumber = (issue: IndexedIssue) => Number(issue.id);
  refs.sort((a, b) => {
    const byDate = (Number.isNaN(a.created) ? 0 : a.created) - (Number.isNaN(b.created) ? 0 : b.created);
    if (byDate !== 0) return byDate;
    if (a.issue !== b.issue) {
      const byId = idNumber(a.issue) - idNumber(b.issue);
      return Number.isNaN(byId) || byId === 0 ? a.issue.ordinal - b.issue.ordinal : byId;
    }
    return a.at - b.at;
  });
  const list: BulkHistoryList = { issues: [], json: [] };
  for (const ref of refs) {
    const raw = ref.issue.historyJson[ref.at] ?? '';
    const json = fieldIds.length > 0 ? filterHistory(raw, fieldIds, index) : raw;
    if (json === undefined) continue;
    list.issues.push(ref.issue);
    list.json.push(json);
  }
  return list;
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    badRequest(`The ${name} must be a list of strings.`, { [name]: 'must be a list of strings' });
  }
  return value;
}

export function bulkFetchChangelogs(ctx: RequestContext): Reply {
  // Jira does not open the bulk changelog to anonymous callers (no "can be accessed anonymously" in its OpenAPI).
  requireAccount(ctx.viewer);
  const body = ctx.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    badRequest('Invalid request payload. Refer to the REST API documentation and try again.');
  }
  const b = body as Record<string, unknown>;
  if (b.issueIdsOrKeys === undefined)
    badRequest('At least one issue ID or key is required in issueIdsOrKeys.');
  const requested = stringList(b.issueIdsOrKeys, 'issueIdsOrKeys');
  if (requested.length === 0 || requested.length > BULK_MAX_ISSUES) {
    badRequest(
      `The number of issue IDs or keys must be between 1 and ${BULK_MAX_ISSUES} (got ${requested.length}).`,
      {
        issueIdsOrKeys: `size must be between 1 and ${BULK_MAX_ISSUES}`,
      },
    );
  }
  const fieldIds = b.fieldIds === undefined ? [] : [...new Set(stringList(b.fieldIds, 'fieldIds'))];
  if (fieldIds.length > BULK_MAX_FIELD_IDS) {
    badRequest(`At most ${BULK_MAX_FIELD_IDS} field IDs can be given (got ${fieldIds.length}).`, {
      fieldIds: `size must be between 0 and ${BULK_MAX_FIELD_IDS}`,
    });
  }
  let size = BULK_DEFAULT_MAX_RESULTS;
  if (b.maxResults !== undefined) {
    const n = b.maxResults;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > BULK_MAX_RESULTS_ACCEPTED) {
      badRequest(`The maxResults must be between 1 and ${BULK_MAX_RESULTS_ACCEPTED}.`, {
        maxResults: `must be between 1 and ${BULK_MAX_RESULTS_ACCEPTED}`,
      });
    }
    size = n;
  }
  size = Math.min(size, BULK_MAX_RESULTS_SERVED);

  // Unknown issues and issues the viewer cannot see (project or security level) are left out silently.
  const issues = new Set<IndexedIssue>();
  for (const idOrKey of requested) {
    const issue = findIssue(ctx.index, idOrKey);
    if (issue && ctx.viewer.canSee(issue)) issues.add(issue);
  }
  const ordinals = [...issues].map((issue) => issue.ordinal).sort((x, y) => x - y);
  const cacheKey = `${viewerCacheKey(ctx.viewer)}|${ordinals.join(',')}|${fieldIds.join(',')}`;
  const requestFingerprint = fingerprint(cacheKey);
  const offset = decodePageToken(b.nextPageToken, requestFingerprint);
  const list = ctx.caches.bulk.getOrCompute(cacheKey, () =>
    collectHistories(
      ordinals.map((o) => ctx.index.issues[o] as IndexedIssue),
      fieldIds,
      ctx.index,
    ),
  );

  let end = Math.min(offset + size, list.json.length);
  if (end - offset >= 2 && ctx.page.truncate()) end = offset + truncatedLength(end - offset);
  let nextPageToken = end < list.json.length ? encodePageToken(end, requestFingerprint) : undefined;
  if (typeof b.nextPageToken === 'string' && b.nextPageToken !== '' && ctx.page.repeatToken()) {
    nextPageToken = b.nextPageToken;
  }

  // Group the page's histories by issue, issues in order of their first history on the page.
  const groups = new Map<IndexedIssue, string[]>();
  for (let i = offset; i < end; i++) {
    const issue = list.issues[i] as IndexedIssue;
    const group = groups.get(issue) ?? [];
    group.push(list.json[i] as string);
    groups.set(issue, group);
  }
  const changeLogs = [...groups]
    .map(
      ([issue, histories]) =>
        `{"issueId":${JSON.stringify(issue.id)},"changeHistories":[${histories.join(',')}]}`,
    )
    .join(',');
  const tokenPart = nextPageToken === undefined ? '' : `,"nextPageToken":${JSON.stringify(nextPageToken)}`;
  return ok(`{"issueChangeLogs":[${changeLogs}]${tokenPart}}`, Math.max(0, end - offset));
}
