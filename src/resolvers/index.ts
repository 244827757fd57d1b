// The resolver definitions the Custom UIs call through @forge/bridge invoke; each use case lives in its own file.
import Resolver from '@forge/resolver';
import { RESOLVERS } from '../contract/requests';
import { getConfigOptions } from './get-config-options';
import { getOwnershipMap } from './get-ownership-map';
import { getProjectAnalysis } from './get-project-analysis';
import { searchPeople } from './search-people';

const resolver = new Resolver();

resolver.define(RESOLVERS.ownershipMap, (request) => getOwnershipMap(request, new Date()));
resolver.define(RESOLVERS.projectAnalysis, (request) => getProjectAnalysis(request, new Date()));
resolver.define(RESOLVERS.configOptions, (request) => getConfigOptions(request));
resolver.define(RESOLVERS.searchPeople, (request) => searchPeople(request));

export const handler = resolver.getDefinitions();
