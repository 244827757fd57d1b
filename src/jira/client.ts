// The Jira client the rest of the app uses: one request layer over `requestJira`, one method per operation.
// Resolvers, the CLI and the preview all build it the same way; only `global.__forge_fetch__` differs underneath.
import { listBoards, listSprints } from './agile';
import { fetchChangelogs, type ChangelogMode, type FetchedChangelogs, type IssueRef } from './changelog';
import { getFields } from './fields';
import { readIssueSummaries, type IssueSummaries } from './issue-details';
import { DEFAULT_LIMITS, type JiraLimits } from './limits';
import type { Paged, TokenPage } from './paging';
import { browsableOf, canBrowse, type BrowsableOf, type BrowsableQuery } from './permissions';
import { listProjects } from './projects';
import { readScope, type ReadScope, type ReadScopeOptions } from './read-scope';
import { JiraRequestLayer, type JiraRequester, type RequestStats, type RetryPolicy } from './request';
import { jiraRequester, type InvocationContextLike } from './requester';
import type {
  JiraBoard,
  JiraField,
  JiraIssue,
  JiraProject,
  JiraSprint,
  JiraStatus,
  JiraUser,
} from './schemas';
import { searchIdsPage, searchIssues, searchPage } from './search';
import type { DataGap, SiteData } from './site';
import { getStatuses } from './statuses';
import { searchUsers } from './users';

export interface JiraClientOptions {
  /** Defaults to `jiraRequester(context)`: asUser().requestJira, bound to the Jira site when invoked from Confluence. */
  requester?: JiraRequester;
  /** The Forge function context of the invocation (resolver `context`); absent in the CLI and tests. */
  context?: InvocationContextLike;
  retry?: Partial<RetryPolicy>;
  limits?: Partial<JiraLimits>;
  /** The site's base URL for SiteData (links to issues), e.g. the resolver context's `siteUrl`. */
  baseUrl?: string;
  /** Epoch ms (on the retry policy's clock) after which no request starts or waits: the invocation's time. */
  deadline?: number;
}

/** A list and what could not be read of it. */
export interface Listed<T> {
  items: T[];
  gaps: DataGap[];
}

function listed<T>(paged: Paged<T>): Listed<T> {
  return { items: paged.items, gaps: paged.gap === undefined ? [] : [paged.gap] };
}

export class JiraClient {
  readonly layer: JiraRequestLayer;
  readonly limits: JiraLimits;
  readonly baseUrl: string;
  /** Once a site refuses the bulk changelog endpoint, this client reads changelogs per issue for the rest of its life. */
  private readonly changelogMode: ChangelogMode = { bulkRefused: false };

  constructor(options: JiraClientOptions = {}) {
    this.layer = new JiraRequestLayer(
      options.requester ?? jiraRequester(options.context),
      options.retry,
      options.deadline,
    );
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.baseUrl = options.baseUrl ?? '';
  }

  /** Requests sent, retries made and time waited so far (for logs and tests). */
  get stats(): Readonly<RequestStats> {
    return this.layer.stats;
  }

  /** False once the site refused POST /changelog/bulkfetch in this run. */
  get usesBulkChangelog(): boolean {
    return !this.changelogMode.bulkRefused;
  }

  getFields(): Promise<JiraField[]> {
    return getFields(this.layer);
  }

  getStatuses(): Promise<JiraStatus[]> {
    return getStatuses(this.layer);
  }

  canBrowse(projectKey: string): Promise<boolean> {
    return canBrowse(this.layer, projectKey);
  }

  /** Which of these project and issue ids the viewer may see (in batches of Jira's 1000 of each a call). */
  browsableOf(ids: BrowsableQuery): Promise<BrowsableOf> {
    return browsableOf(this.layer, ids);
  }

  searchUsers(query: string, maxResults?: number): Promise<JiraUser[]> {
    return searchUsers(this.layer, query, maxResults);
  }

  async listProjects(): Promise<Listed<JiraProject>> {
    return listed(await listProjects(this.layer, this.limits));
  }

  async searchIssues(
    jql: string,
    fields: readonly string[],
    onPage?: (issuesSoFar: number) => void,
  ): Promise<Listed<JiraIssue>> {
    return listed(await searchIssues(this.layer, jql, fields, this.limits, undefined, onPage));
  }

  /** One page of a search; `maxResults` defaults to the search page size (ids-only searches may ask for 5,000). */
  searchPage(
    jql: string,
    fields: readonly string[],
    nextPageToken: string | undefined,
    maxResults: number = this.limits.searchPageSize,
  ): Promise<TokenPage<JiraIssue>> {
    return searchPage(this.layer, jql, fields, maxResults, nextPageToken);
  }

  /** One page of issue ids (Jira serves up to 5,000 a page when no field is asked for). */
  searchIdsPage(
    jql: string,
    nextPageToken: string | undefined,
    maxResults = 5_000,
  ): Promise<TokenPage<string>> {
    return searchIdsPage(this.layer, jql, maxResults, nextPageToken);
  }

  /** Summary, type and status of each issue key as the viewer sees it now; keys Jira does not return are hidden. */
  readIssueSummaries(issueKeys: readonly string[], extraFields?: readonly string[]): Promise<IssueSummaries> {
    return readIssueSummaries(this.layer, issueKeys, extraFields);
  }

  fetchChangelogs(
    issues: readonly IssueRef[],
    onIssuesDone?: (done: number) => void,
  ): Promise<FetchedChangelogs> {
    return fetchChangelogs(this.layer, issues, this.limits, this.changelogMode, onIssuesDone);
  }

  async listBoards(projectKeyOrId?: string): Promise<Listed<JiraBoard>> {
    return listed(await listBoards(this.layer, this.limits, projectKeyOrId));
  }

  async listSprints(boardId: number): Promise<Listed<JiraSprint>> {
    return listed(await listSprints(this.layer, this.limits, boardId));
  }

  /** Reads one scope into SiteData: what the analysis needs, plus a gap for everything that could not be read. */
  readScope(scope: ReadScope, options: ReadScopeOptions = {}): Promise<SiteData> {
    return readScope(this, scope, options);
  }
}
