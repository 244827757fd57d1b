// A snapshot served by the local Jira server in-process, with the app's own @forge/api code path pointed at it:
// for tools that read Jira through the app's client directly (the request benchmark).
import { readSnapshotMeta, siteProjectKeys } from './snapshot/read';
import { SITE_ADMIN_ACCOUNT_ID, startJiraServer, type JiraServer } from './jira-server/server';
import { installForgeFetch } from '../src/jira/transport/forge-fetch';

export interface JiraSource {
  /** The site's own URL, for links to issues (the snapshot's recorded baseUrl). */
  siteUrl: string;
  /** The snapshot's projects. */
  projects: string[];
  /** When the snapshot was recorded: analyses of it never change with the clock. */
  now: Date;
  /** The local server (request counts for benchmarks). */
  server: JiraServer;
  close(): Promise<void>;
}

export async function openJiraSource(options: { snapshotDir: string }): Promise<JiraSource> {
  const meta = await readSnapshotMeta(options.snapshotDir);
  const server = await startJiraServer({ snapshotDir: options.snapshotDir, port: 0 });
  // As the site admin, who may browse everything: the benchmark reads the whole site.
  const uninstall = installForgeFetch({
    baseUrl: server.url,
    auth: { kind: 'local', accountId: SITE_ADMIN_ACCOUNT_ID },
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
