// The background sync of a whole site through the local platform: the local Jira server (300 ms a request, as a
// real site's slower end), the local Forge runtime (queue, consumer held to its 600 s, KVS with its limits) and the
// app's own sync handlers, on a simulated clock. Measures the cold backfill, an incremental pass after 1 % of the
// issues changed, what the store holds, and whether the analysis over the store equals the one over the raw site.
import path from 'node:path';
import { changeSnapshot } from '../tools/snapshot/change';
import { readSnapshot, readSnapshotMeta, siteProjectKeys, snapshotToSiteData } from '../tools/snapshot/read';
import { analyseSite, startLocalSync } from '../tools/sync/local-sync';
import { total } from './requests';
import { measureServe, type ServeFigures } from './serve';

export interface SyncFigures {
  cold: {
    requests: number;
    points: number;
    invocations: number;
    /** The longest consumer invocation, on the simulated clock (Jira's latency included). */
    maxInvocationMs: number;
    /** Simulated time from the first job to the store being complete. */
    hours: number;
  };
  incremental: { changed: number; requests: number; points: number; invocations: number };
  invocationsOverLimit: number;
  storedBytes: number;
  storedKeys: number;
  storedBytesPer1kIssues: number;
  resultIdentical: boolean;
  /** Views of the whole site served from the store once it is current. */
  serve: ServeFigures;
}

const HOUR_MS = 3_600_000;

export async function measureSync(snapshotDir: string, scratchDir: string): Promise<SyncFigures> {
  const projects = siteProjectKeys((await readSnapshotMeta(snapshotDir)).site);
  const sync = await startLocalSync({ snapshotDir, latencyMs: 300 });
  try {
    await sync.register(projects);
    const started = sync.clock.now();
    await sync.syncNow();
    const hours = (sync.clock.now() - started) / HOUR_MS;
    const coldInvocations = sync.runtime.invocations.filter((record) => record.kind === 'consumer');
    const cold = {
      requests: total(sync.server.requestCounts()),
      points: sync.server.points().total,
      invocations: coldInvocations.length,
      maxInvocationMs: Math.max(0, ...coldInvocations.map((record) => record.durationMs)),
      hours: Math.round(hours * 100) / 100,
    };

    // An hour later 1 % of the issues have one new save each; the id sweep (daily) is not due.
    sync.clock.advance(HOUR_MS);
    const later = path.join(scratchDir, 'later');
    const { edited } = await changeSnapshot(snapshotDir, later, { editEvery: 100, at: sync.clock.now() });
    sync.clock.advance(60_000);
    await sync.server.reload(later);
    sync.server.resetCounts();
    sync.server.resetPoints();
    await sync.syncNow();
    const incremental = {
      changed: edited.length,
      requests: total(sync.server.requestCounts()),
      points: sync.server.points().total,
      invocations:
        sync.runtime.invocations.filter((record) => record.kind === 'consumer').length - cold.invocations,
    };

    process.stderr.write('  serving views from the store…\n');
    const serve = await measureServe(sync, projects);
    const stats = sync.runtime.kvsStats();
    const snapshot = await readSnapshot(later);
    const now = new Date(snapshot.site.recordedAt);
    const fromStore = JSON.stringify(analyseSite(await sync.storedSite(projects), projects, now));
    const fromSite = JSON.stringify(analyseSite(snapshotToSiteData(snapshot), projects, now));
    return {
      cold,
      incremental,
      invocationsOverLimit: sync.runtime.summary().overLimit,
      storedBytes: stats.storedBytes,
      storedKeys: stats.keys,
      storedBytesPer1kIssues: Math.round(stats.storedBytes / (snapshot.issues.length / 1000)),
      resultIdentical: fromStore === fromSite,
      serve,
    };
  } finally {
    await sync.close();
  }
}
