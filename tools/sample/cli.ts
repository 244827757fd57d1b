// `npm run sample:generate` rewrites samples/acme byte for byte. With --bench it writes a benchmark site:
// `npm run sample:generate -- --bench --issues 50000 --boards 12 --sprints 12 --histories 20 --seed 1 --out DIR`.
import path from 'node:path';
import { ACME_SAMPLE_DIR, generateAcme } from './acme';
import { generateSite } from './generate';
import { writeSnapshot } from './write-snapshot';

function argValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function count(args: string[], name: string, fallback: number): number {
  const text = argValue(args, name);
  const n = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not '${text}'.`);
  return n;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log('Usage: npm run sample:generate [-- --out DIR]');
    console.log(
      '       npm run sample:generate -- --bench --out DIR [--issues N] [--boards N] [--sprints N] [--histories N] [--seed N]',
    );
    return;
  }
  const bench = args.includes('--bench');
  const out = argValue(args, '--out');
  if (bench && !out) throw new Error('--bench needs --out DIR (samples/acme is only for the acme sample).');
  const generated = bench
    ? generateSite({
        seed: count(args, '--seed', 1),
        issues: count(args, '--issues', 10000),
        boards: count(args, '--boards', 6),
        sprintsPerBoard: count(args, '--sprints', 12),
        ...(argValue(args, '--histories') !== undefined
          ? { historiesPerIssue: count(args, '--histories', 0) }
          : {}),
      })
    : generateAcme();
  const dir = path.resolve(out ?? ACME_SAMPLE_DIR);
  const stats = await writeSnapshot(dir, generated);
  console.log(
    `Wrote ${dir}: ${stats.issues} issues, ${stats.histories} histories, issues.ndjson ${stats.issueBytes} bytes, ${stats.totalBytes} bytes in all.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
