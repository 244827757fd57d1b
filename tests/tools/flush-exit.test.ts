// No command-line tool may end before its output is delivered: process.exit() drops what a pipe has not taken yet
// (64 KiB), so the tools set process.exitCode, and exitWhenFlushed is the one way to end at once (on a signal).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function run(script: string): Promise<{ code: number | null; bytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, '--eval', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let bytes = 0;
    // A slow reader, as `| less` or a busy `| jq` is: the pipe stays full while the tool wants to exit.
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 300);
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, bytes }));
  });
}

test('exitWhenFlushed exits with its code only after every byte reached the pipe', async () => {
  const module = JSON.stringify(path.join(ROOT, 'tools/flush-exit.ts'));
  const script = `const { exitWhenFlushed } = require(${module});
process.stdout.write('x'.repeat(1024 * 1024));
exitWhenFlushed(3);`;
  expect(await run(script)).toEqual({ code: 3, bytes: 1024 * 1024 });
});

/** The command-line tools: every tools/<tool>/cli.ts, and the benchmark. */
function entryPoints(): string[] {
  const tools = readdirSync(path.join(ROOT, 'tools'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join('tools', d.name, 'cli.ts'))
    .filter((file) => existsSync(path.join(ROOT, file)));
  return [...tools, 'tools/start.ts', 'bench/run.ts'];
}

test('no command-line tool calls process.exit() itself', () => {
  const files = entryPoints();
  expect(files).toEqual(
    expect.arrayContaining([
      'tools/report/cli.ts',
      'tools/jira-server/cli.ts',
      'tools/snapshot/cli.ts',
      'tools/sample/cli.ts',
      'tools/forge-lint/cli.ts',
      'tools/forge-bundle/cli.ts',
      'bench/run.ts',
    ]),
  );
  const exiting = files.filter((file) => /process\.exit\(/.test(readFileSync(path.join(ROOT, file), 'utf8')));
  expect(exiting).toEqual([]);
});
