// The preview reads modules and resource folders from the manifest, as forge deploy would.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readPreviewManifest } from '../../../tools/preview/manifest';
import { REPO_DIR } from '../../browser/harness';

test("the project's manifest names the macro, its config resource and both Jira modules", async () => {
  const manifest = await readPreviewManifest(REPO_DIR);
  expect(manifest.macro).toEqual({
    key: 'ownership-map-macro',
    resource: 'macro',
    title: 'PM/PO Ownership Map',
    configResource: 'macro',
    configTitle: 'Configure the ownership map',
    viewportSize: 'large',
  });
  expect(manifest.projectPage?.key).toBe('ownership-project-page');
  expect(manifest.sprintAction?.key).toBe('acceptance-sprint-action');
  expect(manifest.scopes).toContain('read:jira-work');
  expect(manifest.scopes.some((scope) => scope.startsWith('write:'))).toBe(false);
  expect(manifest.resources.macro).toBe(path.join(REPO_DIR, 'static/macro/dist'));
  expect(manifest.resources['jira-views']).toBe(path.join(REPO_DIR, 'static/jira-views/dist'));
});

test('a module naming an undeclared resource is an error naming both', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'preview-manifest-'));
  try {
    await writeFile(
      path.join(dir, 'manifest.yml'),
      'modules:\n  macro:\n    - key: m\n      resource: ui\n      title: M\napp:\n  id: ari:cloud:ecosystem::app/x\n',
    );
    await expect(readPreviewManifest(dir)).rejects.toThrow(
      'module m names resource ui, which is not declared',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
