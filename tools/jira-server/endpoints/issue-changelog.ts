// GET /rest/api/3/issue/{issueIdOrKey}/changelog: one issue's histories, oldest first, offset-paged (PageBeanChangelog).
import type { RequestContext } from '../context';
import { intParam, ISSUE_CHANGELOG_MAX_RESULTS, pageSize, truncatedLength } from '../paging';
import { notFound, ok, type Reply } from '../reply';
import { findIssue } from '../site-index';

export function issueChangelog(ctx: RequestContext): Reply {
  const idOrKey = ctx.params.issueIdOrKey ?? '';
  const issue = findIssue(ctx.index, idOrKey);
  // A hidden issue is indistinguishable from a missing one, as in Jira.
  if (!issue || !ctx.viewer.canSee(issue)) {
    notFound('Issue does not exist or you do not have permission to see it.');
  }
  const q = ctx.url.searchParams;
  const startAt = intParam(q.get('startAt'), 'startAt', 0);
  const maxResults = pageSize(
    intParam(q.get('maxResults'), 'maxResults', ISSUE_CHANGELOG_MAX_RESULTS),
    ISSUE_CHANGELOG_MAX_RESULTS,
    ISSUE_CHANGELOG_MAX_RESULTS,
  );
  const total = issue.historyJson.length;
  let values = issue.historyJson.slice(startAt, startAt + maxResults);
  if (values.length >= 2 && ctx.page.truncate()) values = values.slice(0, truncatedLength(values.length));
  if (startAt + values.length < total && ctx.page.empty()) values = [];
  const isLast = startAt + values.length >= total;
  const base = `${ctx.baseUrl}/rest/api/3/issue/${encodeURIComponent(issue.key)}/changelog`;
  const nextPage = isLast
    ? ''
    : `"nextPage":${JSON.stringify(`${base}?startAt=${startAt + values.length}&maxResults=${maxResults}`)},`;
  return ok(
    `{"self":${JSON.stringify(`${base}?startAt=${startAt}&maxResults=${maxResults}`)},${nextPage}` +
      `"maxResults":${maxResults},"startAt":${startAt},"total":${total},"isLast":${isLast},` +
      `"values":[${values.join(',')}]}`,
    values.length,
  );
}
