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
import { parseSprintIds, parseTime, type SprintCatalogue } from './sprints';
import type { StatusLookup } from './statuses';
import {
  type Attributions,
  CreationEvent,
  fromText,
  historyRef,
  itemEvent,
  toText,
  type HistoryRef,
} from './events';
import type { SharedTexts } from './shared-texts';
import { hasCriteriaSection, hasText } from './text';
import { parseJiraTime } from './time';
import type { UnreadableDates } from './unreadable';

export interface ReplayEnv {
  fields: FieldLookup;
  statuses: StatusLookup;
  people: PeopleRegistry;
  sprints: SprintCatalogue;
  weights: Weights;
  attributions: Attributions;
  texts: SharedTexts;
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
  /** Some issue repeats a history id, or a key holds a '/': event ids may collide (see NormalisedSite.uniqueEventIds). */
  eventIdsMayCollide: boolean;
  /** Issues, histories and comments of issues in scope left out because their date cannot be read. */
  unreadable: UnreadableDates;
}

// Per-item scratch, reused across issues: each item's kind, and the sprint ids of Sprint items (parsed once).
const KIND_SCRATCH: FieldKind[] = [];
const SPRINT_FROM_SCRATCH: number[][] = [];
const SPRINT_TO_SCRATCH: number[][] = [];
const NO_SPRINTS: readonly number[] = Object.freeze([]);
const TARGET_KINDS = new Set<FieldKind>(['duedate', 'startDate', 'targetStart', 'targetEnd']);

function compareHistoryIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Histories oldest first whatever order they arrived in (time, then id); the input is never mutated. A history
 * whose `created` cannot be read has no place in time: it is left out and counted in `unreadable`.
 */
function orderedHistories(all: readonly ChangeHistory[]): {
  list: readonly ChangeHistory[];
  at: number[];
  unreadable: number;
} {
  let histories = all;
  let at = new Array<number>(all.length);
  let unreadable = 0;
  for (let i = 0; i < all.length; i++) {
    const t = parseJiraTime((all[i] as ChangeHistory).created);
    at[i] = t;
    if (Number.isNaN(t)) unreadable += 1;
  }
  if (unreadable > 0) {
    const keep = at.flatMap((t, i) => (Number.isNaN(t) ? [] : [i]));
    histories = keep.map((i) => all[i] as ChangeHistory);
    at = keep.map((i) => at[i] as number);
  }
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
  if (sorted) return { list: histories, at, unreadable };
  const order = histories.map((_, i) => i);
  order.sort(
    (i, j) =>
      (at[i] as number) - (at[j] as number) ||
      compareHistoryIds((histories[i] as ChangeHistory).id, (histories[j] as ChangeHistory).id),
  );
  return {
    list: order.map((i) => histories[i] as ChangeHistory),
    at: order.map((i) => at[i] as number),
    unreadable,
  };
}

/**
 * No two histories share an id. Jira never repeats one, but a hand-made snapshot may, and event ids
 * (`${issueKey}/${historyId}/${itemIndex}`) are only unique when history ids are.
 */
function distinctHistoryIds(histories: readonly ChangeHistory[]): boolean {
  // Ids strictly increasing in any order are distinct. Shorter-then-alphabetical is numeric order for Jira's
  // decimal ids and needs no number conversion; any other list is checked with a set.
  let increasing = true;
  for (let i = 1; i < histories.length && increasing; i++) {
    const a = (histories[i - 1] as ChangeHistory).id;
    const b = (histories[i] as ChangeHistory).id;
    increasing = a.length < b.length || (a.length === b.length && a < b);
  }
  return increasing || new Set(histories.map((h) => h.id)).size === histories.length;
}

