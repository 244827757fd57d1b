// The offline Forge check against throwaway app folders: the real manifest and code pass, and each kind of mistake
// (a missing scope, a missing resource folder, an unknown module) is reported with its file and line.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { runForgeLint, type ForgeLintProblem, type ForgeLintReport } from '../../../tools/forge-lint/lint';
import {
  lineOf,
  makeTempApp,
  removeTempApp,
  replaceOnce,
  REPO,
  REPO_MANIFEST,
  withoutScope,
  writeManifest,
} from './temp-app';

/** The background functions, which the real manifest names too: a probe app exports them beside its handler. */
const SYNC_EXPORTS = `export const syncConsume = (): string => 'ok';
export const syncSchedule = (): string => 'ok';
export const servePrepare = (): string => 'ok';
`;

const PROBE = `// Probe: one platform call and one agile call, written the way Forge's docs write them.
import api, { route } from '@forge/api';

export async function handler(): Promise<unknown> {
  const search = await api.asUser().requestJira(route\`/rest/api/3/search/jql\`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jql: 'project = OWN', maxResults: 50 }),
  });
  const boards = await api.asUser().requestJira(route\`/rest/agile/1.0/board\`);
  return [await search.json(), await boards.json()];
}
${SYNC_EXPORTS}
`;

// The app's own style: every request goes through a layer, so no requestJira is written at the call site.
const LAYERED = `// Probe: a call through a request layer, as src/jira does it.
import { route, type Route } from '@forge/api';

interface Layer {
  json(path: Route, request: { method?: 'GET' | 'POST'; body?: unknown }): Promise<unknown>;
}

export function getFields(layer: Layer): Promise<unknown> {
  return layer.json(route\`/rest/api/3/field\`, {});
}

export function bulkChangelogs(layer: Layer): Promise<unknown> {
  return layer.json(route\`/rest/api/3/changelog/bulkfetch\`, { method: 'POST', body: { issueIdsOrKeys: ['A-1'] } });
}
`;

/** The part of an OpenAPI document the test reads. */
interface Spec {
  paths: Record<string, unknown>;
}

function scopeProblems(report: ForgeLintReport): ForgeLintProblem[] {
  return report.problems.filter((p) => p.source === 'scopes');
}

