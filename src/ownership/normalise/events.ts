// The product events normalise() emits. Classes rather than literals because a big site has a million of them:
// one shape, no evidence object until someone asks (the evidence is read from the history item it came from,
// through a getter; private fields keep those references out of keys, spreads and JSON).
import type { ChangeHistory, ChangeItem } from '../../jira/schemas';
import type { Evidence, ProductEvent } from '../model';
import type { RowKey } from '../rows';
import type { Attribution } from './rows';

/** `toString` is also Object.prototype's: an item without the key would hand back a function. */
export function toText(item: ChangeItem): string | null {
  return typeof item.toString === 'string' ? item.toString : null;
}
export function fromText(item: ChangeItem): string | null {
  return typeof item.fromString === 'string' ? item.fromString : null;
}

/** Where an item event sits: its issue's key, project and boards (the issue's timeline carries all three). */
export interface EventIssue {
  readonly key: string;
  readonly projectKey: string;
  readonly boardIds: number[];
}

/** A product event made from one changelog item; it also names its history and field without building evidence. */
export interface ItemEvent extends ProductEvent {
  readonly historyId: string;
  readonly field: string;
}

/**
 * An event made from one changelog item. A big site has a million of them, so each holds only what is its own
 * (actor, time, and of its history and item the strings its id and evidence need) and reads the rest through
 * shared objects: its issue, and its attribution, which Attributions hands out once per distinct value. Its id and
 * evidence are made when asked for; private fields keep them out of keys and spreads.
 *
 * It keeps those strings, not the history and the item: holding Jira's objects kept every history (its author, its
 * other items) alive as long as the analysis, two fifths of the normalised site's heap (746 → 437 B an event at
 * 10k, timelines included).
 *
 * (An object literal on a shared prototype was tried: V8 then allocates the events straight in the old generation
 * and the young-generation collector copies less, but reading them became slower than the time saved.)
 */
class ChangeItemEvent implements ItemEvent {
  readonly #attribution: Attribution;
  readonly #issue: EventIssue;
  readonly #historyId: string;
  readonly #created: string;
  readonly #field: string;
  readonly #from: string | null;
  readonly #to: string | null;
  readonly #index: number;

  constructor(
    attribution: Attribution,
    readonly actorId: string,
    readonly at: number,
    issue: EventIssue,
    history: ChangeHistory,
    item: ChangeItem,
    index: number,
  ) {
    this.#attribution = attribution;
    this.#issue = issue;
    this.#historyId = history.id;
    this.#created = history.created;
    this.#field = item.field;
    this.#from = fromText(item) ?? item.from ?? null;
    this.#to = toText(item) ?? item.to ?? null;
    this.#index = index;
  }

  get row(): RowKey {
    return this.#attribution.row;
  }

  get weight(): number {
    return this.#attribution.weight;
  }

  get sprintId(): number | undefined {
    return this.#attribution.sprintId;
  }

  get scopeChange(): boolean | undefined {
    return this.#attribution.scopeChange;
  }

  get issueKey(): string {
    return this.#issue.key;
  }

  get projectKey(): string {
    return this.#issue.projectKey;
  }

  get boardIds(): number[] {
    return this.#issue.boardIds;
  }

  /**
   * `${issueKey}/${historyId}/${itemIndex}`, made on each use and not kept (join builds one flat string rather
   * than a chain of pieces). Rules that hold events by reference (RaciCell.events) never ask for it.
   */
  get id(): string {
    return [this.#issue.key, this.#historyId, this.#index].join('/');
  }

  get historyId(): string {
    return this.#historyId;
  }

  get field(): string {
    return this.#field;
  }

  get evidence(): Evidence {
    return {
      issueKey: this.#issue.key,
      historyId: this.#historyId,
      at: this.#created,
      field: this.#field,
      from: this.#from,
      to: this.#to,
    };
  }

  /** JSON shows the event as a product event reads (its fields live in shared objects, not on the event). */
  toJSON(): object {
    return {
      row: this.row,
      actorId: this.actorId,
      at: this.at,
      issueKey: this.issueKey,
      projectKey: this.projectKey,
      boardIds: this.boardIds,
      weight: this.weight,
      sprintId: this.sprintId,
      scopeChange: this.scopeChange,
    };
  }
}

/** The event of one changelog item (see ChangeItemEvent). */
export function itemEvent(
  attribution: Attribution,
  actorId: string,
  at: number,
  issue: EventIssue,
  history: ChangeHistory,
  item: ChangeItem,
  index: number,
): ItemEvent {
  return new ChangeItemEvent(attribution, actorId, at, issue, history, item, index);
}

function isItemEvent(e: ProductEvent): e is ItemEvent {
  return e instanceof ChangeItemEvent;
}

/**
 * One shared object per distinct attribution (row, weight, sprint, scope change): a site has a handful of rows and
 * weights and a few hundred sprints, so a million events share a few thousand of them.
 */
export class Attributions {
  /** row → weight → sprint id → [no scope change, false, true]. */
  readonly #known = new Map<RowKey, Map<number, Map<number | undefined, (Attribution | undefined)[]>>>();

  intern(a: Attribution): Attribution {
    let byWeight = this.#known.get(a.row);
    if (byWeight === undefined) {
      byWeight = new Map();
      this.#known.set(a.row, byWeight);
    }
    let bySprint = byWeight.get(a.weight);
    if (bySprint === undefined) {
      bySprint = new Map();
      byWeight.set(a.weight, bySprint);
    }
    let byScope = bySprint.get(a.sprintId);
    if (byScope === undefined) {
      byScope = [undefined, undefined, undefined];
      bySprint.set(a.sprintId, byScope);
    }
    const slot = a.scopeChange === undefined ? 0 : a.scopeChange ? 2 : 1;
    const known = byScope[slot];
    if (known !== undefined) return known;
    byScope[slot] = a;
    return a;
  }
}

/** Creating an issue (roadmap item or story). */
export class CreationEvent implements ProductEvent {
  readonly id: string;
  readonly sprintId = undefined;
  readonly scopeChange = undefined;
  readonly #created: string;
  readonly #typeName: string;

  constructor(
    readonly row: RowKey,
    readonly actorId: string,
    readonly at: number,
    readonly issueKey: string,
    readonly projectKey: string,
    readonly boardIds: number[],
    readonly weight: number,
    created: string,
    typeName: string,
  ) {
    this.id = `${issueKey}/created`;
    this.#created = created;
    this.#typeName = typeName;
  }

  get evidence(): Evidence {
    return { issueKey: this.issueKey, at: this.#created, field: 'created', from: null, to: this.#typeName };
  }
}

/**
 * `evidence.historyId` and `evidence.field` of any event. Normalised events answer without building their evidence
 * object (rules look these up on many events to find one); hand-made events answer through their evidence.
 */
export function historyIdOf(e: ProductEvent): string | undefined {
  if (isItemEvent(e)) return e.historyId;
  if (e instanceof CreationEvent) return undefined;
  return e.evidence.historyId;
}

export function fieldOf(e: ProductEvent): string | undefined {
  if (isItemEvent(e)) return e.field;
  if (e instanceof CreationEvent) return 'created';
  return e.evidence.field;
}
