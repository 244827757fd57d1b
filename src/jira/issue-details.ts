// The evidence's issues as the viewer sees them now: summary, type and status of each key, read as the viewing user
// through POST /rest/api/3/search/jql with `key in (…)`, so an issue the viewer may no longer open is not shown.
//
// What Jira does with a key it will not return is not the same everywhere: Cloud has answered 400 for a `key in`
// list that names a key that does not exist, or that the viewer may not browse ("An issue with key 'X' does not
// exist for field 'key'." — it does not tell the two apart), while others just leave the issue out. Both end the
// same here: a key Jira does not return is hidden. A 400 is narrowed down without trusting its wording (Jira
// words it in the viewer's language): keys its messages quote are left out and the rest asked again; when it
// quotes none, the list is halved until each refused key stands alone.
import { isJiraError, type JiraError } from './errors';
import type { JiraRequestLayer } from './request';
import { IssueSummarySchema, type JiraIssueSummary } from './schemas';
import { searchPageOf } from './search';

/** Keys per search: Cloud serves at most 100 issues a page when fields are asked for, so one page answers a batch. */
export const KEYS_PER_SEARCH = 100;

export const ISSUE_DETAIL_FIELDS = ['summary', 'issuetype', 'status'] as const;

export interface IssueSummaries {
  /** The issues Jira returned, in the order their keys were asked for. */
  issues: JiraIssueSummary[];
  /** Keys Jira did not return: not visible to the viewer, or deleted. */
  hidden: string[];
}

function keysJql(keys: readonly string[]): string {
  return `key in (${keys.join(', ')})`;
}

/** Keys that Jira's refusal names, as a whole quoted word (`'ABC-12'`, `"ABC-12"`): not ABC-1 inside ABC-12. */
function keysNamedBy(error: JiraError, keys: readonly string[]): string[] {
  const text = error.details.join('\n');
  return keys.filter((key) => new RegExp(`(^|[^A-Z0-9_-])${key}([^0-9]|$)`).test(text));
}

/** The issues of `keys` Jira returns to the viewer; a key it refuses with 400 is simply not among them. */
async function visibleIssues(
  layer: JiraRequestLayer,
  keys: readonly string[],
  fields: readonly string[],
): Promise<JiraIssueSummary[]> {
  if (keys.length === 0) return [];
  const found: JiraIssueSummary[] = [];
  try {
    let nextPageToken: string | undefined;
    for (;;) {
      const page = await searchPageOf(
        layer,
        IssueSummarySchema,
        keysJql(keys),
        fields,
        keys.length,
        nextPageToken,
      );
      found.push(...page.items);
      if (page.isLast !== false) return found;
      if (typeof page.nextPageToken === 'string' && page.nextPageToken !== '') {
        nextPageToken = page.nextPageToken;
        continue;
      }
      // More promised but no way to read it: ask again for the keys not answered yet, as long as that shrinks.
      const answered = new Set(found.map((issue) => issue.key));
      const rest = keys.filter((key) => !answered.has(key));
      if (rest.length === keys.length) return found;
      return [...found, ...(await visibleIssues(layer, rest, fields))];
    }
  } catch (error) {
    if (!isJiraError(error) || error.code !== 'bad-request') throw error;
    if (keys.length === 1) return [];
    const named = new Set(keysNamedBy(error, keys));
    if (named.size > 0)
      return visibleIssues(
        layer,
        keys.filter((key) => !named.has(key)),
        fields,
      );
    const half = Math.ceil(keys.length / 2);
    return [
      ...(await visibleIssues(layer, keys.slice(0, half), fields)),
      ...(await visibleIssues(layer, keys.slice(half), fields)),
    ];
  }
}

/**
 * Summary, type and status of each key (and `extraFields`, e.g. the site's story-points fields), in batches of
 * KEYS_PER_SEARCH. Keys are Jira issue keys (the caller
 * validates them: they go into JQL unquoted); repeats are asked once. An issue moved to another project since the
 * evidence was recorded comes back under its new key, which was not asked for: it is left out and its old key is
 * hidden, the same as a deleted one.
 */
export async function readIssueSummaries(
  layer: JiraRequestLayer,
  keys: readonly string[],
  extraFields: readonly string[] = [],
): Promise<IssueSummaries> {
  const asked = [...new Set(keys)];
  const fields = [...ISSUE_DETAIL_FIELDS, ...extraFields];
  const byKey = new Map<string, JiraIssueSummary>();
  for (let at = 0; at < asked.length; at += KEYS_PER_SEARCH) {
    for (const issue of await visibleIssues(layer, asked.slice(at, at + KEYS_PER_SEARCH), fields)) {
      byKey.set(issue.key, issue);
    }
  }
  const issues: JiraIssueSummary[] = [];
  const hidden: string[] = [];
  for (const key of asked) {
    const issue = byKey.get(key);
    if (issue === undefined) hidden.push(key);
    else issues.push(issue);
  }
  return { issues, hidden };
}
