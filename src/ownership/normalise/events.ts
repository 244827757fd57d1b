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

/** Seconds of 2000-01-01T00:00:00Z: event times are kept as seconds since then, a small integer until 2068. */
const EPOCH_SECONDS = 946_684_800;
/** The bounds a time, an offset and an item index must keep to pack (see ChangeItemEvent). */
const MAX_SECONDS = 2 ** 31 - 1;
const OFFSET_BIAS = 2048;
const MAX_INDEX = 255;

/** What an event keeps when its time, offset or index does not pack into small integers: the values themselves. */
interface UnpackedTimes {
  readonly at: number;
  /** The history's `created`: its offset in minutes, or the text when Jira's layout could not be kept as one. */
  readonly created: string | number;
  readonly index: number;
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
 * The time, the history's offset and the item's index are two small integers (V8 keeps those in the field
 * itself): the seconds since 2000, and the milliseconds, offset and index packed into 30 bits. A time as a plain
 * number is a boxed double of its own, so the two save 24 bytes an event (~23 MB at 50,000 issues). Whatever does
 * not fit (a `created` in another layout, an index past 255) is kept as it came in an object of its own; the
 * seconds field then holds 0, so it only ever holds small integers (a double there once would box every event's).
 *
 * (An object literal on a shared prototype was tried: V8 then allocates the events straight in the old generation
 * and the young-generation collector copies less, but reading them became slower than the time saved.)
 */
class ChangeItemEvent implements ItemEvent {
  readonly #attribution: FieldAttribution;
  readonly #issue: EventIssue;
  readonly #historyId: string | number;
  readonly #from: string | null;
  readonly #to: string | null;
  readonly #seconds: number;
  readonly #packed: number | UnpackedTimes;

  constructor(
    attribution: FieldAttribution,
    readonly actorId: string,
    at: number,
    issue: EventIssue,
    history: HistoryRef,
    item: ItemTexts,
    index: number,
  ) {
    this.#attribution = attribution;
    this.#issue = issue;
    this.#historyId = history.id;
    this.#from = item.from;
    this.#to = item.to;
    const created = history.created;
    const seconds = Math.floor(at / 1000) - EPOCH_SECONDS;
    const ms = at - (seconds + EPOCH_SECONDS) * 1000;
    if (
      typeof created === 'number' &&
      Math.abs(created) < OFFSET_BIAS &&
      Number.isInteger(ms) &&
      Math.abs(seconds) <= MAX_SECONDS &&
      Number.isInteger(index) &&
      index >= 0 &&
      index <= MAX_INDEX
    ) {
      this.#seconds = seconds;
      this.#packed = index * 2 ** 22 + (created + OFFSET_BIAS) * 2 ** 10 + ms;
    } else {
      this.#seconds = 0;
      this.#packed = { at, created, index };
    }
  }

  get at(): number {
    const packed = this.#packed;
    return typeof packed === 'number' ? (this.#seconds + EPOCH_SECONDS) * 1000 + (packed & 1023) : packed.at;
  }

  get #index(): number {
    const packed = this.#packed;
    return typeof packed === 'number' ? packed >> 22 : packed.index;
  }

  /** The history's `created` as Jira wrote it. */
  get #created(): string {
    const packed = this.#packed;
    if (typeof packed !== 'number') {
      return typeof packed.created === 'number' ? formatJiraTime(packed.at, packed.created) : packed.created;
    }
    return formatJiraTime(this.at, ((packed >> 10) & 4095) - OFFSET_BIAS);
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
      at: this.#created,
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
