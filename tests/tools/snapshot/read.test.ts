// The snapshot reader: real samples read whole; bad files are reported by file and line in plain words.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readSnapshot, snapshotToSiteData, SnapshotError } from '../../../tools/snapshot/read';
import {
  goraParts,
  removeTempSnapshots,
  SAMPLE_NAMES,
  sampleDir,
  sampleIssues,
  syntheticIssues,
  writeTempSnapshot,
} from './temp-snapshot';

afterAll(removeTempSnapshots);

describe('readSnapshot on the real Apache samples', () => {
  it.each(SAMPLE_NAMES)('reads every issue and history of %s', async (name) => {
    const raw = await sampleIssues(name);
    const snapshot = await readSnapshot(sampleDir(name));
    expect(snapshot.issues.map((i) => i.key)).toEqual(raw.map((i) => i.key));
    const histories = (issues: { changelog?: { histories: unknown[] } }[]) =>
      issues.reduce((n, i) => n + (i.changelog?.histories.length ?? 0), 0);
    expect(histories(snapshot.issues)).toBe(histories(raw));
    expect(histories(snapshot.issues)).toBeGreaterThan(100);
    // Real samples have sprints.json {} and boards.json [].
    expect(snapshot.boards).toEqual([]);
    expect(snapshot.sprints).toEqual({});
    expect(snapshot.permissions).toBeUndefined();
    expect(snapshot.fields.length).toBe(211);
    expect(snapshot.site.baseUrl).toBe('https://issues.apache.org/jira');
  });

  it('keeps Server-era histories without accountId or fieldId', async () => {
    const snapshot = await readSnapshot(sampleDir('apache-GORA'));
    const items = snapshot.issues.flatMap((i) => i.changelog?.histories ?? []).flatMap((h) => h.items);
    expect(items.length).toBeGreaterThan(154);
    expect(items.every((item) => item.fieldId === undefined)).toBe(true);
  });
});

describe('readSnapshot errors name the file and line', () => {
  it('reports a malformed ndjson line with its line number', async () => {
    const parts = await goraParts();
    const lines = parts.issues.map((i) => JSON.stringify(i));
    lines[6] = '{"id": "1", "key": "GORA-1", "fields": {'; // line 7 is cut short
    const dir = await writeTempSnapshot({ ...parts, issues: lines.join('\n') + '\n' });
    const error = await readSnapshot(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnapshotError);
    const snapshotError = error as SnapshotError;
    expect(snapshotError.line).toBe(7);
    expect(snapshotError.file).toBe(path.join(dir, 'issues.ndjson'));
    expect(snapshotError.message).toContain('issues.ndjson line 7: not valid JSON');
  });

  it('reports an issue that does not have the Jira shape, with the field path', async () => {
    const parts = await goraParts();
    const broken = structuredClone(parts.issues[2]) as Record<string, unknown> & {
      fields: Record<string, unknown>;
    };
    delete broken.fields.status;
    parts.issues[2] = broken as (typeof parts.issues)[number];
    const dir = await writeTempSnapshot(parts);
    await expect(readSnapshot(dir)).rejects.toThrow(
      /issues\.ndjson line 3 \(GORA-75\): not a Jira issue: fields\.status/,
    );
  });

  it('reports a duplicate issue with both lines', async () => {
    const parts = await goraParts();
    const dir = await writeTempSnapshot({ ...parts, issues: [...parts.issues, parts.issues[0]] });
    await expect(readSnapshot(dir)).rejects.toThrow(
      /line 20: issue GORA-73 \(id 12537202\) is already on line 1/,
    );
  });

  it('skips blank lines but counts them in line numbers', async () => {
    const parts = await goraParts();
    const text = ['', JSON.stringify(parts.issues[0]), '', 'not json'].join('\n');
    const dir = await writeTempSnapshot({ ...parts, issues: text });
    await expect(readSnapshot(dir)).rejects.toThrow(/issues\.ndjson line 4: not valid JSON/);
  });

  it('names a missing or malformed JSON file', async () => {
    const parts = await goraParts();
    const dir = await writeTempSnapshot({ ...parts, site: { recordedAt: 'x', projects: [] } });
    await expect(readSnapshot(dir)).rejects.toThrow(/site\.json: does not look like site\.json .*baseUrl/);
    const noBoards = await writeTempSnapshot({ ...parts, boards: undefined, sprints: undefined });
    const read = await readSnapshot(noBoards);
    expect(read.boards).toEqual([]);
    expect(read.sprints).toEqual({});
    const badPermissions = await writeTempSnapshot({
      ...parts,
      permissions: { accounts: { a: { projects: 'GORA' } } },
    });
    await expect(readSnapshot(badPermissions)).rejects.toThrow(/permissions\.json: .*accounts\.a\.projects/);
  });

  it('reads a 3000-issue, 60,000-history issues file (over 10 MB) completely', async () => {
    const parts = await goraParts();
    const template = parts.issues[0] as (typeof parts.issues)[number];
    const issues = syntheticIssues(template, 'BIG', 3000, { historiesEach: 20 });
    const dir = await writeTempSnapshot({ ...parts, issues });
    const size = (await readFile(path.join(dir, 'issues.ndjson'))).length;
    const snapshot = await readSnapshot(dir);
    expect(snapshot.issues).toHaveLength(3000);
    expect(snapshot.issues.reduce((n, i) => n + (i.changelog?.histories.length ?? 0), 0)).toBe(60000);
    expect(size).toBeGreaterThan(10_000_000);
  });
});

