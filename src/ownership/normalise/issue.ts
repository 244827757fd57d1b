// Replays one issue's history, oldest first: each changelog item becomes at most one product event (through the
// row rules) or is counted as ignored, and the issue's timeline (status, sprints, assignee, criteria, estimate,
// target dates) is recorded for the rules that need more than the event stream.
import type { ChangeHistory, ChangeItem, JiraIssue } from '../../jira/schemas';
import type { Weights } from '../config';
import {
  AUTOMATION_ID,
  type CommentEvent,
  type IssueTimeline,
  type ProductEvent,
  type SprintMembershipChange,
  type StatusCategory,
  type StatusChange,
  type TargetDateChange,
} from '../model';
import type { FieldKind, FieldLookup } from './fields';
import { isStoryLike, levelByName } from './issue-types';
import type { PeopleRegistry } from './people';
import { attributeItem, creationAttribution, type ItemContext } from './rows';
import { parseSprintField, parseSprintIds, parseTime, type SprintCatalogue } from './sprints';
import type { StatusLookup } from './statuses';
import { CreationEvent, fromText, ItemEvent, toText } from './events';
import { hasCriteriaSection, hasText } from './text';
import { parseJiraTime } from './time';

export interface ReplayEnv {
  fields: FieldLookup;
  statuses: StatusLookup;
  people: PeopleRegistry;
  sprints: SprintCatalogue;
  weights: Weights;
  /** Boards of an issue (interned arrays: issues of one board share one array). */
  boardsOf(projectKey: string, sprintIds: ReadonlySet<number>): number[];
  inScope(projectKey: string, boardIds: readonly number[]): boolean;
}

/** Where replayIssue writes; shared by every issue of a run. */
export interface ReplaySink {
  events: ProductEvent[];
  comments: CommentEvent[];
  ignoredByField: Map<string, number>;
  totalItems: number;
  ignoredItems: number;
  eventsFromItems: number;
  histories: number;
}

const KIND_SCRATCH: FieldKind[] = [];
const NO_SPRINTS: readonly number[] = Object.freeze([]);
const TARGET_KINDS = new Set<FieldKind>(['duedate', 'startDate', 'targetStart', 'targetEnd']);

function compareHistoryIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Histories oldest first whatever order they arrived in (time, then id); the input is never mutated. */
function orderedHistories(histories: readonly ChangeHistory[]): {
  list: readonly ChangeHistory[];
  at: number[];
} {
  const at = histories.map((h) => parseJiraTime(h.created));
  let sorted = true;
  for (let i = 1; i < histories.length; i++) {
    const d = (at[i] as number) - (at[i - 1] as number);
    if (
      d < 0 ||
      (d === 0 &&
        compareHistoryIds((histories[i - 1] as ChangeHistory).id, (histories[i] as ChangeHistory).id) > 0)
    ) {
      sorted = false;
      break;
    }
  }
  if (sorted) return { list: histories, at };
  const order = histories.map((_, i) => i);
  order.sort(
    (i, j) =>
      (at[i] as number) - (at[j] as number) ||
      compareHistoryIds((histories[i] as ChangeHistory).id, (histories[j] as ChangeHistory).id),
  );
  return { list: order.map((i) => histories[i] as ChangeHistory), at: order.map((i) => at[i] as number) };
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function replayIssue(issue: JiraIssue, env: ReplayEnv, sink: ReplaySink): IssueTimeline | null {
  const f = issue.fields;
  const key = issue.key;
  const projectKey = f.project.key;
  const { fields, statuses, people, sprints, weights } = env;
  const product = fields.product;
  const created = parseJiraTime(f.created);
  const currentType = f.issuetype.name;
  const currentLevel = f.issuetype.hierarchyLevel ?? levelByName(currentType, f.issuetype.subtask);
  const levelOf = (typeName: string) => (typeName === currentType ? currentLevel : levelByName(typeName));

  const { list: histories, at: times } = orderedHistories(issue.changelog?.histories ?? []);

  // Kinds of every item, once, flat in replay order (a scratch array reused across issues); and the values at
  // creation, read from the first change of each field.
  const kinds = KIND_SCRATCH;
  let k = 0;
  let firstStatus: ChangeItem | undefined;
  let firstSprint: ChangeItem | undefined;
  let firstType: ChangeItem | undefined;
  let firstAssignee: ChangeItem | undefined;
  let firstCriteria: ChangeItem | undefined;
  let firstDescription: ChangeItem | undefined;
  const firstEstimate = new Map<string, ChangeItem>();
  const sprintIdsEver = new Set<number>();
  for (const h of histories) {
    for (const item of h.items) {
      const kind = fields.kindOf(item);
      kinds[k++] = kind;
      if (kind === 'status') firstStatus ??= item;
      else if (kind === 'sprint') {
        firstSprint ??= item;
        for (const id of parseSprintIds(item.from)) sprintIdsEver.add(id);
        for (const id of parseSprintIds(item.to)) sprintIdsEver.add(id);
      } else if (kind === 'issuetype') firstType ??= item;
      else if (kind === 'assignee') firstAssignee ??= item;
      else if (kind === 'acceptanceCriteria') firstCriteria ??= item;
      else if (kind === 'description') firstDescription ??= item;
      else if (kind === 'estimate') {
        const id = fields.estimateIdOf(item);
        if (!firstEstimate.has(id)) firstEstimate.set(id, item);
      }
    }
  }

  const sprintField = product.sprint ? f[product.sprint.id] : undefined;
  const currentSprints = parseSprintField(sprintField)
    .map((s) => s.id)
    .sort((a, b) => a - b);
  for (const id of currentSprints) sprintIdsEver.add(id);
  const initialSprints = firstSprint ? parseSprintIds(firstSprint.from) : [...currentSprints];
  const boardIds = env.boardsOf(projectKey, sprintIdsEver);
  if (!env.inScope(projectKey, boardIds)) return null;

  // State just before the history being replayed.
  let statusName = firstStatus ? (fromText(firstStatus) ?? firstStatus.from ?? f.status.name) : f.status.name;
  let category: StatusCategory = firstStatus
    ? statuses.categoryOf(firstStatus.from, statusName)
    : statuses.categoryOfField(f.status);
  const initialStatus = statusName;
  const initialCategory = category;
  let inSprints: number[] = initialSprints;
  let typeName = firstType ? (fromText(firstType) ?? currentType) : currentType;
  let level = levelOf(typeName);
  const initialLevel = level;
  const initialStoryLike = isStoryLike(typeName, level);
  const assignee = firstAssignee
    ? people.itemValue(firstAssignee.from, fromText(firstAssignee), created)
    : people.personOf(f.assignee);
  let criteriaField = firstCriteria
    ? hasText(fromText(firstCriteria))
    : product.acceptanceCriteria
      ? hasText(f[product.acceptanceCriteria.id])
      : false;
  let criteriaSection = firstDescription
    ? hasCriteriaSection(fromText(firstDescription))
    : hasCriteriaSection(f.description);
  const estimates = new Map<string, boolean>();
  for (const id of fields.estimateIds) {
    const first = firstEstimate.get(id);
    estimates.set(id, first ? hasText(fromText(first)) : f[id] !== null && f[id] !== undefined);
  }
  for (const [id, first] of firstEstimate)
    if (!estimates.has(id)) estimates.set(id, hasText(fromText(first)));
  const anyEstimate = () => {
    for (const v of estimates.values()) if (v) return true;
    return false;
  };

  const creatorUser = f.creator ?? f.reporter;
  const creatorId = people.actorOf(creatorUser);
  const timeline: IssueTimeline = {
    key,
    projectKey,
    boardIds,
    summary: f.summary ?? '',
    typeName: currentType,
    hierarchyLevel: currentLevel,
    storyLike: isStoryLike(currentType, currentLevel),
    created,
    creatorId,
    reporterId: people.personOf(f.reporter),
    assignees: [{ at: created, accountId: assignee }],
    statusChanges: [],
    initialStatus,
    initialCategory,
    currentStatus: f.status.name,
    currentCategory: statuses.categoryOfField(f.status),
    sprintChanges: [],
    currentSprints,
    initialSprints: [...initialSprints],
    criteria: [{ at: created, present: criteriaField || criteriaSection }],
    estimate: [{ at: created, present: anyEstimate() }],
    targetDateChanges: [],
    lastProductEditAt: null,
  };

  const events = sink.events;
  let lastProductEdit: number | null = null;
  const creation = creationAttribution(initialLevel, initialStoryLike, weights);
  if (creation !== null) {
    events.push(
      new CreationEvent(
        creation.row,
        creatorId,
        created,
        key,
        projectKey,
        boardIds,
        creation.weight,
        f.created,
        typeName,
      ),
    );
    if (creatorId !== AUTOMATION_ID) lastProductEdit = created;
  }

  // One context object reused for every item: the hot loop allocates only the events it emits.
  const ctx: ItemContext = {
    kind: 'other',
    item: { field: '' } as ChangeItem,
    at: 0,
    level,
    categoryBefore: category,
    inStartedSprint: false,
    historyAccepts: false,
    toCategory: null,
    toAcceptance: false,
    toStatusName: null,
    added: NO_SPRINTS,
    removed: NO_SPRINTS,
    addedToStartedSprint: false,
    addsCriteriaSection: false,
    currentSprintId: null,
    weights,
  };

  k = 0;
  for (let hi = 0; hi < histories.length; hi++) {
    const h = histories[hi] as ChangeHistory;
    const at = times[hi] as number;
    const base = k;
    k += h.items.length;
    const actorId = people.author(h.author, at);
    sink.histories += 1;

    let historyAccepts = false;
    for (let ii = 0; ii < h.items.length; ii++) {
      if (kinds[base + ii] === 'status') {
        const item = h.items[ii] as ChangeItem;
        if (statuses.isAcceptance(item.to, toText(item))) historyAccepts = true;
      }
    }
    // Sprint context before this history.
    let currentSprintId: number | null = null;
    let currentStart = -Infinity;
    let inStartedSprint = false;
    for (const id of inSprints) {
      const s = sprints.get(id);
      const start = s?.start ?? null;
      if (start !== null && start <= at && (s?.complete ?? Infinity) > at) inStartedSprint = true;
      const order = start ?? -Infinity;
      if (
        currentSprintId === null ||
        order > currentStart ||
        (order === currentStart && id > currentSprintId)
      ) {
        currentSprintId = id;
        currentStart = order;
      }
    }

    ctx.at = at;
    ctx.level = level;
    ctx.categoryBefore = category;
    ctx.inStartedSprint = inStartedSprint;
    ctx.historyAccepts = historyAccepts;
    ctx.currentSprintId = currentSprintId;

    // State after this history, applied once all its items were judged against the state before it.
    let nextStatus = statusName;
    let nextCategory = category;
    let nextSprints = inSprints;
    let nextType = typeName;
    let criteriaChanged = false;
    let estimateChanged = false;

    for (let ii = 0; ii < h.items.length; ii++) {
      const item = h.items[ii] as ChangeItem;
      const kind = kinds[base + ii] as FieldKind;
      sink.totalItems += 1;
      ctx.kind = kind;
      ctx.item = item;
      ctx.toCategory = null;
      ctx.toAcceptance = false;
      ctx.toStatusName = null;
      ctx.added = NO_SPRINTS;
      ctx.removed = NO_SPRINTS;
      ctx.addedToStartedSprint = false;
      ctx.addsCriteriaSection = false;

      switch (kind) {
        case 'status': {
          const toName = toText(item) ?? item.to ?? '';
          const fromName = fromText(item) ?? item.from ?? '';
          const toCategory = statuses.categoryOf(item.to, toName);
          const isAcceptance = statuses.isAcceptance(item.to, toName);
          ctx.toCategory = toCategory;
          ctx.toAcceptance = isAcceptance;
          ctx.toStatusName = toName;
          const change: StatusChange = {
            at,
            actorId,
            historyId: h.id,
            fromStatus: fromName,
            toStatus: toName,
            fromCategory: statuses.categoryOf(item.from, fromName),
            toCategory,
            isAcceptance,
          };
          timeline.statusChanges.push(change);
          nextStatus = toName;
          nextCategory = toCategory;
          break;
        }
        case 'sprint': {
          const from = parseSprintIds(item.from);
          const to = parseSprintIds(item.to);
          // Shared arrays where the lists coincide (the common first planning: from nothing to one sprint).
          const added = from.length === 0 ? to : to.filter((id) => !from.includes(id));
          const removed = to.length === 0 ? from : from.filter((id) => !to.includes(id));
          ctx.added = added;
          ctx.removed = removed;
          ctx.addedToStartedSprint = added.some((id) => {
            const s = sprints.get(id);
            return s !== undefined && s.start !== null && s.start <= at && (s.complete ?? Infinity) > at;
          });
          const change: SprintMembershipChange = { at, actorId, historyId: h.id, added, removed, from, to };
          timeline.sprintChanges.push(change);
          nextSprints = to;
          break;
        }
        case 'issuetype':
          nextType = toText(item) ?? nextType;
          break;
        case 'assignee': {
          // A raw value for now: normalise() resolves it once every user has been seen.
          timeline.assignees.push({ at, accountId: people.itemValue(item.to, toText(item), at) });
          break;
        }
        case 'acceptanceCriteria':
          criteriaField = hasText(toText(item));
          criteriaChanged = true;
          break;
        case 'description': {
          const before = hasCriteriaSection(fromText(item));
          const after = hasCriteriaSection(toText(item));
          ctx.addsCriteriaSection = after && !before;
          criteriaSection = after;
          criteriaChanged = true;
          break;
        }
        case 'estimate':
          estimates.set(fields.estimateIdOf(item), hasText(toText(item)) || hasText(item.to));
          estimateChanged = true;
          break;
        default:
          if (TARGET_KINDS.has(kind)) {
            const change: TargetDateChange = {
              at,
              actorId,
              historyId: h.id,
              field: item.field,
              from: item.from ?? fromText(item),
              to: item.to ?? toText(item),
            };
            timeline.targetDateChanges.push(change);
          }
      }

      const hit = attributeItem(ctx);
      if (hit === null) {
        sink.ignoredItems += 1;
        sink.ignoredByField.set(item.field, (sink.ignoredByField.get(item.field) ?? 0) + 1);
        continue;
      }
      sink.eventsFromItems += 1;
      events.push(
        new ItemEvent(
          hit.row,
          actorId,
          at,
          key,
          projectKey,
          boardIds,
          hit.weight,
          hit.sprintId,
          hit.scopeChange,
          h,
          item,
          ii,
        ),
      );
      if (hit.row !== 'delivery' && actorId !== AUTOMATION_ID) lastProductEdit = at;
    }

    statusName = nextStatus;
    category = nextCategory;
    if (!sameIds(nextSprints, inSprints)) inSprints = nextSprints;
    if (nextType !== typeName) {
      typeName = nextType;
      level = levelOf(typeName);
    }
    if (criteriaChanged) {
      const present = criteriaField || criteriaSection;
      if (timeline.criteria[timeline.criteria.length - 1]?.present !== present) {
        timeline.criteria.push({ at, present });
      }
    }
    if (estimateChanged) {
      const present = anyEstimate();
      if (timeline.estimate[timeline.estimate.length - 1]?.present !== present) {
        timeline.estimate.push({ at, present });
      }
    }
  }
  timeline.lastProductEditAt = lastProductEdit;
  // Lists grown by push keep spare capacity; exact copies keep a big site's timelines small.
  timeline.assignees = timeline.assignees.slice();
  timeline.statusChanges = timeline.statusChanges.slice();
  timeline.sprintChanges = timeline.sprintChanges.slice();
  timeline.criteria = timeline.criteria.slice();
  timeline.estimate = timeline.estimate.slice();
  timeline.targetDateChanges = timeline.targetDateChanges.slice();

  for (const c of commentsOf(issue)) {
    const at = parseTime(c.created);
    if (at === null) continue;
    sink.comments.push({
      actorId: people.author(c.author, at),
      at,
      issueKey: key,
      commentId: c.id,
    });
  }
  return timeline;
}

interface RawComment {
  id: string;
  created: string;
  author?: Parameters<PeopleRegistry['actorOf']>[0];
}

/** fields.comment.comments as Jira returns it (absent when the field was not requested). */
export function commentsOf(issue: JiraIssue): RawComment[] {
  const comment = issue.fields.comment as { comments?: unknown } | null | undefined;
  const list = comment?.comments;
  if (!Array.isArray(list)) return [];
  const out: RawComment[] = [];
  for (const raw of list) {
    if (raw === null || typeof raw !== 'object') continue;
    const c = raw as Record<string, unknown>;
    const id = typeof c.id === 'string' ? c.id : typeof c.id === 'number' ? String(c.id) : null;
    if (id === null || typeof c.created !== 'string') continue;
    const author =
      c.author !== null && typeof c.author === 'object' ? (c.author as RawComment['author']) : null;
    out.push({ id, created: c.created, author });
  }
  return out;
}
