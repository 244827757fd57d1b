// The bundled acme sample is Jira Cloud-shaped raw REST data: every file parses with the project's zod
// schemas, and the Cloud details the analysis relies on (fieldId, accountType, hierarchyLevel...) are there.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  BoardSchema,
  FieldListSchema,
  IssueSchema,
  SprintSchema,
  StatusListSchema,
  type JiraIssue,
  type JiraUser,
} from '../../../src/jira/schemas';
import { SiteInfoSchema } from '../../../src/jira/site';
import { SnapshotPermissionsSchema } from '../../../tools/snapshot/read';
import { ACME_DIR } from './acme-figures';

const read = (name: string): unknown => JSON.parse(readFileSync(path.join(ACME_DIR, name), 'utf8'));
const lines = readFileSync(path.join(ACME_DIR, 'issues.ndjson'), 'utf8').split('\n').filter(Boolean);
const issues: JiraIssue[] = lines.map((l) => IssueSchema.parse(JSON.parse(l)));
const site = SiteInfoSchema.parse(read('site.json'));
const sprintsByBoard = z.record(z.string(), z.array(SprintSchema)).parse(read('sprints.json'));
const allSprints = Object.values(sprintsByBoard).flat();
const recordedAt = Date.parse(site.recordedAt);

function usersOf(issue: JiraIssue): JiraUser[] {
  const f = issue.fields;
  const comments = (f.comment as { comments: { author: JiraUser }[] }).comments;
  return [
    ...[f.creator, f.reporter, f.assignee].filter((u): u is JiraUser => Boolean(u)),
    ...(issue.changelog?.histories ?? []).flatMap((h) => (h.author ? [h.author] : [])),
    ...comments.map((c) => c.author),
  ];
}

