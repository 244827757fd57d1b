// Command-line arguments of `npm run report`, turned into a source and a validated analysis config.
import { parseArgs } from 'node:util';
import { AnalysisConfigSchema, type AnalysisConfig } from '../../src/ownership/config';

export const FORMATS = ['text', 'markdown', 'json', 'csv'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export interface ReportArgs {
  source: { snapshotDir: string } | { siteUrl: string };
  projects: string[];
  boards: number[];
  from?: string;
  to?: string;
  format: ReportFormat;
  /** The viewer the local server acts as (snapshots with permissions.json). */
  as?: string;
}

export const USAGE = `Usage: npm run report -- (--snapshot DIR | --site URL) [--project KEY]... [--board ID]...
                        [--from YYYY-MM-DD --to YYYY-MM-DD] [--format text|markdown|json|csv] [--as ACCOUNT_ID]`;

export class UsageError extends Error {}

export function parseReportArgs(argv: string[]): ReportArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      snapshot: { type: 'string' },
      site: { type: 'string' },
      project: { type: 'string', multiple: true },
      board: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'text' },
      as: { type: 'string' },
    },
    strict: true,
  });
  if ((values.snapshot === undefined) === (values.site === undefined)) {
    throw new UsageError('Give exactly one of --snapshot DIR or --site URL.');
  }
  const format = values.format as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
  if ((values.from === undefined) !== (values.to === undefined)) {
    throw new UsageError('Give both --from and --to, or neither.');
  }
  const boards = (values.board ?? []).map((b) => {
    const id = Number(b);
    if (!Number.isInteger(id) || id <= 0)
      throw new UsageError(`--board takes a board id (a number), not "${b}".`);
    return id;
  });
  return {
    source:
      values.snapshot !== undefined ? { snapshotDir: values.snapshot } : { siteUrl: values.site as string },
    projects: (values.project ?? []).map((p) => p.toUpperCase()),
    boards,
    from: values.from,
    to: values.to,
    format,
    as: values.as,
  };
}

/** The analysis config; an invalid one throws a UsageError naming each bad setting. */
export function reportConfig(args: ReportArgs, defaultProjects: string[]): AnalysisConfig {
  const projects = args.projects.length > 0 || args.boards.length > 0 ? args.projects : defaultProjects;
  const parsed = AnalysisConfigSchema.safeParse({
    scope: { projects, boards: args.boards },
    window: args.from !== undefined ? { kind: 'dates', from: args.from, to: args.to } : { kind: 'all' },
  });
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('\n'),
    );
  }
  return parsed.data;
}
