// `npm run report`: the ownership map, warnings and split advice of a snapshot or a live site, in a terminal.
// It runs the resolvers' own path (runAnalysis): the same client, the same analysis, the same result.
// The process ends by itself once stdout is written (process.exitCode, never process.exit): a pipe takes 64 KiB
// at once, and exiting earlier would cut the report off there.
import { unlimitedInvocation } from '../../src/resolvers/invocation';
import { runAnalysis } from '../../src/resolvers/run-analysis';
import { endQuietlyWhenReaderCloses } from '../flush-exit';
import { openJiraSource } from '../jira-source';
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
import type { AnalysisResult } from '../../src/contract/analysis';

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
  let source;
  try {
    source = await openJiraSource(
      'snapshotDir' in args.source
        ? { snapshotDir: args.source.snapshotDir, accountId: args.as }
        : args.source,
    );
  } catch (error) {
    // A wrong --site or --snapshot, missing credentials, or credentials refused over plain http.
    process.stderr.write(`${messageOf(error)}\n`);
    return 2;
  }
  try {
    let settings;
    try {
      settings = reportConfig(args, source.projects, file);
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
    const config = settings.config;
    const outcome = await runAnalysis({ siteUrl: source.siteUrl }, config, unlimitedInvocation(source.now));
    if (!outcome.ok) {
      process.stderr.write(`${outcome.error.message}\n`);
      for (const f of outcome.error.fields ?? []) process.stderr.write(`  ${f.path}: ${f.message}\n`);
      return 1;
    }
    process.stdout.write(FORMATTERS[args.format](outcome.data));
    return 0;
  } finally {
    await source.close();
  }
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
