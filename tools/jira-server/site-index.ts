// The snapshot held in memory for the local Jira server, indexed so every page is served without a scan.
// Issue fields and histories are kept as JSON text (compact, and pages are assembled by concatenation);
// only what the endpoints filter or sort on is kept parsed.
import type { JiraField, JiraIssue, JiraUser } from '../../src/jira/schemas';
import { forEachSnapshotIssue, readSnapshotMeta, siteProjectKeys, type SnapshotMeta } from '../snapshot/read';

export interface IndexedIssue {
  /** Position in issues.ndjson; the stable fallback order. */
  ordinal: number;
  id: string;
  key: string;
  projectKey: string;
  /** The issue's security level id (`fields.security.id`); undefined = no level, every browser of the project sees it. */
  securityLevelId: string | undefined;
  /** The number after the dash of the key, for `ORDER BY key`. */
  keyNumber: number;
  created: number;
  updated: number;
  /** The issue's `fields` object as JSON text. */
  fieldsJson: string;
  /** Lexorank value, for the agile "ordered by rank" lists. */
  rank: string | undefined;
  sprintIds: number[];
  /** Every history as JSON text, in snapshot order (oldest first). */
  historyJson: string[];
  /** Each history's `created` in epoch ms (NaN if unparseable), same order as historyJson. */
  historyCreated: Float64Array;
}

export interface ProjectRef {
  id: string;
  key: string;
  name: string;
}

export interface SiteIndex {
  meta: SnapshotMeta;
  issues: IndexedIssue[];
  /** Upper-cased key → issue (Jira keys are case-insensitive in paths and JQL). */
  byKey: Map<string, IndexedIssue>;
  byId: Map<string, IndexedIssue>;
  projects: ProjectRef[];
  projectByKey: Map<string, ProjectRef>;
  projectById: Map<string, ProjectRef>;
  fieldById: Map<string, JiraField>;
  /** Lower-cased names a history item's `field` may carry for a field id (name, clause names, the id). */
  historyNamesOfField: Map<string, Set<string>>;
  /** Sprint id → issues whose Sprint field names it, in rank order. */
  issuesOfSprint: Map<number, IndexedIssue[]>;
  /** Every sprint id the snapshot knows (sprints.json and Sprint field values). */
  sprintIds: Set<number>;
  /** accountId → the person as last seen in the snapshot (user search and /myself answer from it). */
  users: Map<string, JiraUser>;
  historyCount: number;
}

const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
const RANK_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-lexo-rank';

/** Sprint ids out of a Sprint field value: Cloud objects {id}, or Server-era strings "…Sprint@1a[id=12,…]". */
export function sprintIdsOf(value: unknown): number[] {
  const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  const ids: number[] = [];
  for (const item of items) {
    if (typeof item === 'object' && item !== null && 'id' in item) {
      const id = Number(item.id);
      if (Number.isFinite(id)) ids.push(id);
    } else if (typeof item === 'number') {
      ids.push(item);
    } else if (typeof item === 'string') {
      const match = /\bid=(\d+)/.exec(item);
      if (match?.[1]) ids.push(Number(match[1]));
    }
  }
  return ids;
}

function keyNumberOf(key: string): number {
  const n = Number(key.slice(key.lastIndexOf('-') + 1));
  return Number.isFinite(n) ? n : 0;
}

function rememberPeople(issue: JiraIssue, users: Map<string, JiraUser>): void {
  const people = [issue.fields.assignee, issue.fields.reporter, issue.fields.creator];
  for (const history of issue.changelog?.histories ?? []) people.push(history.author);
  for (const person of people) {
    if (person?.accountId && person.displayName && !users.has(person.accountId)) {
      users.set(person.accountId, person);
    }
  }
}

