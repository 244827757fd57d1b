// The preview serves the bundles forge deploy would upload: assets byte for byte, HTML with only the bridge added.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BRIDGE_SCRIPT_TAG,
  customUiCsp,
  injectBridge,
  resolveInside,
} from '../../../tools/preview/resources';
import type { PreviewServer } from '../../../tools/preview/server';
import { REPO_DIR, ensureBuilt, startTestPreview } from '../../browser/harness';
import { removeTempSnapshots } from '../snapshot/temp-snapshot';
import { writePreviewSnapshot } from './fixture';

let preview: PreviewServer;

beforeAll(async () => {
  await ensureBuilt();
  preview = await startTestPreview({ snapshotDir: await writePreviewSnapshot() });
});

afterAll(async () => {
  await preview?.close();
  await removeTempSnapshots();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

describe.each([
  ['macro', 'static/macro/dist'],
  ['jira-views', 'static/jira-views/dist'],
])('resource %s', (resource, distDir) => {
  test('every asset is served byte for byte as it is in dist', async () => {
    const dist = path.join(REPO_DIR, distDir);
    const assets = (await filesUnder(dist)).filter((file) => !file.endsWith('.html'));
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets) {
      const response = await fetch(`${preview.url}/resources/${resource}/${file}`);
      expect(response.status).toBe(200);
      const served = Buffer.from(await response.arrayBuffer());
      expect(served.equals(await readFile(path.join(dist, file)))).toBe(true);
    }
  });

  test('index.html differs from dist only by the bridge script, placed before the first script', async () => {
    const original = await readFile(path.join(REPO_DIR, distDir, 'index.html'), 'utf8');
    const response = await fetch(`${preview.url}/resources/${resource}/index.html?view=macro&accountId=x`);
    const served = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(served.indexOf(BRIDGE_SCRIPT_TAG)).toBeLessThan(served.search(/<script[^>]+assets\//));
    expect(served.replace(`${BRIDGE_SCRIPT_TAG}\n    `, '')).toBe(original);
  });
});

test('HTML pages carry the Custom UI content security policy, assets none', async () => {
  const html = await fetch(`${preview.url}/resources/macro/index.html`);
  expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(html.headers.get('content-security-policy')).toContain("style-src 'self'");
  const served = await html.text();
  const asset = /src="\.\/(assets\/[^"]+)"/.exec(served)?.[1];
  const script = await fetch(`${preview.url}/resources/macro/${asset}`);
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(script.headers.get('content-security-policy')).toBeNull();
});

test('the policy relaxes exactly what manifest permissions.content and permissions.external allow', () => {
  expect(customUiCsp({ scripts: [], styles: [] })).toContain("style-src 'self';");
  expect(customUiCsp({ scripts: [], styles: ['unsafe-inline'] })).toContain(
    "style-src 'self' 'unsafe-inline';",
  );
  expect(customUiCsp({ scripts: ["'unsafe-eval'", 'blob:', 'https://evil.example'], styles: [] })).toContain(
    "script-src 'self' 'unsafe-eval' blob:;",
  );
  const external = customUiCsp(
    { scripts: [], styles: [] },
    { images: ['*.giphy.com'], fetchClient: ['api.example.com'] },
  );
  expect(external).toContain("img-src 'self' data: blob: *.giphy.com;");
  expect(external).toContain("connect-src 'self' api.example.com;");
});

test('paths outside a resource folder and undeclared resources are refused', async () => {
  expect(resolveInside('/srv/dist', '../manifest.yml')).toBeUndefined();
  expect(resolveInside('/srv/dist', '%2e%2e/secret')).toBeUndefined();
  expect(resolveInside('/srv/dist', 'assets/a.js')).toBe('/srv/dist/assets/a.js');
  const traversal = await fetch(`${preview.url}/resources/macro/..%2f..%2fpackage.json`);
  expect(traversal.status).toBe(400);
  const unknown = await fetch(`${preview.url}/resources/secret/index.html`);
  expect(unknown.status).toBe(404);
  expect(((await unknown.json()) as { message: string }).message).toBe(
    'The manifest declares no resource secret.',
  );
});

test('the bridge goes at the end of head when the page has no script, or first when it has no head', () => {
  expect(injectBridge('<html><head><title>x</title></head><body></body></html>')).toBe(
    `<html><head><title>x</title>${BRIDGE_SCRIPT_TAG}\n</head><body></body></html>`,
  );
  expect(injectBridge('<p>bare</p>')).toBe(`${BRIDGE_SCRIPT_TAG}\n<p>bare</p>`);
});

test('the bridge and host scripts compile to classic scripts that define what the page needs', async () => {
  const bridge = await (await fetch(`${preview.url}/__preview/bridge.js`)).text();
  expect(bridge).toContain('__bridge');
  expect(bridge).not.toMatch(/^\s*(import|export)\s/m);
  const host = await (await fetch(`${preview.url}/__preview/host.js`)).text();
  expect(host).toContain('__previewHost');
  const page = await (await fetch(`${preview.url}/`)).text();
  expect(page).toContain('<script src="/__preview/host.js" defer></script>');
});