/** The ids of `list` that `other` does not hold, in order (a new array). */
function idsNotIn(list: readonly number[], other: readonly number[]): number[] {
  const out: number[] = [];
  for (const id of list) if (!other.includes(id)) out.push(id);
  return out.length === 0 ? [] : out.slice();
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The first change of each field (its `from` is the value at creation), and every sprint id the issue ever named. */
interface FirstItems {
  status?: ChangeItem;
  sprint?: ChangeItem;
  type?: ChangeItem;
  assignee?: ChangeItem;
  criteria?: ChangeItem;
  description?: ChangeItem;
  /** Per estimate field id, its first change (null when no item touched an estimate). */
  estimates: Map<string, ChangeItem> | null;
  sprintIdsEver: Set<number>;
}

/** One pass over the items: their kinds (into KIND_SCRATCH, flat in replay order) and the first changes. */
function scanItems(histories: readonly ChangeHistory[], fields: FieldLookup): FirstItems {
  const first: FirstItems = { estimates: null, sprintIdsEver: new Set() };
  let k = 0;
  for (let hi = 0; hi < histories.length; hi++) {
    const items = (histories[hi] as ChangeHistory).items;
    for (let ii = 0; ii < items.length; ii++, k++) {
      const item = items[ii] as ChangeItem;
      const kind = fields.kindOf(item);
      KIND_SCRATCH[k] = kind;
      if (kind === 'status') first.status ??= item;
      else if (kind === 'sprint') {
        first.sprint ??= item;
        const from = parseSprintIds(item.from);
        const to = parseSprintIds(item.to);
        SPRINT_FROM_SCRATCH[k] = from;
        SPRINT_TO_SCRATCH[k] = to;
        for (const id of from) first.sprintIdsEver.add(id);
        for (const id of to) first.sprintIdsEver.add(id);
      } else if (kind === 'issuetype') first.type ??= item;
      else if (kind === 'assignee') first.assignee ??= item;
      else if (kind === 'acceptanceCriteria') first.criteria ??= item;
      else if (kind === 'description') first.description ??= item;
      else if (kind === 'estimate') {
        const id = fields.estimateIdOf(item);
        first.estimates ??= new Map();
        if (!first.estimates.has(id)) first.estimates.set(id, item);
      }
    }
  }
  return first;
}

/** What replayIssue answers for an issue in scope whose creation time cannot be read (see UnreadableDates). */
export const UNREADABLE_ISSUE = 'unreadable';

/**
 * `currentSprints`: the sprint ids of the issue's Sprint field, ascending. Null = the issue is out of scope;
 * UNREADABLE_ISSUE = in scope but left out (counted in `sink.unreadable`).
 */
export function replayIssue(
  issue: JiraIssue,
  currentSprints: number[],
  env: ReplayEnv,
  sink: ReplaySink,
): IssueTimeline | null | typeof UNREADABLE_ISSUE {
  const f = issue.fields;
  const projectKey = f.project.key;
  const { list: histories, at: times, unreadable } = orderedHistories(issue.changelog?.histories ?? []);
  const first = scanItems(histories, env.fields);
  for (const id of currentSprints) first.sprintIdsEver.add(id);
  const boardIds = env.boardsOf(projectKey, first.sprintIdsEver);
  if (!env.inScope(projectKey, boardIds)) return null;
  // Without a creation time the issue cannot be placed at all (its creation event, waiting times, "since
  // created"): it is left out whole and counted, rather than carrying NaN into every rule.
  if (Number.isNaN(parseJiraTime(f.created))) {
    sink.unreadable.issue(issue.key);
    return UNREADABLE_ISSUE;
  }
  if (unreadable > 0) sink.unreadable.histories(issue.key, unreadable);
  if (issue.key.includes('/') || !distinctHistoryIds(histories)) sink.eventIdsMayCollide = true;

  const replay = new IssueReplay(issue, env, sink, first, currentSprints, boardIds);
  let base = 0;
  for (let hi = 0; hi < histories.length; hi++) {
    const h = histories[hi] as ChangeHistory;
    replay.history(h, times[hi] as number, base);
    base += h.items.length;
  }
  const timeline = replay.finish();

  let unreadableComments = 0;
  for (const c of commentsOf(issue)) {
    const at = parseTime(c.created);
    if (at === null) {
      unreadableComments += 1;
      continue;
    }
    sink.comments.push({
      actorId: env.people.author(c.author, at),
      at,
      issueKey: issue.key,
      commentId: c.id,
    });
  }
  if (unreadableComments > 0) sink.unreadable.comments(issue.key, unreadableComments);
  return timeline;
}

/**
 * The replay of one issue: its state just before the history being replayed, and the timeline it writes. A class
 * whose steps are small methods because a big site runs them a million times: small functions are what the JIT
 * optimises early and keeps optimised (one big function was recompiled, and run unoptimised, again and again).
 */
class IssueReplay {
  private readonly key: string;
  private readonly projectKey: string;
  private readonly boardIds: number[];
  private readonly currentType: string;
  private readonly currentLevel: number;
  readonly timeline: IssueTimeline;
  /** One context object reused for every item: the hot loop allocates only the events it emits. */
  private readonly ctx: ItemContext;

  // State just before the history being replayed.
  private statusName: string;
  private category: StatusCategory;
  private inSprints: number[];
  private typeName: string;
  private level: number;
  private criteriaField: boolean;
  private criteriaSection: boolean;
  /** Estimate field ids and whether each holds a value (sites often have two story-points fields). */
  private readonly estimateIds: string[] = [];
  private readonly estimatePresent: boolean[] = [];
  private lastProductEdit: number | null = null;
  /** The history being replayed, as its events keep it (made for its first event). */
  private historyRef: HistoryRef | null = null;

  // State after the history being replayed, applied once all its items were judged against the state before it.
  private nextStatus = '';
  private nextCategory: StatusCategory = 'new';
  private nextSprints: number[] = [];
  private nextType = '';
  private criteriaChanged = false;
  private estimateChanged = false;

  constructor(
    issue: JiraIssue,
    private readonly env: ReplayEnv,
    private readonly sink: ReplaySink,
    first: FirstItems,
    currentSprints: number[],
    boardIds: number[],
  ) {
    const f = issue.fields;
    const { fields, statuses, people } = env;
    const product = fields.product;
    this.key = issue.key;
    this.projectKey = f.project.key;
    this.boardIds = boardIds;
    const created = parseJiraTime(f.created);
    this.currentType = f.issuetype.name;
    this.currentLevel = f.issuetype.hierarchyLevel ?? levelByName(this.currentType, f.issuetype.subtask);

    const initialSprints = first.sprint ? parseSprintIds(first.sprint.from) : [...currentSprints];
    this.statusName = first.status
      ? (fromText(first.status) ?? first.status.from ?? f.status.name)
      : f.status.name;
    this.category = first.status
      ? statuses.categoryOf(first.status.from, this.statusName)
      : statuses.categoryOfField(f.status);
    const initialStatus = this.statusName;
    const initialCategory = this.category;
    this.inSprints = initialSprints;
    this.typeName = first.type ? (fromText(first.type) ?? this.currentType) : this.currentType;
    this.level = this.levelOf(this.typeName);
    const initialLevel = this.level;
    const initialStoryLike = isStoryLike(this.typeName, this.level);
    const assignee = first.assignee
      ? people.itemValue(first.assignee.from, fromText(first.assignee), created)
      : people.personOf(f.assignee);
    this.criteriaField = first.criteria
      ? hasText(fromText(first.criteria))
      : product.acceptanceCriteria
        ? hasText(f[product.acceptanceCriteria.id])
        : false;
    this.criteriaSection = first.description
      ? hasCriteriaSection(fromText(first.description))
      : hasCriteriaSection(f.description);
    for (const id of fields.estimateIds) {
      const firstEstimate = first.estimates?.get(id);
      this.setEstimate(
        id,
        firstEstimate ? hasText(fromText(firstEstimate)) : f[id] !== null && f[id] !== undefined,
      );
    }
    if (first.estimates !== null) {
      for (const [id, item] of first.estimates) {
        if (!this.estimateIds.includes(id)) this.setEstimate(id, hasText(fromText(item)));
      }
    }

    const creatorId = people.actorOf(f.creator ?? f.reporter);
    this.timeline = {
      key: this.key,
      projectKey: this.projectKey,
      boardIds,
      summary: f.summary ?? '',
      typeName: this.currentType,
      hierarchyLevel: this.currentLevel,
      storyLike: isStoryLike(this.currentType, this.currentLevel),
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
      criteria: [{ at: created, present: this.criteriaField || this.criteriaSection }],
      estimate: [{ at: created, present: this.anyEstimate() }],
      targetDateChanges: [],
      lastProductEditAt: null,
    };

    const creation = creationAttribution(initialLevel, initialStoryLike, env.weights);
    if (creation !== null) {
      this.sink.events.push(
        new CreationEvent(
          creation.row,
          creatorId,
          created,
          this.key,
          this.projectKey,
          boardIds,
          creation.weight,
          f.created,
          this.typeName,
        ),
      );
      if (creatorId !== AUTOMATION_ID) this.lastProductEdit = created;
    }

    this.ctx = {
      kind: 'other',
      item: { field: '' } as ChangeItem,
      at: 0,
      level: this.level,
      categoryBefore: this.category,
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
      weights: env.weights,
    };
  }

  private levelOf(typeName: string): number {
    return typeName === this.currentType ? this.currentLevel : levelByName(typeName);
  }

  private setEstimate(id: string, present: boolean): void {
    const at = this.estimateIds.indexOf(id);
    if (at >= 0) {
      this.estimatePresent[at] = present;
    } else {
      this.estimateIds.push(id);
      this.estimatePresent.push(present);
    }
  }

  private anyEstimate(): boolean {
    for (let i = 0; i < this.estimatePresent.length; i++) if (this.estimatePresent[i]) return true;
    return false;
  }

  /** One history: its items judged against the state before it, then the state after it. */
  history(h: ChangeHistory, at: number, base: number): void {
    const { env, ctx } = this;
    const items = h.items;
    const actorId = env.people.author(h.author, at);
    this.sink.histories += 1;

    let historyAccepts = false;
    for (let ii = 0; ii < items.length; ii++) {
      if (KIND_SCRATCH[base + ii] === 'status') {
        const item = items[ii] as ChangeItem;
        if (env.statuses.isAcceptance(item.to, toText(item))) historyAccepts = true;
      }
    }
    // Sprint context before this history.
    let currentSprintId: number | null = null;
    let currentStart = -Infinity;
    let inStartedSprint = false;
    const inSprints = this.inSprints;
    for (let i = 0; i < inSprints.length; i++) {
      const id = inSprints[i] as number;
      const s = env.sprints.get(id);
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
    ctx.level = this.level;
    ctx.categoryBefore = this.category;
    ctx.inStartedSprint = inStartedSprint;
    ctx.historyAccepts = historyAccepts;
    ctx.currentSprintId = currentSprintId;

    this.nextStatus = this.statusName;
    this.nextCategory = this.category;
    this.nextSprints = this.inSprints;
    this.nextType = this.typeName;
    this.criteriaChanged = false;
    this.estimateChanged = false;
    this.historyRef = null;

    for (let ii = 0; ii < items.length; ii++) {
      this.item(h, items[ii] as ChangeItem, ii, base + ii, at, actorId);
    }

    this.statusName = this.nextStatus;
    this.category = this.nextCategory;
    if (!sameIds(this.nextSprints, this.inSprints)) this.inSprints = this.nextSprints;
    if (this.nextType !== this.typeName) {
      this.typeName = this.nextType;
      this.level = this.levelOf(this.typeName);
    }
    const timeline = this.timeline;
    if (this.criteriaChanged) {
      const present = this.criteriaField || this.criteriaSection;
      if (timeline.criteria[timeline.criteria.length - 1]?.present !== present) {
        timeline.criteria.push({ at, present });
      }
    }
    if (this.estimateChanged) {
      const present = this.anyEstimate();
      if (timeline.estimate[timeline.estimate.length - 1]?.present !== present) {
        timeline.estimate.push({ at, present });
      }
    }
  }

  /** One item: recorded on the timeline, then turned into an event by the row rules or counted as ignored. */
  private item(
    h: ChangeHistory,
    item: ChangeItem,
    index: number,
    k: number,
    at: number,
    actorId: string,
  ): void {
    const { env, ctx, sink, timeline } = this;
    const kind = KIND_SCRATCH[k] as FieldKind;
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
        const toName = env.texts.share(toText(item) ?? item.to ?? '');
        const fromName = env.texts.share(fromText(item) ?? item.from ?? '');
        const toCategory = env.statuses.categoryOf(item.to, toName);
        const isAcceptance = env.statuses.isAcceptance(item.to, toName);
        env.statuses.sawTransitionInto(item.to, toName);
        ctx.toCategory = toCategory;
        ctx.toAcceptance = isAcceptance;
        ctx.toStatusName = toName;
        const change: StatusChange = {
          at,
          actorId,
          historyId: h.id,
          fromStatus: fromName,
          toStatus: toName,
          fromCategory: env.statuses.categoryOf(item.from, fromName),
          toCategory,
          isAcceptance,
        };
        timeline.statusChanges.push(change);
        this.nextStatus = toName;
        this.nextCategory = toCategory;
        break;
      }
      case 'sprint': {
        const from = SPRINT_FROM_SCRATCH[k] as number[];
        const to = SPRINT_TO_SCRATCH[k] as number[];
        // Shared arrays where the lists coincide (the common first planning: from nothing to one sprint).
        const added = from.length === 0 ? to : idsNotIn(to, from);
        const removed = to.length === 0 ? from : idsNotIn(from, to);
        ctx.added = added;
        ctx.removed = removed;
        ctx.addedToStartedSprint = this.startedAt(added, at);
        const change: SprintMembershipChange = { at, actorId, historyId: h.id, added, removed, from, to };
        timeline.sprintChanges.push(change);
        this.nextSprints = to;
        break;
      }
      case 'issuetype':
        this.nextType = toText(item) ?? this.nextType;
        break;
      case 'assignee': {
        // A raw value for now: normalise() resolves it once every user has been seen.
        timeline.assignees.push({ at, accountId: env.people.itemValue(item.to, toText(item), at) });
        break;
      }
      case 'acceptanceCriteria':
        this.criteriaField = hasText(toText(item));
        this.criteriaChanged = true;
        break;
      case 'description': {
        const before = hasCriteriaSection(fromText(item));
        const after = hasCriteriaSection(toText(item));
        ctx.addsCriteriaSection = after && !before;
        this.criteriaSection = after;
        this.criteriaChanged = true;
        break;
      }
      case 'estimate':
        this.setEstimate(env.fields.estimateIdOf(item), hasText(toText(item)) || hasText(item.to));
        this.estimateChanged = true;
        break;
      default:
        if (TARGET_KINDS.has(kind)) {
          const change: TargetDateChange = {
            at,
            actorId,
            historyId: h.id,
            field: env.texts.share(item.field),
            from: env.texts.share(item.from ?? fromText(item)),
            to: env.texts.share(item.to ?? toText(item)),
          };
          timeline.targetDateChanges.push(change);
        }
    }

    const hit = attributeItem(ctx);
    if (hit === null) {
      sink.ignoredItems += 1;
      sink.ignoredByField.set(item.field, (sink.ignoredByField.get(item.field) ?? 0) + 1);
      return;
    }
    sink.eventsFromItems += 1;
    this.historyRef ??= historyRef(h);
    const texts = env.texts;
    sink.events.push(
      itemEvent(
        env.attributions.intern(hit, item.field),
        actorId,
        at,
        timeline,
        this.historyRef,
        {
          from: texts.evidence(fromText(item) ?? item.from ?? null),
          to: texts.evidence(toText(item) ?? item.to ?? null),
        },
        index,
      ),
    );
    if (hit.row !== 'delivery' && actorId !== AUTOMATION_ID) this.lastProductEdit = at;
  }

  /** Some of the sprints had started and were not complete at `at`. */
  private startedAt(sprintIds: readonly number[], at: number): boolean {
    for (let i = 0; i < sprintIds.length; i++) {
      const s = this.env.sprints.get(sprintIds[i] as number);
      if (s !== undefined && s.start !== null && s.start <= at && (s.complete ?? Infinity) > at) return true;
    }
    return false;
  }

  /** The timeline, its lists copied to their exact size (lists grown by push keep spare capacity). */
  finish(): IssueTimeline {
    const timeline = this.timeline;
    timeline.lastProductEditAt = this.lastProductEdit;
    timeline.assignees = timeline.assignees.slice();
    timeline.statusChanges = timeline.statusChanges.slice();
    timeline.sprintChanges = timeline.sprintChanges.slice();
    timeline.criteria = timeline.criteria.slice();
    timeline.estimate = timeline.estimate.slice();
    timeline.targetDateChanges = timeline.targetDateChanges.slice();
    return timeline;
  }
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