function srcFilesOf(appDir: string): string[] {
  return fs
    .readdirSync(path.join(appDir, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((rel) => rel.endsWith('.ts'))
    .map((rel) => `src/${rel.split(path.sep).join('/')}`)
    .sort();
}

describe('the real manifest and src/ (copied into a temp folder with placeholder builds)', () => {
  let appDir: string;
  let report: ForgeLintReport;
  let fetchCalls = 0;
  let socketConnects = 0;

  beforeAll(async () => {
    appDir = makeTempApp({ manifest: REPO_MANIFEST, src: 'repo' });
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const connectSpy = jest.spyOn(net.Socket.prototype, 'connect');
    try {
      report = await runForgeLint({ appDir });
    } finally {
      fetchCalls = fetchSpy.mock.calls.length;
      socketConnects = connectSpy.mock.calls.length;
      fetchSpy.mockRestore();
      connectSpy.mockRestore();
    }
  });

  afterAll(() => removeTempApp(appDir));

  it('passes with zero problems', () => {
    expect(report.problems).toEqual([]);
    expect(report.missingResourcePaths).toEqual([]);
  });

  it('checked every TypeScript file under src/', () => {
    expect(report.scannedFiles).toEqual(srcFilesOf(appDir));
    expect(report.scannedFiles).toContain('src/index.ts');
  });

  it('made no network connection', () => {
    expect(fetchCalls).toBe(0);
    expect(socketConnects).toBe(0);
  });

  it("finds the app's own layered Jira calls once read:jira-work is removed", async () => {
    writeManifest(appDir, withoutScope(REPO_MANIFEST, 'read:jira-work'));
    const problems = scopeProblems(await runForgeLint({ appDir }));
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.file).toMatch(/^src\//);
      expect(problem.line).toBeGreaterThan(0);
      expect(problem.message).toContain('requires "read:jira-work" scope');
    }
    // Each report points at a real route`...` in that file.
    for (const problem of problems) {
      const line =
        fs.readFileSync(path.join(appDir, problem.file), 'utf8').split('\n')[problem.line - 1] ?? '';
      expect(line.slice(problem.column - 1)).toMatch(/^route`/);
    }
  });
});

describe('a probe app with requestJira calls', () => {
  let appDir: string;
  const searchLine = lineOf(PROBE, 'route`/rest/api/3/search/jql`');
  const boardLine = lineOf(PROBE, 'route`/rest/agile/1.0/board`');

  beforeAll(() => {
    appDir = makeTempApp({ manifest: REPO_MANIFEST, src: { 'index.ts': PROBE, 'jira/fields.ts': LAYERED } });
  });

  afterAll(() => removeTempApp(appDir));

  it('passes with the real manifest', async () => {
    writeManifest(appDir, REPO_MANIFEST);
    const report = await runForgeLint({ appDir });
    expect(report.problems).toEqual([]);
    expect(report.scannedFiles).toEqual(['src/index.ts', 'src/jira/fields.ts']);
  });

  it('without read:jira-work, names the endpoint, the scope and the line of each call that needs it', async () => {
    writeManifest(appDir, withoutScope(REPO_MANIFEST, 'read:jira-work'));
    const report = await runForgeLint({ appDir });
    expect(report.problems).toEqual([
      {
        source: 'scopes',
        severity: 'error',
        file: 'src/index.ts',
        line: searchLine,
        column: PROBE.split('\n')[searchLine - 1]!.indexOf('route`') + 1,
        message: 'Jira endpoint: POST /rest/api/3/search/jql requires "read:jira-work" scope',
      },
      expect.objectContaining({
        file: 'src/jira/fields.ts',
        line: lineOf(LAYERED, 'route`/rest/api/3/field`'),
        message: 'Jira endpoint: GET /rest/api/3/field requires "read:jira-work" scope',
      }),
      expect.objectContaining({
        file: 'src/jira/fields.ts',
        line: lineOf(LAYERED, 'route`/rest/api/3/changelog/bulkfetch`'),
        message: 'Jira endpoint: POST /rest/api/3/changelog/bulkfetch requires "read:jira-work" scope',
      }),
    ]);
  });

  it('without read:board-scope:jira-software, reports the agile board call only', async () => {
    writeManifest(appDir, withoutScope(REPO_MANIFEST, 'read:board-scope:jira-software'));
    const report = await runForgeLint({ appDir });
    expect(report.problems).toEqual([
      expect.objectContaining({
        source: 'scopes',
        file: 'src/index.ts',
        line: boardLine,
        message: 'Jira endpoint: GET /rest/agile/1.0/board requires "read:board-scope:jira-software" scope',
      }),
    ]);
  });

  it('reports a resource whose folder does not exist, at the manifest line of its path', async () => {
    const manifest = replaceOnce(
      REPO_MANIFEST,
      'path: static/macro/dist',
      'path: static/macro/no-such-build',
    );
    writeManifest(appDir, manifest);
    const report = await runForgeLint({ appDir });
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        source: 'manifest',
        severity: 'error',
        file: 'manifest.yml',
        line: lineOf(manifest, 'static/macro/no-such-build'),
        message: expect.stringContaining("missing resource 'static/macro/no-such-build'"),
      }),
    );
    expect(report.missingResourcePaths).toEqual(['static/macro/no-such-build']);
    expect(scopeProblems(report)).toEqual([]);
  });

  it('reports YAML it cannot read at its line, and says the code was not checked', async () => {
    const manifest = replaceOnce(REPO_MANIFEST, '  function:\n', '  function:\n   - key: [unclosed\n');
    writeManifest(appDir, manifest);
    const report = await runForgeLint({ appDir });
    expect(report.problems).toEqual([
      expect.objectContaining({ source: 'manifest', file: 'manifest.yml', line: expect.any(Number) }),
      expect.objectContaining({
        source: 'scopes',
        message: 'src/ was not checked: manifest.yml could not be read',
      }),
    ]);
    expect(report.problems[0]!.line).toBeGreaterThanOrEqual(lineOf(manifest, '[unclosed'));
    expect(report.scannedFiles).toEqual([]);
  });

  it('reports an unknown module type at its manifest line', async () => {
    const manifest = replaceOnce(
      REPO_MANIFEST,
      'modules:\n',
      'modules:\n  jira:ownershipWidget:\n    - key: ownership-widget\n      title: Ownership\n',
    );
    writeManifest(appDir, manifest);
    const report = await runForgeLint({ appDir });
    const unknown = report.problems.filter((p) => p.message.includes('jira:ownershipWidget'));
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown[0]).toMatchObject({
      source: 'manifest',
      severity: 'error',
      file: 'manifest.yml',
      line: lineOf(manifest, 'jira:ownershipWidget'),
    });
  });
});

