// The store's analysis job alone, in a fresh process (so its peak memory is the job's, not the harness'): the
// snapshot's issues are packed as the sync stores them and handed over one at a time as KVS pages hand them to
// the job, kept compressed (src/serve/compressed-issues.ts), then analysed with analyseFrom() as
// computeResult() does. Prints one JSON line. Run by bench/run.ts with the consumer's memoryMB as heap cap;
// needs node's --expose-gc.
import { AnalysisConfigSchema } from '../src/ownership/config';
import { analyseFrom } from '../src/ownership/analyse';
import { CompressedIssues } from '../src/serve/compressed-issues';
import { packIssue } from '../src/store/records';
import { forEachSnapshotIssue, readSnapshotMeta, siteProjectKeys } from '../tools/snapshot/read';

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('Run with node --expose-gc (bench/run.ts does).');
  gc();
}

async function main(dir: string): Promise<void> {
  const meta = await readSnapshotMeta(dir);
  const issues = new CompressedIssues();
  const started = performance.now();
  await forEachSnapshotIssue(dir, (issue) => issues.add(packIssue(issue)));
  const keepMs = performance.now() - started;
  // The analysis lets go of the records once it has read them for the last time.
  const kept = issues.size;
  collect();
  const heapKept = process.memoryUsage().heapUsed;
  const config = AnalysisConfigSchema.parse({ scope: { projects: siteProjectKeys(meta.site) } });
  const site = {
    baseUrl: meta.site.baseUrl,
    fields: meta.fields,
    statuses: meta.statuses,
    boards: meta.boards,
    sprints: meta.sprints,
    gaps: [],
  };
  const analysisStarted = performance.now();
  const result = analyseFrom(site, issues.source(), config, new Date(meta.site.recordedAt));
  const analysisMs = performance.now() - analysisStarted;
  process.stdout.write(
    `${JSON.stringify({
      issues: kept,
      events: result.stats.events,
      keptMB: Math.round(issues.bytes / 2 ** 20),
      heapKeptMB: Math.round(heapKept / 2 ** 20),
      keepMs: Math.round(keepMs),
      analysisMs: Math.round(analysisMs),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
