// One measured analysis in a fresh process (so peak memory is this run's alone): loads a snapshot into SiteData,
// times analyse(), then its two stages alone, and prints one JSON line. Run by bench/run.ts; needs node's
// --expose-gc.
import { analyse, analyseEvents } from '../src/ownership/analyse';
import { AnalysisConfigSchema } from '../src/ownership/config';
import { normalise } from '../src/ownership/normalise';
import { readSnapshot, siteProjectKeys, snapshotToSiteData } from '../tools/snapshot/read';

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Without it every heap figure would count garbage: refuse rather than print wrong numbers.
  if (gc === undefined) throw new Error('Run with node --expose-gc (bench/run.ts does).');
  gc();
}

/**
 * analyse() over Jira's records, then its first stage again alone (Jira's records → the compact events every rule
 * reads), timed after analyse() so both runs are equally warm. The records are let go of when this returns.
 */
async function overJiraRecords(dir: string) {
  collect();
  const heapEmpty = process.memoryUsage().heapUsed;
  const snapshot = await readSnapshot(dir);
  const site = snapshotToSiteData(snapshot);
  const items = site.issues.reduce(
    (n, issue) => n + (issue.changelog?.histories ?? []).reduce((m, h) => m + h.items.length, 0),
    0,
  );
  const config = AnalysisConfigSchema.parse({ scope: { projects: siteProjectKeys(snapshot.site) } });
  const now = new Date(snapshot.site.recordedAt);
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = analyse(site, config, now);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const heapAfter = process.memoryUsage().heapUsed;
  const rssAfter = process.memoryUsage().rss;
  const resultBytes = Buffer.byteLength(JSON.stringify(result));
  // What outlives the analysis: the result (everything else it built is garbage once it returns).
  collect();
  const heapRetained = process.memoryUsage().heapUsed;
  const normaliseStarted = performance.now();
  const normalised = normalise(site, config);
  const normaliseMs = performance.now() - normaliseStarted;
  return {
    normalised,
    gaps: site.gaps,
    config,
    now,
    figures: {
      issues: site.issues.length,
      items,
      events: result.stats.events,
      ms: Math.round(ms),
      normaliseMs: Math.round(normaliseMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      heapGrowthMB: Math.round((heapAfter - heapBefore) / 2 ** 20),
      retainedMB: Math.round((heapRetained - heapBefore) / 2 ** 20),
      inputHeapMB: Math.round((heapBefore - heapEmpty) / 2 ** 20),
      rssGrowthMB: Math.round((rssAfter - rssBefore) / 2 ** 20),
      inputRssMB: Math.round(rssBefore / 2 ** 20),
      resultKB: Math.round(resultBytes / 1024),
    },
  };
}

async function main(dir: string): Promise<void> {
  const { normalised, gaps, config, now, figures } = await overJiraRecords(dir);
  // The rules alone over the compact events, with Jira's records let go of as the store's prepare job lets go of
  // them (held, their ~1 GB at 50k would be traced by every full collection the rules cause).
  collect();
  const rulesStarted = performance.now();
  analyseEvents(normalised, gaps, config, now);
  const rulesMs = performance.now() - rulesStarted;
  process.stdout.write(
    `${JSON.stringify({
      ...figures,
      rulesMs: Math.round(rulesMs),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
