// Issue search through POST /rest/api/3/search/jql (token paging, no total), asking only for the named fields.
// The old GET /rest/api/3/search is gone (410), and expand=changelog is never used: it returns only recent entries.
import { route } from '@forge/api';
import type { z } from 'zod';
import type { JiraLimits } from './limits';
import { collectTokenPages, type Paged, type PagingSubject, type TokenPage } from './paging';
import type { JiraRequestLayer } from './request';
import { IssueSchema, SearchIdsResponseSchema, searchJqlResponseSchema, type JiraIssue } from './schemas';

/** One page of POST /rest/api/3/search/jql: the sync reads page by page and checkpoints between pages. */
export function searchPage(
  layer: JiraRequestLayer,
  jql: string,
  fields: readonly string[],
  maxResults: number,
  nextPageToken: string | undefined,
): Promise<TokenPage<JiraIssue>> {
  return searchPageOf(layer, IssueSchema, jql, fields, maxResults, nextPageToken);
}

/** One page of a search whose issues carry only the fields `issue` reads (e.g. the evidence's summaries). */
export async function searchPageOf<T extends z.ZodType>(
  layer: JiraRequestLayer,
  issue: T,
  jql: string,
  fields: readonly string[],
  maxResults: number,
  nextPageToken: string | undefined,
): Promise<TokenPage<z.output<T>>> {
  const page = await layer.json(route`/rest/api/3/search/jql`, {
    method: 'POST',
    schema: searchJqlResponseSchema(issue),
    body: {
      jql,
      fields,
      maxResults,
      fieldsByKeys: false,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    },
  });
  return { items: page.issues, nextPageToken: page.nextPageToken, isLast: page.isLast };
}

/** One page of the ids of the issues a JQL finds (the sync's sweep for deleted and moved issues). */
export async function searchIdsPage(
  layer: JiraRequestLayer,
  jql: string,
  maxResults: number,
  nextPageToken: string | undefined,
): Promise<TokenPage<string>> {
  const page = await layer.json(route`/rest/api/3/search/jql`, {
    method: 'POST',
    schema: SearchIdsResponseSchema,
    body: { jql, fields: ['id'], maxResults, ...(nextPageToken === undefined ? {} : { nextPageToken }) },
  });
  return {
    items: page.issues.map((issue) => issue.id),
    nextPageToken: page.nextPageToken,
    isLast: page.isLast,
  };
}

export async function searchIssues(
  layer: JiraRequestLayer,
  jql: string,
  fields: readonly string[],
  limits: JiraLimits,
  subject: PagingSubject = { what: 'the issues found' },
  onPage?: (issuesSoFar: number) => void,
): Promise<Paged<JiraIssue>> {
  return collectTokenPages(
    (nextPageToken) => searchPage(layer, jql, fields, limits.searchPageSize, nextPageToken),
    subject,
    limits.maxSearchPages,
    onPage,
  );
}

/** A JQL string literal: quoted, with quotes and backslashes escaped. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The JQL of one scope: its projects, optionally only issues updated since a day. Ordered by key so pages are
 * stable while reading. `updatedSince` is cut to its date: JQL compares in the viewer's time zone, so a day is
 * the precision that cannot drop an issue (the analysis filters exact times itself).
 */
export function scopeJql(projects: readonly string[], updatedSince?: string): string {
  const clauses = [`project in (${projects.map(jqlString).join(', ')})`];
  if (updatedSince !== undefined) {
    const day = /^\d{4}-\d{2}-\d{2}/.exec(updatedSince)?.[0];
    if (day === undefined)
      throw new RangeError(`updatedSince must start with a date (YYYY-MM-DD): ${updatedSince}`);
    clauses.push(`updated >= ${jqlString(day)}`);
  }
  return `${clauses.join(' AND ')} ORDER BY key ASC`;
}
