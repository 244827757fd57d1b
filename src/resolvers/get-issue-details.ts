// Evidence on demand: the summary, type and status of the issues an evidence list shows, read from Jira as the
// viewing user when they open it. Results may come from the background store, but what the viewer sees of an issue
// does not: Jira checks their permission again now, and an issue they may no longer open comes back as hidden only.
import type { Request } from '@forge/resolver';
import { StatusCategoryKeySchema, type IssueDetail, type IssueDetails } from '../contract/issue-details';
import { IssueDetailsRequestSchema } from '../contract/requests';
import type { ResolverResult } from '../contract/result';
import { JiraClient } from '../jira/client';
import type { JiraIssueSummary } from '../jira/schemas';
import { forgeContextOf } from './context';
import { answer } from './error-result';
import type { Invocation } from './invocation';

function detailOf(issue: JiraIssueSummary): IssueDetail {
  const { summary, issuetype, status } = issue.fields;
  const category = StatusCategoryKeySchema.safeParse(status.statusCategory?.key);
  return {
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
    const { issues, hidden } = await new JiraClient({
      context,
      deadline: invocation.deadline,
      retry: invocation.retry,
    }).readIssueSummaries(keys);
    return { ok: true, data: { issues: issues.map(detailOf), hidden } };
  });
}
