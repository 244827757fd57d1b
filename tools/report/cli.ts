// `npm run report`: the ownership map, warnings and split advice of a snapshot or a live site, in a terminal.
// It runs the app's own path, sync → store → serve: the background sync reads the scope into the store, then the
// macro's resolver serves the map from it to the viewer, so the report is what the macro would show.
// The process ends by itself once stdout is written (process.exitCode, never process.exit): a pipe takes 64 KiB
// at once, and exiting earlier would cut the report off there.
import { z } from 'zod';
import { AnalysisResultSchema, type AnalysisResult } from '../../src/contract/analysis';
import { RESOLVERS } from '../../src/contract/requests';
import { ResolverErrorSchema } from '../../src/contract/result';
import type { AnalysisConfig } from '../../src/ownership/config';
import { JiraClient } from '../../src/jira/client';
import { readScopeOf } from '../../src/resolvers/run-analysis';
import { endQuietlyWhenReaderCloses } from '../flush-exit';
import {
  HELP,
  parseReportArgs,
  readConfigFile,
  reportConfig,
  UsageError,
  USAGE,
  type ReportFormat,
} from './args';
import { formatCsv } from './format-csv';
import { formatJson } from './format-json';
import { formatMarkdown } from './format-markdown';
import { formatText } from './format-text';
import { openReportPlatform, type ReportPlatform } from './platform';

/** The macro resolver's answer, checked as the UI would take it. */
const MapAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: AnalysisResultSchema }),
  z.object({ ok: z.literal(false), error: ResolverErrorSchema }),
]);

const FORMATTERS: Record<ReportFormat, (result: AnalysisResult) => string> = {
  text: formatText,
  markdown: formatMarkdown,
  json: formatJson,
  csv: formatCsv,
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(argv: string[]): Promise<number> {
  let args;
  let file: Record<string, unknown> | undefined;
  try {
    args = parseReportArgs(argv);
    if (args === 'help') {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    // The file is read before any Jira is opened: a typo in it should cost nothing.
    if (args.configFile !== undefined) file = readConfigFile(args.configFile);
  } catch (error) {
    process.stderr.write(`${messageOf(error)}\n${USAGE}\n`);
    return 2;
  }
  let opened: ReportPlatform;
  try {
    opened = await openReportPlatform(args);
  } catch (error) {
    // A wrong --site or --snapshot, missing credentials, or credentials refused over plain http.
    process.stderr.write(`${messageOf(error)}\n`);
    return 2;
  }
  try {
    let settings;
    try {
      settings = reportConfig(args, opened.projects, file);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    for (const key of settings.ignored) {
      process.stderr.write(
        `--config ${args.configFile}: ignoring "${key}": the analysis has no such setting.\n`,
      );
    }
    const answer = await serveMap(opened, settings.config);
    if (!answer.ok) {
      process.stderr.write(`${answer.error.message}\n`);
      for (const f of answer.error.fields ?? []) process.stderr.write(`  ${f.path}: ${f.message}\n`);
      return 1;
    }
    process.stdout.write(FORMATTERS[args.format](answer.data));
    return 0;
  } finally {
    await opened.close();
  }
}

/** Progress is for a person watching; a redirected or piped stderr stays clean for scripts. */
function say(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${line}\n`);
}

/**
 * As the app does for a scope it meets first: register it, sync it to the end, then open the macro with `config`
 * as the viewer, whose answer comes from the store.
 */
async function serveMap({ platform, clock, siteUrl, viewer }: ReportPlatform, config: AnalysisConfig) {
  // The projects of the configured boards belong to the scope too; the resolver finds them the same way.
  const scope = await platform.runtime.run(
    () => readScopeOf(new JiraClient({ baseUrl: siteUrl, retry: clock }), config),
    { accountId: viewer },
  );
  const names = scope.projects.join(', ');
  say(`Reading ${names} into the app's store…`);
  await platform.register(scope.projects);
  await platform.syncNow('first-view');
  const progress = await platform.progress(scope.projects);
  const stored = progress.projects.reduce((sum, p) => sum + p.stored, 0);
  say(`Read ${names} into the app's store: ${stored.toLocaleString('en-US')} issues.`);
  // What stopped the sync is no progress: it explains why the map is live, partial or not there.
  for (const p of progress.projects)
    if (p.error !== undefined) process.stderr.write(`${p.project}: ${p.error.message}\n`);
  const { answer } = await platform.view({
    accountId: viewer,
    functionKey: RESOLVERS.ownershipMap,
    context: { siteUrl, extension: { type: 'macro', config } },
  });
  return MapAnswerSchema.parse(answer);
}

endQuietlyWhenReaderCloses();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`The report failed unexpectedly: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
