// The offline Forge check: manifest.yml as @forge/manifest validates it, and the code in src/ as @forge/lint checks
// it (product calls against the manifest's scopes, handlers, ...), with the Jira OpenAPI specs kept in
// schemas/openapi/ instead of the copies `forge lint` downloads, and without a login or any network access.
import fs from 'node:fs';
import path from 'node:path';
import { lint, parseSourceFile, type LintConfig, type LintResult, type LintResultRule } from '@forge/lint';
import {
  MANIFEST_FILE,
  ProcessorBuilder,
  ValidationTypes,
  type LintOptions,
  type ManifestSchema,
  type ValidationError,
} from '@forge/manifest';
import { inAppDir } from './app-dir';
import { withRouteCalls } from './route-calls';

/** 'manifest': manifest.yml itself. 'scopes': the code in src/ checked against the manifest (scopes, handlers). */
export type ForgeLintSource = 'manifest' | 'scopes';

export interface ForgeLintProblem {
  source: ForgeLintSource;
  severity: 'error' | 'warning';
  /** Relative to the app folder with forward slashes ('manifest.yml', 'src/jira/search.ts'); '' if unknown. */
  file: string;
  /** 1-based; 0 when the tool gave no position. */
  line: number;
  /** 1-based; 0 when the tool gave no position. */
  column: number;
  message: string;
}

export interface ForgeLintReport {
  /** Sorted: manifest problems first, then by file, line, column. */
  problems: ForgeLintProblem[];
  /** The source files @forge/lint actually parsed (relative paths), so "checked nothing" is visible. */
  scannedFiles: string[];
  /** Resource paths of the manifest that do not exist (static/*\/dist before `npm run build`). */
  missingResourcePaths: string[];
}

export interface ForgeLintOptions {
  /** The folder holding manifest.yml, src/ and (optionally) tsconfig.json. */
  appDir: string;
  /** Where the OpenAPI specs are; defaults to this repository's schemas/openapi. */
  specsDir?: string;
}

export const DEFAULT_SPECS_DIR = path.resolve(__dirname, '../../schemas/openapi');

// @forge/manifest's processors are cached by validation type + options; using the options the linters build from
// the statsig answer below lets @forge/lint's own full-manifest linter reuse our processor (saves ~1.5 s).
const OFFLINE_LINT_OPTIONS: LintOptions = { deprecatedRuntimes: [] };

type StatsigService = Parameters<typeof lint>[4];

// The real StatsigService asks Atlassian's feature-flag service. @forge/lint 6.3 calls only getDeprecatedRuntimes
// (abstract-manifest-linter.js); anything else a later version asks for fails loudly instead of going online.
const offlineStatsig = new Proxy(
  { getDeprecatedRuntimes: async (): Promise<string[]> => OFFLINE_LINT_OPTIONS.deprecatedRuntimes ?? [] },
  {
    get(target, property) {
      if (property === 'getDeprecatedRuntimes') return target.getDeprecatedRuntimes;
      if (property === 'then') return undefined; // not a thenable
      return () => {
        throw new Error(
          `@forge/lint asked statsig for ${String(property)}, which the offline check cannot answer`,
        );
      };
    },
  },
) as unknown as StatsigService;

const SOURCE_FILE = /\.(c|m)?[jt]sx?$/;

/** Validates <appDir>/manifest.yml and lints <appDir>/src against it, offline. */
export function runForgeLint(opts: ForgeLintOptions): Promise<ForgeLintReport> {
  const appDir = path.resolve(opts.appDir);
  const env = specEnvironment(opts.specsDir ?? DEFAULT_SPECS_DIR);
  return inAppDir(appDir, env, () => checkApp(appDir));
}

/** The six spec variables @forge/lint reads when its permission linter boots; it uses local files only if all are set. */
export function specEnvironment(specsDir: string): Record<string, string> {
  const jira = path.join(specsDir, 'jira-platform-swagger-v3.v3.json');
  const jiraSoftware = path.join(specsDir, 'jira-software-swagger.v3.json');
  const unused = path.join(specsDir, 'empty-swagger.json');
  for (const file of [jira, jiraSoftware, unused]) {
    if (!fs.existsSync(file)) throw new Error(`OpenAPI spec missing: ${file}`);
  }
  return {
    USE_LOCAL_SWAGGER: 'true',
    LOCAL_JIRA_SWAGGER: jira,
    LOCAL_JSW_SWAGGER: jiraSoftware,
    // The app never calls Jira Service Management, Confluence or Bitbucket REST APIs.
    LOCAL_JSM_SWAGGER: unused,
    LOCAL_CONF_SWAGGER: unused,
    LOCAL_CONF_V2_SWAGGER: unused,
    LOCAL_BB_SWAGGER: unused,
  };
}