describe('acme sample files', () => {
  test('every file parses with the Jira schemas', () => {
    expect(site.baseUrl).toBe('https://acme.atlassian.net');
    expect(FieldListSchema.parse(read('fields.json')).length).toBeGreaterThan(20);
    expect(StatusListSchema.parse(read('statuses.json'))).toHaveLength(5);
    expect(z.array(BoardSchema).parse(read('boards.json'))).toHaveLength(3);
    expect(allSprints).toHaveLength(36);
    expect(SnapshotPermissionsSchema.parse(read('permissions.json')).accounts).toBeDefined();
    expect(issues).toHaveLength(lines.length);
  });

  test('is recorded on Monday 2026-11-16 09:00 UTC and stays under 5 MB', () => {
    expect(site.recordedAt).toBe('2026-11-16T09:00:00.000Z');
    expect(new Date(recordedAt).getUTCDay()).toBe(1);
    expect(statSync(path.join(ACME_DIR, 'issues.ndjson')).size).toBeLessThan(5_000_000);
    expect(issues.length).toBeGreaterThanOrEqual(550);
    expect(issues.length).toBeLessThanOrEqual(650);
  });

  test('statuses carry the Cloud categories: To Do and Ready new, In Progress and In Review indeterminate, Done done', () => {
    const statuses = StatusListSchema.parse(read('statuses.json'));
    expect(Object.fromEntries(statuses.map((s) => [s.name, s.statusCategory.key]))).toEqual({
      'To Do': 'new',
      Ready: 'new',
      'In Progress': 'indeterminate',
      'In Review': 'indeterminate',
      Done: 'done',
    });
  });

  test('the field list has the system fields and custom fields identified by schema.custom, plus decoys', () => {
    const fields = FieldListSchema.parse(read('fields.json'));
    const ids = fields.map((f) => f.id);
    for (const id of ['summary', 'description', 'issuetype', 'status', 'priority', 'labels', 'components']) {
      expect(ids).toContain(id);
    }
    for (const id of ['fixVersions', 'duedate', 'parent', 'assignee', 'reporter', 'resolution'])
      expect(ids).toContain(id);
    const custom = Object.fromEntries(
      fields.filter((f) => f.custom).map((f) => [f.id, [f.name, f.schema?.custom]]),
    );
    expect(custom).toMatchObject({
      customfield_10020: ['Sprint', 'com.pyxis.greenhopper.jira:gh-sprint'],
      customfield_10019: ['Rank', 'com.pyxis.greenhopper.jira:gh-lexo-rank'],
      customfield_10016: ['Story point estimate', 'com.pyxis.greenhopper.jira:jsw-story-points'],
      customfield_10040: [
        'Acceptance Criteria',
        'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
      ],
      customfield_10022: ['Target start', 'com.atlassian.jpo:jpo-custom-field-baseline-start'],
      customfield_10023: ['Target end', 'com.atlassian.jpo:jpo-custom-field-baseline-end'],
      customfield_10028: ['Story Points', 'com.atlassian.jira.plugin.system.customfieldtypes:textfield'],
      customfield_10060: ['Customer segment', 'com.acme.crm:segment-picker'],
    });
    const sprint = fields.find((f) => f.id === 'customfield_10020');
    expect(sprint?.schema).toMatchObject({ type: 'array', items: 'json' });
    expect(fields.find((f) => f.id === 'customfield_10016')?.schema?.type).toBe('number');
    expect(fields.find((f) => f.id === 'customfield_10028')?.schema?.type).toBe('string');
  });

  test('issue types carry hierarchyLevel: Epic 1, Story/Task/Bug 0, Subtask -1', () => {
    const levels = new Map(issues.map((i) => [i.fields.issuetype.name, i.fields.issuetype.hierarchyLevel]));
    expect(Object.fromEntries(levels)).toEqual({ Epic: 1, Story: 0, Task: 0, Bug: 0, Subtask: -1 });
  });

  test('every user is a Cloud user: accountId, displayName, active, accountType atlassian or app, avatarUrls', () => {
    const users = issues.flatMap(usersOf);
    expect(users.length).toBeGreaterThan(5000);
    const malformed = users.filter(
      (u) =>
        typeof u.accountId !== 'string' ||
        typeof u.displayName !== 'string' ||
        typeof u.active !== 'boolean' ||
        !['atlassian', 'app'].includes(u.accountType ?? '') ||
        Object.keys(u.avatarUrls ?? {}).length === 0 ||
        'emailAddress' in u,
    );
    expect(malformed).toEqual([]);
    expect(users.some((u) => u.accountType === 'app' && u.displayName === 'Automation for Jira')).toBe(true);
    expect(users.some((u) => u.active === false && u.displayName === 'Felix Brandt')).toBe(true);
  });

  test('changelog items have a fieldId, except parent changes recorded as IssueParentAssociation', () => {
    const items = issues.flatMap((i) => (i.changelog?.histories ?? []).flatMap((h) => h.items));
    const without = items.filter((i) => i.fieldId === undefined);
    expect(without.length).toBeGreaterThan(0);
    expect(new Set(without.map((i) => i.field))).toEqual(new Set(['IssueParentAssociation']));
    expect(items.filter((i) => i.fieldId === 'parent').length).toBeGreaterThan(0);
    const fieldIds = new Set(items.map((i) => i.fieldId ?? i.field));
    for (const id of [
      'status',
      'resolution',
      'customfield_10020',
      'customfield_10019',
      'priority',
      'summary',
      'description',
      'labels',
      'components',
      'fixVersions',
      'duedate',
      'customfield_10023',
      'customfield_10022',
      'IssueParentAssociation',
      'customfield_10016',
      'customfield_10040',
      'assignee',
      'customfield_10028',
      'customfield_10060',
    ]) {
      expect(fieldIds).toContain(id);
    }
    const fixVersion = items.find((i) => i.fieldId === 'fixVersions');
    expect(fixVersion?.field).toBe('Fix Version');
    const ranks = items.filter((i) => i.fieldId === 'customfield_10019');
    expect(new Set(ranks.map((i) => i.toString))).toEqual(new Set(['Ranked higher', 'Ranked lower']));
  });

  test('sprint items list comma-separated ids of sprints that exist; status items use status ids and names', () => {
    const sprintIds = new Set(allSprints.map((s) => String(s.id)));
    const statuses = new Map(StatusListSchema.parse(read('statuses.json')).map((s) => [s.id, s.name]));
    for (const issue of issues) {
      for (const item of (issue.changelog?.histories ?? []).flatMap((h) => h.items)) {
        if (item.fieldId === 'customfield_10020') {
          for (const id of `${item.from ?? ''}, ${item.to ?? ''}`
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)) {
            expect(sprintIds).toContain(id);
          }
        }
        if (item.fieldId === 'status') {
          expect(statuses.get(item.from ?? '')).toBe(item.fromString);
          expect(statuses.get(item.to ?? '')).toBe(item.toString);
        }
      }
    }
  });

  test('histories are oldest first, counted in changelog.total, with ids unique across the site', () => {
    const seen = new Set<string>();
    for (const issue of issues) {
      const histories = issue.changelog?.histories ?? [];
      expect(issue.changelog?.total).toBe(histories.length);
      const times = histories.map((h) => Date.parse(h.created));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      if (times.length) {
        expect(times[0]).toBeGreaterThanOrEqual(Date.parse(issue.fields.created));
        expect(times.at(-1)).toBeLessThan(recordedAt);
      }
      for (const h of histories) {
        expect(seen.has(h.id)).toBe(false);
        seen.add(h.id);
      }
    }
  });

  test('current field values are where the histories leave them (status, assignee, sprints, estimate, dates)', () => {
    for (const issue of issues) {
      const f = issue.fields as Record<string, unknown> & JiraIssue['fields'];
      const items = (issue.changelog?.histories ?? []).flatMap((h) => h.items);
      const last = (id: string) => items.filter((i) => i.fieldId === id).at(-1);
      const status = last('status');
      if (status) expect(status.to).toBe(f.status.id);
      else expect(f.status.name).toBe('To Do');
      expect(last('assignee')?.to ?? null).toBe(f.assignee?.accountId ?? null);
      const sprints = (f.customfield_10020 as { id: number }[] | null) ?? [];
      expect(sprints.map((s) => String(s.id)).join(', ')).toBe(last('customfield_10020')?.to ?? '');
      const points = last('customfield_10016');
      expect(f.customfield_10016).toBe(points ? Number(points.toString) : null);
      expect(f.duedate ?? null).toBe(last('duedate')?.to ?? null);
      expect(f.customfield_10023 ?? null).toBe(last('customfield_10023')?.to ?? null);
      expect(f.resolution === null).toBe(f.status.name !== 'Done');
    }
  });

  test('sprint field values are Cloud sprint objects whose state matches sprints.json', () => {
    const byId = new Map(allSprints.map((s) => [s.id, s]));
    let members = 0;
    for (const issue of issues) {
      for (const s of (issue.fields.customfield_10020 as Record<string, unknown>[] | null) ?? []) {
        members++;
        expect(Object.keys(s)).toEqual(
          expect.arrayContaining(['id', 'name', 'state', 'boardId', 'startDate', 'endDate']),
        );
        const known = byId.get(s.id as number);
        expect(known?.state).toBe(s.state);
        expect(known?.originBoardId).toBe(s.boardId);
        expect(s.completeDate).toBe(known?.completeDate);
      }
    }
    expect(members).toBeGreaterThan(400);
  });

  test('each board has 12 two-week sprints from June 2026: eleven closed in the past, the last one active', () => {
    for (const [board, sprints] of Object.entries(sprintsByBoard)) {
      expect(sprints).toHaveLength(12);
      expect(sprints.map((s) => s.state)).toEqual([...Array(11).fill('closed'), 'active']);
      expect(Date.parse(sprints[0]?.startDate ?? '')).toBeGreaterThanOrEqual(
        Date.parse('2026-06-01T00:00:00Z'),
      );
      for (const s of sprints) expect(s.originBoardId).toBe(Number(board));
      for (const s of sprints.slice(0, 11)) expect(Date.parse(s.completeDate ?? '')).toBeLessThan(recordedAt);
      const active = sprints[11];
      expect(Date.parse(active?.startDate ?? '')).toBeLessThan(recordedAt);
      expect(Date.parse(active?.endDate ?? '')).toBeGreaterThan(recordedAt);
    }
    expect(new Set(allSprints.map((s) => s.id)).size).toBe(36);
  });

  test('every epic has a Target start, a Target end and a due date', () => {
    const epics = issues.filter((i) => i.fields.issuetype.name === 'Epic');
    expect(epics).toHaveLength(30);
    for (const e of epics) {
      const f = e.fields as Record<string, unknown>;
      expect(f.customfield_10022).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.customfield_10023).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.duedate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('permissions: everyone browses the three projects except Victor (SRCH only) and Nadia (nothing)', () => {
    const accounts = SnapshotPermissionsSchema.parse(read('permissions.json')).accounts;
    const byName = new Map(Object.values(accounts).map((a) => [a.displayName, a.projects]));
    expect(byName.get('Victor Vance')).toEqual(['SRCH']);
    expect(byName.get('Nadia Novak')).toEqual([]);
    const others = Object.values(accounts).filter(
      (a) => !['Victor Vance', 'Nadia Novak'].includes(a.displayName ?? ''),
    );
    expect(others).toHaveLength(27);
    for (const a of others) expect(a.projects).toEqual(['CHK', 'PAY', 'SRCH']);
  });

  test('security: SRCH-57 alone has the "Security fixes" level, held by everyone except Victor and Nadia', () => {
    const secured = issues.filter((issue) => issue.fields.security != null);
    expect(
      secured.map((issue) => [issue.key, issue.fields.security?.id, issue.fields.security?.name]),
    ).toEqual([['SRCH-57', '10100', 'Security fixes']]);
    // README: a story with a few histories and an acceptance.
    const srch57 = secured[0] as JiraIssue;
    expect([
      srch57.fields.issuetype.name,
      srch57.fields.status.name,
      srch57.changelog?.histories.length,
    ]).toEqual(['Story', 'Done', 8]);
    const accounts = SnapshotPermissionsSchema.parse(read('permissions.json')).accounts;
    const withoutLevel = Object.values(accounts)
      .filter((a) => !(a.securityLevels ?? []).includes('10100'))
      .map((a) => a.displayName);
    expect(withoutLevel).toEqual(['Victor Vance', 'Nadia Novak']);
  });
});
