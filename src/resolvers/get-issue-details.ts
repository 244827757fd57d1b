// Evidence on demand: the summary, type and status of the issues an evidence list shows, read from Jira as the
// viewing user when they open it. Results may come from the background store, but what the viewer sees of an issue
// does not: Jira checks their permission again now, and an issue they may no longer open comes back as hidden only.
import type { Request } from '@forge/resolver';
import { StatusCategoryKeySchema, type IssueDetail, type IssueDetails } from '../contract/issue-details';
import { IssueDetailsRequestSchema } from '../contract/requests';
import type { ResolverResult } from '../contract/result';
import { JiraClient } from '../jira/client';
import type { JiraField, JiraIssueSummary } from '../jira/schemas';
import { fieldLookup } from '../ownership/normalise/fields';
import { readStoredFields } from '../store/site';
import { forgeContextOf } from './context';
import { answer } from './error-result';
import type { Invocation } from './invocation';

/** Sites often have two story-points fields: the first that holds a number is the issue's estimate. */
function pointsOf(issue: JiraIssueSummary, estimateIds: readonly string[]): number | null {
  for (const id of estimateIds) {
    const value: unknown = issue.fields[id];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

function detailOf(issue: JiraIssueSummary, estimateIds: readonly string[]): IssueDetail {
  const { summary, issuetype, status } = issue.fields;
  const category = StatusCategoryKeySchema.safeParse(status.statusCategory?.key);
  return {
    points: pointsOf(issue, estimateIds),
    key: issue.key,
    summary: summary ?? '',
    type: { id: issuetype.id, name: issuetype.name, iconUrl: issuetype.iconUrl },
    status: {
      name: status.name,
      category: category.success ? category.data : 'undefined',
      colorName: status.statusCategory?.colorName,
    },
  };
}

export function getIssueDetails(
  request: Request,
  invocation: Invocation,
): Promise<ResolverResult<IssueDetails>> {
  return answer(async () => {
    const { keys } = IssueDetailsRequestSchema.parse(request.payload ?? {});
    const context = forgeContextOf(request.context);
    const client = new JiraClient({ context, deadline: invocation.deadline, retry: invocation.retry });
    // Which fields hold story points: the site's field list as the sync stored it, or read once when the store
    // does not have it yet (a scope seen for the first time, or storage unavailable).
    const stored: JiraField[] | undefined = await readStoredFields(invocation.store.storage).catch(
      () => undefined,
    );
    const { estimateIds } = fieldLookup(stored ?? (await client.getFields()));
    const { issues, hidden } = await client.readIssueSummaries(keys, estimateIds);
    return { ok: true, data: { issues: issues.map((issue) => detailOf(issue, estimateIds)), hidden } };
  });
}
