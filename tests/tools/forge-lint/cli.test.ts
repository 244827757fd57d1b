// `tsx tools/forge-lint/cli.ts <appDir>` end to end: its output lines and exit code, on a passing and a failing app.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { makeTempApp, removeTempApp, REPO, REPO_MANIFEST, withoutScope } from './temp-app';

const PROBE = `// Probe: one agile call.
import api, { route } from '@forge/api';

export async function handler(): Promise<unknown> {
  return (await api.asUser().requestJira(route\`/rest/agile/1.0/board\`)).json();
}
// The background functions, which the real manifest names too.
export const syncConsume = (): string => 'ok';
export const syncSchedule = (): string => 'ok';
export const servePrepare = (): string => 'ok';
`;

function runCli(appDir: string): { status: number | null; lines: string[] } {
  const tsx = path.join(REPO, 'node_modules/.bin/tsx');
  const result = spawnSync(tsx, ['tools/forge-lint/cli.ts', appDir], { cwd: REPO, encoding: 'utf8' });
  return { status: result.status, lines: `${result.stdout}${result.stderr}`.split('\n').filter(Boolean) };
}

describe('npm run lint:forge', () => {
  const appDirs: string[] = [];
  afterAll(() => appDirs.forEach(removeTempApp));

  it('prints OK for both sides and exits 0 for a correct app', () => {
    const appDir = makeTempApp({ manifest: REPO_MANIFEST, src: { 'index.ts': PROBE } });
    appDirs.push(appDir);
    const { status, lines } = runCli(appDir);
    expect(lines).toContain('Forge manifest: OK');
    expect(lines).toContain('Forge scopes: OK (1 source file checked)');
    expect(status).toBe(0);
  });

  it('prints the problem as src/file.ts:LINE:COL message and exits 1 when a scope is missing', () => {
    const appDir = makeTempApp({
      manifest: withoutScope(REPO_MANIFEST, 'read:board-scope:jira-software'),
      src: { 'index.ts': PROBE },
    });
    appDirs.push(appDir);
    const { status, lines } = runCli(appDir);
    expect(lines).toContain('Forge manifest: OK');
    expect(lines).toContain('Forge scopes: 1 problem');
    expect(lines).toContain(
      'src/index.ts:5:42 Jira endpoint: GET /rest/agile/1.0/board requires "read:board-scope:jira-software" scope',
    );
    expect(status).toBe(1);
  });
});