describe('the repository itself', () => {
  it('keeps the specs @forge/lint reads in schemas/openapi', () => {
    const specs = path.join(REPO, 'schemas/openapi');
    const platform = JSON.parse(
      fs.readFileSync(path.join(specs, 'jira-platform-swagger-v3.v3.json'), 'utf8'),
    ) as Spec;
    const software = JSON.parse(
      fs.readFileSync(path.join(specs, 'jira-software-swagger.v3.json'), 'utf8'),
    ) as Spec;
    expect(Object.keys(platform.paths)).toContain('/rest/api/3/search/jql');
    expect(Object.keys(software.paths)).toContain('/rest/agile/1.0/board');
    expect(JSON.parse(fs.readFileSync(path.join(specs, 'empty-swagger.json'), 'utf8'))).toEqual({
      paths: {},
    });
  });
});

describe('code the linter could miss or choke on', () => {
  const HANDLER = `// Entry point of the probe.\nexport const handler = (): string => 'ok';\n${SYNC_EXPORTS}`;
  const appDirs: string[] = [];
  const app = (spec: Parameters<typeof makeTempApp>[0]): string => {
    const appDir = makeTempApp(spec);
    appDirs.push(appDir);
    return appDir;
  };

  afterAll(() => appDirs.forEach(removeTempApp));

  it('checks requestJira whose options are a variable (as a GET), which @forge/lint alone skips', async () => {
    const source = `// Probe: options passed as a variable.
import api, { route } from '@forge/api';

const init = { headers: { Accept: 'application/json' } };

export async function fields(): Promise<unknown> {
  return (await api.asApp().requestJira(route\`/rest/api/3/field\`, init)).json();
}
`;
    const appDir = app({
      manifest: withoutScope(REPO_MANIFEST, 'read:jira-work'),
      src: { 'index.ts': HANDLER, 'jira/fields.ts': source },
    });
    const report = await runForgeLint({ appDir });
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'src/jira/fields.ts',
        line: lineOf(source, 'route`/rest/api/3/field`'),
        message: 'Jira endpoint: GET /rest/api/3/field requires "read:jira-work" scope',
      }),
    ]);
  });

  it('reports files a tsconfig "include" of just "src" leaves unchecked, instead of passing silently', async () => {
    const appDir = app({
      manifest: REPO_MANIFEST,
      src: { 'index.ts': HANDLER, 'jira/search.ts': PROBE.replace('handler', 'search') },
      tsconfig: { compilerOptions: { strict: true }, include: ['src'] },
    });
    const report = await runForgeLint({ appDir });
    expect(report.scannedFiles).toEqual([]);
    expect(report.problems.map((p) => [p.file, p.message])).toEqual([
      ['src/index.ts', 'not checked: tsconfig.json "include" does not cover this file'],
      ['src/jira/search.ts', 'not checked: tsconfig.json "include" does not cover this file'],
    ]);
  });

  it('reports a file it cannot parse at the line and column of the syntax error', async () => {
    const appDir = app({
      manifest: REPO_MANIFEST,
      src: { 'index.ts': HANDLER, 'broken.ts': '// Probe: a syntax error.\nexport const x = ;\n' },
    });
    const report = await runForgeLint({ appDir });
    expect(report.problems).toEqual([
      {
        source: 'scopes',
        severity: 'error',
        file: 'src/broken.ts',
        line: 2,
        column: 'export const x = '.length + 1,
        message: 'cannot parse: Expression expected.',
      },
    ]);
  });
});
