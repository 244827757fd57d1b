// Throwaway Forge app folders for the Forge check tests: a manifest, src/, the repo's tsconfig and node_modules, and
// a placeholder index.html in each resource folder (the real ones are build output and may not exist yet).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

export const REPO = path.resolve(__dirname, '../../..');
export const REPO_MANIFEST = fs.readFileSync(path.join(REPO, 'manifest.yml'), 'utf8');

export interface TempAppSpec {
  manifest: string;
  /** 'repo' copies the repository's src/; otherwise file path under src/ -> content. */
  src: 'repo' | Record<string, string>;
  /** tsconfig.json content; the repository's when absent. */
  tsconfig?: object;
}

export function makeTempApp(spec: TempAppSpec): string {
  const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-app-'));
  if (spec.tsconfig) fs.writeFileSync(path.join(appDir, 'tsconfig.json'), JSON.stringify(spec.tsconfig));
  else fs.copyFileSync(path.join(REPO, 'tsconfig.json'), path.join(appDir, 'tsconfig.json'));
  // @forge/lint parses with the tsconfig's project, which resolves imports such as @forge/api.
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
  if (spec.src === 'repo') {
    fs.cpSync(path.join(REPO, 'src'), path.join(appDir, 'src'), { recursive: true });
  } else {
    for (const [file, content] of Object.entries(spec.src)) {
      fs.mkdirSync(path.dirname(path.join(appDir, 'src', file)), { recursive: true });
      fs.writeFileSync(path.join(appDir, 'src', file), content);
    }
  }
  for (const resourcePath of resourcePaths(REPO_MANIFEST)) {
    fs.mkdirSync(path.join(appDir, resourcePath), { recursive: true });
    fs.writeFileSync(
      path.join(appDir, resourcePath, 'index.html'),
      '<!doctype html><title>placeholder</title>\n',
    );
  }
  writeManifest(appDir, spec.manifest);
  return appDir;
}

export function writeManifest(appDir: string, text: string): void {
  fs.writeFileSync(path.join(appDir, 'manifest.yml'), text);
}

/** Removes the app folder (the node_modules symlink is unlinked, never followed). */
export function removeTempApp(appDir: string): void {
  fs.rmSync(appDir, { recursive: true, force: true });
}

/** 1-based number of the only line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const matches = lines.flatMap((line, index) => (line.includes(needle) ? [index + 1] : []));
  if (matches.length !== 1) throw new Error(`expected one line with ${needle}, found ${matches.length}`);
  return matches[0] ?? 0;
}

/** The manifest without the scope line `- <scope>`; throws if the scope is not there. */
export function withoutScope(manifest: string, scope: string): string {
  const kept = manifest.split('\n').filter((line) => line.trim() !== `- ${scope}`);
  if (kept.length !== manifest.split('\n').length - 1)
    throw new Error(`scope ${scope} is not in the manifest`);
  return kept.join('\n');
}

/** `text` with exactly one occurrence of `from` replaced. */
export function replaceOnce(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`expected one ${from}`);
  return text.replace(from, to);
}

function resourcePaths(manifest: string): string[] {
  const parsed: unknown = parse(manifest);
  const resources = (parsed as { resources?: { path?: unknown }[] }).resources ?? [];
  return resources.flatMap((r) => (typeof r.path === 'string' ? [r.path] : []));
}
