// Where a command-line tool reads Jira from: a snapshot served by the local Jira server in-process, or a real
// Jira Cloud site with basic auth from the environment. Either way the app's own @forge/api code path runs.
import { readSnapshotMeta, siteProjectKeys } from './snapshot/read';
import { SITE_ADMIN_ACCOUNT_ID, startJiraServer, type JiraServer } from './jira-server/server';
import { assertCredentialsMayGoTo, basicAuthFromEnv } from '../src/jira/transport/credentials';
import { installForgeFetch } from '../src/jira/transport/forge-fetch';

export interface JiraSource {
  /** The site's own URL, for links to issues (the snapshot's recorded baseUrl, or --site). */
  siteUrl: string;
  /** The snapshot's projects (all of them by default); empty for a live site. */
  projects: string[];
  /** A snapshot is analysed as of when it was recorded, so reports on it never change with the clock. */
  now: Date;
  /** The local server, when reading a snapshot (request counts for benchmarks). */
  server?: JiraServer;
  close(): Promise<void>;
}

export type JiraSourceOptions =
  { snapshotDir: string; accountId?: string } | { siteUrl: string; env?: NodeJS.ProcessEnv };

export async function openJiraSource(options: JiraSourceOptions): Promise<JiraSource> {
  if ('snapshotDir' in options) {
    const meta = await readSnapshotMeta(options.snapshotDir);
    const server = await startJiraServer({ snapshotDir: options.snapshotDir, port: 0 });
    const uninstall = installForgeFetch({
      baseUrl: server.url,
      auth: { kind: 'local', accountId: options.accountId ?? SITE_ADMIN_ACCOUNT_ID },
    });
    return {
      siteUrl: meta.site.baseUrl,
      projects: siteProjectKeys(meta.site),
      now: new Date(meta.site.recordedAt),
      server,
      async close() {
        uninstall();
        await server.close();
      },
    };
  }
  let url: URL;
  try {
    url = new URL(options.siteUrl);
  } catch {
    throw new Error(`--site needs a URL like https://your-site.atlassian.net, not "${options.siteUrl}".`);
  }
  // The transport refuses plain http too; asking first means "use https" comes before "set JIRA_API_TOKEN".
  assertCredentialsMayGoTo(url.origin);
  const uninstall = installForgeFetch({ baseUrl: url.origin, auth: basicAuthFromEnv(options.env) });
  return {
    siteUrl: url.origin,
    projects: [],
    now: new Date(),
    async close() {
      uninstall();
    },
  };
}
