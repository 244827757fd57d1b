// `npm run snapshot -- --site https://your-site.atlassian.net --project KEY [--project KEY2] [--board ID] [--out DIR]`:
// records a real Jira Cloud site into a snapshot folder, as JIRA_EMAIL with JIRA_API_TOKEN (environment only).
// Exit codes: 0 recorded, 1 failed (run again to resume), 2 wrong arguments or no credentials, 130 stopped.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isJiraError } from '../../src/jira/errors';
import {
  assertCredentialsMayGoTo,
  basicAuthFromEnv,
  InsecureCredentialsError,
  MissingCredentialsError,
} from '../../src/jira/transport/credentials';
import { exitWhenFlushed } from '../flush-exit';
import { createProgress } from './progress';
import { RecordError, RecordingInterrupted, recordSite, siteBaseUrl, type RecordResult } from './record';

const USAGE =
  'Usage: npm run snapshot -- --site https://your-site.atlassian.net --project KEY [--project KEY2] ' +
  '[--board ID] [--out DIR] [--chunk N]\n' +
  'Reads JIRA_EMAIL and JIRA_API_TOKEN from the environment. Re-run the same command to resume a stopped recording.';

class UsageError extends Error {}

interface CliArgs {
  site: string;
  projects: string[];
  boards: number[];
  out?: string;
  chunk?: number;
}

const FLAGS = new Set(['--site', '--project', '--board', '--out', '--chunk']);

function parseArgs(args: readonly string[]): CliArgs {
  const values = new Map<string, string[]>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS.has(name)) throw new UsageError(`Unknown argument '${arg}'.`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      i += 1;
    }
    if (value === undefined || value === '' || value.startsWith('--')) {
      throw new UsageError(`${name} needs a value.`);
    }
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const site = values.get('--site');
  if (site === undefined || site.length !== 1) throw new UsageError('Give the site once: --site https://…');
  const projects = (values.get('--project') ?? []).flatMap((v) => v.split(',')).map((k) => k.trim());
  if (projects.filter((k) => k !== '').length === 0) throw new UsageError('Name at least one --project KEY.');
  const boards = (values.get('--board') ?? [])
    .flatMap((v) => v.split(','))
    .map((text) => {
      const id = Number(text.trim());
      if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--board takes a board id, not '${text}'.`);
      return id;
    });
  const out = values.get('--out');
  if (out !== undefined && out.length > 1) throw new UsageError('Give --out once.');
  const chunkText = values.get('--chunk');
  const chunk = chunkText === undefined ? undefined : Number(chunkText[0]);
  if (chunk !== undefined && (!Number.isInteger(chunk) || chunk < 1 || chunk > 1000)) {
    throw new UsageError('--chunk takes a number of issues from 1 to 1000.');
  }
  return {
    site: site[0] ?? '',
    projects,
    boards,
    ...(out?.[0] === undefined ? {} : { out: out[0] }),
    ...(chunk === undefined ? {} : { chunk }),
  };
}

/** tmp/ is git-ignored: a recording of a real site must not be committed by accident. */
function defaultOutDir(baseUrl: string, projects: readonly string[]): string {
  const host = new URL(baseUrl).hostname.split('.')[0] ?? 'site';
  const keys = [...new Set(projects.map((k) => k.trim().toUpperCase()).filter((k) => k !== ''))].sort();
  return path.join('tmp', 'snapshots', `${host}-${keys.join('-')}`);
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function summary(result: RecordResult): string[] {
  const files = Object.entries(result.bytesWritten)
    .map(([name, bytes]) => `${name} ${size(bytes)}`)
    .join(', ');
  return [
    `Recorded ${result.issues} issues, ${result.histories} histories, ${result.boards} boards and ` +
      `${result.sprints} sprints of ${result.projects.join(', ')} into ${result.outDir}` +
      (result.resumed ? ' (resumed).' : '.'),
    `This run: ${result.requests} requests (${result.retries} retries), ${size(result.bytesReceived)} received.`,
    `Files: ${files}.`,
    ...(result.gaps.length > 0
      ? [`${result.gaps.length} things could not be recorded in full; site.json lists them under "gaps".`]
      : []),
  ];
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let args: CliArgs;
  let baseUrl: string;
  try {
    args = parseArgs(argv);
    baseUrl = siteBaseUrl(args.site);
    // The transport refuses it too, but only once recording has begun (and made its .partial folder).
    assertCredentialsMayGoTo(baseUrl);
  } catch (error) {
    if (!(
      error instanceof UsageError ||
      error instanceof RecordError ||
      error instanceof InsecureCredentialsError
    )) {
      throw error;
    }
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  let auth: ReturnType<typeof basicAuthFromEnv>;
  try {
    auth = basicAuthFromEnv();
  } catch (error) {
    if (!(error instanceof MissingCredentialsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }

  const outDir = args.out ?? defaultOutDir(baseUrl, args.projects);
  const progress = createProgress(process.stderr);
  const stop = new AbortController();
  const onSignal = () => {
    // Quit at once, yet with every line already written to stdout and stderr delivered.
    if (stop.signal.aborted) exitWhenFlushed(130);
    stop.abort();
    progress.note(
      'Stopping after the current page (Ctrl-C again to quit at once; the last page is then refetched).',
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await recordSite({
      baseUrl,
      auth,
      projects: args.projects,
      boards: args.boards,
      outDir,
      ...(args.chunk === undefined ? {} : { chunkIssues: args.chunk }),
      onProgress: (report) => progress.update(report),
      onNote: (message) => progress.note(message),
      signal: stop.signal,
    });
    progress.end();
    for (const line of summary(result)) process.stderr.write(`${line}\n`);
    process.stdout.write(`${result.outDir}\n`);
    return 0;
  } catch (error) {
    progress.end();
    if (error instanceof RecordingInterrupted) {
      process.stderr.write(`${error.message}\n`);
      return 130;
    }
    if (error instanceof RecordError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (!isJiraError(error)) throw error;
    const said = error.details.length > 0 ? ` (Jira said: ${error.details.slice(0, 3).join('; ')})` : '';
    process.stderr.write(`${error.message}${said}\n`);
    if (error.code === 'unauthorized') {
      process.stderr.write(
        'Check JIRA_EMAIL and JIRA_API_TOKEN (and that the token belongs to that email).\n',
      );
    }
    if (existsSync(`${outDir}.partial`)) {
      process.stderr.write(
        `What was fetched is kept in ${outDir}.partial; run the same command again to resume.\n`,
      );
    }
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`The recorder failed unexpectedly: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
