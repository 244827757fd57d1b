// `npm run snapshot` as a person runs it: a separate process (tsx), credentials from the environment only.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJiraServer, ENDPOINTS, type JiraServer } from '../../../tools/jira-server/server';
import { readSnapshot } from '../../../tools/snapshot/read';
import { REAL_SAMPLES } from '../../jira/helpers/snapshots';

const ROOT = join(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const TEZ = join(REAL_SAMPLES, 'apache-TEZ');
const TOKEN = 'token-that-must-never-show-7f3a9c';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking this process (the local Jira server answers from here). */
function runCli(args: string[], env: Record<string, string | undefined>): Promise<Finished> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.JIRA_EMAIL;
  delete childEnv.JIRA_API_TOKEN;
  for (const [name, value] of Object.entries(env)) if (value !== undefined) childEnv[name] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, 'tools/snapshot/cli.ts', ...args], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: JiraServer;
let work: string;

beforeAll(async () => {
  server = await startJiraServer({ snapshotDir: TEZ });
  work = await mkdtemp(join(tmpdir(), 'ownership-record-cli-'));
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => server.resetCounts());

describe('npm run snapshot', () => {
  it('without JIRA_EMAIL says which variables to set, exits 2 and sends nothing', async () => {
    const out = join(work, 'no-credentials');
    const run = await runCli(['--site', server.url, '--project', 'TEZ', '--out', out], {
      JIRA_API_TOKEN: TOKEN,
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'Set JIRA_EMAIL in the environment to read a Jira site ' +
        '(an API token from https://id.atlassian.com/manage-profile/security/api-tokens).',
    );
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain(TOKEN);
    expect(existsSync(`${out}.partial`)).toBe(false);
    expect(server.requestCounts()).toEqual({});
  });

  it('without any credential names both variables', async () => {
    const run = await runCli(['--site', server.url, '--project', 'TEZ'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Set JIRA_EMAIL and JIRA_API_TOKEN in the environment');
  });

  it('with a wrong argument prints the usage and exits 2', async () => {
    const run = await runCli(['--site', server.url], { JIRA_EMAIL: 'me@example.com', JIRA_API_TOKEN: TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Name at least one --project KEY.');
    expect(run.stderr).toContain('Usage: npm run snapshot -- --site https://your-site.atlassian.net');
  });

  it('records the site with plain progress lines when stderr is not a terminal, never showing the token', async () => {
    const out = join(work, 'tez');
    const run = await runCli(
      ['--site', `${server.url}/`, '--project', 'tez', '--out', out, '--chunk', '10'],
      {
        JIRA_EMAIL: 'me@example.com',
        JIRA_API_TOKEN: TOKEN,
      },
    );
    expect(run.stderr).not.toContain('\r');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${out}\n`);
    const lines = run.stderr.split('\n');
    expect(lines).toContain('fields     [####################] 211/211 100%');
    expect(lines).toContain('issues     [####################] 23/23 100%');
    expect(lines).toContain('changelogs [#########...........] 10/23  43%');
    expect(lines).toContain('changelogs [####################] 23/23 100%');
    expect(lines).toContain(`Recorded 23 issues, 216 histories, 0 boards and 0 sprints of TEZ into ${out}.`);
    expect(server.requestCounts()[ENDPOINTS.bulkChangelog]).toBe(3);

    const snapshot = await readSnapshot(out);
    expect(snapshot.issues).toHaveLength(23);
    expect(snapshot.site.baseUrl).toBe(server.url);
    for (const name of readdirSync(out)) expect(readFileSync(join(out, name), 'utf8')).not.toContain(TOKEN);
    expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
  });
});
