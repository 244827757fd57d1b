// The real @forge/kvs client against the local runtime's store: each operation answers what @forge/kvs parses,
// and each documented limit is refused with the typed error @forge/kvs makes of Forge's answer.
import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { acquireForgeRuntime, runInInvocation } from '../../../tools/preview/forge-runtime';
import { previewInvocation, testRuntime } from './support';

/** The @forge/kvs error a call fails with (code and HTTP status), or 'ok'. */
async function failure(call: () => Promise<unknown>): Promise<{ code: string; status: number } | 'ok'> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    if (!(error instanceof ForgeKvsAPIError)) throw error;
    return { code: error.code, status: error.responseDetails.status };
  }
}

describe('operations', () => {
  test('set, get, delete; a missing key reads as undefined (KEY_NOT_FOUND) and deletes quietly', async () => {
    const { runtime } = await testRuntime({});
    await runtime.run(async () => {
      await kvs.set('sync:state', { cursor: 'abc', done: 3 });
      expect(await kvs.get('sync:state')).toEqual({ cursor: 'abc', done: 3 });
      expect(await kvs.get('never-set')).toBeUndefined();
      await kvs.delete('sync:state');
      expect(await kvs.get('sync:state')).toBeUndefined();
      await expect(kvs.delete('sync:state')).resolves.toBeUndefined();
    });
    expect(runtime.kvsStats()).toMatchObject({
      reads: 3,
      writes: 3,
      keys: 0,
      refused: { KEY_NOT_FOUND: 3 },
    });
  });

  test('metadata, key policy and returned values as @forge/kvs asks for them', async () => {
    const { runtime, clock } = await testRuntime({});
    await runtime.run(async () => {
      await kvs.set('k', 1);
      clock.advance(1_000);
      const previous = await kvs.set('k', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      expect(previous).toEqual({ key: 'k', value: 1 });
      expect(await kvs.get('k', { metadataFields: ['CREATED_AT', 'UPDATED_AT'] as never })).toEqual({
        key: 'k',
        value: 2,
        createdAt: clock.now() - 1_000,
        updatedAt: clock.now(),
      });
      expect(await failure(() => kvs.set('k', 3, { keyPolicy: 'FAIL_IF_EXISTS' }))).toEqual({
        code: 'KEY_ALREADY_EXISTS',
        status: 409,
      });
      expect(await kvs.get('k')).toBe(2);
    });
  });

  test('a value set with a TTL is gone once the clock passes it', async () => {
    const { runtime, clock } = await testRuntime({});
    await runtime.run(async () => {
      await kvs.set('lease', 'mine', { ttl: { value: 30, unit: 'SECONDS' } });
      clock.advance(29_999);
      expect(await kvs.get('lease')).toBe('mine');
      clock.advance(1);
      expect(await kvs.get('lease')).toBeUndefined();
    });
  });

  test('query: key prefix, sorted, default page of 10, cursor paging to the end', async () => {
    const { runtime } = await testRuntime({});
    await runtime.run(async () => {
      for (let index = 0; index < 23; index += 1)
        await kvs.set(`issue:${String(index).padStart(2, '0')}`, index);
      await kvs.set('other:1', 'x');
      const first = await kvs.query().where('key', WhereConditions.beginsWith('issue:')).getMany<number>();
      expect(first.results.map((result) => result.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const keys: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        let query = kvs.query().where('key', WhereConditions.beginsWith('issue:')).limit(7);
        if (cursor !== undefined) query = query.cursor(cursor);
        const page = await query.getMany<number>();
        keys.push(...page.results.map((result) => result.key));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== undefined);
      expect(pages).toBe(4);
      expect(keys).toHaveLength(23);
      expect(keys[0]).toBe('issue:00');
      expect(keys.at(-1)).toBe('issue:22');
      expect((await kvs.query().limit(100).getMany()).results).toHaveLength(24);
      expect(await failure(() => kvs.query().limit(101).getMany())).toEqual({
        code: 'BAD_REQUEST',
        status: 400,
      });
    });
  });

  test('batch set/get/delete: per-key results; a bad key fails alone; more than 25 keys or 4 MB fail the batch', async () => {
    const { runtime } = await testRuntime({});
    await runtime.run(async () => {
      const result = await kvs.batchSet([
        { key: 'a', value: 1 },
        { key: 'b', value: 2 },
        { key: 'x'.repeat(501), value: 3 },
      ]);
      expect(result.successfulKeys).toEqual([{ key: 'a' }, { key: 'b' }]);
      expect(result.failedKeys.map((failed) => failed.error.code)).toEqual(['KEY_TOO_LONG']);
      expect(await kvs.get('b')).toBe(2);
      const many = Array.from({ length: 26 }, (_, index) => ({ key: `k${index}`, value: index }));
      expect(await failure(() => kvs.batchSet(many))).toEqual({ code: 'BAD_REQUEST', status: 400 });
      expect((await kvs.batchSet(many.slice(0, 25))).successfulKeys).toHaveLength(25);
      // 18 values of 230 KiB: each within the value limit, over 4 MB together.
      const sizable = Array.from({ length: 18 }, (_, index) => ({
        key: `s${index}`,
        value: 'v'.repeat(230 * 1024),
      }));
      expect(await failure(() => kvs.batchSet(sizable.slice(0, 17)))).toBe('ok');
      expect(await failure(() => kvs.batchSet(sizable))).toEqual({ code: 'BAD_REQUEST', status: 400 });
      const got = await kvs.batchGet([{ key: 'a' }, { key: 'missing' }]);
      expect(got.successfulKeys.map((item) => [item.key, item.value])).toEqual([['a', 1]]);
      expect(got.failedKeys.map((item) => [item.key, item.error.code])).toEqual([
        ['missing', 'KEY_NOT_FOUND'],
      ]);
      const deleted = await kvs.batchDelete([{ key: 'a' }, { key: 'missing' }]);
      expect([deleted.successfulKeys.length, deleted.failedKeys.length, await kvs.get('a')]).toEqual([
        1,
        1,
        undefined,
      ]);
    });
  });

  test('a transaction applies all of its operations or none', async () => {
    const { runtime } = await testRuntime({});
    await runtime.run(async () => {
      await kvs.set('old', true);
      await kvs.transact().set('a', 1).set('b', 2).delete('old').execute();
      expect([await kvs.get('a'), await kvs.get('b'), await kvs.get('old')]).toEqual([1, 2, undefined]);
      const refused = await failure(() =>
        kvs
          .transact()
          .set('c', 3)
          .set('d', 'x'.repeat(240 * 1024))
          .execute(),
      );
      expect(refused).toEqual({ code: 'MAX_SIZE', status: 400 });
      expect(await kvs.get('c')).toBeUndefined();
      expect(await failure(() => kvs.transact().set('e', 1).delete('e').execute())).toEqual({
        code: 'BAD_REQUEST',
        status: 400,
      });
    });
    // One write for the transaction, however many operations it holds.
    expect(runtime.kvsStats().writes).toBe(2);
  });

  test('each installation has its own store, also for invocations without a runtime (the preview)', async () => {
    const release = acquireForgeRuntime();
    try {
      await runInInvocation(previewInvocation('one'), () => kvs.set('shared-key', 'one'));
      expect(await runInInvocation(previewInvocation('two'), () => kvs.get('shared-key'))).toBeUndefined();
      expect(await runInInvocation(previewInvocation('one'), () => kvs.get('shared-key'))).toBe('one');
    } finally {
      release();
    }
  });
});

describe('limits', () => {
  test('keys: 500 characters pass, 501 are KEY_TOO_LONG; empty and badly formed keys are refused', async () => {
    const { runtime } = await testRuntime({});
    await runtime.run(async () => {
      expect(await failure(() => kvs.set('k'.repeat(500), 1))).toBe('ok');
      expect(await failure(() => kvs.set('k'.repeat(501), 1))).toEqual({ code: 'KEY_TOO_LONG', status: 400 });
      expect(await failure(() => kvs.get('k'.repeat(501)))).toEqual({ code: 'KEY_TOO_LONG', status: 400 });
      expect(await failure(() => kvs.set('', 1))).toEqual({ code: 'KEY_TOO_SHORT', status: 400 });
      expect(await failure(() => kvs.set('issue/PAY-1', 1))).toEqual({ code: 'INVALID_KEY', status: 400 });
      expect(await failure(() => kvs.set('   ', 1))).toEqual({ code: 'INVALID_KEY', status: 400 });
      expect(await failure(() => kvs.set('issue:PAY-1 #2_x.y', 1))).toBe('ok');
    });
  });

  test('values: 240 KiB of JSON pass, one byte more is MAX_SIZE and nothing is stored', async () => {
    const { runtime } = await testRuntime({});
    // A string's JSON is its characters plus two quotes.
    const largest = 'v'.repeat(240 * 1024 - 2);
    await runtime.run(async () => {
      expect(await failure(() => kvs.set('big', largest))).toBe('ok');
      expect(await failure(() => kvs.set('bigger', `${largest}v`))).toEqual({
        code: 'MAX_SIZE',
        status: 400,
      });
      expect(await kvs.get('bigger')).toBeUndefined();
    });
  });

  test('transactions: 25 operations pass, 26 are refused; so is a payload over 4 MB', async () => {
    const { runtime } = await testRuntime({});
    const transaction = (count: number, value: unknown = 1) => {
      let builder = kvs.transact();
      for (let index = 0; index < count; index += 1) builder = builder.set(`t${index}`, value);
      return builder;
    };
    await runtime.run(async () => {
      expect(await failure(() => transaction(25).execute())).toBe('ok');
      expect(await failure(() => transaction(26).execute())).toEqual({ code: 'BAD_REQUEST', status: 400 });
      // 18 values of 230 KiB: each within the value limit, 4.04 MiB together.
      const sizable = 'v'.repeat(230 * 1024);
      expect(await failure(() => transaction(17, sizable).execute())).toBe('ok');
      expect(await failure(() => transaction(18, sizable).execute())).toEqual({
        code: 'BAD_REQUEST',
        status: 400,
      });
    });
  });

  test('4,000 reads a minute per installation: the next is RATE_LIMIT_EXCEEDED until the minute has passed', async () => {
    const { runtime, clock } = await testRuntime({});
    await runtime.run(async () => {
      await kvs.set('hot', 1);
      for (let index = 0; index < 4_000; index += 1) await kvs.get('hot');
      expect(await failure(() => kvs.get('hot'))).toEqual({ code: 'RATE_LIMIT_EXCEEDED', status: 429 });
      // Writes have their own quota.
      expect(await failure(() => kvs.set('cold', 1))).toBe('ok');
      clock.advance(59_999);
      expect(await failure(() => kvs.get('hot'))).toEqual({ code: 'RATE_LIMIT_EXCEEDED', status: 429 });
      clock.advance(1);
      expect(await failure(() => kvs.get('hot'))).toBe('ok');
    });
    expect(runtime.kvsStats()).toMatchObject({ reads: 4_001, refused: { RATE_LIMIT_EXCEEDED: 2 } });
  });

  test('the quotas count 10 KB units: a 25 KB write costs 3, and 4,000 units of writes fill the minute', async () => {
    const { runtime } = await testRuntime({});
    const value = 'v'.repeat(25 * 1024);
    await runtime.run(async () => {
      await kvs.set('unit-0', value);
      expect(runtime.kvsStats()).toMatchObject({ writes: 1, writeUnits: 3 });
      await kvs.get('unit-0');
      expect(runtime.kvsStats()).toMatchObject({ reads: 1, readUnits: 3 });
      // 1,332 more such writes make 3,999 units: one more small write fits, a 3-unit one does not.
      for (let index = 1; index <= 1_332; index += 1) await kvs.set(`unit-${index}`, value);
      expect(await failure(() => kvs.set('unit-x', value))).toEqual({
        code: 'RATE_LIMIT_EXCEEDED',
        status: 429,
      });
      expect(await failure(() => kvs.set('small', 1))).toBe('ok');
      expect(await failure(() => kvs.set('small', 2))).toEqual({ code: 'RATE_LIMIT_EXCEEDED', status: 429 });
    });
    const stats = runtime.kvsStats();
    expect(stats).toMatchObject({ writes: 1_334, writeUnits: 4_000, keys: 1_334 });
    expect(stats.bytesWritten).toBeGreaterThan(1_333 * 25 * 1024);
  });

  test('without storage:app in the manifest, storage is refused', async () => {
    const { runtime } = await testRuntime({}, { scopes: ['read:jira-work'] });
    await runtime.run(async () => {
      expect(await failure(() => kvs.get('anything'))).toEqual({ code: 'SCOPE_MISSING', status: 403 });
    });
  });
});
