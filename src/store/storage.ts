// Forge's key-value store (@forge/kvs) as the store uses it: values checked with zod on the way out, writes in
// batches that keep to KVS's limits (25 keys, 4 MB a request), values too big for one key (240 KiB) split over
// several, listing by key prefix page by page, and KVS's per-minute quota met by waiting, never by failing.
import kvs, { WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { Clock } from '../jira/clock';

/** KVS's documented limits that the store's own layout must respect (tools/forge-runtime enforces them too). */
export const STORAGE_LIMITS = {
  batchKeys: 25,
  /** Below KVS's 4 MB a request, with room for the keys and the envelope. */
  batchBytes: 3_500_000,
  /** Below KVS's 240 KiB a value: what a split value's pieces are cut to (JSON escaping can grow a piece). */
  pieceChars: 150_000,
  queryPage: 100,
} as const;

const MINUTE_MS = 60_000;
/** KVS counts its per-minute quotas in units of 10 KB. */
const KVS_UNIT_BYTES = 10_000;
/** Background work's share of KVS's 4,000 read units a minute: the rest is kept for views. */
export const BACKGROUND_READ_UNITS_PER_MINUTE = 3_000;

/** How long to wait when KVS says its per-minute quota is spent: a sliding minute frees up within it. */
const QUOTA_WAIT_MS = 5_000;

export class StorageQuotaError extends Error {
  override name = 'StorageQuotaError';
}

function isQuotaRefusal(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  const status = (error as { responseDetails?: { status?: unknown } }).responseDetails?.status;
  return code === 'RATE_LIMIT_EXCEEDED' || status === 429;
}

export interface Entry {
  key: string;
  value: unknown;
}

export class Storage {
  /** KVS requests made and time waited for its quota, for the benchmark and tests. */
  readonly stats = { requests: 0, waitedMs: 0 };

  /** Read units of the last minute, when reads are paced. */
  private readonly reads: { at: number; units: number }[] = [];

  /**
   * `deadline` (epoch ms on `clock`): no wait for KVS's quota runs past it. `readUnitsPerMinute`: background work
   * paces its own reads below KVS's per-installation quota, so the views people are waiting for still get theirs.
   */
  constructor(
    private readonly clock: Clock,
    private readonly deadline: number = Number.POSITIVE_INFINITY,
    private readonly readUnitsPerMinute?: number,
  ) {}

  /** A read, paced when asked: waits while the last minute's reads fill the pace, then counts this one's units. */
  private async read<T>(work: () => Promise<T>): Promise<T> {
    const limit = this.readUnitsPerMinute;
    if (limit === undefined) return this.call(work);
    for (;;) {
      const now = this.clock.now();
      while (this.reads.length > 0 && (this.reads[0]?.at ?? now) <= now - MINUTE_MS) this.reads.shift();
      const used = this.reads.reduce((n, r) => n + r.units, 0);
      const oldest = this.reads[0];
      if (used < limit || oldest === undefined) break;
      const wait = oldest.at + MINUTE_MS - now;
      if (now + wait > this.deadline) {
        throw new StorageQuotaError('Forge storage is busy for this app; the work goes on in the next run.');
      }
      this.stats.waitedMs += wait;
      await this.clock.sleep(wait);
    }
    const result = await this.call(work);
    const bytes = Buffer.byteLength(JSON.stringify(result) ?? '');
    this.reads.push({ at: this.clock.now(), units: Math.max(1, Math.ceil(bytes / KVS_UNIT_BYTES)) });
    return result;
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    for (;;) {
      this.stats.requests += 1;
      try {
        return await work();
      } catch (error) {
        if (!isQuotaRefusal(error)) throw error;
        if (this.clock.now() + QUOTA_WAIT_MS > this.deadline) {
          throw new StorageQuotaError(
            'Forge storage is busy for this app; the work goes on in the next run.',
          );
        }
        this.stats.waitedMs += QUOTA_WAIT_MS;
        await this.clock.sleep(QUOTA_WAIT_MS);
      }
    }
  }

  async get<S extends z.ZodType>(key: string, schema: S): Promise<z.infer<S> | undefined> {
    const value = await this.read(() => kvs.get<unknown>(key));
    return value === undefined ? undefined : schema.parse(value);
  }

  async getMany<S extends z.ZodType>(keys: readonly string[], schema: S): Promise<Map<string, z.infer<S>>> {
    const found = new Map<string, z.infer<S>>();
    for (let from = 0; from < keys.length; from += STORAGE_LIMITS.batchKeys) {
      const batch = keys.slice(from, from + STORAGE_LIMITS.batchKeys).map((key) => ({ key }));
      const answer = await this.read(() => kvs.batchGet<unknown>(batch));
      for (const item of answer.successfulKeys) found.set(item.key, schema.parse(item.value));
    }
    return found;
  }

  /** Writes every entry, in as few requests as KVS's limits allow; a key it refuses fails the whole call. */
  async setMany(entries: readonly Entry[]): Promise<void> {
    let batch: Entry[] = [];
    let bytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const sent = batch;
      batch = [];
      bytes = 0;
      const answer = await this.call(() => kvs.batchSet(sent.map(({ key, value }) => ({ key, value }))));
      const failed = answer.failedKeys[0];
      if (failed !== undefined) {
        throw new Error(`Forge storage refused ${failed.key}: ${failed.error.code} ${failed.error.message}`);
      }
    };
    for (const entry of entries) {
      const size = Buffer.byteLength(JSON.stringify(entry.value)) + entry.key.length;
      if (batch.length >= STORAGE_LIMITS.batchKeys || bytes + size > STORAGE_LIMITS.batchBytes) await flush();
      batch.push(entry);
      bytes += size;
    }
    await flush();
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    for (let from = 0; from < keys.length; from += STORAGE_LIMITS.batchKeys) {
      const batch = keys.slice(from, from + STORAGE_LIMITS.batchKeys).map((key) => ({ key }));
      await this.call(() => kvs.batchDelete(batch));
    }
  }

  /** Every entry whose key starts with `prefix`, in key order, a page at a time. */
  async *list<S extends z.ZodType>(
    prefix: string,
    schema: S,
  ): AsyncGenerator<{ key: string; value: z.infer<S> }> {
    let cursor: string | undefined;
    do {
      let query = kvs
        .query()
        .where('key', WhereConditions.beginsWith(prefix))
        .limit(STORAGE_LIMITS.queryPage);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await this.read(() => query.getMany<unknown>());
      for (const result of page.results) yield { key: result.key, value: schema.parse(result.value) };
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  /**
   * A value of any size under one key: its JSON cut into pieces under `key`, `key#1`, `key#2`…, written in one
   * transaction when they fit in one (a state and its checkpoint never half-written), pieces left over from a
   * bigger earlier value deleted.
   */
  async putWhole(key: string, value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    const pieces: string[] = [];
    for (let at = 0; at < text.length || pieces.length === 0; at += STORAGE_LIMITS.pieceChars) {
      pieces.push(text.slice(at, at + STORAGE_LIMITS.pieceChars));
    }
    const before = await this.call(() => kvs.get<unknown>(key));
    const beforePieces = pieceCountOf(before);
    const sets: Entry[] = pieces.map((piece, index) => ({
      key: index === 0 ? key : `${key}#${index}`,
      value: index === 0 ? { pieces: pieces.length, text: piece } : piece,
    }));
    const stale = Array.from(
      { length: Math.max(0, beforePieces - pieces.length) },
      (_, i) => `${key}#${pieces.length + i}`,
    );
    if (sets.length + stale.length <= STORAGE_LIMITS.batchKeys) {
      const transaction = kvs.transact();
      for (const entry of sets) transaction.set(entry.key, entry.value);
      for (const gone of stale) transaction.delete(gone);
      await this.call(() => transaction.execute());
      return;
    }
    // Too many pieces for one transaction: pieces first, the head (which says how many to read) last.
    await this.setMany(sets.slice(1));
    await this.setMany(sets.slice(0, 1));
    await this.deleteMany(stale);
  }

  async getWhole<S extends z.ZodType>(key: string, schema: S): Promise<z.infer<S> | undefined> {
    const head = await this.read(() => kvs.get<unknown>(key));
    if (head === undefined) return undefined;
    const count = pieceCountOf(head);
    const first = (head as { text?: unknown }).text;
    if (count === 0 || typeof first !== 'string')
      throw new Error(`Forge storage holds no readable value at ${key}.`);
    const rest = Array.from({ length: count - 1 }, (_, i) => `${key}#${i + 1}`);
    const found = await this.getMany(rest, PieceSchema);
    const text = [
      first,
      ...rest.map((piece) => {
        const value = found.get(piece);
        if (value === undefined) throw new Error(`Forge storage lost ${piece} of ${key}.`);
        return value;
      }),
    ].join('');
    return schema.parse(JSON.parse(text));
  }

  async deleteWhole(key: string): Promise<void> {
    const head = await this.call(() => kvs.get<unknown>(key));
    const count = pieceCountOf(head);
    await this.deleteMany([
      key,
      ...Array.from({ length: Math.max(0, count - 1) }, (_, i) => `${key}#${i + 1}`),
    ]);
  }
}

const PieceSchema = z.string();

function pieceCountOf(head: unknown): number {
  const pieces = (head as { pieces?: unknown } | undefined)?.pieces;
  return typeof pieces === 'number' && Number.isInteger(pieces) && pieces > 0 ? pieces : 0;
}
