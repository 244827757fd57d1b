// The backend bundled exactly as `forge deploy` bundles it: Atlassian's own @forge/bundler (webpack + ts-loader with
// the app's tsconfig.json), entry points from the manifest's function handlers through the same getEntryPoints, and
// cwd = the app folder, as the CLI runs. Only the platform's runtime wrapper, which the CLI downloads from
// Atlassian's CDN and which is not our code, is left empty.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { getEntryPoints, getNodeBundler } from '@forge/bundler';
import { ConfigFile, FileSystemReader, FileSystemWriter, type Handler } from '@forge/cli-shared';
import { inAppDir } from '../forge-lint/app-dir';

export const APP_DIR = path.resolve(__dirname, '../..');

export interface BundledFile {
  name: string;
  bytes: number;
}

export interface AppBundle {
  /** The folder the bundler wrote (a temporary one, as for `forge deploy`). */
  outputDir: string;
  /** The manifest's function handlers, e.g. { module: 'index', func: 'handler' } for `index.handler`. */
  handlers: Handler[];
  /** What the bundler wrote, largest first (source maps included). */
  files: BundledFile[];
  /** Webpack's warnings, as the CLI would print them. */
  warnings: string[];
  /** The bundled module of a handler, loaded with require() as the Forge runtime loads it. */
  load(handler: Handler): Record<string, unknown>;
  remove(): void;
}

/** Thrown when bundling fails: the message is the bundler's, prefixed with what that means for a deploy. */
export class BundleError extends Error {
  override name = 'BundleError';
}

/** The runtime loader and wrapper `forge deploy` adds beside the bundle come from Atlassian's CDN: left empty here. */
const OFFLINE_WRAPPER: Parameters<typeof getNodeBundler>[1] = {
  getNodeRuntimeWrapper: async () => ({ script: '', source: 'offline', version: '0.0.0-offline' }),
  getNodeRuntimeLoader: async () => ({ script: '', source: 'offline', version: '0.0.0-offline' }),
};

function listFiles(dir: string): BundledFile[] {
  return readdirSync(dir)
    .map((name) => ({ name, bytes: statSync(path.join(dir, name)).size }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** Bundles the app in `appDir` as `forge deploy` would; throws BundleError naming what broke. */
export function bundleApp(appDir: string = APP_DIR): Promise<AppBundle> {
  return inAppDir(appDir, {}, async () => {
    const warnings: string[] = [];
    const logger = {
      info: () => {},
      debug: () => {},
      warn: (message: string) => warnings.push(message),
    };
    const configFile = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
    const handlers = await configFile.getAppHandlers();
    if (handlers.length === 0) throw new BundleError('manifest.yml declares no function handler to bundle.');
    let outputDir: string;
    try {
      // The CLI passes its UI as the logger; the bundler only calls info, debug and warn on it.
      const bundler = getNodeBundler(logger as never, OFFLINE_WRAPPER, configFile);
      const output = await bundler.bundle({ appDirectory: appDir, entryPoints: getEntryPoints(handlers) });
      outputDir = output.outputDir;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new BundleError(`forge deploy would fail while bundling the backend: ${message}`);
    }
    const files = listFiles(outputDir);
    for (const handler of handlers) {
      if (!files.some((file) => file.name === `${handler.module}.cjs`)) {
        throw new BundleError(
          `The bundler wrote no ${handler.module}.cjs for the handler ${handler.module}.${handler.func}.`,
        );
      }
    }
    return {
      outputDir,
      handlers,
      files,
      warnings,
      load: (handler) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the runtime loads bundles with require
        const loaded = require(path.join(outputDir, `${handler.module}.cjs`)) as Record<string, unknown>;
        if (typeof loaded[handler.func] !== 'function') {
          throw new BundleError(
            `The bundled ${handler.module}.cjs exports no function ${handler.func} (manifest: ${handler.module}.${handler.func}).`,
          );
        }
        return loaded;
      },
      remove: () => rmSync(outputDir, { recursive: true, force: true }),
    };
  });
}
