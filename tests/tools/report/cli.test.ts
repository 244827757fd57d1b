// `npm run report` as a person runs it: a separate process (tsx) whose stdout is a pipe, as in `report | jq`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnalysisResultSchema, type AnalysisResult } from '../../../src/contract/analysis';
import { JiraClient } from '../../../src/jira/client';
import { installForgeFetch } from '../../../src/jira/transport/forge-fetch';
import { analyseLive } from '../../../src/serve/live';
import { SITE_ADMIN_ACCOUNT_ID, startJiraServer } from '../../../tools/jira-server/server';
import { REPORT_OPTIONS, reportConfig } from '../../../tools/report/args';
import { readSnapshotMeta, siteProjectKeys } from '../../../tools/snapshot/read';

const ROOT = path.join(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `stopAfterFirstChunk`: read like `| head` does, closing the pipe after the first chunk. */
function report(args: string[], env: NodeJS.ProcessEnv = {}, stopAfterFirstChunk = false): Promise<Finished> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, 'tools/report/cli.ts', ...args], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      if (stopAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

const ACME = path.join(ROOT, 'samples/acme');
const VICTOR = '8cabe2dff28a63d80613434e';

/** The map of samples/acme read live from Jira as `accountId`, in-process: what the CLI printed before the store. */
async function liveMap(accountId: string): Promise<AnalysisResult> {
  const meta = await readSnapshotMeta(ACME);
  const projects = siteProjectKeys(meta.site);
  const server = await startJiraServer({ snapshotDir: ACME, port: 0 });
  const uninstall = installForgeFetch({ baseUrl: server.url, auth: { kind: 'local', accountId } });
  try {
    const { config } = reportConfig(
      { source: { snapshotDir: ACME }, projects: [], boards: [], format: 'json' },
      projects,
    );
    const client = new JiraClient({ baseUrl: meta.site.baseUrl });
    const live = await analyseLive(client, { projects }, config, new Date(meta.site.recordedAt));
    if (!live.ok) throw new Error(live.error.message);
    // Through the schema, as the report's answer is, so both have the contract's key order.
    return AnalysisResultSchema.parse(live.data);
  } finally {
    uninstall();
    await server.close();
  }
}

describe("the report is served from the app's store, with the figures of reading Jira live", () => {
  test.each([
    ['the site admin', SITE_ADMIN_ACCOUNT_ID, []],
    ['Victor Vance (SRCH only)', VICTOR, ['CHK', 'PAY']],
  ])('as %s', async (_who, accountId, hidden) => {
    const [run, live] = await Promise.all([
      report(['--snapshot', 'samples/acme', '--as', accountId, '--format', 'json']),
      liveMap(accountId),
    ]);
    // stderr is a pipe here, as in `report 2> log`: no progress lines anywhere, and stdout is the JSON alone.
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { served, ...figures } = AnalysisResultSchema.parse(JSON.parse(run.stdout));
    expect(served).toEqual({ from: 'store', asOf: live.window.to });
    expect(figures).toEqual(live);
    // Not an empty map that matches an empty map: the viewer sees issues, and is told what is left out.
    expect(figures.stats.issues).toBeGreaterThan(0);
    const left = figures.completeness.gaps.filter((gap) => gap.kind === 'no-access');
    expect(left.map((gap) => gap.project)).toEqual(hidden);
  });

  test('the text report says how fresh its data is and prints no progress', async () => {
    const run = await report(['--snapshot', 'samples/acme']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^Ownership Map: CHK, PAY, SRCH/),
      expect.stringMatching(/^Read 587 issues/),
      "Data as of 2026-11-16 09:00 UTC, from the app's store",
    ]);
    expect(run.stdout).not.toContain("into the app's store");
  });
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'report-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the whole JSON of the sample site (far more than a pipe holds) arrives, with exit code 0', async () => {
  const run = await report(['--snapshot', 'samples/acme', '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(4 * 65536);
  const result = AnalysisResultSchema.parse(JSON.parse(run.stdout));
  expect(result.scope.projects).toEqual(['CHK', 'PAY', 'SRCH']);
});

test('a reader that stops early (| head) ends the report quietly, exit code 0', async () => {
  const run = await report(['--snapshot', 'samples/acme', '--format', 'json'], {}, true);
  expect(run.stdout.startsWith('{')).toBe(true);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});

test('--help prints every option on stdout and exits 0', async () => {
  const run = await report(['--help']);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  for (const name of Object.keys(REPORT_OPTIONS)) expect(run.stdout).toContain(`--${name}`);
});

test('--config applies the file, with --project over its scope', async () => {
  const file = path.join(dir, 'settings.json');
  writeFileSync(
    file,
    JSON.stringify({
      scope: { projects: ['CHK'] },
      thresholds: { accountableShare: 0.5 },
      weights: { rank: 2 },
    }),
  );
  const fromFile = await report(['--snapshot', 'samples/acme', '--config', file, '--format', 'json']);
  expect(fromFile.code).toBe(0);
  const result = AnalysisResultSchema.parse(JSON.parse(fromFile.stdout));
  expect(result.scope.projects).toEqual(['CHK']);
  expect(result.settings.thresholds.accountableShare).toBe(0.5);
  expect(result.settings.weights.rank).toBe(2);

  const overridden = await report([
    '--snapshot',
    'samples/acme',
    '--config',
    file,
    '--project',
    'PAY',
    '--format',
    'json',
  ]);
  expect(overridden.code).toBe(0);
  const pay = AnalysisResultSchema.parse(JSON.parse(overridden.stdout));
  expect(pay.scope.projects).toEqual(['PAY']);
  expect(pay.settings.thresholds.accountableShare).toBe(0.5);
});

test('an invalid --config names the file and the setting, prints no report and exits 2', async () => {
  const file = path.join(dir, 'bad.json');
  writeFileSync(file, JSON.stringify({ thresholds: { accountableShare: 2 } }));
  const run = await report(['--snapshot', 'samples/acme', '--config', file]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`--config ${file}: thresholds.accountableShare: `);
});

test('--site over plain http to another machine is refused before anything is sent, exit 2', async () => {
  const run = await report(['--site', 'http://jira.example.com'], {
    JIRA_EMAIL: 'me@example.com',
    JIRA_API_TOKEN: 'token-that-must-never-travel',
  });
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('Use https://jira.example.com instead');
  expect(run.stderr).not.toContain('token-that-must-never-travel');
});
