// The product events normalise() emits. Classes rather than literals because a big site has a million of them:
// one shape, no evidence object until someone asks (the evidence is read from the history item it came from,
// through a getter; private fields keep those references out of keys, spreads and JSON).
import type { ChangeHistory, ChangeItem } from '../../jira/schemas';
import type { Evidence, ProductEvent } from '../model';
import type { RowKey } from '../rows';
import type { Attribution } from './rows';
import { formatJiraTime, jiraTimeOffset } from './time';

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
 * What an item event keeps of its history: the id, and the `created` text. Jira's decimal ids and its own time
 * layout are kept as numbers (the id itself; the offset in minutes, from which `created` is written back exactly
 * from the event's time), anything else as the text it came as. One pair per history, shared by its items.
 */
export interface HistoryRef {
  readonly id: string | number;
  readonly created: string | number;
}

/** Up to nine digits, no leading zero: a small integer whose String() is the id again. */
function smallDecimal(id: string): boolean {
  if (id.length === 0 || id.length > 9 || id.charCodeAt(0) === 48) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function historyRef(history: ChangeHistory): HistoryRef {
  return {
    id: smallDecimal(history.id) ? Number(history.id) : history.id,
    created: jiraTimeOffset(history.created) ?? history.created,
  };
}

/** The values of one change item an event keeps (shared where short, see SharedTexts). */
export interface ItemTexts {
  readonly from: string | null;
  readonly to: string | null;
}

/** An attribution with the field of the item it came from: a site has few fields, so both are shared at once. */
export interface FieldAttribution extends Attribution {
  readonly field: string;
}

/**
 * An event made from one changelog item. A big site has a million of them, so each holds only what is its own
 * (actor, time, and of its history and item what its id and evidence need, compactly: see HistoryRef) and reads
 * the rest through shared objects: its issue, and its attribution with the item's field, which Attributions hands
 * out once per distinct value. Its id and evidence are made when asked for; private fields keep them out of keys
 * and spreads.
 *
 * It keeps those values, not the history and the item: holding Jira's objects kept every history (its author, its
 * other items) alive as long as the analysis. At 50,000 issues (1 M events) the normalised site went from ~650 to
 * ~340 MB that way, and to less again with the numbers and shared texts (docs/decisions.md).
 *
 * (An object literal on a shared prototype was tried: V8 then allocates the events straight in the old generation
 * and the young-generation collector copies less, but reading them became slower than the time saved.)
 */
class ChangeItemEvent implements ItemEvent {
  readonly #attribution: FieldAttribution;
  readonly #issue: EventIssue;
  readonly #historyId: string | number;
  readonly #created: string | number;
  readonly #from: string | null;
  readonly #to: string | null;
  readonly #index: number;

  constructor(
    attribution: FieldAttribution,
    readonly actorId: string,
    readonly at: number,
    issue: EventIssue,
    history: HistoryRef,
    item: ItemTexts,
    index: number,
  ) {
    this.#attribution = attribution;
    this.#issue = issue;
    this.#historyId = history.id;
    this.#created = history.created;
    this.#from = item.from;
    this.#to = item.to;
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
    return String(this.#historyId);
  }

  get field(): string {
    return this.#attribution.field;
  }

  get evidence(): Evidence {
    return {
      issueKey: this.#issue.key,
      historyId: String(this.#historyId),
      at: typeof this.#created === 'number' ? formatJiraTime(this.at, this.#created) : this.#created,
      field: this.#attribution.field,
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
  attribution: FieldAttribution,
  actorId: string,
  at: number,
  issue: EventIssue,
  history: HistoryRef,
  item: ItemTexts,
  index: number,
): ItemEvent {
  return new ChangeItemEvent(attribution, actorId, at, issue, history, item, index);
}

function isItemEvent(e: ProductEvent): e is ItemEvent {
  return e instanceof ChangeItemEvent;
}

/**
 * One shared object per distinct attribution and field (row, weight, sprint, scope change, the item's field): a
 * site has a handful of rows, weights and product fields and a few hundred sprints, so a million events share a
 * few thousand of them.
 */
export class Attributions {
  /** row → weight → sprint id → [no scope change, false, true] → field. */
  readonly #known = new Map<
    RowKey,
    Map<number, Map<number | undefined, (Map<string, FieldAttribution> | undefined)[]>>
  >();

  intern(a: Attribution, field: string): FieldAttribution {
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
    let byField = byScope[slot];
    if (byField === undefined) {
      byField = new Map();
      byScope[slot] = byField;
    }
    const known = byField.get(field);
    if (known !== undefined) return known;
    // One shape for all of them: the events read these through one hidden class.
    const shared: FieldAttribution = {
      row: a.row,
      weight: a.weight,
      sprintId: a.sprintId,
      scopeChange: a.scopeChange,
      field,
    };
    byField.set(field, shared);
    return shared;
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
