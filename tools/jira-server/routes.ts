// The endpoints the local Jira server answers, each under the key used for request counts and faults.
import type { RequestContext } from './context';
import { boardList, boardSprints, sprintIssues } from './endpoints/agile';
import { bulkFetchChangelogs } from './endpoints/bulk-changelog';
import { bulkPermissions } from './endpoints/bulk-permissions';
import { issueChangelog } from './endpoints/issue-changelog';
import { searchJqlGet, searchJqlPost } from './endpoints/search';
import { fieldList, myPermissions, myself, projectSearch, statusList, userSearch } from './endpoints/site';
import type { Reply } from './reply';

/** Endpoint keys: `METHOD path-template`, as requestCounts() and Fault.endpoint use them. */
export const ENDPOINTS = {
  searchJql: 'POST /rest/api/3/search/jql',
  searchJqlGet: 'GET /rest/api/3/search/jql',
  bulkChangelog: 'POST /rest/api/3/changelog/bulkfetch',
  issueChangelog: 'GET /rest/api/3/issue/{key}/changelog',
  fields: 'GET /rest/api/3/field',
  statuses: 'GET /rest/api/3/status',
  myPermissions: 'GET /rest/api/3/mypermissions',
  bulkPermissions: 'POST /rest/api/3/permissions/check',
  projectSearch: 'GET /rest/api/3/project/search',
  myself: 'GET /rest/api/3/myself',
  userSearch: 'GET /rest/api/3/user/search',
  boards: 'GET /rest/agile/1.0/board',
  boardSprints: 'GET /rest/agile/1.0/board/{id}/sprint',
  sprintIssues: 'GET /rest/agile/1.0/sprint/{id}/issue',
} as const;
export type EndpointKey = (typeof ENDPOINTS)[keyof typeof ENDPOINTS];
/** The key under which requests to paths the server does not know are counted. */
export const UNKNOWN_ENDPOINT = 'unknown';

interface Route {
  key: EndpointKey;
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Names of the pattern's capture groups, in order. */
  params: string[];
  handle(ctx: RequestContext): Reply;
}

function route(key: EndpointKey, pattern: RegExp, params: string[], handle: Route['handle']): Route {
  const method = key.startsWith('POST ') ? 'POST' : 'GET';
  return { key, method, pattern, params, handle };
}

const ROUTES: Route[] = [
  route(ENDPOINTS.searchJql, /^\/rest\/api\/3\/search\/jql$/, [], searchJqlPost),
  route(ENDPOINTS.searchJqlGet, /^\/rest\/api\/3\/search\/jql$/, [], searchJqlGet),
  route(ENDPOINTS.bulkChangelog, /^\/rest\/api\/3\/changelog\/bulkfetch$/, [], bulkFetchChangelogs),
  route(
    ENDPOINTS.issueChangelog,
    /^\/rest\/api\/3\/issue\/([^/]+)\/changelog$/,
    ['issueIdOrKey'],
    issueChangelog,
  ),
  route(ENDPOINTS.fields, /^\/rest\/api\/3\/field$/, [], fieldList),
  route(ENDPOINTS.statuses, /^\/rest\/api\/3\/status$/, [], statusList),
  route(ENDPOINTS.myPermissions, /^\/rest\/api\/3\/mypermissions$/, [], myPermissions),
  route(ENDPOINTS.bulkPermissions, /^\/rest\/api\/3\/permissions\/check$/, [], bulkPermissions),
  route(ENDPOINTS.projectSearch, /^\/rest\/api\/3\/project\/search$/, [], projectSearch),
  route(ENDPOINTS.myself, /^\/rest\/api\/3\/myself$/, [], myself),
  route(ENDPOINTS.userSearch, /^\/rest\/api\/3\/user\/search$/, [], userSearch),
  route(ENDPOINTS.boards, /^\/rest\/agile\/1\.0\/board$/, [], boardList),
  route(ENDPOINTS.boardSprints, /^\/rest\/agile\/1\.0\/board\/([^/]+)\/sprint$/, ['boardId'], boardSprints),
  route(ENDPOINTS.sprintIssues, /^\/rest\/agile\/1\.0\/sprint\/([^/]+)\/issue$/, ['sprintId'], sprintIssues),
];

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  /** The path exists but not for this method. */
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

export function matchRoute(method: string, pathname: string): RouteMatch {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const allowed: string[] = [];
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    if (candidate.method !== method) {
      allowed.push(candidate.method);
      continue;
    }
    const params: Record<string, string> = {};
    candidate.params.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1] ?? '');
    });
    return { kind: 'found', route: candidate, params };
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
}
