// Contract: every Jira response the client reads is declared by Atlassian's OpenAPI specs the way our zod schemas
// read it (each property we declare exists there with a compatible type), the specs' examples parse, and so do the
// recorded snapshot bodies. Also: the client calls no endpoint this table does not cover.
import { REAL_SAMPLES_DIR } from '../support/real-samples';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SiteInfoSchema } from '../../src/jira/site';
import { UserListSchema } from '../../src/jira/users';
import {
  BoardPageSchema,
  BoardSchema,
  BulkChangelogResponseSchema,
  BulkPermissionGrantsSchema,
  ChangelogPageSchema,
  FieldListSchema,
  IssueSchema,
  MyPermissionsSchema,
  ProjectPageSchema,
  SearchJqlResponseSchema,
  SprintPageSchema,
  SprintSchema,
  StatusListSchema,
} from '../../src/jira/schemas';
import { compareToSpec, componentSchema, loadSpec, okResponse, type SpecName } from './helpers/openapi';

const PLATFORM: SpecName = 'jira-platform-swagger-v3.v3.json';
const AGILE: SpecName = 'jira-software-swagger.v3.json';

/**
 * Examples answer requests for other fields than ours (no issuetype/status/created, `updated` as a number): for
 * them only the envelope and each issue's id/key are parsed; the fields we read are checked on recorded samples.
 */
const ExampleIssueSchema = IssueSchema.extend({ fields: z.looseObject({}) });

interface Contract {
  spec: SpecName;
  method: 'get' | 'post';
  path: string;
  zod: z.ZodType;
  /** The schema the spec's example is parsed with, when not `zod` itself. */
  exampleZod?: z.ZodType;
  /** Where the spec's schema leaves an object free-form (our properties there are checked against samples). */
  unchecked?: string[];
}

const CONTRACTS: Contract[] = [
  {
    spec: PLATFORM,
    method: 'post',
    path: '/rest/api/3/search/jql',
    zod: SearchJqlResponseSchema,
    exampleZod: SearchJqlResponseSchema.extend({ issues: z.array(ExampleIssueSchema) }),
    unchecked: ['issues[].fields'],
  },
  {
    spec: PLATFORM,
    method: 'post',
    path: '/rest/api/3/changelog/bulkfetch',
    zod: BulkChangelogResponseSchema,
  },
  {
    spec: PLATFORM,
    method: 'get',
    path: '/rest/api/3/issue/{issueIdOrKey}/changelog',
    zod: ChangelogPageSchema,
  },
  { spec: PLATFORM, method: 'get', path: '/rest/api/3/field', zod: FieldListSchema },
  { spec: PLATFORM, method: 'get', path: '/rest/api/3/status', zod: StatusListSchema },
  { spec: PLATFORM, method: 'get', path: '/rest/api/3/mypermissions', zod: MyPermissionsSchema },
  { spec: PLATFORM, method: 'post', path: '/rest/api/3/permissions/check', zod: BulkPermissionGrantsSchema },
  { spec: PLATFORM, method: 'get', path: '/rest/api/3/project/search', zod: ProjectPageSchema },
  { spec: PLATFORM, method: 'get', path: '/rest/api/3/user/search', zod: UserListSchema },
  { spec: AGILE, method: 'get', path: '/rest/agile/1.0/board', zod: BoardPageSchema },
];

/** Agile endpoints whose 200 response has only an example in the spec: the example must parse with our schema. */
const EXAMPLE_ONLY: { path: string; zod: z.ZodType }[] = [
  { path: '/rest/agile/1.0/board/{boardId}/sprint', zod: SprintPageSchema },
  // The spec's example for a sprint's issues is one issue, not the page: it is parsed as an issue.
  { path: '/rest/agile/1.0/sprint/{sprintId}/issue', zod: ExampleIssueSchema },
];

