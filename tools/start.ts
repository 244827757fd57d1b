// `npm start`: builds the Custom UI bundles, starts the local preview over samples/acme (or --snapshot DIR, or a
// real site with --site URL and JIRA_EMAIL / JIRA_API_TOKEN in the environment), and runs until Ctrl-C.
import { exitWhenFlushed } from './flush-exit';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { siteCredentialsFromEnv } from './preview/jira-target';
import { startPreview, type PreviewOptions, type PreviewServer } from './preview/server';

const REPO_DIR = path.resolve(__dirname, '..');
const SAMPLE_DIR = path.join(REPO_DIR, 'samples', 'acme');
/** A fixed port keeps the URL the same between runs; when it is taken, any free port will do. */
const DEFAULT_PORT = 5180;
/** A snapshot may carry the macro config the preview starts with (the page then opens on the map). */
const SNAPSHOT_PREVIEW_CONFIG = 'preview-config.json';

const USAGE = `Usage: npm start -- [--snapshot DIR | --site URL] [--port N] [--config FILE] [--no-build]

  --snapshot DIR  preview over this snapshot folder (default samples/acme)
  --site URL      preview against a real Jira Cloud site; needs JIRA_EMAIL and JIRA_API_TOKEN
  --port N        port on 127.0.0.1 (default ${DEFAULT_PORT}, or any free port if that one is taken)
  --config FILE   macro configuration (JSON) to start with, as if saved from the config dialog
  --no-build      serve the bundles already in static/*/dist`;

/** Ends main() after fail(): the message is printed already and the exit code set. */
class StartFailed extends Error {}

/** Says what is wrong and stops starting; Node ends by itself once the message is out (nothing else is running). */
function fail(message: string): never {
  console.error(message);
  process.exitCode = 1;
  throw new StartFailed(message);
}

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd: REPO_DIR, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited ${code}`))));
  });
}

async function readConfig(file: string): Promise<Record<string, unknown>> {
  const value: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail(`${file} must hold a JSON object.`);
  return value as Record<string, unknown>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      snapshot: { type: 'string' },
      site: { type: 'string' },
      port: { type: 'string' },
      config: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.snapshot && values.site) fail('Give either --snapshot or --site, not both.');
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a port number, not "${values.port}".`);

  const options: PreviewOptions = { log: (line) => console.error(line) };
  if (values.site) {
    try {
      options.site = siteCredentialsFromEnv(values.site);
    } catch (error) {
      fail((error as Error).message);
    }
  } else {
    const snapshotDir = path.resolve(values.snapshot ?? SAMPLE_DIR);
    if (!existsSync(path.join(snapshotDir, 'site.json'))) {
      fail(
        values.snapshot
          ? `${snapshotDir} is not a snapshot folder (no site.json).`
          : 'The sample site samples/acme is missing. Generate it with `npm run sample:generate`, or preview ' +
              'another snapshot with `npm start -- --snapshot DIR` or a real site with `npm start -- --site URL`.',
      );
    }
    options.snapshotDir = snapshotDir;
    const bundled = path.join(snapshotDir, SNAPSHOT_PREVIEW_CONFIG);
    if (!values.config && existsSync(bundled)) options.macroConfig = await readConfig(bundled);
  }
  if (values.config) options.macroConfig = await readConfig(path.resolve(values.config));

  if (!values['no-build']) {
    const started = Date.now();
    await build();
    console.log(`Built the Custom UI bundles in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }

  let preview: PreviewServer;
  try {
    preview = await startPreview({ ...options, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || values.port !== undefined) throw error;
    preview = await startPreview({ ...options, port: 0 });
  }
  const { port: actual } = new URL(preview.url);
  const shown = path.relative(REPO_DIR, options.snapshotDir ?? '');
  const folder = shown.startsWith('..') ? options.snapshotDir : shown;
  const source = options.site ? options.site.baseUrl : `${folder} (local Jira server)`;
  console.log(`Previewing ${source} as ${preview.directory.people.length} possible viewer(s).`);
  console.log(`Ownership Map preview: http://localhost:${actual}`);
  console.log('Press Ctrl-C to stop.');

  const stop = () => {
    void preview.close().then(() => exitWhenFlushed(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof StartFailed) return;
  console.error(`The preview could not start: ${(error as Error).stack ?? String(error)}`);
  // A half-started preview may hold the event loop: end once the message is delivered.
  exitWhenFlushed(1);
});
