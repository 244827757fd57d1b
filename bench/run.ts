// `npm run bench`: generates sites of growing size with the sample generator, then measures the analysis
// (time, events per second, memory, in a fresh process per size), the Jira requests and points needed to read each
// site live (what every view costs today) and the background sync of the same site into Forge storage. Prints two
// tables and writes bench/results.json; `--size 10k` (repeatable) picks sizes, `--json` prints one JSON object
// instead of the tables. Not a test: figures, not verdicts.
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PREPARE_MEMORY_MB } from '../src/serve/prepare';
import { generateSite } from '../tools/sample/generate';
import { writeSnapshot } from '../tools/sample/write-snapshot';
import { measureRequests, type RequestFigures } from './requests';
import { memoryCgroup } from './memory-cgroup';
import { measureSync, type SyncFigures } from './sync';

interface Size {
  name: string;
  issues: number;
  historiesPerIssue?: number;
  boards: number;
  sprintsPerBoard: number;
}

const SIZES: Size[] = [
  { name: '1k', issues: 1_000, boards: 3, sprintsPerBoard: 12 },
  { name: '10k', issues: 10_000, boards: 10, sprintsPerBoard: 12 },
  { name: '50k', issues: 50_000, historiesPerIssue: 20, boards: 20, sprintsPerBoard: 24 },
];

interface AnalysisFigures {
  issues: number;
  items: number;
  events: number;
  ms: number;
  /** normalise() alone: Jira's records read into the compact events. */
  normaliseMs: number;
  /** The rules alone over those events (analyseEvents), Jira's records no longer held. */
  rulesMs: number;
  cpuMs: number;
  /** Heap growth from the start to the end of analyse(), before any collection: its working memory, garbage included. */
  heapGrowthMB: number;
  /** Heap still held after a full collection once analyse() returned: the result. */
  retainedMB: number;
  /** Heap held by the loaded SiteData (the input). */
  inputHeapMB: number;
  rssGrowthMB: number;
  maxRssMB: number;
  inputRssMB: number;
  resultKB: number;
}

/**
 * Runs one bench script in a fresh node with `heapMB` of heap and garbage collection exposed, and parses the JSON
 * line it prints last. `script`: a bench/*.ts, run through tsx as a loader of that node (`--import tsx`), not its
 * CLI (the CLI starts yet another node without these flags, and the script could then neither collect garbage
 * before measuring nor use the heap asked); or a bundled .js, run as it is.
 */
function runInChild(script: string, heapMB: number, dir: string, options: { quiet?: boolean } = {}): unknown {
  const entry = script.endsWith('.js') ? [script] : ['--import', 'tsx', path.join(__dirname, script)];
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', `--max-old-space-size=${heapMB}`, ...entry, dir],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      cwd: path.join(__dirname, '..'),
      ...(options.quiet ? { stdio: ['ignore', 'pipe', 'ignore'] } : {}),
    },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

function analyseInChild(dir: string): AnalysisFigures {
  return runInChild('analyse-once.ts', 16384, dir) as AnalysisFigures;
}

/** What bench/prepare-once.ts prints: the store's analysis job alone. */
interface PrepareFigures {
  issues: number;
  events: number;
  keptMB: number;
  heapKeptMB: number;
  keepMs: number;
  analysisMs: number;
  maxRssMB: number;
}

/**
 * The job in a function of `memoryMB`, run `runs` times (its peak memory varies with the collector's timing), with
 * its heap set one of two ways: `flag`, three quarters of the memory by --max-old-space-size, in a process nothing
 * else limits; `node`, node's own sizing inside a cgroup of the memory, which the kernel enforces (the outcome is then
 * 'killed' past it).
 */
type PrepareAlone = { memoryMB: number; heap: 'flag' | 'node'; heapMB: number; runs: number } & (
  ({ outcome: 'done'; withinMemory: boolean } & PrepareFigures) | { outcome: 'out of memory' | 'killed' }
);

/** The memories the job is measured in: Forge's default, and the consumer's declared memoryMB if it differs. */
const PREPARE_MEMORIES = [...new Set([512, PREPARE_MEMORY_MB])];
const PREPARE_RUNS = 2;

/**
 * The job as Forge runs it: bundled, not through tsx (whose loader runs a second V8 in the process: ~44 MB of
 * RSS the platform's function does not have). Bundled with esbuild, tsx's own compiler, into `dir`.
 */
