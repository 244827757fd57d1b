// Scheduled triggers fire on the simulated clock with no user and 55 s; UI resolvers keep 25 s on the same clock;
// the manifest's own limits on these modules are checked when the runtime starts.
import api, { route } from '@forge/api';
import { Queue } from '@forge/events';
import { NoUserToActForError } from '../../../tools/preview/forge-runtime';
import type { ResolverHandler } from '../../../tools/preview/invoke';
import { createForgeRuntime, type ForgeHandler } from '../../../tools/forge-runtime/runtime';
import { SimulatedClock } from '../../../tools/simulated-clock';
import { appWith, manifestYaml, START, testRuntime } from './support';

const HOUR = 3_600_000;

describe('scheduled triggers', () => {
  test('an hourly trigger fires each hour of simulated time, with no user: asUser() is refused, asApp() goes out', async () => {
    const runs: { at: number; request: unknown; context: unknown; asUser: string }[] = [];
    const { runtime, clock, sent } = await testRuntime({
      'sync.schedule': (async (request: unknown, context: unknown) => {
        let asUser = 'sent';
        try {
          await api.asUser().requestJira(route`/rest/api/3/myself`);
        } catch (error) {
          asUser = error instanceof NoUserToActForError ? 'refused' : String(error);
        }
        await api.asApp().requestJira(route`/rest/api/3/project/search`);
        runs.push({ at: clock.now(), request, context, asUser });
      }) as ForgeHandler,
    });
    expect(runtime.nextTriggerAt('hourly-sync')).toBe(START + HOUR);
    await runtime.advanceTo(START + HOUR - 1);
    expect(runs).toEqual([]);
    await runtime.advanceTo(START + 3 * HOUR + 30 * 60_000);
    expect(clock.now()).toBe(START + 3 * HOUR + 30 * 60_000);
    expect(runs.map((run) => run.at)).toEqual([START + HOUR, START + 2 * HOUR, START + 3 * HOUR]);
    expect(runs[0]?.request).toEqual({ context: { cloudId: 'local-cloud', moduleKey: 'hourly-sync' } });
    expect(runs[0]?.context).toEqual({
      installContext: 'ari:cloud:jira::site/local-cloud',
      installation: expect.anything(),
    });
    expect(runs.map((run) => run.asUser)).toEqual(['refused', 'refused', 'refused']);
    expect(sent.map((request) => request.actingAccountId)).toEqual([undefined, undefined, undefined]);
    expect(runtime.invocations.map((record) => [record.kind, record.accountId, record.outcome])).toEqual([
      ['trigger', undefined, 'ok'],
      ['trigger', undefined, 'ok'],
      ['trigger', undefined, 'ok'],
    ]);
    expect(runtime.nextTriggerAt('hourly-sync')).toBe(START + 4 * HOUR);
  });

  test('a trigger has 55 s and is not retried; tick() fires what is due', async () => {
    const { runtime, clock } = await testRuntime({
      'sync.schedule': (async () => clock.sleep(56_000)) as ForgeHandler,
    });
    clock.advance(HOUR);
    await runtime.tick();
    expect(
      runtime.invocations.map((record) => [record.outcome, record.durationMs, record.overLimit]),
    ).toEqual([['timeout', 55_000, true]]);
    await runtime.advanceTo(START + HOUR + 59 * 60_000);
    expect(runtime.summary()).toMatchObject({ total: 1, overLimit: 1 });
    // With timeoutSeconds the trigger has that long instead.
    const longClock = new SimulatedClock(START);
    const longer = await testRuntime(
      { 'sync.schedule': (async () => longClock.sleep(56_000)) as ForgeHandler },
      { triggerTimeoutSeconds: 120 },
      { installationId: 'longer', clock: longClock },
    );
    await longer.runtime.advanceTo(START + HOUR);
    expect(longer.runtime.invocations.map((record) => [record.outcome, record.limitMs])).toEqual([
      ['ok', 120_000],
    ]);
  });

  test('events a trigger pushes are delivered as the clock moves on', async () => {
    const consumed: number[] = [];
    const { runtime, clock } = await testRuntime({
      'sync.schedule': (async () =>
        new Queue({ key: 'sync' }).push({ body: { at: clock.now() } })) as ForgeHandler,
      'sync.consume': (async () => void consumed.push(clock.now())) as ForgeHandler,
    });
    await runtime.advanceTo(START + 2 * HOUR);
    expect(consumed).toEqual([START + HOUR, START + 2 * HOUR]);
    expect(runtime.summary().byKind).toEqual({ consumer: 2, trigger: 2, resolver: 0 });
  });
});

describe('UI resolvers', () => {
  test('keep 25 s, measured on the runtime clock, and get the viewer as principal', async () => {
    const { runtime, clock } = await testRuntime({});
    const resolver: ResolverHandler = async (request, context) => {
      await clock.sleep(Number((request.call.payload as { ms: number }).ms));
      return { principal: context?.principal };
    };
    const quick = await runtime.invokeResolver(resolver, {
      functionKey: 'map',
      payload: { ms: 24_999 },
      accountId: 'acc-1',
    });
    const slow = await runtime.invokeResolver(resolver, {
      functionKey: 'map',
      payload: { ms: 25_000 },
      accountId: 'acc-1',
    });
    expect(quick.raced).toEqual({ kind: 'returned', value: { principal: { accountId: 'acc-1' } } });
    expect(slow.raced).toEqual({ kind: 'timeout' });
    expect(
      [quick.record, slow.record].map((record) => [
        record.kind,
        record.limitMs,
        record.durationMs,
        record.overLimit,
      ]),
    ).toEqual([
      ['resolver', 25_000, 24_999, false],
      ['resolver', 25_000, 25_000, true],
    ]);
  });
});

describe("the manifest's limits on background modules", () => {
  const start = (manifest: string) =>
    createForgeRuntime({
      appDir: appWith(manifest),
      handlers: { 'sync.consume': async () => {}, 'sync.schedule': async () => {} },
    });

  test('at most 5 scheduled triggers', async () => {
    const five = await start(manifestYaml({ triggers: 5 }));
    five.close();
    await expect(start(manifestYaml({ triggers: 6 }))).rejects.toThrow(
      'Forge allows at most 5 scheduled triggers',
    );
  });

  test('timeoutSeconds from 1 to 900', async () => {
    const longest = await start(manifestYaml({ consumerTimeoutSeconds: 900 }));
    longest.close();
    await expect(start(manifestYaml({ consumerTimeoutSeconds: 901 }))).rejects.toThrow(/timeoutSeconds/);
    await expect(start(manifestYaml({ consumerTimeoutSeconds: 0 }))).rejects.toThrow(/timeoutSeconds/);
  });

  test('each consumer and trigger names a declared function, and a queue has one consumer', async () => {
    const undeclared = manifestYaml().replace('function: sync-schedule', 'function: nowhere');
    await expect(start(undeclared)).rejects.toThrow(
      'module hourly-sync names function nowhere, which is not declared',
    );
    const twice = manifestYaml().replace(
      '  scheduledTrigger:',
      '    - key: second-consumer\n      queue: sync\n      function: sync-consume\n  scheduledTrigger:',
    );
    await expect(start(twice)).rejects.toThrow('two consumers listen to queue sync');
  });

  test('a handler the manifest needs and the runtime was not given is named at start', async () => {
    await expect(
      createForgeRuntime({ appDir: appWith(manifestYaml()), handlers: { 'sync.consume': async () => {} } }),
    ).rejects.toThrow('The runtime was given no handler for sync-schedule (sync.schedule)');
  });
});
