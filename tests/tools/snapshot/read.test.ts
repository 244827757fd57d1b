// The snapshot reader: real samples read whole; bad files are reported by file and line in plain words.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  readSnapshot,
  SITE_ADMIN_ACCOUNT_ID,
  snapshotToSiteData,
  SnapshotError,
} from '../../../tools/snapshot/read';
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
    const dir = await writeTempSnapshot({
      ...parts,
      site: { recordedAt: '2025-01-01T00:00:00Z', projects: [] },
    });
    await expect(readSnapshot(dir)).rejects.toThrow(/site\.json: baseUrl: .*The file should hold site\.json/);
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

  it.each([
    [
      'site.json',
      { recordedAt: 'yesterday' },
      'site.json: recordedAt: not an ISO date-time such as 2025-03-01T12:00:00.000Z',
    ],
    ['site.json', { recordedAt: '2025-02-30T00:00:00Z' }, 'site.json: recordedAt: not an ISO date-time'],
    ['site.json', { baseUrl: 'issues.apache.org' }, 'site.json: baseUrl: not an http(s) address'],
    ['site.json', { projects: [{ name: 'No key' }] }, 'site.json: projects[0]'],
  ])('names the file and the field of a malformed %s: %j', async (_file, change, message) => {
    const parts = await goraParts();
    const dir = await writeTempSnapshot({ ...parts, site: { ...(parts.site as object), ...change } });
    const error = (await readSnapshot(dir).catch((e: unknown) => e)) as SnapshotError;
    expect(error).toBeInstanceOf(SnapshotError);
    expect(error.file).toBe(path.join(dir, 'site.json'));
    expect(error.message).toContain(path.join(dir, message));
    expect(error.message).toContain('correct it, or record the snapshot again');
  });

  it('names the file and the field of malformed fields, statuses, boards, sprints and permissions', async () => {
    const parts = await goraParts();
    const fields = structuredClone(parts.fields) as Record<string, unknown>[];
    delete fields[3]?.name;
    const statuses = structuredClone(parts.statuses) as Record<string, unknown>[];
    (statuses[1] as { statusCategory: unknown }).statusCategory = 'done';
    const cases: [Partial<Parameters<typeof writeTempSnapshot>[0]>, string, RegExp][] = [
      [{ fields }, 'fields.json', /fields\.json: \[3\]\.name: /],
      [{ statuses }, 'statuses.json', /statuses\.json: \[1\]\.statusCategory: /],
      [{ boards: [{ id: '7', name: 'Board' }] }, 'boards.json', /boards\.json: \[0\]\.id: /],
      [
        { sprints: { '7': [{ id: 1, name: 'S1', state: 'closed', startDate: 'last Monday' }] } },
        'sprints.json',
        /sprints\.json: 7\[0\]\.startDate: not a date-time such as 2025-03-01T12:00:00\.000Z/,
      ],
      [
        { sprints: { board7: [] } },
        'sprints.json',
        /sprints\.json: board7: not a board id \(sprints\.json is keyed by board id/,
      ],
      [
        { permissions: { accounts: { '': { projects: ['GORA'] } } } },
        'permissions.json',
        /permissions\.json: accounts\[""\]: an account id cannot be empty/,
      ],
    ];
    for (const [change, file, message] of cases) {
      const dir = await writeTempSnapshot({ ...parts, ...change });
      const error = (await readSnapshot(dir).catch((e: unknown) => e)) as SnapshotError;
      expect(error).toBeInstanceOf(SnapshotError);
      expect(error.file).toBe(path.join(dir, file));
      expect(error.message).toMatch(message);
    }
  });

  it('reads sprint dates the way Jira writes them, with Z or a +0000 offset', async () => {
    const parts = await goraParts();
    const sprint = { id: 1, name: 'S1', state: 'closed' };
    const dir = await writeTempSnapshot({
      ...parts,
      sprints: {
        '7': [
          { ...sprint, startDate: '2025-03-01T12:00:00.000Z', endDate: '2025-03-15T12:00:00.000+0000' },
          { ...sprint, id: 2, startDate: '2025-03-15T12:00:00+01:00' },
        ],
      },
    });
    expect((await readSnapshot(dir)).sprints['7']).toHaveLength(2);
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

describe('e-mail addresses in a snapshot are dropped when it is read', () => {
  it('at any depth, in every file, even with the key spelt with a \\u escape', async () => {
    const parts = await goraParts();
    const withEmail = (person: Record<string, unknown> | null | undefined, email: string) =>
      person ? { ...person, emailAddress: email } : person;
    const issues = parts.issues.map((issue, i) => {
      const fields = issue.fields as Record<string, unknown> & {
        assignee?: Record<string, unknown> | null;
        reporter?: Record<string, unknown> | null;
      };
      return {
        ...issue,
        fields: {
          ...fields,
          assignee: withEmail(fields.assignee, `assignee${i}@example.com`),
          reporter: withEmail(fields.reporter, `reporter${i}@example.com`),
          // A user picker: users in a list inside a custom field.
          customfield_99001: [
            { accountId: `acc-${i}`, displayName: 'Picked', emailAddress: `pick${i}@example.com` },
          ],
        },
        changelog: {
          ...issue.changelog,
          histories: issue.changelog.histories.map((h) => ({
            ...h,
            author: withEmail(h.author as Record<string, unknown>, `author${i}@example.com`),
          })),
        },
      };
    });
    const text = issues.map((issue) => JSON.stringify(issue)).join('\n');
    // The last issue spells the key "email\u0041ddress": JSON for the same key.
    const lines = text.split('\n');
    lines[lines.length - 1] = (lines[lines.length - 1] as string).replace(
      /"emailAddress"/g,
      '"email\\u0041ddress"',
    );
    const dir = await writeTempSnapshot({
      ...parts,
      site: { ...(parts.site as object), owner: { displayName: 'Admin', emailAddress: 'admin@example.com' } },
      issues: lines.join('\n') + '\n',
      boards: [
        {
          id: 7,
          name: 'Board',
          admins: { users: [{ displayName: 'Ann', emailAddress: 'ann@example.com' }] },
        },
      ],
      sprints: {
        '7': [{ id: 1, name: 'S1', state: 'closed', createdBy: { emailAddress: 'sam@example.com' } }],
      },
      permissions: {
        accounts: { alice: { displayName: 'Alice', emailAddress: 'alice@example.com', projects: ['GORA'] } },
      },
    });
    expect(lines.join('\n')).toContain('email\\u0041ddress');
    const snapshot = await readSnapshot(dir);
    const everything = JSON.stringify(snapshot);
    expect(everything).not.toContain('emailAddress');
    expect(everything).not.toContain('@example.com');
    expect(JSON.stringify(snapshotToSiteData(snapshot))).not.toContain('@example.com');
    expect(JSON.stringify(snapshotToSiteData(snapshot, { accountId: 'alice' }))).not.toContain(
      '@example.com',
    );
    // Only the addresses went: the people and everything else are still there.
    expect(snapshot.issues).toHaveLength(parts.issues.length);
    expect(snapshot.issues[0]?.fields.customfield_99001).toEqual([
      { accountId: 'acc-0', displayName: 'Picked' },
    ]);
    expect(snapshot.boards[0]).toEqual({ id: 7, name: 'Board', admins: { users: [{ displayName: 'Ann' }] } });
    expect(snapshot.permissions?.accounts.alice).toEqual({ displayName: 'Alice', projects: ['GORA'] });
    const histories = (s: { changelog?: { histories: unknown[] } }[]) =>
      s.reduce((n, i) => n + (i.changelog?.histories.length ?? 0), 0);
    expect(histories(snapshot.issues)).toBe(histories(parts.issues));
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

  it('leaves out, for an account without its security level, an issue that has one, with no gap', async () => {
    const parts = await goraParts();
    const [secured, ...others] = parts.issues;
    if (secured === undefined) throw new Error('GORA has no issue');
    secured.fields.security = { id: '10100', name: 'Security fixes' };
    const dir = await writeTempSnapshot({
      ...parts,
      permissions: {
        accounts: {
          alice: { projects: ['GORA'] },
          carol: { projects: ['GORA'], securityLevels: ['10100'] },
          // A level without the project shows nothing of it.
          dave: { projects: [], securityLevels: ['10100'] },
        },
      },
    });
    const snapshot = await readSnapshot(dir);
    expect(snapshot.permissions?.accounts.carol?.securityLevels).toEqual(['10100']);
    expect(snapshot.issues[0]?.fields.security).toEqual({ id: '10100', name: 'Security fixes' });
    const keys = (accountId?: string) => snapshotToSiteData(snapshot, { accountId }).issues.map((i) => i.key);
    const everyKey = parts.issues.map((i) => i.key);
    expect(keys('alice')).toEqual(others.map((i) => i.key));
    expect(snapshotToSiteData(snapshot, { accountId: 'alice' }).gaps).toEqual([]);
    expect(keys('carol')).toEqual(everyKey);
    expect(keys('dave')).toEqual([]);
    expect(keys(SITE_ADMIN_ACCOUNT_ID)).toEqual(everyKey);
    expect(keys()).toEqual(everyKey);
  });
});