async function checkApp(appDir: string): Promise<ForgeLintReport> {
  const problems: ForgeLintProblem[] = [];
  const validation = await ProcessorBuilder.instance()
    .withValidation(ValidationTypes.FULL)
    .withOptions(OFFLINE_LINT_OPTIONS)
    .build()
    .process(path.join(appDir, MANIFEST_FILE));
  problems.push(...(validation.errors ?? []).map(fromManifestError));

  // lint() wants the parsed YAML; the wrapper object would make every scope look missing.
  const manifest: ManifestSchema | undefined = validation.manifestObject?.yamlContent;
  if (!manifest) {
    problems.push(codeProblem('', 0, 0, 'src/ was not checked: manifest.yml could not be read'));
    return finish(problems, [], []);
  }

  const files = listSourceFiles(appDir);
  const scannedFiles: string[] = [];
  const logged: string[] = [];
  const config: LintConfig = {
    linter: { mode: 'client-side' },
    // lint() silently skips .ts files tsconfig.json does not include; recording what it parses makes that visible.
    parseFunction: async (filepath, parser, readFile) => {
      scannedFiles.push(filepath);
      return withRouteCalls(await parseSourceFile(filepath, parser, readFile));
    },
  };
  // A linter that throws is only logged ("Could not perform some linting actions ..."), so log lines are problems.
  const logger = { info: (message: string) => void logged.push(message) };
  try {
    const results = await lint(files, manifest, 'development', logger, offlineStatsig, config);
    problems.push(...results.flatMap((result) => fromLintResult(result, appDir)));
    for (const file of files.filter((f) => !scannedFiles.includes(f))) {
      problems.push(codeProblem(file, 0, 0, 'not checked: tsconfig.json "include" does not cover this file'));
    }
  } catch (error) {
    problems.push(fromCompileError(error, appDir));
  }
  problems.push(...logged.map((message) => codeProblem('', 0, 0, stripColours(message).trim())));
  return finish(problems, scannedFiles, missingResources(appDir, manifest));
}

/** src/**, relative to appDir with forward slashes, as `forge lint` would pass them. */
function listSourceFiles(appDir: string): string[] {
  const srcDir = path.join(appDir, 'src');
  if (!fs.existsSync(srcDir)) return [];
  return fs
    .readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => SOURCE_FILE.test(rel) && !rel.endsWith('.d.ts'))
    .filter((rel) => fs.statSync(path.join(srcDir, rel)).isFile())
    .map((rel) => `src/${rel.split(path.sep).join('/')}`)
    .sort();
}

function missingResources(appDir: string, manifest: ManifestSchema): string[] {
  return (manifest.resources ?? [])
    .map((resource) => resource.path)
    .filter((resourcePath) => !fs.existsSync(path.resolve(appDir, resourcePath)));
}

function fromManifestError(error: ValidationError): ForgeLintProblem {
  return {
    source: 'manifest',
    severity: error.level,
    file: MANIFEST_FILE,
    ...position(error.line ?? 0, error.column ?? 0),
    message: error.message,
  };
}

function fromLintResult(result: LintResult, appDir: string): ForgeLintProblem[] {
  const file = relativeFile(result.file, appDir);
  const source: ForgeLintSource = file === MANIFEST_FILE ? 'manifest' : 'scopes';
  const toProblem =
    (severity: ForgeLintProblem['severity']) =>
    (rule: LintResultRule): ForgeLintProblem => ({
      source,
      severity,
      file,
      ...position(rule.line, rule.column),
      message: rule.message,
    });
  // Approvals (server-side rules) make `forge lint` fail too.
  return [
    ...result.errors.map(toProblem('error')),
    ...result.approvals.map(toProblem('error')),
    ...result.warnings.map(toProblem('warning')),
  ];
}

// lint() rethrows parse failures as ApplicationCompileError: "<message>\nin <file>\nat index N\nat line L, column C".
function fromCompileError(error: unknown, appDir: string): ForgeLintProblem {
  const text = error instanceof Error ? error.message : String(error);
  const file = /^in (.+)$/m.exec(text)?.[1];
  const at = /^at line (\d+), column (\d+)$/m.exec(text);
  const line = Number(at?.[1] ?? 0);
  const column = Number(at?.[2] ?? 0);
  const message = `cannot parse: ${text.split('\n')[0] ?? text}`;
  return codeProblem(file ? relativeFile(file, appDir) : '', line, column, message);
}

function codeProblem(file: string, line: number, column: number, message: string): ForgeLintProblem {
  return { source: 'scopes', severity: 'error', file, ...position(line, column), message };
}

// Both tools give 1-based lines and 0-based columns (string index / ESTree loc); editors want 1-based columns.
function position(line: number, column: number): { line: number; column: number } {
  return line > 0 ? { line, column: column + 1 } : { line: 0, column: 0 };
}

function relativeFile(file: string, appDir: string): string {
  const relative = path.isAbsolute(file) ? path.relative(appDir, file) : path.normalize(file);
  return relative.split(path.sep).join('/');
}

function stripColours(text: string): string {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes from chalk in @forge/cli-shared's messages
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

// @forge/lint's full-manifest linter reports what validate() already reported; keep one of each.
function finish(
  problems: ForgeLintProblem[],
  scannedFiles: string[],
  missingResourcePaths: string[],
): ForgeLintReport {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = [p.file, p.line, p.column, p.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sourceOrder: Record<ForgeLintSource, number> = { manifest: 0, scopes: 1 };
  unique.sort(
    (a, b) =>
      sourceOrder[a.source] - sourceOrder[b.source] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column,
  );
  return { problems: unique, scannedFiles: [...scannedFiles].sort(), missingResourcePaths };
}
