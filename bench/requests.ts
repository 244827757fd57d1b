// Jira requests needed to read a whole site through the app's client, against the least the API's caps allow
// and against the per-issue changelog approach (what a client does when bulk fetch is refused).
import { JiraClient } from '../src/jira/client';
import { DEFAULT_LIMITS } from '../src/jira/limits';
import { openJiraSource } from '../tools/jira-source';

export interface RequestFigures {
  requests: number;
  /** Jira's points for the same read (1 a request, 1 an object returned): what every view costs when it reads live. */
  points: number;
  perIssueRequests: number;
  minimum: number;
  byEndpoint: Record<string, number>;
}

const SEARCH_PAGE_CAP = 100;
const BULK_ISSUES_CAP = 1000;
const BULK_HISTORIES_CAP = 1000;
const AGILE_PAGE_CAP = 50;

/** The sum of a request or points count by endpoint. */
export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** The fewest requests Jira's caps allow for this site: every list read with full pages, nothing twice. */
function minimumRequests(
  projects: number,
  issues: number,
  historiesPerIssue: number[],
  boards: number,
  sprintsPerBoard: number[],
): number {
  let bulk = 0;
  for (let i = 0; i < historiesPerIssue.length; i += BULK_ISSUES_CAP) {
    const batch = historiesPerIssue.slice(i, i + BULK_ISSUES_CAP).reduce((a, b) => a + b, 0);
    bulk += Math.max(1, Math.ceil(batch / BULK_HISTORIES_CAP));
  }
  const sprintPages = sprintsPerBoard.reduce((n, s) => n + Math.max(1, Math.ceil(s / AGILE_PAGE_CAP)), 0);
  // permissions per project + fields + statuses + search pages + bulk pages + boards per project + sprint pages
  return (
    projects +
    2 +
    Math.max(1, Math.ceil(issues / SEARCH_PAGE_CAP)) +
    bulk +
    projects * Math.max(1, Math.ceil(boards / projects / AGILE_PAGE_CAP)) +
    sprintPages
  );
}

export async function measureRequests(snapshotDir: string): Promise<RequestFigures> {
  const source = await openJiraSource({ snapshotDir });
  const server = source.server;
  try {
    const scope = { projects: source.projects };
    // The product stops a read at its page limits (a resolver has 25 s) and reports a gap; a benchmark must read
    // the whole site, so the limits are lifted and any gap is an error, never a smaller count.
    const limits = { ...DEFAULT_LIMITS, maxSearchPages: 1e6, maxBulkChangelogPages: 1e6, maxAgilePages: 1e6 };
    const readAll = async () => {
      const site = await new JiraClient({ limits }).readScope(scope);
      if (site.gaps.length > 0)
        throw new Error(`The benchmark read was incomplete: ${site.gaps[0]?.message}`);
      return site;
    };
    server.resetCounts();
    server.resetPoints();
    const site = await readAll();
    const byEndpoint = server.requestCounts();
    const points = server.points().total;
    const requests = total(byEndpoint);

    server.resetCounts();
    server.setFaults([{ kind: 'refuse', status: 403, endpoint: 'POST /rest/api/3/changelog/bulkfetch' }]);
    const perIssueSite = await readAll();
    const perIssueRequests = total(server.requestCounts());
    server.setFaults([]);
    if (perIssueSite.issues.length !== site.issues.length)
      throw new Error('The per-issue read found other issues.');

    const minimum = minimumRequests(
      source.projects.length,
      site.issues.length,
      site.issues.map((i) => i.changelog?.histories.length ?? 0),
      site.boards.length,
      site.boards.map((b) => site.sprints[String(b.id)]?.length ?? 0),
    );
    return { requests, points, perIssueRequests, minimum, byEndpoint };
  } finally {
    await source.close();
  }
}
