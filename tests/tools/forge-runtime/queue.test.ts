// The real @forge/events Queue against the local runtime: pushes reach the queue, events reach the manifest's
// consumer as Forge invokes it (its own invocation, no user, its installation), the push limits are refused with
// @forge/events' typed errors, and a consumer's timeoutSeconds is enforced on the simulated clock.
import api, { __requestAtlassianAsApp, route } from '@forge/api';
import {
  InternalServerError,
  InvalidPushSettingsError,
  InvocationError,
  InvocationErrorCode,
  InvocationLimitReachedError,
  PayloadTooBigError,
  Queue,
  RateLimitError,
  TooManyEventsError,
  type AsyncEvent,
} from '@forge/events';
import { PUSH_PATH } from '@forge/events/out/queries';
import { validatePushAPIResponse } from '@forge/events/out/validators';
import type { PushRequest } from '@forge/events/out/types';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';
import {
  acquireForgeRuntime,
  NoUserToActForError,
  runInInvocation,
} from '../../../tools/preview/forge-runtime';
import type { ForgeHandler } from '../../../tools/forge-runtime/runtime';
import { previewInvocation, START, testRuntime } from './support';

const queue = new Queue({ key: 'sync' });

/** The push @forge/events would send, posted as it posts it but without its own checks, so the runtime's show. */
async function rawPush(
  events: { body: Record<string, unknown>; delayInSeconds?: number }[],
): Promise<unknown> {
  const request: PushRequest = {
    queueName: 'sync',
    jobId: `raw-${events.length}`,
    type: 'avi:forge:app:event',
    schema: 'ari:cloud:ecosystem::forge/app-event-2',
    payload: events,
    time: new Date(START).toISOString(),
  };
  const response = await __requestAtlassianAsApp(PUSH_PATH, {
    method: 'POST',
    body: JSON.stringify(request),
    headers: { 'content-type': 'application/json' },
  });
  try {
    await validatePushAPIResponse(request, response, { jobId: request.jobId });
    return 'accepted';
  } catch (error) {
    return error;
  }
}

const events = (count: number, bytesEach = 10) =>
  Array.from({ length: count }, (_, index) => ({ body: { index, pad: 'x'.repeat(bytesEach) } }));

