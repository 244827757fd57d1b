// `npm run report` arguments: --help, and --config FILE checked by the macro's own schema with the flags over it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  HELP,
  parseReportArgs,
  readConfigFile,
  REPORT_OPTIONS,
  reportConfig,
  UsageError,
  type ReportArgs,
} from '../../../tools/report/args';

const SNAPSHOT = ['--snapshot', 'samples/acme'];
const DEFAULT_PROJECTS = ['CHK', 'PAY', 'SRCH'];

function args(...argv: string[]): ReportArgs {
  const parsed = parseReportArgs(argv);
  if (parsed === 'help') throw new Error('unexpected --help');
  return parsed;
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('--help', () => {
  test('-h and --help ask for help, whatever else is (or is not) given', () => {
    expect(parseReportArgs(['--help'])).toBe('help');
    expect(parseReportArgs(['-h'])).toBe('help');
    expect(parseReportArgs([...SNAPSHOT, '--format', 'csv', '-h'])).toBe('help');
  });

  test('the help names every option the parser accepts', () => {
    const names = Object.keys(REPORT_OPTIONS);
    expect(names).toHaveLength(10);
    for (const name of names) expect(HELP).toContain(`--${name}`);
    expect(HELP).toContain('-h, --help');
  });

  test('an unknown option points to --help', () => {
    expect(() => parseReportArgs(['--bogus'])).toThrow(/Unknown option '--bogus'.*See --help\./);
  });
});

describe('--config FILE', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'report-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  test('every setting of the file applies, the macro schema filling in the rest', () => {
    const file = {
      scope: { projects: ['CHK'], boards: [1] },
      window: { kind: 'dates', from: '2026-01-01', to: '2026-02-01' },
      declared: {
        pm: 'acc-pm',
        rows: [{ label: 'Pricing', people: [{ accountId: 'acc-pm', letter: 'A' }] }],
      },
      showDeliveryPeople: true,
      thresholds: { accountableShare: 0.4 },
      weights: { rank: 1 },
    };
    const { config, ignored } = reportConfig(args(...SNAPSHOT, '--config', 'x.json'), DEFAULT_PROJECTS, file);
    expect(config.scope).toEqual({ projects: ['CHK'], boards: [1] });
    expect(config.window).toEqual({ kind: 'dates', from: '2026-01-01', to: '2026-02-01' });
    expect(config.declared.pm).toBe('acc-pm');
    expect(config.declared.rows[0]).toMatchObject({ label: 'Pricing', layer: 'strategic' });
    expect(config.showDeliveryPeople).toBe(true);
    expect(config.thresholds.accountableShare).toBe(0.4);
    expect(config.thresholds.responsibleShare).toBe(0.15);
    expect(config.weights).toMatchObject({ rank: 1, createEpic: 3 });
    expect(ignored).toEqual([]);
  });

  test('--project/--board replace the file scope and --from/--to its window; the rest stays the file', () => {
    const file = {
      scope: { projects: ['CHK'], boards: [1] },
      window: { kind: 'all' },
      thresholds: { accountableShare: 0.4 },
    };
    const a = args(
      ...SNAPSHOT,
      '--config',
      'x.json',
      '--board',
      '2',
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-01',
    );
    const { config } = reportConfig(a, DEFAULT_PROJECTS, file);
    expect(config.scope).toEqual({ projects: [], boards: [2] });
    expect(config.window).toEqual({ kind: 'dates', from: '2026-01-01', to: '2026-03-01' });
    expect(config.thresholds.accountableShare).toBe(0.4);
  });

  test("without a scope in the file or the flags, a snapshot's projects are analysed", () => {
    const { config } = reportConfig(args(...SNAPSHOT), DEFAULT_PROJECTS, { thresholds: {} });
    expect(config.scope).toEqual({ projects: DEFAULT_PROJECTS, boards: [] });
    expect(config.window).toEqual({ kind: 'all' });
  });

  test('a bad setting of the file is named with the file and its path, and is a UsageError', () => {
    const a = args(...SNAPSHOT, '--config', 'x.json');
    const error = thrown(() =>
      reportConfig(a, DEFAULT_PROJECTS, {
        thresholds: { accountableShare: 1.5 },
        declared: { rows: [{ label: '', people: [] }] },
      }),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message.split('\n').sort()).toEqual(
      [
        '--config x.json: thresholds.accountableShare: Accountable share must be a number between 0 and 1.',
        '--config x.json: declared.rows.0.label: Name the responsibility.',
      ].sort(),
    );
  });

  test('a bad flag is not blamed on the file', () => {
    const a = args(...SNAPSHOT, '--config', 'x.json', '--project', 'no-key!');
    const error = thrown(() => reportConfig(a, DEFAULT_PROJECTS, { scope: { projects: ['CHK'] } }));
    expect(error.message).toBe('scope.projects.0: Project keys look like ABC.');
  });

  test('settings the analysis does not know are listed, nested ones too, and change nothing', () => {
    const { config, ignored } = reportConfig(args(...SNAPSHOT), DEFAULT_PROJECTS, {
      threshold: { accountableShare: 0.9 },
      thresholds: { acountableShare: 0.9 },
      declared: { rows: [{ label: 'Pricing', people: [], owner: 'x' }] },
    });
    expect(ignored).toEqual(['threshold', 'thresholds.acountableShare', 'declared.rows.0.owner']);
    expect(config.thresholds.accountableShare).toBe(0.35);
  });

  test('reads a JSON object; a missing file, bad JSON or a non-object say what is wrong with which file', () => {
    expect(readConfigFile(write('ok.json', '{"scope": {"projects": ["CHK"]}}'))).toEqual({
      scope: { projects: ['CHK'] },
    });
    const missing = path.join(dir, 'missing.json');
    expect(() => readConfigFile(missing)).toThrow(`--config ${missing}: there is no such file`);
    const bad = write('bad.json', '{"scope": ');
    expect(() => readConfigFile(bad)).toThrow(new RegExp(`^--config ${bad}: this is not valid JSON`));
    const list = write('list.json', '[1]');
    expect(() => readConfigFile(list)).toThrow(`--config ${list}: the file must hold one JSON object`);
    expect(thrown(() => readConfigFile(list))).toBeInstanceOf(UsageError);
  });
});
