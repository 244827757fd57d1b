// Where the report's map comes from: the app itself, run on this machine. The local Forge runtime (queue,
// consumers, KVS) runs the app's background sync into its store and then the macro's resolver serves the view
// from that store, as a site would. Its Jira is the local Jira server over a snapshot, or a real site.
import { SYSTEM_CLOCK, type Clock } from '../../src/jira/clock';
import { SITE_ADMIN_ACCOUNT_ID } from '../jira-server/server';
import { siteCredentialsFromEnv, siteJiraTarget } from '../preview/jira-target';
import { readSnapshotMeta, siteProjectKeys } from '../snapshot/read';
import { startLocalPlatform, startLocalSync, type LocalPlatform } from '../sync/local-sync';
import type { ReportArgs } from './args';

export interface ReportPlatform {
  platform: LocalPlatform;
  clock: Clock;
  /** The site's own URL, for links to issues (the snapshot's recorded baseUrl, or --site). */
  siteUrl: string;
  /** The snapshot's projects (the default scope); empty for a live site. */
  projects: string[];
  /** Who opens the view. */
  viewer: string;
  close(): Promise<void>;
}

/**
 * On a real site every request, the sync's asApp() ones included, goes out with the API token's owner's basic
 * auth: Jira knows no app here, so the map is what that person may see, whoever --as names.
 */
const TOKEN_OWNER = 'api-token-owner';

export async function openReportPlatform(
  args: Pick<ReportArgs, 'source' | 'as'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ReportPlatform> {
  if ('snapshotDir' in args.source) {
    const meta = await readSnapshotMeta(args.source.snapshotDir);
    // No latency, and the clock starts when the snapshot was recorded: the report is of the site as it was then,
    // and the sync's hours of pacing, if any, take no time.
    const sync = await startLocalSync({
      snapshotDir: args.source.snapshotDir,
      start: Date.parse(meta.site.recordedAt),
      latencyMs: 0,
    });
    return {
      platform: sync,
      clock: sync.clock,
      siteUrl: meta.site.baseUrl,
      projects: siteProjectKeys(meta.site),
      viewer: args.as ?? SITE_ADMIN_ACCOUNT_ID,
      close: () => sync.close(),
    };
  }
  const site = siteCredentialsFromEnv(args.source.siteUrl, env);
  const platform = await startLocalPlatform({ clock: SYSTEM_CLOCK, jira: siteJiraTarget(site) });
  return {
    platform,
    clock: SYSTEM_CLOCK,
    siteUrl: site.baseUrl,
    projects: [],
    viewer: TOKEN_OWNER,
    close: async () => platform.close(),
  };
}
