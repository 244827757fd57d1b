// The resolver definitions the Custom UIs call through @forge/bridge invoke; each use case lives in its own file.
import Resolver from '@forge/resolver';
import { RESOLVERS } from '../contract/requests';
import { SYSTEM_CLOCK, type Clock } from '../jira/clock';
import { getConfigOptions } from './get-config-options';
import { getIssueDetails } from './get-issue-details';
import { getOwnershipMap } from './get-ownership-map';
import { getProjectAnalysis } from './get-project-analysis';
import { getSyncProgress } from './get-sync-progress';
import { invocationOf } from './invocation';
import { searchPeople } from './search-people';

/** The definitions on a clock: Forge's (the system clock), or one a test controls to test deadlines. */
export function defineResolvers(clock: Clock): ReturnType<Resolver['getDefinitions']> {
  const resolver = new Resolver();
  resolver.define(RESOLVERS.ownershipMap, (request) => getOwnershipMap(request, invocationOf(clock)));
  resolver.define(RESOLVERS.projectAnalysis, (request) => getProjectAnalysis(request, invocationOf(clock)));
  resolver.define(RESOLVERS.configOptions, (request) => getConfigOptions(request, invocationOf(clock)));
  resolver.define(RESOLVERS.searchPeople, (request) => searchPeople(request, invocationOf(clock)));
  resolver.define(RESOLVERS.issueDetails, (request) => getIssueDetails(request, invocationOf(clock)));
  resolver.define(RESOLVERS.syncProgress, (request) => getSyncProgress(request, invocationOf(clock), clock));
  return resolver.getDefinitions();
}

export const handler = defineResolvers(SYSTEM_CLOCK);