describe('push and delivery', () => {
  test('a pushed event reaches the consumer as Forge invokes it: the AsyncEvent, the installation, no user', async () => {
    const seen: { event: AsyncEvent; context: Record<string, unknown>; asUser: string }[] = [];
    const consume = async (event: AsyncEvent, context: Record<string, unknown>) => {
      let asUser = 'sent';
      try {
        await api.asUser().requestJira(route`/rest/api/3/myself`);
      } catch (error) {
        asUser = error instanceof NoUserToActForError ? 'refused' : String(error);
      }
      await api.asApp().requestJira(route`/rest/api/3/project/search`);
      await kvs.set(`done:${String(event.body.index)}`, event.jobId);
      seen.push({ event, context, asUser });
    };
    const { runtime, sent } = await testRuntime({ 'sync.consume': consume as ForgeHandler });
    const { jobId } = await runtime.run(() => queue.push(events(2)));
    expect(runtime.queueStats()).toMatchObject({ pushes: 1, eventsPushed: 2, pending: 2 });
    await runtime.drain();

    expect(seen.map(({ event }) => event.body.index)).toEqual([0, 1]);
    const [first] = seen;
    expect(first?.event).toEqual({
      body: { index: 0, pad: 'x'.repeat(10) },
      queueName: 'sync',
      jobId,
      eventId: expect.any(String),
    });
    expect(first?.context).toEqual({
      installContext: 'ari:cloud:jira::site/local-cloud',
      installation: expect.objectContaining({ contexts: [expect.anything()] }),
    });
    expect(seen.map(({ asUser }) => asUser)).toEqual(['refused', 'refused']);
    expect(sent).toEqual([
      { path: '/rest/api/3/project/search', actingAccountId: undefined },
      { path: '/rest/api/3/project/search', actingAccountId: undefined },
    ]);
    // The consumer's storage is the installation's.
    expect(await runtime.run(() => kvs.get('done:1'))).toBe(jobId);
    expect(
      runtime.invocations.map((record) => [record.kind, record.moduleKey, record.accountId, record.outcome]),
    ).toEqual([
      ['consumer', 'sync-consumer', undefined, 'ok'],
      ['consumer', 'sync-consumer', undefined, 'ok'],
    ]);
    expect(await runtime.run(() => queue.getStats(jobId))).toEqual({ success: 2, inProgress: 0, failed: 0 });
    expect(runtime.queueStats()).toMatchObject({ succeeded: 2, pending: 0 });
  });

  test('delayInSeconds: the event waits on the clock; drain moves the clock to it', async () => {
    const at: number[] = [];
    const { runtime, clock } = await testRuntime({ 'sync.consume': async () => void at.push(clock.now()) });
    await runtime.run(() =>
      queue.push([{ body: { late: true }, delayInSeconds: 90 }, { body: { late: false } }]),
    );
    await runtime.advanceTo(START + 60_000);
    expect(at).toEqual([START]);
    await runtime.drain();
    expect(at).toEqual([START, START + 90_000]);
  });

  test('a push to a queue no consumer listens to is refused', async () => {
    const { runtime } = await testRuntime({});
    await expect(runtime.run(() => new Queue({ key: 'nobody' }).push({ body: {} }))).rejects.toThrow(
      new InternalServerError('400 Bad Request: No consumer module of the manifest listens to queue nobody.'),
    );
  });

  test('a consumer that returns InvocationError is retried after retryAfter, with its retryData; one that throws is not', async () => {
    const contexts: unknown[] = [];
    const at: number[] = [];
    const { runtime, clock } = await testRuntime({
      'sync.consume': (async (event: AsyncEvent) => {
        contexts.push(event.retryContext);
        at.push(clock.now());
        if (event.body.kind === 'throws') throw new Error('broken');
        if ((event.retryContext?.retryCount ?? 0) < 2) {
          return new InvocationError({
            retryAfter: 30,
            retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
            retryData: { page: (event.retryContext?.retryCount ?? 0) + 1 },
          });
        }
        return undefined;
      }) as ForgeHandler,
    });
    const { jobId } = await runtime.run(() => queue.push({ body: { kind: 'retries' } }));
    await runtime.drain();
    expect(at).toEqual([START, START + 30_000, START + 60_000]);
    expect(contexts).toEqual([
      undefined,
      { retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { page: 1 } },
      { retryCount: 2, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { page: 2 } },
    ]);
    expect(await runtime.run(() => queue.getStats(jobId))).toEqual({ success: 1, inProgress: 0, failed: 0 });

    const thrown = await runtime.run(() => queue.push({ body: { kind: 'throws' } }));
    await runtime.drain();
    expect(await runtime.run(() => queue.getStats(thrown.jobId))).toEqual({
      success: 0,
      inProgress: 0,
      failed: 1,
    });
    expect(runtime.summary().byOutcome).toEqual({ ok: 1, 'retry-requested': 2, error: 1, timeout: 0 });
  });

  test('a resolver consumer (resolver: { function, method }) gets the body as payload and the job id', async () => {
    const calls: { payload: unknown; jobId: unknown; accountId: unknown }[] = [];
    const resolver = new Resolver();
    resolver.define('on-event', async ({ payload, context }) => {
      calls.push({ payload, jobId: context.jobId, accountId: context.accountId });
    });
    const { runtime } = await testRuntime(
      { 'sync.consume': resolver.getDefinitions() as ForgeHandler },
      { resolverMethod: 'on-event' },
    );
    const { jobId } = await runtime.run(() => queue.push({ body: { issue: 'PAY-1' } }));
    await runtime.drain();
    expect(calls).toEqual([{ payload: { issue: 'PAY-1' }, jobId, accountId: undefined }]);
  });

  test('an invocation without a runtime has no queue, and says so', async () => {
    const release = acquireForgeRuntime();
    try {
      const push = runInInvocation(previewInvocation('preview-installation'), () => queue.push({ body: {} }));
      await expect(push).rejects.toThrow(/501 Not Implemented: .*this invocation has no queue/);
    } finally {
      release();
    }
  });

  test('cancel drops the events of a job not yet delivered', async () => {
    const delivered: unknown[] = [];
    const { runtime } = await testRuntime({
      'sync.consume': async (event: AsyncEvent) => void delivered.push(event.body),
    });
    const { jobId } = await runtime.run(() => queue.push(events(3)));
    await runtime.run(() => queue.cancel(jobId));
    await runtime.drain();
    expect(delivered).toEqual([]);
    expect(runtime.queueStats()).toMatchObject({ cancelled: 3, pending: 0 });
  });
});

