// `npm run report`: the ownership map, warnings and split advice of a snapshot or a live site, in a terminal.
// It runs the resolvers' own path (runAnalysis): the same client, the same analysis, the same result.
import { runAnalysis } from '../../src/resolvers/run-analysis';
import { openJiraSource } from '../jira-source';
import { parseReportArgs, reportConfig, UsageError, USAGE, type ReportFormat } from './args';
import { formatCsv } from './format-csv';
import { formatMarkdown } from './format-markdown';
import { formatText } from './format-text';
import type { AnalysisResult } from '../../src/contract/analysis';

const FORMATTERS: Record<ReportFormat, (result: AnalysisResult) => string> = {
  text: formatText,
  markdown: formatMarkdown,
  json: (result) => `${JSON.stringify(result, null, 2)}\n`,
  csv: formatCsv,
};

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseReportArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const source = await openJiraSource(
    'snapshotDir' in args.source ? { snapshotDir: args.source.snapshotDir, accountId: args.as } : args.source,
  );
  try {
    const config = reportConfig(args, source.projects);
    const outcome = await runAnalysis({ siteUrl: source.siteUrl }, config, source.now);
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof UsageError || error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
