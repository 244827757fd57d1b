// The product events normalise() emits. Classes rather than literals because a big site has a million of them:
// one shape, no evidence object until someone asks (the evidence is read from the history item it came from,
// through a getter; private fields keep those references out of keys, spreads and JSON).
import type { ChangeHistory, ChangeItem } from '../../jira/schemas';
import type { Evidence, ProductEvent } from '../model';
import type { RowKey } from '../rows';

/** `toString` is also Object.prototype's: an item without the key would hand back a function. */
export function toText(item: ChangeItem): string | null {
  return typeof item.toString === 'string' ? item.toString : null;
}
export function fromText(item: ChangeItem): string | null {
  return typeof item.fromString === 'string' ? item.fromString : null;
}

/** An event made from one changelog item. Its id and evidence are made when asked for. */
export class ItemEvent implements ProductEvent {
  readonly #history: ChangeHistory;
  readonly #item: ChangeItem;
  readonly #index: number;
  #id: string | undefined;

  constructor(
    readonly row: RowKey,
    readonly actorId: string,
    readonly at: number,
    readonly issueKey: string,
    readonly projectKey: string,
    readonly boardIds: number[],
    readonly weight: number,
    readonly sprintId: number | undefined,
    readonly scopeChange: boolean | undefined,
    history: ChangeHistory,
    item: ChangeItem,
    index: number,
  ) {
    this.#history = history;
    this.#item = item;
    this.#index = index;
  }

  /**
   * `${issueKey}/${historyId}/${itemIndex}`, made on first use and kept (join builds one flat string rather than
   * a chain of pieces). Rules that hold events by reference (RaciCell.events) never pay for it.
   */
  get id(): string {
    this.#id ??= [this.issueKey, this.#history.id, this.#index].join('/');
    return this.#id;
  }

  get evidence(): Evidence {
    const item = this.#item;
    return {
      issueKey: this.issueKey,
      historyId: this.#history.id,
      at: this.#history.created,
      field: item.field,
      from: fromText(item) ?? item.from ?? null,
      to: toText(item) ?? item.to ?? null,
    };
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