/** Reads and validates the snapshot (see tools/snapshot/read.ts) and builds the in-memory index. */
export async function loadSiteIndex(dir: string): Promise<SiteIndex> {
  const meta = await readSnapshotMeta(dir);
  const sprintFieldIds = meta.fields.filter((f) => f.schema?.custom === SPRINT_FIELD_TYPE).map((f) => f.id);
  const rankFieldIds = meta.fields.filter((f) => f.schema?.custom === RANK_FIELD_TYPE).map((f) => f.id);

  const issues: IndexedIssue[] = [];
  const users = new Map<string, JiraUser>();
  const projectsSeen = new Map<string, ProjectRef>();
  let historyCount = 0;

  await forEachSnapshotIssue(dir, (issue) => {
    const fields = issue.fields as Record<string, unknown>;
    const histories = issue.changelog?.histories ?? [];
    const sprintIds = new Set<number>();
    for (const id of sprintFieldIds) for (const sprintId of sprintIdsOf(fields[id])) sprintIds.add(sprintId);
    const rankValue = rankFieldIds.map((id) => fields[id]).find((v) => typeof v === 'string');
    const project = issue.fields.project;
    if (!projectsSeen.has(project.key)) {
      projectsSeen.set(project.key, {
        id: project.id ?? '',
        key: project.key,
        name: project.name ?? project.key,
      });
    }
    rememberPeople(issue, users);
    historyCount += histories.length;
    issues.push({
      ordinal: issues.length,
      id: issue.id,
      key: issue.key,
      projectKey: project.key,
      securityLevelId: issue.fields.security?.id,
      keyNumber: keyNumberOf(issue.key),
      created: Date.parse(issue.fields.created),
      updated: Date.parse(issue.fields.updated ?? issue.fields.created),
      fieldsJson: JSON.stringify(issue.fields),
      rank: typeof rankValue === 'string' ? rankValue : undefined,
      sprintIds: [...sprintIds],
      historyJson: histories.map((h) => JSON.stringify(h)),
      historyCreated: Float64Array.from(histories, (h) => Date.parse(h.created)),
    });
  });

  const byKey = new Map<string, IndexedIssue>();
  const byId = new Map<string, IndexedIssue>();
  for (const issue of issues) {
    byKey.set(issue.key.toUpperCase(), issue);
    byId.set(issue.id, issue);
  }

  // site.json is the authority on which projects the site has; issues fill in ids and names.
  const projects: ProjectRef[] = [];
  for (const entry of meta.site.projects) {
    const key = typeof entry === 'string' ? entry : entry.key;
    const seen = projectsSeen.get(key);
    projects.push({
      key,
      id: (typeof entry === 'object' ? entry.id : undefined) ?? seen?.id ?? '',
      name: (typeof entry === 'object' ? entry.name : undefined) ?? seen?.name ?? key,
    });
  }
  const listed = new Set(siteProjectKeys(meta.site));
  for (const seen of projectsSeen.values()) if (!listed.has(seen.key)) projects.push(seen);
  let syntheticId = 10000;
  for (const project of projects) if (project.id === '') project.id = String(syntheticId++);
  const projectByKey = new Map(projects.map((p) => [p.key.toUpperCase(), p]));
  const projectById = new Map(projects.map((p) => [p.id, p]));

  const fieldById = new Map(meta.fields.map((f) => [f.id, f]));
  const historyNamesOfField = new Map<string, Set<string>>();
  for (const field of meta.fields) {
    const names = new Set([field.id, field.name, ...(field.clauseNames ?? [])].map((n) => n.toLowerCase()));
    historyNamesOfField.set(field.id, names);
  }

  const issuesOfSprint = new Map<number, IndexedIssue[]>();
  const sprintIds = new Set<number>();
  for (const list of Object.values(meta.sprints)) for (const sprint of list) sprintIds.add(sprint.id);
  for (const issue of issues) {
    for (const sprintId of issue.sprintIds) {
      sprintIds.add(sprintId);
      const list = issuesOfSprint.get(sprintId) ?? [];
      list.push(issue);
      issuesOfSprint.set(sprintId, list);
    }
  }
  for (const list of issuesOfSprint.values()) list.sort(byRankThenKey);

  return {
    meta,
    issues,
    byKey,
    byId,
    projects,
    projectByKey,
    projectById,
    fieldById,
    historyNamesOfField,
    issuesOfSprint,
    sprintIds,
    users,
    historyCount,
  };
}

export function byKeyOrder(a: IndexedIssue, b: IndexedIssue): number {
  if (a.projectKey !== b.projectKey) return a.projectKey < b.projectKey ? -1 : 1;
  return a.keyNumber - b.keyNumber || a.ordinal - b.ordinal;
}

function byRankThenKey(a: IndexedIssue, b: IndexedIssue): number {
  if (a.rank !== undefined && b.rank !== undefined && a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  if (a.rank !== undefined && b.rank === undefined) return -1;
  if (a.rank === undefined && b.rank !== undefined) return 1;
  return byKeyOrder(a, b);
}

/** Finds an issue by id or key, as `{issueIdOrKey}` path parameters do. */
export function findIssue(index: SiteIndex, idOrKey: string): IndexedIssue | undefined {
  return index.byId.get(idOrKey) ?? index.byKey.get(idOrKey.toUpperCase());
}