function bundlePrepareJob(dir: string): string {
  const outfile = path.join(dir, 'prepare-once.js');
  buildSync({
    entryPoints: [path.join(__dirname, 'prepare-once.ts')],
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/**
 * The worst of PREPARE_RUNS runs of the job. The heap cap reached, V8 aborts the child (SIGABRT); past a cgroup's
 * limit the kernel kills it (SIGKILL): both are the answer these figures ask for. Any other failure is a broken
 * bench, not a figure.
 */
function worstRun(
  base: { memoryMB: number; heap: 'flag' | 'node'; heapMB: number },
  run: () => PrepareFigures,
): PrepareAlone {
  const head = { ...base, runs: PREPARE_RUNS };
  let worst: PrepareFigures | undefined;
  for (let i = 0; i < PREPARE_RUNS; i++) {
    try {
      const figures = run();
      if (worst === undefined || figures.maxRssMB > worst.maxRssMB) worst = figures;
    } catch (error) {
      const signal = (error as { signal?: string }).signal;
      if (signal === 'SIGABRT') return { ...head, outcome: 'out of memory' };
      if (signal === 'SIGKILL' && base.heap === 'node') return { ...head, outcome: 'killed' };
      throw error;
    }
  }
  const figures = worst as PrepareFigures;
  return { ...head, outcome: 'done', withinMemory: figures.maxRssMB <= base.memoryMB, ...figures };
}

/** With a heap flag: three quarters of the function's memory, the rest for node itself, the records and code. */
function prepareWithHeapFlag(bundle: string, dir: string, memoryMB: number): PrepareAlone {
  const heapMB = Math.floor((memoryMB * 3) / 4);
  // Quiet: past the heap cap V8 prints its fatal-error trace, which is the answer, not news.
  return worstRun(
    { memoryMB, heap: 'flag', heapMB },
    () => runInChild(bundle, heapMB, dir, { quiet: true }) as PrepareFigures,
  );
}

/** In a cgroup of the function's memory, with the heap node gives itself there; the reason when there is none. */
function prepareInCgroup(bundle: string, dir: string, memoryMB: number): PrepareAlone | string {
  const cgroup = memoryCgroup(`ownership-map-bench-${process.pid}-${memoryMB}`, memoryMB);
  if (typeof cgroup === 'string') return cgroup;
  try {
    return worstRun({ memoryMB, heap: 'node', heapMB: cgroup.heapLimitMB() }, () => {
      const out = cgroup.node(['--expose-gc', bundle, dir], { quiet: true, cwd: path.join(__dirname, '..') });
      return JSON.parse(out.trim().split('\n').pop() ?? '{}') as PrepareFigures;
    });
  } finally {
    cgroup.remove();
  }
}

interface Options {
  sizes: Size[];
  json: boolean;
}

/** `--size 10k` (or `--size=10k`, or a bare `10k`), repeatable; `--json`. */
function parseOptions(args: readonly string[]): Options {
  const names: string[] = [];
  let json = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--size') names.push(args[(i += 1)] ?? '');
    else if (arg.startsWith('--size=')) names.push(arg.slice('--size='.length));
    else names.push(arg);
  }
  const unknown = names.filter((name) => !SIZES.some((size) => size.name === name));
  if (unknown.length > 0)
    throw new Error(
      `Unknown size ${unknown.join(', ')}: choose from ${SIZES.map((s) => s.name).join(', ')}.`,
    );
  return { sizes: SIZES.filter((size) => names.length === 0 || names.includes(size.name)), json };
}

interface Result {
  size: Size;
  histories: number;
  bytes: number;
  analysis: AnalysisFigures;
  requests: RequestFigures;
  sync: SyncFigures;
  prepareAlone: PrepareAlone[];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const results: Result[] = [];
  const bundleDir = mkdtempSync(path.join(tmpdir(), 'ownership-bench-job-'));
  const bundle = bundlePrepareJob(bundleDir);
  for (const size of options.sizes) {
    const dir = mkdtempSync(path.join(tmpdir(), `ownership-bench-${size.name}-`));
    try {
      process.stderr.write(`${size.name}: generating…\n`);
      const stats = await writeSnapshot(dir, generateSite({ seed: 7, ...size }));
      process.stderr.write(
        `${size.name}: ${stats.issues} issues, ${stats.histories} histories; analysing…\n`,
      );
      const analysis = analyseInChild(dir);
      process.stderr.write(`${size.name}: reading through the local Jira server…\n`);
      const requests = await measureRequests(dir);
      process.stderr.write(`${size.name}: syncing through the local Forge runtime…\n`);
      const sync = await measureSync(dir, `${dir}-changed`);
      const prepareAlone = PREPARE_MEMORIES.flatMap((memoryMB) => {
        process.stderr.write(`${size.name}: the prepare job alone in ${memoryMB} MB…\n`);
        const inCgroup = prepareInCgroup(bundle, dir, memoryMB);
        if (typeof inCgroup === 'string') {
          process.stderr.write(`${size.name}: no run in a ${memoryMB} MB cgroup: ${inCgroup}\n`);
        }
        return [
          prepareWithHeapFlag(bundle, dir, memoryMB),
          ...(typeof inCgroup === 'string' ? [] : [inCgroup]),
        ];
      });
      results.push({
        size,
        histories: stats.histories,
        bytes: stats.totalBytes,
        analysis,
        requests,
        sync,
        prepareAlone,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-changed`, { recursive: true, force: true });
    }
  }
  rmSync(bundleDir, { recursive: true, force: true });

  const header = [
    'size',
    'issues',
    'histories',
    'items',
    'events',
    'analysis ms',
    'normalise ms',
    'rules ms',
    'events/s',
    'heap +MB',
    'kept MB',
    'input MB',
    'max RSS MB',
    'result KB',
    'req/1k issues',
    'per-issue req/1k',
    'req vs minimum',
  ];
  const rows = results.map(({ size, histories, analysis: a, requests: r }) => [
    size.name,
    String(a.issues),
    String(histories),
    String(a.items),
    String(a.events),
    String(a.ms),
    String(a.normaliseMs),
    String(a.rulesMs),
    String(Math.round(a.events / (a.ms / 1000))),
    String(a.heapGrowthMB),
    String(a.retainedMB),
    String(a.inputHeapMB),
    String(a.maxRssMB),
    String(a.resultKB),
    (r.requests / (a.issues / 1000)).toFixed(1),
    (r.perIssueRequests / (a.issues / 1000)).toFixed(1),
    `${(r.requests / r.minimum).toFixed(2)}× (${r.requests}/${r.minimum})`,
  ]);
  const file = path.join(__dirname, 'results.json');
  writeFileSync(file, `${JSON.stringify({ node: process.version, results }, null, 2)}\n`);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(jsonReport(results))}\n`);
    return;
  }
  process.stdout.write(table(header, rows));
  process.stdout.write(
    "\nanalysis ms: analyse() over Jira's records; normalise ms and rules ms: its two stages alone, the rules over the\n" +
      "compact events with Jira's records let go of (as in the store's prepare job);\n" +
      'heap +MB: heap growth during the analysis (its working memory at the end, garbage not yet collected included);\n' +
      'kept MB: heap still held after a collection (the result); input MB: heap of the loaded site data;\n' +
      'max RSS MB: the whole process, input data included.\n\n',
  );
  process.stdout.write(table(SYNC_HEADER, results.map(syncRow)));
  process.stdout.write(
    '\nThe sync at 300 ms a Jira request, consumers held to 600 s; max slice: the longest one on that clock;\n' +
      'hours: simulated time until the store was complete; live view: what reading the site on each view costs.\n',
  );
  process.stdout.write(`\n${table(SERVE_HEADER, results.map(serveRow))}`);
  process.stdout.write(
    '\nViews from the store as the site admin after the sync: the first computes the result (up to 1,500 issues) or has\n' +
      'the background prepare it (prepare: that job on the platform clock); then 20 views read it back;\n' +
      "ms: this process' own time plus the simulated wait on Jira (300 ms a request) and KVS; RSS: the whole process\n" +
      '(local Jira server and its snapshot included); hour: 50 views and one incremental sync, against 50 live views.\n',
  );
  process.stdout.write(`\n${table(PREPARE_HEADER, results.flatMap(prepareRows))}`);
  process.stdout.write(
    `\nThe prepare job alone, bundled as Forge runs it, in a fresh process per run (worst of ${PREPARE_RUNS}), in Forge's\n` +
      `default 512 MB and in the consumer's declared ${PREPARE_MEMORY_MB} MB. Heap: flag, three quarters of the memory by\n` +
      '--max-old-space-size; node, the heap node gives itself inside a cgroup of that memory, which the kernel enforces\n' +
      '(killed: past it). The records kept deflated as read, then analysed; kept MB: the deflated records; read heap MB:\n' +
      "the heap once they are all read; max RSS MB: the process at its peak, against the function's memory.\n",
  );
  process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}\n`);
}

const PREPARE_HEADER = [
  'size',
  'memory MB',
  'heap',
  'heap MB',
  'outcome',
  'kept MB',
  'read heap MB',
  'read ms',
  'analysis ms',
  'max RSS MB',
  'within memory',
];

function prepareRows({ size, prepareAlone }: Result): string[][] {
  return prepareAlone.map((p) => {
    const head = [size.name, String(p.memoryMB), p.heap, String(p.heapMB), p.outcome];
    if (p.outcome !== 'done') return [...head, '-', '-', '-', '-', '-', 'no'];
    return [
      ...head,
      String(p.keptMB),
      String(p.heapKeptMB),
      String(p.keepMs),
      String(p.analysisMs),
      String(p.maxRssMB),
      p.withinMemory ? 'yes' : 'no',
    ];
  });
}

const SERVE_HEADER = [
  'size',
  'first view ms',
  'first answer',
  'prepare s',
  'prepare RSS MB',
  'p50 ms',
  'p95 ms',
  'waited p50 ms',
  'max RSS MB',
  'points / view',
  'KVS units first',
  'KVS units later',
  'failed',
  'hour store pts',
  'hour live pts',
  'store / live',
];

function serveRow(r: Result): string[] {
  const serve = r.sync.serve;
  const hourly = hourlyOf(r);
  const failed = Object.entries(serve.failed).map(([code, n]) => `${n} ${code}`);
  return [
    r.size.name,
    String(serve.firstMs),
    serve.firstAnswer,
    serve.prepare === undefined ? '-' : `${(serve.prepare.ms / 1000).toFixed(1)} (${serve.prepare.outcome})`,
    serve.prepare === undefined ? '-' : String(serve.prepare.rssMB),
    String(serve.storedMs.p50),
    String(serve.storedMs.p95),
    String(serve.waitedMs.p50),
    String(serve.maxRssMB),
    String(serve.points),
    String(serve.kvsReadUnits.first),
    String(serve.kvsReadUnits.later),
    failed.length === 0 ? '0' : failed.join(', '),
    String(hourly.storePoints),
    String(hourly.livePoints),
    `${(100 * hourly.ratio).toFixed(1)} %`,
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return `${line(header)}\n${rows.map(line).join('\n')}\n`;
}

const SYNC_HEADER = [
  'size',
  'cold req',
  'cold points',
  'slices',
  'max slice s',
  'hours',
  'over limit',
  '1 % changed req',
  '1 % changed points',
  'incr / cold',
  'stored MB',
  'KB / 1k issues',
  'identical',
  'live view req',
  'live view points',
];

function syncRow({ size, sync, requests }: Result): string[] {
  return [
    size.name,
    String(sync.cold.requests),
    String(sync.cold.points),
    String(sync.cold.invocations),
    (sync.cold.maxInvocationMs / 1000).toFixed(1),
    String(sync.cold.hours),
    String(sync.invocationsOverLimit),
    String(sync.incremental.requests),
    String(sync.incremental.points),
    `${((100 * sync.incremental.points) / sync.cold.points).toFixed(2)} %`,
    (sync.storedBytes / 1e6).toFixed(1),
    String(Math.round(sync.storedBytesPer1kIssues / 1000)),
    String(sync.resultIdentical),
    String(requests.requests),
    String(requests.points),
  ];
}

/** Viewers an hour of one page, for the hourly comparison (issue 12). */
const VIEWS_AN_HOUR = 50;

/**
 * Points an hour for one page opened VIEWS_AN_HOUR times: served from the store (each view's permission check, plus
 * the hourly incremental sync with 1 % of the issues changed) against reading the scope live on every view.
 */
function hourlyOf(r: Result) {
  const storePoints = VIEWS_AN_HOUR * r.sync.serve.points + r.sync.incremental.points;
  const livePoints = VIEWS_AN_HOUR * r.requests.points;
  return {
    views: VIEWS_AN_HOUR,
    storePoints,
    livePoints,
    ratio: Math.round((1e4 * storePoints) / livePoints) / 1e4,
  };
}

/** One object: per size, the sync and, side by side, what the read-everything-on-every-view path costs. */
function jsonReport(results: readonly Result[]) {
  const one = (r: Result) => ({
    size: r.size.name,
    issues: r.analysis.issues,
    histories: r.histories,
    analysis: {
      ms: r.analysis.ms,
      normaliseMs: r.analysis.normaliseMs,
      rulesMs: r.analysis.rulesMs,
      events: r.analysis.events,
      maxRssMB: r.analysis.maxRssMB,
    },
    sync: {
      cold: r.sync.cold,
      incremental: r.sync.incremental,
      invocationsOverLimit: r.sync.invocationsOverLimit,
      storedBytes: r.sync.storedBytes,
      storedKeys: r.sync.storedKeys,
      storedBytesPer1kIssues: r.sync.storedBytesPer1kIssues,
      resultIdentical: r.sync.resultIdentical,
    },
    perViewPath: { requests: r.requests.requests, points: r.requests.points },
    serve: { ...r.sync.serve, prepareAlone: r.prepareAlone },
    hourly: hourlyOf(r),
  });
  return results.length === 1 ? one(results[0] as Result) : { sizes: results.map(one) };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  // exitCode, not exit(): Node then ends once the stack trace is written out.
  process.exitCode = 1;
});
