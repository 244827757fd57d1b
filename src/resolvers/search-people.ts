// Macro configuration: people to declare as PM, PO or on a declared row, found by name through Jira.
import type { Request } from '@forge/resolver';
import { SearchPeopleRequestSchema, type PersonOption } from '../contract/requests';
import type { ResolverResult } from '../contract/result';
import { JiraClient } from '../jira/client';
import { forgeContextOf } from './context';
import { answer } from './error-result';
import type { Invocation } from './invocation';

export function searchPeople(
  request: Request,
  invocation: Invocation,
): Promise<ResolverResult<PersonOption[]>> {
  return answer(async () => {
    const { query } = SearchPeopleRequestSchema.parse(request.payload ?? {});
    const context = forgeContextOf(request.context);
    const users = await new JiraClient({
      context,
      deadline: invocation.deadline,
      retry: invocation.retry,
    }).searchUsers(query);
    const people = users.flatMap((user) =>
      // Apps (automation) cannot hold a product role; people without an account id cannot be stored.
      user.accountId === undefined || user.accountType === 'app'
        ? []
        : [
            {
              accountId: user.accountId,
              displayName: user.displayName ?? user.accountId,
              active: user.active ?? true,
            },
          ],
    );
    return { ok: true, data: people };
  });
}
