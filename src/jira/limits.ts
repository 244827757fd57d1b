// Page sizes and page caps of every Jira list the app reads; Jira may serve fewer per page than asked.
export interface JiraLimits {
  /** POST /search/jql maxResults: Cloud serves at most 100 issues a page when fields are requested. */
  searchPageSize: number;
  maxSearchPages: number;
  /** POST /changelog/bulkfetch: at most 1000 issue ids a call (BulkChangelogRequestBean.issueIdsOrKeys). */
  bulkChangelogIssues: number;
  /** BulkChangelogRequestBean.maxResults (default 1000, max 10000). */
  bulkChangelogPageSize: number;
  /** Pages of one bulk changelog call (one batch of issue ids). */
  maxBulkChangelogPages: number;
  /** GET /issue/{key}/changelog maxResults (Cloud caps it at 100). */
  issueChangelogPageSize: number;
  maxIssueChangelogPages: number;
  /** Agile lists (boards, sprints, sprint issues): Jira Software serves at most 50 a page. */
  agilePageSize: number;
  maxAgilePages: number;
  /** GET /project/search maxResults (max 100). */
  projectPageSize: number;
  maxProjectPages: number;
}

export const DEFAULT_LIMITS: JiraLimits = {
  searchPageSize: 100,
  maxSearchPages: 200,
  bulkChangelogIssues: 1000,
  bulkChangelogPageSize: 1000,
  maxBulkChangelogPages: 200,
  issueChangelogPageSize: 100,
  maxIssueChangelogPages: 50,
  agilePageSize: 50,
  maxAgilePages: 100,
  projectPageSize: 100,
  maxProjectPages: 50,
};
