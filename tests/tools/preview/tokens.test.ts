// The token stylesheet frames get from view.theme.enable(): Atlassian's theme CSS when the app installed it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tokensStylesheet } from '../../../tools/preview/tokens';

let appDir: string;

beforeEach(async () => {
  appDir = await mkdtemp(path.join(os.tmpdir(), 'preview-tokens-'));
});

afterEach(async () => {
  await rm(appDir, { recursive: true, force: true });
});

test('without @atlaskit/tokens only the colour scheme follows the theme', () => {
  const sheet = tokensStylesheet(appDir);
  expect(sheet.source).toBe('color-scheme-only');
  expect(sheet.css).toContain("html[data-color-mode='dark'] { color-scheme: dark; }");
});

test('with @atlaskit/tokens installed, its built theme CSS is served as the package wrote it', async () => {
  const themes = path.join(
    appDir,
    'node_modules',
    '@atlaskit',
    'tokens',
    'dist',
    'esm',
    'artifacts',
    'themes',
  );
  await mkdir(themes, { recursive: true });
  const dark = 'html[data-color-mode="dark"][data-theme~="dark:dark"] {\n  --ds-text: #CECFD2;\n}\n';
  await writeFile(path.join(themes, 'atlassian-dark.js'), `export default ${JSON.stringify(dark)};\n`);
  await writeFile(path.join(themes, 'atlassian-light.js'), 'export default function notCss() {}\n');
  const sheet = tokensStylesheet(appDir);
  expect(sheet.source).toBe('atlaskit');
  expect(sheet.css).toContain(dark);
  expect(sheet.css).not.toContain('notCss');
});