describe.each(CONTRACTS)(
  '$method $path',
  ({ spec: specName, method, path, zod, exampleZod, unchecked = [] }) => {
    const spec = loadSpec(specName);
    const response = okResponse(spec, method, path);

    test('every property our schema reads is declared by the spec with a compatible type', () => {
      if (response.schema === undefined) throw new Error('no response schema');
      const comparison = compareToSpec(spec, zod, response.schema);
      expect(comparison.problems).toEqual([]);
      expect(comparison.unchecked).toEqual(unchecked);
    });

    test("the spec's example parses with our schema", () => {
      if (response.example === undefined) throw new Error('no example');
      const parsed = (exampleZod ?? zod).safeParse(JSON.parse(response.example));
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    });
  },
);

describe('agile sprint endpoints (example only in the spec)', () => {
  const spec = loadSpec(AGILE);

  test.each(EXAMPLE_ONLY)('the example of GET $path parses with our schema', ({ path, zod }) => {
    const example = okResponse(spec, 'get', path).example;
    if (example === undefined) throw new Error('no example');
    const parsed = zod.safeParse(JSON.parse(example));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  test('our sprint schema matches the SprintBean component', () => {
    expect(compareToSpec(spec, SprintSchema, componentSchema(spec, 'SprintBean')).problems).toEqual([]);
  });
});

test('the check itself catches a misspelt property and a wrong type', () => {
  const spec = loadSpec(PLATFORM);
  const wrong = z.looseObject({
    id: z.number(),
    nmae: z.string(),
    statusCategory: z.looseObject({ key: z.boolean() }),
  });
  expect(compareToSpec(spec, wrong, componentSchema(spec, 'StatusDetails')).problems).toEqual([
    'id: zod number, spec string (expected integer or number)',
    '(root).nmae: not declared in the spec',
    'statusCategory.key: zod boolean, spec string (expected boolean)',
  ]);
});

describe('the client calls only endpoints covered here', () => {
  test('every route`...` in src/jira names an endpoint of the contract table', () => {
    const dir = join(__dirname, '..', '..', 'src', 'jira');
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const match of text.matchAll(/route`([^`?]+)/g))
        used.add((match[1] ?? '').replace(/\$\{[^}]+\}/g, '{}'));
    }
    const covered = new Set(
      [...CONTRACTS.map((c) => c.path), ...EXAMPLE_ONLY.map((e) => e.path)].map((p) =>
        p.replace(/\{[^}]+\}/g, '{}'),
      ),
    );
    expect([...used].filter((path) => !covered.has(path))).toEqual([]);
    expect(used.size).toBeGreaterThanOrEqual(9);
  });
});

/** Recorded snapshots: the real Apache samples, and the bundled sample site once it exists. */
function snapshotDirs(): string[] {
  const dirs: string[] = [];
  const real = REAL_SAMPLES_DIR;
  for (const name of readdirSync(real))
    if (existsSync(join(real, name, 'site.json'))) dirs.push(join(real, name));
  const acme = join(__dirname, '..', '..', 'samples', 'acme');
  if (existsSync(join(acme, 'site.json'))) dirs.push(acme);
  return dirs;
}

describe.each(snapshotDirs())('recorded bodies in %s', (dir) => {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

  test('site, fields, statuses, boards and sprints parse', () => {
    expect(SiteInfoSchema.safeParse(read('site.json')).success).toBe(true);
    expect(FieldListSchema.safeParse(read('fields.json')).error?.issues).toBeUndefined();
    expect(StatusListSchema.safeParse(read('statuses.json')).error?.issues).toBeUndefined();
    expect(BoardSchema.array().safeParse(read('boards.json')).error?.issues).toBeUndefined();
    const sprints = read('sprints.json') as Record<string, unknown>;
    for (const list of Object.values(sprints))
      expect(SprintSchema.array().safeParse(list).error?.issues).toBeUndefined();
  });

  test('every issue parses, with its histories', () => {
    const lines = readFileSync(join(dir, 'issues.ndjson'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const failures = lines
      .map((line, index) => ({ index, result: IssueSchema.safeParse(JSON.parse(line)) }))
      .filter(({ result }) => !result.success)
      .map(({ index, result }) => `line ${index + 1}: ${result.error?.issues[0]?.path.join('.')}`);
    expect(failures).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
  });
});
