// Reads a snapshot folder and measures, straight from the raw Jira data, the figures the acme README
// promises. Deliberately independent of the generator: it resolves fields by schema, replays changelogs and
// classifies items into DOMAIN.md's rows itself, so a test built on it checks the data, not the parameters.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FieldListSchema,
  IssueSchema,
  StatusListSchema,
  type ChangeItem,
  type JiraIssue,
  type JiraSprint,
  type JiraUser,
} from '../../../src/jira/schemas';

export type Row =
  | 'roadmap'
  | 'prioritization'
  | 'story-writing'
  | 'refinement'
  | 'acceptance-criteria'
  | 'sprint-planning'
  | 'acceptance'
  | 'delivery';
export const TACTICAL: Row[] = [
  'prioritization',
  'story-writing',
  'refinement',
  'acceptance-criteria',
  'sprint-planning',
  'acceptance',
];

export interface RawEvent {
  row: Row;
  /** accountId, or 'automation' for no author / app accounts. */
  actor: string;
  weight: number;
  at: number;
  issueKey: string;
  project: string;
}

export interface Acceptance {
  issueKey: string;
  project: string;
  actor: string;
  at: number;
  /** Assignee at the moment of the move. */
  assignee: string | null;
  /** When the issue entered the status it left for done. */
  waitingSince: number;
  typeName: string;
  level: number;
}

export interface SprintEntry {
  issueKey: string;
  project: string;
  typeName: string;
  sprintId: number;
  at: number;
  actor: string;
  first: boolean;
  hasCriteria: boolean;
  hasEstimate: boolean;
  /** Added after the sprint had started. */
  scopeChange: boolean;
  /** The issue was already in a (now closed) sprint: a carry-over. */
  carryOver: boolean;
}

export interface TargetMove {
  issueKey: string;
  historyId: string;
  field: string;
  from: string | null;
  to: string | null;
  later: boolean;
}

