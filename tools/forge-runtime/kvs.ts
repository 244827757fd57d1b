// Forge's Key-Value Store as @forge/kvs reaches it: every call is `POST /api/v1/<operation>` through
// `global.__forge_fetch__({ type: 'kvs' }, …)` with a JSON body, and the answer is parsed by @forge/kvs itself
// (storage-api.js, utils/error-handling.js). This answers exactly those shapes from an in-process store per
// installation, with Forge's documented limits: a non-2xx answer carries `{ code, message }`, which @forge/kvs
// turns into `ForgeKvsAPIError` (`code` KEY_TOO_LONG, MAX_SIZE, RATE_LIMIT_EXCEEDED, …), and 404 KEY_NOT_FOUND,
// which it turns into `undefined` for get and delete.
import { z } from 'zod';
import { SYSTEM_CLOCK, type Clock } from '../../src/jira/clock';
import { jsonAnswer } from './answer';
import { jsonBytes, KVS_LIMITS } from './limits';
import { RateWindow } from './rate-window';

/** What a test or the benchmark reads off the store of one installation. */
export interface KvsStats {
  /** Read operations served: get, query, batch get (each one, whatever its size). */
  reads: number;
  /** Write operations served: set, delete, batch set/delete, a transaction (one each). */
  writes: number;
  /** The same in Forge's 10 KB rate units, which the per-minute quotas count. */
  readUnits: number;
  writeUnits: number;
  /** Bytes of the answers to reads and of the requests that wrote. */
  bytesRead: number;
  bytesWritten: number;
  /** Requests answered with an error, by the error code @forge/kvs will report. */
  refused: Record<string, number>;
  /** Keys stored now (not expired), secrets excluded. */
  keys: number;
  /** Their keys and values as JSON, in bytes: what the app keeps in storage. */
  storedBytes: number;
}

interface Stored {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireAt?: number;
}

type Namespace = 'kvs' | 'secret';

const METADATA = z.array(z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'])).optional();
const TTL_UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;
const Ttl = z.object({
  value: z.number().int().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']),
});
/** A JSON value: present (JSON.stringify drops an undefined one, so a missing field means none was given). */
const Value = z.unknown().refine((value) => value !== undefined, 'a value is required');
const Entity = z.string().optional();

const GetRequest = z.object({ key: z.string(), options: z.object({ metadataFields: METADATA }).optional() });
const SetRequest = z.object({
  key: z.string(),
  value: Value,
  options: z
    .object({
      ttl: Ttl.optional(),
      keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
      returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
      returnMetadataFields: METADATA,
    })
    .optional(),
});
const DeleteRequest = z.object({ key: z.string() });
const QueryRequest = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z
    .array(
      z.object({
        property: z.literal('key'),
        condition: z.literal('BEGINS_WITH'),
        values: z.tuple([z.union([z.string(), z.number()])]),
      }),
    )
    .max(1)
    .optional(),
  options: z.object({ metadataFields: METADATA }).optional(),
});
const BatchSetRequest = z.array(
  z.object({
    key: z.string(),
    value: Value,
    entityName: Entity,
    options: z.object({ ttl: Ttl.optional() }).optional(),
  }),
);
const BatchKeysRequest = z.array(z.object({ key: z.string(), entityName: Entity }).loose());
const TransactionRequest = z.object({
  set: z
    .array(
      z.object({
        key: z.string(),
        value: Value,
        entityName: Entity,
        conditions: z.unknown().optional(),
        options: z.object({ ttl: Ttl.optional() }).optional(),
      }),
    )
    .optional(),
  delete: z
    .array(z.object({ key: z.string(), entityName: Entity, conditions: z.unknown().optional() }))
    .optional(),
  check: z.array(z.unknown()).optional(),
});

interface KvsFailure {
  status: number;
  code: string;
  message: string;
}

class KvsRefusal extends Error {
  constructor(readonly failure: KvsFailure) {
    super(failure.message);
  }
}

