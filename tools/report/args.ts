// Command-line arguments of `npm run report`, turned into a source and a validated analysis config. Settings come
// from --config FILE (the macro's own settings, AnalysisConfigSchema) with the scope and window flags over them.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
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
  /** Who opens the map (snapshots: an account of permissions.json; default the site admin). */
  as?: string;
  /** --config FILE: a JSON object of analysis settings. */
  configFile?: string;
}

/** Every option parseArgs accepts; HELP below must describe each (the Record type makes a missing one an error). */
export const REPORT_OPTIONS = {
  snapshot: { type: 'string' },
  site: { type: 'string' },
  project: { type: 'string', multiple: true },
  board: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string', default: 'text' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const OPTION_HELP: Record<keyof typeof REPORT_OPTIONS, [flag: string, text: string]> = {
  snapshot: ['--snapshot DIR', 'read a recorded snapshot folder, e.g. samples/acme'],
  site: [
    '--site URL',
    'read a live site, e.g. https://your-site.atlassian.net (needs JIRA_EMAIL, JIRA_API_TOKEN)',
  ],
  project: [
    '--project KEY',
    'a project to analyse; repeat for more (default: every project of the snapshot)',
  ],
  board: ['--board ID', 'a board to analyse; repeat for more'],
  from: ['--from YYYY-MM-DD', 'first day of the window, with --to (default: all activity)'],
  to: ['--to YYYY-MM-DD', 'last day of the window, with --from'],
  config: ['--config FILE', 'a JSON file with the settings the macro saves (see below)'],
  format: ['--format FORMAT', `${FORMATS.join(', ')} (default: text)`],
  as: [
    '--as ACCOUNT_ID',
    'who opens the map, over a snapshot with permissions.json (default: the site admin)',
  ],
  help: ['-h, --help', 'print this help and exit'],
};

export const USAGE = `Usage: npm run -s report -- (--snapshot DIR | --site URL) [--project KEY]... [--board ID]...
                           [--from YYYY-MM-DD --to YYYY-MM-DD] [--config FILE] [--format ${FORMATS.join('|')}]
                           [--as ACCOUNT_ID] [--help]`;

export const HELP = [
  'The ownership map, warnings and split advice of a snapshot or a live Jira Cloud site.',
  '',
  USAGE,
  '',
  'Options:',
  ...Object.values(OPTION_HELP).map(([flag, text]) => `  ${flag.padEnd(20)}${text}`),
  '',
  "--config FILE holds one JSON object with any of the macro's settings: scope, window, declared (pm, po, rows),",
  'acceptanceStatuses, showDeliveryPeople, thresholds, weights, e.g.',
  '  {"scope": {"projects": ["CHK"]}, "declared": {"pm": "acc-1"}, "thresholds": {"accountableShare": 0.4}}',
  "It is checked as the macro checks its settings. On the command line, --project/--board replace the file's",
  'scope and --from/--to replace its window; every other setting comes from the file. With no scope in either,',
  "a snapshot's projects are analysed.",
  '',
  'Exit codes: 0 report printed, 1 Jira or the analysis failed, 2 wrong arguments, settings or credentials.',
  "Use `npm run -s report` when redirecting or piping: -s keeps npm's own lines out of the output.",
].join('\n');

export class UsageError extends Error {}

/** `'help'` for -h/--help (whatever else was given); otherwise the checked arguments. */
export function parseReportArgs(argv: string[]): ReportArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: REPORT_OPTIONS, strict: true }));
  } catch (error) {
    // parseArgs' own words ("Unknown option '--x'") are clear; they only lack the pointer to --help.
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} See --help.`);
  }
  if (values.help === true) return 'help';
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
    configFile: values.config,
  };
}

/** The settings file as JSON, or a UsageError naming the file and what is wrong with it. */
export function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `--config ${file}: there is no such file; give the path of a JSON settings file.`
        : `--config ${file}: the file cannot be read (${code ?? String(error)}).`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config ${file}: this is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      `--config ${file}: the file must hold one JSON object of settings, like {"scope": {"projects": ["ABC"]}}.`,
    );
  }
  return value as Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Settings in `value` the schema does not know (e.g. a misspelt threshold), as dotted paths. The schema drops
 * them silently, as it does for the macro; a file is typed by hand, so the report names them instead.
 */
export function unknownSettings(schema: z.ZodType, value: unknown, path = ''): string[] {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return unknownSettings(schema.unwrap() as z.ZodType, value, path);
  }
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownSettings(schema.element as z.ZodType, item, `${path}${i}.`));
  }
  if (schema instanceof z.ZodObject && isRecord(value)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.entries(value).flatMap(([key, item]) => {
      const field = shape[key];
      return field === undefined ? [`${path}${key}`] : unknownSettings(field, item, `${path}${key}.`);
    });
  }
  return [];
}

export interface ReportConfig {
  config: AnalysisConfig;
  /** Settings of the file the analysis ignores, for a warning. */
  ignored: string[];
}

/**
 * The analysis config: the file's settings (if any) with --project/--board replacing its scope and --from/--to
 * its window, checked by the macro's schema. An invalid one throws a UsageError naming each bad setting, and the
 * file for the settings that came from it.
 */
export function reportConfig(
  args: ReportArgs,
  defaultProjects: string[],
  file: Record<string, unknown> = {},
): ReportConfig {
  const flagScope = args.projects.length > 0 || args.boards.length > 0;
  const flagWindow = args.from !== undefined;
  const input: Record<string, unknown> = {
    ...file,
    scope: flagScope
      ? { projects: args.projects, boards: args.boards }
      : 'scope' in file
        ? file.scope
        : { projects: defaultProjects, boards: [] },
    window: flagWindow
      ? { kind: 'dates', from: args.from, to: args.to }
      : 'window' in file
        ? file.window
        : { kind: 'all' },
  };
  const fromFile = (key: PropertyKey | undefined): boolean =>
    args.configFile !== undefined &&
    typeof key === 'string' &&
    key in file &&
    !(key === 'scope' && flagScope) &&
    !(key === 'window' && flagWindow);
  const parsed = AnalysisConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues
        .map((i) => {
          const where = `${i.path.join('.') || 'settings'}: ${i.message}`;
          return fromFile(i.path[0]) ? `--config ${args.configFile}: ${where}` : where;
        })
        .join('\n'),
    );
  }
  return { config: parsed.data, ignored: unknownSettings(AnalysisConfigSchema, file) };
}
