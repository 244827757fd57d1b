// Views served from the store after a sync, through the app's own resolver on the local platform (Jira at the
// sync harness' latency, KVS with its limits): the first view computes and keeps the result (small scopes) or has
// the background prepare it (big ones), then `views` more views by a viewer who may see the same records read it. Per view: resolver time (this process' own
// time plus the simulated time spent waiting on Jira and on KVS's quota), Jira points, and the process' memory.
import { RESOLVERS } from '../src/contract/requests';
import { SITE_ADMIN_ACCOUNT_ID } from '../tools/jira-server/viewer';
import type { LocalSync } from '../tools/sync/local-sync';

export interface ServeFigures {
  views: number;
  /** Views that did not answer with a map, by error code (e.g. a store too big to read in one view). */
  failed: Record<string, number>;
  /** The first view after the sync: computes the result itself (small scopes) or asks the background for it. */
  firstMs: number;
  firstAnswer: string;
  /**
   * The background job that prepared the result (big scopes): its time on the platform's clock (waits on KVS's
   * quota included) plus this process' own time, the process' memory after it, and KVS read units it used.
   */
  prepare?: { ms: number; outcome: string; rssMB: number; kvsReadUnits: number };
  storedMs: { p50: number; p95: number };
  /** Of storedMs, what was spent waiting on Jira's answers and KVS's quota (simulated time). */
  waitedMs: { p50: number; p95: number };
  maxRssMB: number;
  /** Jira points per view (the permission check as the viewer), median. */
  points: number;
  /** KVS read units (10 KB) per view: the first, then the median of the rest. */
  kvsReadUnits: { first: number; later: number };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function measureServe(
  sync: LocalSync,
  projects: readonly string[],
  views = 20,
): Promise<ServeFigures> {
  const totals: number[] = [];
  const waits: number[] = [];
  const points: number[] = [];
  const reads: number[] = [];
  const failed: Record<string, number> = {};
  let maxRss = 0;
  const open = async () => {
    const pointsBefore = sync.server.points().total;
    const readsBefore = sync.runtime.kvsStats().readUnits;
    const started = performance.now();
    const { answer, record } = await sync.view({
      accountId: SITE_ADMIN_ACCOUNT_ID,
      functionKey: RESOLVERS.ownershipMap,
      context: { extension: { type: 'macro', config: { scope: { projects: [...projects] } } } },
    });
    const ownMs = performance.now() - started;
    maxRss = Math.max(maxRss, process.memoryUsage().rss);
    const outcome = answer as { ok: boolean; error?: { code: string } };
    return {
      ok: outcome.ok,
      code: outcome.ok ? 'map' : (outcome.error?.code ?? record.outcome),
      ms: ownMs + record.durationMs,
      waited: record.durationMs,
      points: sync.server.points().total - pointsBefore,
      reads: sync.runtime.kvsStats().readUnits - readsBefore,
    };
  };
  const first = await open();
  let prepare: ServeFigures['prepare'];
  if (!first.ok) {
    // A big scope: the view asked the background for the result; let the platform run that job.
    const before = sync.runtime.invocations.length;
    const readsBefore = sync.runtime.kvsStats().readUnits;
    const started = performance.now();
    await sync.runtime.drain();
    const ownMs = performance.now() - started;
    const job = sync.runtime.invocations.slice(before).find((r) => r.functionKey === 'serve-prepare');
    prepare = {
      ms: Math.round(ownMs + (job?.durationMs ?? 0)),
      outcome: job?.outcome ?? 'none',
      rssMB: Math.round(process.memoryUsage().rss / 1e6),
      kvsReadUnits: sync.runtime.kvsStats().readUnits - readsBefore,
    };
  }
  for (let i = 0; i < views; i++) {
    const view = await open();
    if (!view.ok) failed[view.code] = (failed[view.code] ?? 0) + 1;
    totals.push(view.ms);
    waits.push(view.waited);
    points.push(view.points);
    reads.push(view.reads);
  }
  const round = (ms: number) => Math.round(ms);
  return {
    views,
    failed,
    firstMs: round(first.ms),
    firstAnswer: first.code,
    ...(prepare === undefined ? {} : { prepare }),
    storedMs: { p50: round(percentile(totals, 50)), p95: round(percentile(totals, 95)) },
    waitedMs: { p50: round(percentile(waits, 50)), p95: round(percentile(waits, 95)) },
    maxRssMB: Math.round(maxRss / 1e6),
    points: percentile(points, 50),
    kvsReadUnits: { first: first.reads, later: percentile(reads, 50) },
  };
}