describe('push limits', () => {
  test('50 events a push pass, 51 are refused (by @forge/events, and by the runtime when a push gets past it)', async () => {
    const { runtime } = await testRuntime({});
    await runtime.run(async () => {
      await expect(queue.push(events(50))).resolves.toEqual({ jobId: expect.any(String) });
      await expect(queue.push(events(51))).rejects.toThrow(TooManyEventsError);
      expect(await rawPush(events(51))).toEqual(
        new InternalServerError('400 Bad Request: This push contains more than the 50 events allowed.'),
      );
    });
    expect(runtime.queueStats()).toMatchObject({
      pushes: 1,
      eventsPushed: 50,
      refused: { InternalServerError: 1 },
    });
  });

  test('200 KB a push pass, a byte more is PayloadTooBigError (from @forge/events, and from the runtime)', async () => {
    const { runtime } = await testRuntime({});
    // One event whose JSON (brackets included, as @forge/events measures the push) is 200 KB exactly.
    const pad = 200 * 1024 - JSON.stringify(events(1, 0)).length;
    await runtime.run(async () => {
      await expect(queue.push(events(1, pad))).resolves.toEqual({ jobId: expect.any(String) });
      await expect(queue.push(events(1, pad + 1))).rejects.toThrow(PayloadTooBigError);
      const refused = await rawPush(events(1, pad + 1));
      expect(refused).toBeInstanceOf(PayloadTooBigError);
      expect((refused as Error).message).toMatch(/^The maximum payload size is 200KB/);
    });
  });

  test('delayInSeconds up to 900: @forge/events refuses more, and so does the runtime', async () => {
    const { runtime } = await testRuntime({});
    await runtime.run(async () => {
      await expect(queue.push({ body: {}, delayInSeconds: 900 })).resolves.toBeDefined();
      await expect(queue.push({ body: {}, delayInSeconds: 901 })).rejects.toThrow(InvalidPushSettingsError);
      expect(await rawPush([{ body: {}, delayInSeconds: 901 }])).toEqual(
        new InternalServerError('400 Bad Request: The delayInSeconds setting must be between 0 and 900.'),
      );
    });
  });

  test('500 events a minute per installation: the next push is RateLimitError until the minute has passed', async () => {
    const { runtime, clock } = await testRuntime({});
    await runtime.run(async () => {
      for (let push = 0; push < 10; push += 1) await queue.push(events(50));
      await expect(queue.push(events(1))).rejects.toThrow(RateLimitError);
      clock.advance(60_000);
      await expect(queue.push(events(1))).resolves.toEqual({ jobId: expect.any(String) });
    });
    expect(runtime.queueStats()).toMatchObject({ eventsPushed: 501, refused: { RateLimitError: 1 } });
  });

  test('a consumer allowed more than 55 s takes events of at most 100 KB', async () => {
    const { runtime } = await testRuntime({}, { consumerTimeoutSeconds: 56 });
    await runtime.run(async () => {
      await expect(queue.push({ body: { pad: 'x'.repeat(100 * 1024 - 30) } })).resolves.toBeDefined();
      await expect(queue.push({ body: { pad: 'x'.repeat(100 * 1024) } })).rejects.toThrow(PayloadTooBigError);
    });
    const { runtime: short } = await testRuntime({}, {}, { installationId: 'short-consumer' });
    await expect(
      short.run(() => queue.push({ body: { pad: 'x'.repeat(150 * 1024) } })),
    ).resolves.toBeDefined();
  });

  test('a chain of pushes (a consumer pushing the next event) stops at 1,000', async () => {
    let chainError: unknown;
    const { runtime, clock } = await testRuntime({
      'sync.consume': (async (event: AsyncEvent) => {
        // Under 500 events a minute: the chain, not the rate, is what stops it.
        await clock.sleep(200);
        try {
          await queue.push({ body: { link: Number(event.body.link) + 1 } });
        } catch (error) {
          chainError = error;
        }
      }) as ForgeHandler,
    });
    await runtime.run(() => queue.push({ body: { link: 1 } }));
    await runtime.drain();
    expect(chainError).toBeInstanceOf(InvocationLimitReachedError);
    expect(runtime.queueStats()).toMatchObject({
      pushes: 1_000,
      refused: { InvocationLimitReachedError: 1 },
    });
    expect(runtime.summary().byKind.consumer).toBe(1_000);
  });
});

