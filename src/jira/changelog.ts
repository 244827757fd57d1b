// Every changelog history of a set of issues: POST /changelog/bulkfetch (≤1000 ids a call, token paging), or,
// where a site refuses it, GET /issue/{key}/changelog page by page. Histories are merged oldest first, deduped by id.
import { route } from '@forge/api';
import { isJiraError } from './errors';
import type { JiraLimits } from './limits';
import { collectOffsetPages, collectTokenPages } from './paging';
import type { JiraRequestLayer } from './request';
import {
  BulkChangelogResponseSchema,
  ChangelogPageSchema,
  type ChangeHistory,
  type JiraIssue,
} from './schemas';
import type { DataGap } from './site';

export interface IssueRef {
  id: string;
  key: string;
}

/** Remembers, for one run, that the site refused the bulk endpoint: asking again on every batch would waste calls. */
export interface ChangelogMode {
  bulkRefused: boolean;
}

export interface FetchedChangelogs {
  /** Histories by issue id, oldest first, one entry per history id. */
  byIssueId: Map<string, ChangeHistory[]>;
  gaps: DataGap[];
}

/** Statuses with which a site says "this endpoint is not for you" (older sites, restricted apps) rather than failing. */
const BULK_REFUSED_STATUSES = new Set([400, 403, 404, 405]);

export async function fetchChangelogs(
  layer: JiraRequestLayer,
  issues: readonly IssueRef[],
  limits: JiraLimits,
  mode: ChangelogMode,
  onIssuesDone: (done: number) => void = () => {},
): Promise<FetchedChangelogs> {
  const collected = new Map<string, ChangeHistory[]>();
  const gaps: DataGap[] = [];
  const keyById = new Map(issues.map((issue) => [issue.id, issue.key]));
  let done = 0;

  for (let from = 0; from < issues.length; from += limits.bulkChangelogIssues) {
    const batch = issues.slice(from, from + limits.bulkChangelogIssues);
    if (!mode.bulkRefused) {
      try {
        const paged = await collectTokenPages(
          async (nextPageToken) => {
            const page = await layer.json(route`/rest/api/3/changelog/bulkfetch`, {
              method: 'POST',
              schema: BulkChangelogResponseSchema,
              body: {
                issueIdsOrKeys: batch.map((issue) => issue.id),
                maxResults: limits.bulkChangelogPageSize,
                ...(nextPageToken === undefined ? {} : { nextPageToken }),
              },
            });
            return { items: page.issueChangeLogs, nextPageToken: page.nextPageToken };
          },
          { what: `the changelogs of ${batch.length} issues` },
          limits.maxBulkChangelogPages,
        );
        for (const entry of paged.items) {
          if (!keyById.has(entry.issueId)) continue;
          add(collected, entry.issueId, entry.changeHistories);
        }
        if (paged.gap !== undefined) gaps.push(paged.gap);
        done += batch.length;
        onIssuesDone(done);
        continue;
      } catch (error) {
        if (!(isJiraError(error) && error.status !== undefined && BULK_REFUSED_STATUSES.has(error.status))) {
          throw error;
        }
        mode.bulkRefused = true;
      }
    }
    for (const issue of batch) {
      const gap = await fetchIssueChangelog(layer, issue, limits, collected);
      if (gap !== undefined) gaps.push(gap);
      done += 1;
      onIssuesDone(done);
    }
  }

  const byIssueId = new Map<string, ChangeHistory[]>();
  for (const issue of issues) byIssueId.set(issue.id, oldestFirst(collected.get(issue.id) ?? []));
  return { byIssueId, gaps };
}

async function fetchIssueChangelog(
  layer: JiraRequestLayer,
  issue: IssueRef,
  limits: JiraLimits,
  collected: Map<string, ChangeHistory[]>,
): Promise<DataGap | undefined> {
  const project = issue.key.split('-')[0];
  try {
    const paged = await collectOffsetPages(
      async (startAt) => {
        const query = new URLSearchParams({
          startAt: String(startAt),
          maxResults: String(limits.issueChangelogPageSize),
        });
        const page = await layer.json(route`/rest/api/3/issue/${issue.key}/changelog?${query}`, {
          schema: ChangelogPageSchema,
        });
        return { items: page.values, startAt: page.startAt, total: page.total, isLast: page.isLast };
      },
      { what: `the changelog of ${issue.key}`, issueKey: issue.key, project },
      limits.maxIssueChangelogPages,
    );
    add(collected, issue.id, paged.items);
    return paged.gap;
  } catch (error) {
    // The issue went away or out of reach between the search and now: say so for this issue, keep the rest.
    if (isJiraError(error) && (error.code === 'not-found' || error.code === 'forbidden')) {
      return {
        kind: error.code === 'forbidden' ? 'no-access' : 'unavailable',
        message: `The history of ${issue.key} could not be read (${error.code === 'forbidden' ? 'no permission' : 'not found'}); it is left out.`,
        issueKey: issue.key,
        ...(project === undefined ? {} : { project }),
      };
    }
    throw error;
  }
}

function add(
  collected: Map<string, ChangeHistory[]>,
  issueId: string,
  histories: readonly ChangeHistory[],
): void {
  const list = collected.get(issueId);
  if (list === undefined) collected.set(issueId, [...histories]);
  else list.push(...histories);
}

function createdAt(history: ChangeHistory): number {
  const at = Date.parse(history.created);
  return Number.isNaN(at) ? 0 : at;
}

function numericId(history: ChangeHistory): number {
  const id = Number(history.id);
  return Number.isFinite(id) ? id : Number.MAX_SAFE_INTEGER;
}

/** Oldest first (by created, then by id, which Jira issues in increasing order), each history id once. */
export function oldestFirst(histories: readonly ChangeHistory[]): ChangeHistory[] {
  const byId = new Map<string, ChangeHistory>();
  for (const history of histories) if (!byId.has(history.id)) byId.set(history.id, history);
  return [...byId.values()].sort(
    (a, b) => createdAt(a) - createdAt(b) || numericId(a) - numericId(b) || a.id.localeCompare(b.id),
  );
}

/** The issues with `changelog.histories` holding every fetched history (plus any they already had), oldest first. */
export function withChangelogs(issues: readonly JiraIssue[], fetched: FetchedChangelogs): JiraIssue[] {
  return issues.map((issue) => {
    const histories = oldestFirst([
      ...(issue.changelog?.histories ?? []),
      ...(fetched.byIssueId.get(issue.id) ?? []),
    ]);
    return {
      ...issue,
      changelog: {
        ...issue.changelog,
        histories,
        startAt: 0,
        maxResults: histories.length,
        total: histories.length,
      },
    };
  });
}
