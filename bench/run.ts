// `npm run bench`: generates sites of growing size with the sample generator, then measures the analysis
// (time, events per second, memory, in a fresh process per size) and the Jira requests needed to read each site
// through the local Jira server. Prints a table and writes bench/results.json. Not a test: figures, not verdicts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSite } from '../tools/sample/generate';
import { writeSnapshot } from '../tools/sample/write-snapshot';
import { measureRequests, type RequestFigures } from './requests';

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

function analyseInChild(dir: string): AnalysisFigures {
  // tsx as a loader of this very process (`--import tsx`), not its CLI: the CLI starts another node without these
  // flags, and analyse-once then could neither collect garbage before measuring nor use the larger heap.
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=16384',
      '--import',
      'tsx',
      path.join(__dirname, 'analyse-once.ts'),
      dir,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20, cwd: path.join(__dirname, '..') },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as AnalysisFigures;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: {
    size: Size;
    histories: number;
    bytes: number;
    analysis: AnalysisFigures;
    requests: RequestFigures;
  }[] = [];
  for (const size of SIZES.filter((s) => only.length === 0 || only.includes(s.name))) {
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
      results.push({ size, histories: stats.histories, bytes: stats.totalBytes, analysis, requests });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const header = [
    'size',
    'issues',
    'histories',
    'items',
    'events',
    'analysis ms',
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
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
  process.stdout.write(
    '\nheap +MB: heap growth during the analysis (its working memory at the end, garbage not yet collected included);\n' +
      'kept MB: heap still held after a collection (the result); input MB: heap of the loaded site data;\n' +
      'max RSS MB: the whole process, input data included.\n',
  );
  const file = path.join(__dirname, 'results.json');
  writeFileSync(file, `${JSON.stringify({ node: process.version, results }, null, 2)}\n`);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  // exitCode, not exit(): Node then ends once the stack trace is written out.
  process.exitCode = 1;
});