describe('timeoutSeconds', () => {
  test('a consumer that sleeps past its limit is abandoned, reported over it, its later writes dropped, and retried', async () => {
    const { runtime, clock } = await testRuntime(
      {
        'sync.consume': (async (event: AsyncEvent) => {
          await clock.sleep(Number(event.body.ms));
          await kvs.set(`written:${String(event.body.ms)}:${event.retryContext?.retryCount ?? 0}`, true);
        }) as ForgeHandler,
      },
      { consumerTimeoutSeconds: 120 },
    );
    const inside = await runtime.run(() => queue.push({ body: { ms: 119_000 } }));
    const over = await runtime.run(() => queue.push({ body: { ms: 121_000 } }));
    await runtime.drain();

    const records = runtime.invocations.map((record) => ({
      ms: record.durationMs,
      outcome: record.outcome,
      overLimit: record.overLimit,
      retry: record.event?.retryCount,
    }));
    expect(records).toEqual([
      { ms: 119_000, outcome: 'ok', overLimit: false, retry: 0 },
      // Abandoned at 120 s, then retried four times (FUNCTION_TIME_OUT), each abandoned again.
      ...[0, 1, 2, 3, 4].map((retry) => ({ ms: 120_000, outcome: 'timeout', overLimit: true, retry })),
    ]);
    expect(runtime.summary()).toMatchObject({ total: 6, overLimit: 5 });
    expect(await runtime.run(() => queue.getStats(inside.jobId))).toEqual({
      success: 1,
      inProgress: 0,
      failed: 0,
    });
    expect(await runtime.run(() => queue.getStats(over.jobId))).toEqual({
      success: 0,
      inProgress: 0,
      failed: 1,
    });
    // What the abandoned invocations tried to write after their limit never reached storage.
    const written = await runtime.run(() => kvs.query().getMany());
    expect(written.results.map((result) => result.key)).toEqual(['written:119000:0']);
  });

  test('without timeoutSeconds a consumer has 55 s (reaching the limit is passing it)', async () => {
    const { runtime, clock } = await testRuntime({
      'sync.consume': (async (event: AsyncEvent) => clock.sleep(Number(event.body.ms))) as ForgeHandler,
    });
    await runtime.run(() => queue.push([{ body: { ms: 54_999 } }, { body: { ms: 55_000 } }]));
    await runtime.drain();
    expect(runtime.invocations.slice(0, 2).map((record) => [record.limitMs, record.outcome])).toEqual([
      [55_000, 'ok'],
      [55_000, 'timeout'],
    ]);
  });
});