export interface Snapshot {
  recordedAt: number;
  issues: JiraIssue[];
  people: Map<string, JiraUser>;
  sprints: Map<number, JiraSprint & { boardId: number }>;
  events: RawEvent[];
  acceptances: Acceptance[];
  sprintEntries: SprintEntry[];
  targetMoves: TargetMove[];
  /** Issues done after the sprint they were in had completed, and never moved to a later sprint. */
  acceptedAfterSprint: string[];
  /** Last human history on each epic that is not done. */
  openEpicLastHumanEdit: Map<string, number>;
  historiesWithoutAuthor: number;
  historiesByApp: number;
  totalHistories: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Working days (09:00–17:00 UTC, Monday–Friday) between two instants, as a fraction. */
export function workingDaysBetween(from: number, to: number): number {
  let total = 0;
  let day = Math.floor(from / DAY) * DAY;
  while (day < to) {
    const dow = new Date(day).getUTCDay();
    if (dow !== 0 && dow !== 6) {
      const open = Math.max(day + 9 * HOUR, from);
      const close = Math.min(day + 17 * HOUR, to);
      if (close > open) total += close - open;
    }
    day += DAY;
  }
  return total / (8 * HOUR);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function actorOf(user: JiraUser | null | undefined): string {
  if (!user || user.accountType === 'app') return 'automation';
  return user.accountId ?? user.name ?? 'unknown';
}

export function readSnapshot(dir: string): Snapshot {
  const read = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  const site = read('site.json') as { recordedAt: string };
  const recordedAt = Date.parse(site.recordedAt);
  const fields = FieldListSchema.parse(read('fields.json'));
  const statuses = StatusListSchema.parse(read('statuses.json'));
  const sprintsByBoard = read('sprints.json') as Record<string, JiraSprint[]>;
  const sprints = new Map<number, JiraSprint & { boardId: number }>();
  for (const [board, list] of Object.entries(sprintsByBoard)) {
    for (const s of list) sprints.set(s.id, { ...s, boardId: Number(board) });
  }
  const issues = readFileSync(path.join(dir, 'issues.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => IssueSchema.parse(JSON.parse(l)));

  // Fields by schema, never by id: the decoy "Story Points" text field must not be taken for the estimate.
  const byCustom = (custom: string) => fields.filter((f) => f.schema?.custom === custom).map((f) => f.id);
  const sprintField = byCustom('com.pyxis.greenhopper.jira:gh-sprint')[0];
  const rankField = byCustom('com.pyxis.greenhopper.jira:gh-lexo-rank')[0];
  const pointsField = byCustom('com.pyxis.greenhopper.jira:jsw-story-points')[0];
  const targetFields = fields
    .filter((f) => f.schema?.custom?.startsWith('com.atlassian.jpo:jpo-custom-field-baseline'))
    .map((f) => f.id);
  const criteriaField = fields.find(
    (f) => f.name === 'Acceptance Criteria' && f.schema?.custom?.endsWith(':textarea'),
  )?.id;
  const category = new Map(statuses.map((s) => [s.id, s.statusCategory.key]));
  const nameOf = new Map(fields.map((f) => [f.name.toLowerCase(), f.id]));
  const fieldKey = (item: ChangeItem): string => {
    if (item.fieldId) return item.fieldId;
    if (item.field === 'IssueParentAssociation') return 'parent';
    return nameOf.get(item.field.toLowerCase()) ?? item.field;
  };
  const hasCriteriaSection = (text: string | null | undefined) => /acceptance criteria/i.test(text ?? '');

  const people = new Map<string, JiraUser>();
  const remember = (u: JiraUser | null | undefined) => {
    if (u?.accountId) people.set(u.accountId, u);
  };
  const events: RawEvent[] = [];
  const acceptances: Acceptance[] = [];
  const sprintEntries: SprintEntry[] = [];
  const targetMoves: TargetMove[] = [];
  const acceptedAfterSprint: string[] = [];
  const openEpicLastHumanEdit = new Map<string, number>();
  let historiesWithoutAuthor = 0;
  let historiesByApp = 0;
  let totalHistories = 0;

  for (const issue of issues) {
    const f = issue.fields;
    const level = f.issuetype.hierarchyLevel ?? 0;
    const typeName = f.issuetype.name;
    const project = f.project.key;
    const key = issue.key;
    remember(f.creator);
    remember(f.assignee);
    const emit = (row: Row, actor: string, at: number, weight = 1) =>
      events.push({ row, actor, weight, at, issueKey: key, project });

    const created = Date.parse(f.created);
    const creator = actorOf(f.creator);
    if (level >= 1) emit('roadmap', creator, created, 3);
    else if (level === 0 && typeName === 'Story') emit('story-writing', creator, created);

    const histories = issue.changelog?.histories ?? [];
    const firstStatus = histories.flatMap((h) => h.items).find((i) => fieldKey(i) === 'status');
    let statusId = firstStatus?.from ?? f.status.id;
    let enteredStatusAt = created;
    let assignee: string | null = null;
    let inSprints: number[] = [];
    let criteria = false;
    let estimate = false;
    let lastHuman = created;

    for (const h of histories) {
      totalHistories++;
      if (!h.author) historiesWithoutAuthor++;
      else if (h.author.accountType === 'app') historiesByApp++;
      remember(h.author);
      const actor = actorOf(h.author);
      const at = Date.parse(h.created);
      if (actor !== 'automation') lastHuman = at;
      const cat = () => category.get(statusId) ?? 'new';
      const movesToDone = h.items.some(
        (i) => fieldKey(i) === 'status' && category.get(i.to ?? '') === 'done',
      );
      for (const item of h.items) {
        const k = fieldKey(item);
        const notStarted = cat() === 'new';
        const done = cat() === 'done';
        if (k === 'status') {
          const to = item.to ?? '';
          const toCat = category.get(to);
          if (toCat === 'done' && cat() !== 'done') {
            emit('acceptance', actor, at);
            acceptances.push({
              issueKey: key,
              project,
              actor,
              at,
              assignee,
              waitingSince: enteredStatusAt,
              typeName,
              level,
            });
          } else if (toCat === 'indeterminate') {
            emit('delivery', actor, at);
          } else if (
            toCat === 'new' &&
            level === 0 &&
            /ready/i.test(item.toString ?? '') &&
            inSprints.every((s) => sprints.get(s)?.state === 'closed')
          ) {
            emit('refinement', actor, at);
          }
          statusId = to;
          enteredStatusAt = at;
        } else if (k === 'assignee') {
          assignee = item.to ?? null;
        } else if (k === rankField || k === 'priority') {
          if (level === 0 && !done) emit('prioritization', actor, at, k === rankField ? 0.5 : 1);
        } else if (k === 'summary' || k === 'description') {
          if (level >= 1) emit('roadmap', actor, at);
          else if (level === 0 && notStarted) emit('refinement', actor, at);
          if (
            k === 'description' &&
            hasCriteriaSection(item.toString) &&
            !hasCriteriaSection(item.fromString)
          ) {
            emit('acceptance-criteria', actor, at, 2);
            criteria = true;
          }
        } else if (k === criteriaField) {
          emit('acceptance-criteria', actor, at, 2);
          criteria = Boolean(item.toString);
        } else if (k === pointsField || k === 'labels' || k === 'components' || k === 'parent') {
          if (level >= 1 && k === 'parent') emit('roadmap', actor, at);
          else if (level === 0 && notStarted) emit('refinement', actor, at);
          if (k === pointsField) estimate = Boolean(item.toString);
        } else if (k === 'duedate' || targetFields.includes(k)) {
          if (level >= 1) {
            emit('roadmap', actor, at);
            targetMoves.push({
              issueKey: key,
              historyId: h.id,
              field: item.field,
              from: item.from ?? null,
              to: item.to ?? null,
              later: Boolean(item.from && item.to && item.to.slice(0, 10) > item.from.slice(0, 10)),
            });
          }
        } else if (k === 'fixVersions') {
          if (!done && !movesToDone && item.to) emit('roadmap', actor, at);
        } else if (k === sprintField) {
          const ids = (text: string | null | undefined) =>
            (text ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
              .map(Number);
          const before = ids(item.from);
          const after = ids(item.to);
          for (const added of after.filter((id) => !before.includes(id))) {
            emit('sprint-planning', actor, at);
            const sprint = sprints.get(added);
            sprintEntries.push({
              issueKey: key,
              project,
              typeName,
              sprintId: added,
              at,
              actor,
              first: before.length === 0,
              hasCriteria: criteria,
              hasEstimate: estimate,
              scopeChange: sprint?.startDate ? at > Date.parse(sprint.startDate) : false,
              carryOver: before.length > 0,
            });
          }
          for (const _removed of before.filter((id) => !after.includes(id)))
            emit('sprint-planning', actor, at);
          inSprints = after;
        }
      }
    }
    if (level >= 1 && category.get(f.status.id) !== 'done') openEpicLastHumanEdit.set(key, lastHuman);
    // Done after the (last) sprint it sat in was completed.
    const last = acceptances.filter((a) => a.issueKey === key).at(-1);
    const lastSprint = sprints.get(inSprints.at(-1) ?? -1);
    if (last && lastSprint?.completeDate && last.at > Date.parse(lastSprint.completeDate))
      acceptedAfterSprint.push(key);
  }
  return {
    recordedAt,
    issues,
    people,
    sprints,
    events,
    acceptances,
    sprintEntries,
    targetMoves,
    acceptedAfterSprint,
    openEpicLastHumanEdit,
    historiesWithoutAuthor,
    historiesByApp,
    totalHistories,
  };
}

export interface RowShares {
  total: number;
  automation: number;
  /** Human shares, largest first. */
  shares: { actor: string; weight: number; share: number }[];
  accountable: string | null;
}

/** DOMAIN.md's RACI arithmetic: shares of the row's human weight; A = largest share if ≥ 0.35. */
export function rowShares(events: RawEvent[], row: Row, scope?: string): RowShares {
  const mine = events.filter((e) => e.row === row && (!scope || e.project === scope));
  const byActor = new Map<string, number>();
  let automation = 0;
  for (const e of mine) {
    if (e.actor === 'automation') automation += e.weight;
    else byActor.set(e.actor, (byActor.get(e.actor) ?? 0) + e.weight);
  }
  const total = [...byActor.values()].reduce((a, b) => a + b, 0);
  const shares = [...byActor]
    .map(([actor, weight]) => ({ actor, weight, share: weight / total }))
    .sort((a, b) => b.share - a.share || a.actor.localeCompare(b.actor));
  const top = shares[0];
  return { total, automation, shares, accountable: top && top.share >= 0.35 ? top.actor : null };
}

/** Share of a person's product (non-delivery) weight that sits in tactical rows. */
export function tacticalShare(events: RawEvent[], actor: string, scope?: string): number {
  const mine = events.filter(
    (e) => e.actor === actor && e.row !== 'delivery' && (!scope || e.project === scope),
  );
  const total = mine.reduce((a, e) => a + e.weight, 0);
  const tactical = mine.filter((e) => TACTICAL.includes(e.row)).reduce((a, e) => a + e.weight, 0);
  return tactical / total;
}

/** People (not automation) with delivery events; and those whose every event is delivery. */
export function deliveringPeople(
  events: RawEvent[],
  scope?: string,
): { delivering: Set<string>; onlyDelivery: Set<string> } {
  const inScope = events.filter((e) => e.actor !== 'automation' && (!scope || e.project === scope));
  const delivering = new Set(inScope.filter((e) => e.row === 'delivery').map((e) => e.actor));
  const product = new Set(inScope.filter((e) => e.row !== 'delivery').map((e) => e.actor));
  return { delivering, onlyDelivery: new Set([...delivering].filter((a) => !product.has(a))) };
}