const bad = (message: string): KvsRefusal => new KvsRefusal({ status: 400, code: 'BAD_REQUEST', message });
const NOT_FOUND: KvsFailure = { status: 404, code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' };
const ENTITIES_NOT_EMULATED =
  'Custom entities (entityName, conditions, checks) are not emulated by the local Forge runtime; use plain keys.';

/** Why Forge would refuse this key, if it would. */
function keyProblem(key: string): KvsFailure | undefined {
  if (key.length === 0) return { status: 400, code: 'KEY_TOO_SHORT', message: 'The key must not be empty.' };
  if (key.length > KVS_LIMITS.keyChars) {
    return {
      status: 400,
      code: 'KEY_TOO_LONG',
      message: `The key has ${key.length} characters; Forge allows at most ${KVS_LIMITS.keyChars}.`,
    };
  }
  if (!KVS_LIMITS.keyPattern.test(key)) {
    return {
      status: 400,
      code: 'INVALID_KEY',
      message: `The key ${JSON.stringify(key.slice(0, 60))} does not match ${String(KVS_LIMITS.keyPattern)}.`,
    };
  }
  return undefined;
}

function valueProblem(value: unknown): KvsFailure | undefined {
  const bytes = jsonBytes(value);
  if (bytes <= KVS_LIMITS.valueBytes) return undefined;
  return {
    status: 400,
    code: 'MAX_SIZE',
    message: `The value is ${bytes} bytes as JSON; Forge allows at most ${KVS_LIMITS.valueBytes} (240 KiB).`,
  };
}

function checkEntry(key: string, value?: unknown): void {
  const problem = keyProblem(key) ?? (value === undefined ? undefined : valueProblem(value));
  if (problem) throw new KvsRefusal(problem);
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw bad(`Provided request body is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** Forge counts each request in 10 KB units, rounded up: 10 KB or less is one, 65 KB is seven. */
function unitsOf(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / KVS_LIMITS.unitBytes));
}

const cursorOf = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');
function keyOfCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (cursorOf(key) !== cursor) throw bad('The cursor is not one this store returned.');
  return key;
}

function uniqueKeys(keys: string[], what: string): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw bad(`${what} names the key ${JSON.stringify(key)} more than once.`);
    seen.add(key);
  }
}

function noEntities(items: { entityName?: string | undefined; conditions?: unknown }[]): void {
  if (items.some((item) => item.entityName !== undefined || item.conditions !== undefined)) {
    throw bad(ENTITIES_NOT_EMULATED);
  }
}

type Reply = { status: number; body?: unknown };
type Kind = 'read' | 'write';

/** One installation's data and quotas. */
class InstallationStore {
  private readonly data = new Map<string, Stored>();
  private readonly readWindow: RateWindow;
  private readonly writeWindow: RateWindow;
  readonly stats: Omit<KvsStats, 'keys' | 'storedBytes'> = {
    reads: 0,
    writes: 0,
    readUnits: 0,
    writeUnits: 0,
    bytesRead: 0,
    bytesWritten: 0,
    refused: {},
  };

  constructor(private readonly clock: Pick<Clock, 'now'>) {
    this.readWindow = new RateWindow(KVS_LIMITS.readUnitsPerMinute, KVS_LIMITS.rateWindowMs, clock);
    this.writeWindow = new RateWindow(KVS_LIMITS.writeUnitsPerMinute, KVS_LIMITS.rateWindowMs, clock);
  }

  keyCount(): number {
    return this.liveKeys().length;
  }

  storedBytes(): number {
    return this.liveKeys().reduce(
      (n, id) => n + Buffer.byteLength(id) - 'kvs:'.length + jsonBytes(this.data.get(id)?.value),
      0,
    );
  }

  private liveKeys(): string[] {
    return [...this.data.keys()].filter((id) => id.startsWith('kvs:') && this.live(id) !== undefined);
  }

  handle(path: string, text: string): Response {
    const requestBytes = Buffer.byteLength(text);
    let admitted: Kind | undefined;
    try {
      const [kind, run] = this.operation(path, this.bodyOf(text), requestBytes);
      this.admit(kind, requestBytes);
      admitted = kind;
      const reply = run();
      const answer = reply.body === undefined ? '' : JSON.stringify(reply.body);
      if (kind === 'read') this.chargeRead(answer);
      return new Response(answer === '' ? null : answer, {
        status: reply.status,
        headers: answer === '' ? {} : { 'content-type': 'application/json' },
      });
    } catch (error) {
      if (!(error instanceof KvsRefusal)) throw error;
      const { status, code, message } = error.failure;
      // A read that reached the store (a key not found) is a read all the same.
      if (admitted === 'read') this.chargeRead(JSON.stringify({ code, message }));
      this.stats.refused[code] = (this.stats.refused[code] ?? 0) + 1;
      return jsonAnswer(status, { code, message });
    }
  }

  private chargeRead(answer: string): void {
    const bytes = Buffer.byteLength(answer);
    const units = unitsOf(bytes);
    this.readWindow.spend(units);
    this.stats.reads += 1;
    this.stats.readUnits += units;
    this.stats.bytesRead += bytes;
  }

  private bodyOf(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw bad('Provided request body is not JSON.');
    }
  }

  /**
   * The quota check. A read's size is only known once answered, so a read is let in while one unit fits and
   * charged its real size after; a write is charged its request size up front.
   */
  private admit(kind: Kind, requestBytes: number): void {
    const window = kind === 'read' ? this.readWindow : this.writeWindow;
    const units = kind === 'read' ? 1 : unitsOf(requestBytes);
    if (!window.allows(units)) {
      const quota = kind === 'read' ? KVS_LIMITS.readUnitsPerMinute : KVS_LIMITS.writeUnitsPerMinute;
      throw new KvsRefusal({
        status: 429,
        code: 'RATE_LIMIT_EXCEEDED',
        message:
          `This ${kind} needs ${units} unit(s) of 10 KB, and ${window.used()} of the ${quota} ${kind} units ` +
          'a minute of this installation are spent.',
      });
    }
    if (kind === 'write') {
      window.spend(units);
      this.stats.writes += 1;
      this.stats.writeUnits += units;
      this.stats.bytesWritten += requestBytes;
    }
  }

  /** Which operation a path is, whether it reads or writes, and the work (validated before any quota is spent). */
  private operation(path: string, body: unknown, bytes: number): [Kind, () => Reply] {
    const secret = path.startsWith('/api/v1/secret/');
    const ns: Namespace = secret ? 'secret' : 'kvs';
    switch (path) {
      case '/api/v1/get':
      case '/api/v1/secret/get': {
        const request = parse(GetRequest, body);
        checkEntry(request.key);
        return ['read', () => this.get(ns, request.key)];
      }
      case '/api/v1/set':
      case '/api/v1/secret/set': {
        const request = parse(SetRequest, body);
        checkEntry(request.key, request.value);
        return ['write', () => this.set(ns, request)];
      }
      case '/api/v1/delete':
      case '/api/v1/secret/delete': {
        const { key } = parse(DeleteRequest, body);
        checkEntry(key);
        return ['write', () => (this.remove(ns, key) ? { status: 204 } : this.fail(NOT_FOUND))];
      }
      case '/api/v1/query':
        return this.query(parse(QueryRequest, body));
      case '/api/v1/batch/set':
        return this.batchSet(parse(BatchSetRequest, body), bytes);
      case '/api/v1/batch/get':
      case '/api/v1/batch/delete':
        return this.batchKeys(
          path === '/api/v1/batch/get' ? 'read' : 'write',
          parse(BatchKeysRequest, body),
          bytes,
        );
      case '/api/v1/transaction':
        return this.transaction(parse(TransactionRequest, body), bytes);
      default:
        if (path.startsWith('/api/v1/entity/')) throw bad(ENTITIES_NOT_EMULATED);
        throw new KvsRefusal({ status: 404, code: 'NOT_FOUND', message: `No KVS operation at ${path}.` });
    }
  }

  private fail(failure: KvsFailure): never {
    throw new KvsRefusal(failure);
  }

  private live(id: string): Stored | undefined {
    const entry = this.data.get(id);
    if (entry?.expireAt !== undefined && entry.expireAt <= this.clock.now()) {
      this.data.delete(id);
      return undefined;
    }
    return entry;
  }

  private shape(key: string, entry: Stored, fields?: readonly string[]): Record<string, unknown> {
    const all = fields === undefined;
    return {
      key,
      value: entry.value,
      ...(all || fields.includes('CREATED_AT') ? { createdAt: entry.createdAt } : {}),
      ...(all || fields.includes('UPDATED_AT') ? { updatedAt: entry.updatedAt } : {}),
      ...(entry.expireAt !== undefined && (all || fields.includes('EXPIRE_TIME'))
        ? { expireTime: new Date(entry.expireAt).toISOString() }
        : {}),
    };
  }

  private get(ns: Namespace, key: string): Reply {
    const entry = this.live(`${ns}:${key}`);
    return entry ? { status: 200, body: this.shape(key, entry) } : this.fail(NOT_FOUND);
  }

  private put(ns: Namespace, key: string, value: unknown, ttl?: z.infer<typeof Ttl>): Stored {
    const now = this.clock.now();
    const previous = this.live(`${ns}:${key}`);
    const entry: Stored = {
      // JSON in, JSON out: what is stored is what a later get would parse.
      value: JSON.parse(JSON.stringify(value)) as unknown,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(ttl ? { expireAt: now + ttl.value * TTL_UNIT_MS[ttl.unit] } : {}),
    };
    this.data.set(`${ns}:${key}`, entry);
    return entry;
  }

  private set(ns: Namespace, request: z.infer<typeof SetRequest>): Reply {
    const previous = this.live(`${ns}:${request.key}`);
    const options = request.options;
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      return this.fail({
        status: 409,
        code: 'KEY_ALREADY_EXISTS',
        message: `The key ${request.key} exists and keyPolicy is FAIL_IF_EXISTS.`,
      });
    }
    const entry = this.put(ns, request.key, request.value, options?.ttl);
    if (options?.returnValue === undefined) return { status: 204 };
    const returned = options.returnValue === 'LATEST' ? entry : previous;
    return returned ? { status: 200, body: this.shape(request.key, returned) } : { status: 200 };
  }

  private remove(ns: Namespace, key: string): boolean {
    const existed = this.live(`${ns}:${key}`) !== undefined;
    this.data.delete(`${ns}:${key}`);
    return existed;
  }

  private query(request: z.infer<typeof QueryRequest>): [Kind, () => Reply] {
    const limit = request.limit ?? KVS_LIMITS.queryDefaultLimit;
    if (limit < 1 || limit > KVS_LIMITS.queryMaxLimit) {
      throw bad(`The query limit is ${limit}; Forge allows 1 to ${KVS_LIMITS.queryMaxLimit}.`);
    }
    const prefix = String(request.where?.[0]?.values[0] ?? '');
    const after = request.after === undefined ? undefined : keyOfCursor(request.after);
    return [
      'read',
      () => {
        const matches = [...this.data.keys()]
          .filter((id) => id.startsWith('kvs:'))
          .map((id) => ({ key: id.slice('kvs:'.length), entry: this.live(id) }))
          .filter(({ key, entry }) => entry && key.startsWith(prefix) && (after === undefined || key > after))
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const page = matches.slice(0, limit);
        const last = page.at(-1);
        const fields = request.options?.metadataFields ?? [];
        return {
          status: 200,
          body: {
            data: page.flatMap(({ key, entry }) => (entry ? [this.shape(key, entry, fields)] : [])),
            ...(matches.length > limit && last !== undefined ? { cursor: cursorOf(last.key) } : {}),
          },
        };
      },
    ];
  }

  private batchLimits(count: number, bytes: number, keys: string[]): void {
    if (count === 0) throw bad('A batch needs at least one key.');
    if (count > KVS_LIMITS.batchItems) {
      throw bad(`A batch may hold ${KVS_LIMITS.batchItems} keys; this one has ${count}.`);
    }
    if (bytes > KVS_LIMITS.batchBytes) {
      throw bad(`A batch may carry ${KVS_LIMITS.batchBytes} bytes; this one has ${bytes}.`);
    }
    uniqueKeys(keys, 'The batch');
  }

  private batchSet(items: z.infer<typeof BatchSetRequest>, bytes: number): [Kind, () => Reply] {
    this.batchLimits(
      items.length,
      bytes,
      items.map((item) => `${item.entityName ?? ''}/${item.key}`),
    );
    return [
      'write',
      () => {
        const successfulKeys: { key: string }[] = [];
        const failedKeys: { key: string; error: { code: string; message: string } }[] = [];
        for (const item of items) {
          const problem =
            item.entityName === undefined
              ? (keyProblem(item.key) ?? valueProblem(item.value))
              : { status: 400, code: 'BAD_REQUEST', message: ENTITIES_NOT_EMULATED };
          if (problem) {
            failedKeys.push({ key: item.key, error: { code: problem.code, message: problem.message } });
          } else {
            this.put('kvs', item.key, item.value, item.options?.ttl);
            successfulKeys.push({ key: item.key });
          }
        }
        return { status: 200, body: { successfulKeys, failedKeys } };
      },
    ];
  }

  private batchKeys(kind: Kind, items: z.infer<typeof BatchKeysRequest>, bytes: number): [Kind, () => Reply] {
    this.batchLimits(
      items.length,
      bytes,
      items.map((item) => `${item.entityName ?? ''}/${item.key}`),
    );
    noEntities(items);
    return [
      kind,
      () => {
        const successfulKeys: Record<string, unknown>[] = [];
        const failedKeys: { key: string; error: { code: string; message: string } }[] = [];
        for (const { key } of items) {
          const problem = keyProblem(key);
          const entry = problem ? undefined : this.live(`kvs:${key}`);
          if (problem) failedKeys.push({ key, error: { code: problem.code, message: problem.message } });
          else if (!entry)
            failedKeys.push({ key, error: { code: NOT_FOUND.code, message: NOT_FOUND.message } });
          else if (kind === 'read') successfulKeys.push(this.shape(key, entry));
          else {
            this.data.delete(`kvs:${key}`);
            successfulKeys.push({ key });
          }
        }
        return { status: 200, body: { successfulKeys, failedKeys } };
      },
    ];
  }

  /** All or nothing: every limit is checked before anything is written. */
  private transaction(request: z.infer<typeof TransactionRequest>, bytes: number): [Kind, () => Reply] {
    const sets = request.set ?? [];
    const deletes = request.delete ?? [];
    const operations = sets.length + deletes.length + (request.check?.length ?? 0);
    if (operations === 0) throw bad('A transaction needs at least one operation.');
    if (operations > KVS_LIMITS.transactionOperations) {
      throw bad(
        `A transaction may hold ${KVS_LIMITS.transactionOperations} operations; this one has ${operations}.`,
      );
    }
    if (bytes > KVS_LIMITS.transactionBytes) {
      throw bad(
        `A transaction may carry ${KVS_LIMITS.transactionBytes} bytes (4 MB); this one has ${bytes}.`,
      );
    }
    if (request.check !== undefined) throw bad(ENTITIES_NOT_EMULATED);
    noEntities([...sets, ...deletes]);
    uniqueKeys(
      [...sets, ...deletes].map((operation) => operation.key),
      'The transaction',
    );
    for (const operation of sets) checkEntry(operation.key, operation.value);
    for (const operation of deletes) checkEntry(operation.key);
    return [
      'write',
      () => {
        for (const operation of sets) this.put('kvs', operation.key, operation.value, operation.options?.ttl);
        for (const operation of deletes) this.data.delete(`kvs:${operation.key}`);
        return { status: 204 };
      },
    ];
  }
}

/** The KVS of every installation the runtime serves, on one clock. */
export class KvsService {
  private readonly stores = new Map<string, InstallationStore>();

  constructor(private readonly clock: Pick<Clock, 'now'> = SYSTEM_CLOCK) {}

  private store(installationId: string): InstallationStore {
    let store = this.stores.get(installationId);
    if (!store) {
      store = new InstallationStore(this.clock);
      this.stores.set(installationId, store);
    }
    return store;
  }

  /** Answers one @forge/kvs request of `installationId` as Forge's KVS would. */
  async handle(installationId: string, path: string, init: RequestInit | undefined): Promise<Response> {
    const text = typeof init?.body === 'string' ? init.body : '';
    return this.store(installationId).handle(path, text);
  }

  stats(installationId: string): KvsStats {
    const store = this.store(installationId);
    return {
      ...store.stats,
      refused: { ...store.stats.refused },
      keys: store.keyCount(),
      storedBytes: store.storedBytes(),
    };
  }
}