describe('snapshotToSiteData', () => {
  it('hands over every issue, field and status, with no gaps', async () => {
    const snapshot = await readSnapshot(sampleDir('apache-TEZ'));
    const site = snapshotToSiteData(snapshot);
    expect(site.baseUrl).toBe('https://issues.apache.org/jira');
    expect(site.issues).toHaveLength(snapshot.issues.length);
    expect(site.fields).toBe(snapshot.fields);
    expect(site.statuses).toBe(snapshot.statuses);
    expect(site.gaps).toEqual([]);
  });

  it("applies permissions.json for an account: hidden projects' issues and boards go, and become gaps", async () => {
    const parts = await goraParts();
    const tez = await sampleIssues('apache-TEZ');
    const dir = await writeTempSnapshot({
      ...parts,
      site: { ...(parts.site as object), projects: ['GORA', 'TEZ'] },
      issues: [...parts.issues, ...tez],
      boards: [
        { id: 1, name: 'GORA board', type: 'scrum', location: { projectKey: 'GORA' } },
        { id: 2, name: 'TEZ board', type: 'scrum', location: { projectKey: 'TEZ' } },
      ],
      sprints: {
        '1': [{ id: 11, name: 'G1', state: 'closed' }],
        '2': [{ id: 21, name: 'T1', state: 'active' }],
      },
      permissions: { accounts: { alice: { displayName: 'Alice', projects: ['GORA'] } } },
    });
    const snapshot = await readSnapshot(dir);
    const asAlice = snapshotToSiteData(snapshot, { accountId: 'alice' });
    expect(asAlice.issues).toHaveLength(parts.issues.length);
    expect(asAlice.boards.map((b) => b.id)).toEqual([1]);
    expect(Object.keys(asAlice.sprints)).toEqual(['1']);
    expect(asAlice.gaps).toEqual([
      { kind: 'no-access', message: 'You cannot browse project TEZ.', project: 'TEZ' },
    ]);
    const asStranger = snapshotToSiteData(snapshot, { accountId: 'nobody' });
    expect(asStranger.issues).toHaveLength(0);
    expect(asStranger.gaps.map((g) => g.project)).toEqual(['GORA', 'TEZ']);
    const asAdmin = snapshotToSiteData(snapshot);
    expect(asAdmin.issues).toHaveLength(parts.issues.length + tez.length);
  });
});
