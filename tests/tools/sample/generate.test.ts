// The benchmark generator: deterministic for a seed, honours its size options, streams issues one by one.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IssueSchema, type JiraIssue } from '../../../src/jira/schemas';
import { generateSite } from '../../../tools/sample/generate';
import { writeSnapshot } from '../../../tools/sample/write-snapshot';

const ndjson = (issues: Iterable<JiraIssue>) => [...issues].map((i) => JSON.stringify(i)).join('\n');

describe('generateSite', () => {
  test('the same options give the same site, every time it is iterated', () => {
    const opts = { seed: 7, issues: 400, boards: 4, sprintsPerBoard: 6 };
    const a = generateSite(opts);
    const first = ndjson(a.issues());
    expect(ndjson(a.issues())).toBe(first);
    expect(ndjson(generateSite(opts).issues())).toBe(first);
    expect(JSON.stringify(generateSite(opts).sprints)).toBe(JSON.stringify(a.sprints));
  });

  test('another seed gives another site', () => {
    const a = ndjson(generateSite({ seed: 1, issues: 200, boards: 2, sprintsPerBoard: 4 }).issues());
    const b = ndjson(generateSite({ seed: 2, issues: 200, boards: 2, sprintsPerBoard: 4 }).issues());
    expect(a).not.toBe(b);
  });

  test('boards, sprints per board and the issue count follow the options', () => {
    const site = generateSite({ seed: 3, issues: 1200, boards: 5, sprintsPerBoard: 8 });
    expect(site.boards.map((b) => b.id)).toEqual([1, 2, 3, 4, 5]);
    const sprints = Object.values(site.sprints);
    expect(sprints).toHaveLength(5);
    for (const list of sprints) {
      expect(list).toHaveLength(8);
      expect(list.map((s) => s.state)).toEqual([...Array(7).fill('closed'), 'active']);
    }
    expect(new Set(sprints.flat().map((s) => s.id)).size).toBe(40);
    const issues = [...site.issues()];
    expect(issues.length).toBe(site.issueCount);
    expect(issues.length).toBeGreaterThanOrEqual(1150);
    expect(issues.length).toBeLessThanOrEqual(1300);
    expect(new Set(issues.map((i) => i.key)).size).toBe(issues.length);
    for (const issue of issues) IssueSchema.parse(issue);
  });

  test('historiesPerIssue pads every issue up to the asked number of histories', () => {
    const issues = [
      ...generateSite({
        seed: 5,
        issues: 300,
        boards: 3,
        sprintsPerBoard: 6,
        historiesPerIssue: 25,
      }).issues(),
    ];
    const counts = issues.map((i) => i.changelog?.histories.length ?? 0);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(25);
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeLessThan(27);
    for (const issue of issues) {
      const times = (issue.changelog?.histories ?? []).map((h) => Date.parse(h.created));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });
});

describe('writeSnapshot', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('writes the snapshot layout and streams one issue per line, counting histories and bytes', async () => {
    const site = generateSite({
      seed: 11,
      issues: 2000,
      boards: 4,
      sprintsPerBoard: 6,
      historiesPerIssue: 10,
    });
    const stats = await writeSnapshot(dir, site);
    expect((await readdir(dir)).sort()).toEqual(
      ['boards.json', 'fields.json', 'issues.ndjson', 'site.json', 'sprints.json', 'statuses.json'].sort(),
    );
    const text = await readFile(path.join(dir, 'issues.ndjson'), 'utf8');
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(stats.issues);
    expect(stats.issues).toBe(site.issueCount);
    expect(Buffer.byteLength(text)).toBe(stats.issueBytes);
    const histories = lines.reduce((n, l) => n + (JSON.parse(l) as JiraIssue).changelog!.histories.length, 0);
    expect(histories).toBe(stats.histories);
    expect(stats.histories).toBeGreaterThanOrEqual(stats.issues * 10);
  });
});

describe('generator sources', () => {
  test('never read the clock or Math.random: a seed decides everything', async () => {
    const folder = path.resolve(__dirname, '../../../tools/sample');
    const offenders: string[] = [];
    for (const file of await readdir(folder)) {
      // Code only: comments may name what the code must not do.
      const text = (await readFile(path.join(folder, file), 'utf8')).replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
      if (/Date\.now\(|Math\.random\(|new Date\(\)/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
