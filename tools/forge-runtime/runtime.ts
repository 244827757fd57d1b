// The local Forge runtime: what the platform gives the app's backend besides the products — storage (@forge/kvs),
// the async events queue (@forge/events) with the consumers the manifest declares, and scheduled triggers — with
// Forge's limits, on an injectable clock. The app's own @forge/kvs and @forge/events code runs unchanged: both send
// every call through `global.__forge_fetch__`, which tools/preview/forge-runtime.ts installs and which hands storage
// and queue requests to the invocation's platform, this runtime.
//
// Every consumer, trigger and resolver call runs as its own invocation (its installation, no principal for
// background work, so asUser() is refused) under its time limit: at the limit it is abandoned as Forge abandons
// it — its result is dropped, whatever it sends afterwards is refused — and a consumer's event is retried.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SYSTEM_CLOCK, type Clock } from '../../src/jira/clock';
import {
  acquireForgeRuntime,
  contextAri,
  installationAri,
  runInInvocation,
  type ContextAriForm,
  type InstallationObject,
  type Invocation,
  type PlatformServices,
  type ProductRequest,
} from '../preview/forge-runtime';
import type { ResolverHandler } from '../preview/invoke';
import type { JiraTarget } from '../preview/jira-target';
import {
  readRuntimeManifest,
  type ManifestConsumer,
  type ManifestFunction,
  type ManifestTrigger,
  type RuntimeManifest,
} from '../preview/manifest';
import { jsonAnswer } from './answer';
import { EventQueue, type QueuedEvent, type QueueStats, type RetryContext } from './events';
import { KvsService, type KvsStats } from './kvs';
import { raceLimit, type Raced } from './limit';
import { INVOCATION_LIMITS, RETRY_POLICY, TRIGGER_INTERVAL_MS } from './limits';

/**
 * A function module's handler as Forge calls it, `(request, context)`. Each kind of module passes its own request
 * (an AsyncEvent, a trigger request, a resolver call), so the runtime takes any two-argument function.
 */
export type ForgeHandler = (request: never, context: never) => unknown;
type CallableHandler = (request: unknown, context: unknown) => unknown;

export interface ForgeRuntimeOptions {
  /** The app folder: its manifest.yml declares the functions, consumers and scheduled triggers. */
  appDir: string;
  /** The handlers, by the manifest's `handler` ("<module>.<export>", e.g. "sync.consume"). */
  handlers: Record<string, ForgeHandler>;
  /** Default: the system clock. Tests pass a SimulatedClock shared with the client and the local Jira server. */
  clock?: Clock;
  /** Where asApp()/asUser() Jira requests go; without one they fail, naming the request. */
  jira?: JiraTarget;
  installation?: {
    installationId?: string;
    cloudId?: string;
    environmentId?: string;
    /** How the installation names its Jira context (see tools/preview/forge-runtime.ts). */
    jiraContext?: ContextAriForm;
  };
}

export type InvocationKind = 'consumer' | 'trigger' | 'resolver';
/**
 * ok: returned; retry-requested: a consumer returned InvocationError / QueueResponse.retry(); error: threw;
 * timeout: abandoned at its limit.
 */
export type InvocationOutcome = 'ok' | 'retry-requested' | 'error' | 'timeout';

export interface RuntimeInvocationRecord {
  invocationId: string;
  kind: InvocationKind;
  moduleKey: string;
  functionKey: string;
  /** The principal; undefined for consumers and triggers. */
  accountId: string | undefined;
  /** Epoch ms on the runtime's clock. */
  startedAt: number;
  /** Until it returned or threw; the limit itself for an abandoned one. */
  durationMs: number;
  limitMs: number;
  outcome: InvocationOutcome;
  overLimit: boolean;
  error?: string;
  /** The Jira requests it made. */
  requests: ProductRequest[];
  /** For a consumer: the event it was given. */
  event?: { queueName: string; jobId: string; eventId: string; retryCount: number };
}

export interface InvocationSummary {
  total: number;
  overLimit: number;
  byOutcome: Record<InvocationOutcome, number>;
  byKind: Record<InvocationKind, number>;
}

/** What @forge/events' InvocationError (and QueueResponse after retry()) becomes across the function boundary. */
const RetryRequest = z.looseObject({
  _retry: z.literal(true),
  retryOptions: z
    .looseObject({
      retryAfter: z.number().optional(),
      retryReason: z.string().optional(),
      retryData: z.unknown().optional(),
    })
    .optional(),
});

const noJira: JiraTarget = {
  kind: 'local',
  baseUrl: 'about:blank',
  impersonates: false,
  request: (path) =>
    Promise.reject(
      new Error(`${path}: this local Forge runtime was given no Jira (createForgeRuntime({ jira })).`),
    ),
};

const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

interface InvocationSpec {
  kind: InvocationKind;
  moduleKey: string;
  moduleType: string;
  functionKey: string;
  accountId?: string;
  limitMs: number;
  /** Push-chain length of the consumed event. */
  chain?: number;
  event?: RuntimeInvocationRecord['event'];
  call: () => unknown;
}

export class LocalForgeRuntime {
  readonly clock: Clock;
  readonly installationId: string;
  readonly cloudId: string;
  readonly environmentId: string;
  readonly appId: string;
  /** Every consumer, trigger and resolver invocation, in the order they started. */
  readonly invocations: RuntimeInvocationRecord[] = [];
  private readonly kvs: KvsService;
  private readonly queue: EventQueue;
  private readonly installation: InstallationObject;
  private readonly installContext: string;
  private readonly chains = new WeakMap<Invocation, number>();
  private readonly schedule: { trigger: ManifestTrigger; next: number }[];
  /**
   * This installation's storage and queue, for invocations the runtime does not start itself (the preview's UI
   * calls, made from a frame): they then read the store the consumers write and push to the queue they consume.
   */
  readonly platform: PlatformServices;
  private readonly release: () => void;

  constructor(
    private readonly manifest: RuntimeManifest,
    private readonly options: ForgeRuntimeOptions,
  ) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.appId = manifest.appId;
    this.installationId = options.installation?.installationId ?? 'local-installation';
    this.cloudId = options.installation?.cloudId ?? 'local-cloud';
    this.environmentId = options.installation?.environmentId ?? 'local-environment';
    const jiraContext = contextAri(
      'jira',
      this.cloudId,
      options.installation?.jiraContext ?? 'site',
      this.installationId,
    );
    this.installContext = String(jiraContext);
    this.installation = { ari: installationAri(this.installationId), contexts: [jiraContext] };
    this.kvs = new KvsService(this.clock);
    this.queue = new EventQueue({
      clock: this.clock,
      consumerOf: (queueName) => {
        const consumer = this.consumerOf(queueName);
        return consumer && { limitMs: this.limitOf(this.functionOf(consumer.function)) };
      },
      chainOf: (invocation) => this.chains.get(invocation) ?? 0,
    });
    this.platform = {
      kvs: (invocation, path, init) => this.storage(invocation, path, init),
      events: (invocation, path, init) => this.queue.handle(invocation, path, init),
    };
    // Forge schedules a trigger from when the app is installed; the first run is one interval later.
    const installedAt = this.clock.now();
    this.schedule = manifest.scheduledTriggers.map((trigger) => ({
      trigger,
      next: installedAt + TRIGGER_INTERVAL_MS[trigger.interval],
    }));
    this.release = acquireForgeRuntime();
  }

  /** Releases the runtime globals (the last holder restores what was there). */
  close(): void {
    this.release();
  }

  kvsStats(): KvsStats {
    return this.kvs.stats(this.installationId);
  }

  queueStats(): QueueStats {
    return this.queue.stats();
  }

  summary(): InvocationSummary {
    const byOutcome: Record<InvocationOutcome, number> = {
      ok: 0,
      'retry-requested': 0,
      error: 0,
      timeout: 0,
    };
    const byKind: Record<InvocationKind, number> = { consumer: 0, trigger: 0, resolver: 0 };
    for (const record of this.invocations) {
      byOutcome[record.outcome] += 1;
      byKind[record.kind] += 1;
    }
    return {
      total: this.invocations.length,
      overLimit: this.invocations.filter((record) => record.overLimit).length,
      byOutcome,
      byKind,
    };
  }

  /**
   * Runs `work` as app code of this installation with no time limit and no record (a test's own kvs or push
   * calls). With `accountId` it has that principal; without, asUser() is refused as in a trigger.
   */
  run<T>(work: () => Promise<T>, options: { accountId?: string } = {}): Promise<T> {
    const invocation = this.invocationOf({
      moduleKey: 'local-runtime',
      moduleType: 'local',
      functionKey: 'local',
      accountId: options.accountId,
      deadline: Number.MAX_SAFE_INTEGER,
    });
    return runInInvocation(invocation, work);
  }

  /** Calls a UI resolver as Forge does, under Forge's 25 s limit measured on this runtime's clock. */
  async invokeResolver(
    handler: ResolverHandler,
    call: {
      functionKey: string;
      payload?: unknown;
      accountId: string;
      context?: Record<string, unknown>;
      moduleKey?: string;
      moduleType?: string;
    },
  ): Promise<{ record: RuntimeInvocationRecord; raced: Raced<unknown> }> {
    return this.execute({
      kind: 'resolver',
      moduleKey: call.moduleKey ?? 'resolver',
      moduleType: call.moduleType ?? 'jira:projectPage',
      functionKey: 'resolver',
      accountId: call.accountId,
      limitMs: INVOCATION_LIMITS.uiMs,
      call: () =>
        handler(
          { call: { functionKey: call.functionKey, payload: call.payload }, context: call.context ?? {} },
          { ...this.backgroundContext(), principal: { accountId: call.accountId } },
        ),
    });
  }

  /**
   * Delivers queued events until none is left, waiting on the clock for delayed ones and retries; a trigger whose
   * time comes meanwhile fires in its turn.
   */
  /**
   * Delivers events until the queue is empty. A job that re-enqueues itself for ever would spin the simulated clock
   * without end: past `maxEvents` deliveries the drain fails instead, naming the figure.
   */
  async drain(maxEvents = 10_000): Promise<void> {
    let delivered = 0;
    while (this.queue.next() !== undefined) {
      if (delivered++ >= maxEvents)
        throw new Error(`The queue still had events after ${maxEvents} deliveries.`);
      await this.runNext(Number.POSITIVE_INFINITY);
    }
  }

  /** Moves the clock to `at`, firing each trigger and delivering each event as its time comes. */
  async advanceTo(at: number): Promise<void> {
    while (await this.runNext(at));
    await this.waitUntil(at);
  }

  /** Fires what is due now (triggers whose time has passed, events that may be delivered). */
  async tick(): Promise<void> {
    await this.advanceTo(this.clock.now());
  }

  /** When the earliest waiting event may be delivered (a delayed one or a retry may lie ahead); none waiting: undefined. */
  nextEventAt(): number | undefined {
    return this.queue.next()?.dueAt;
  }

  /** The time the trigger with `key` fires next. */
  nextTriggerAt(key: string): number | undefined {
    return this.schedule.find((entry) => entry.trigger.key === key)?.next;
  }

  /** Runs the earliest due trigger or event if it is due by `until`; false when nothing is. */
  private async runNext(until: number): Promise<boolean> {
    const event = this.queue.next();
    const trigger = this.schedule.reduce<(typeof this.schedule)[number] | undefined>(
      (best, entry) => (best === undefined || entry.next < best.next ? entry : best),
      undefined,
    );
    // A trigger due at the same time as an event goes first: its time was fixed before the event's.
    if (trigger && trigger.next <= until && (event === undefined || trigger.next <= event.dueAt)) {
      await this.waitUntil(trigger.next);
      trigger.next += TRIGGER_INTERVAL_MS[trigger.trigger.interval];
      await this.fire(trigger.trigger);
      return true;
    }
    if (event && event.dueAt <= until) {
      await this.waitUntil(event.dueAt);
      this.queue.take(event);
      await this.deliver(event);
      return true;
    }
    return false;
  }

  private async waitUntil(at: number): Promise<void> {
    const wait = at - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
  }

  private consumerOf(queueName: string): ManifestConsumer | undefined {
    return this.manifest.consumers.find((consumer) => consumer.queue === queueName);
  }

  private functionOf(key: string): ManifestFunction {
    const fn = this.manifest.functions.find((candidate) => candidate.key === key);
    if (!fn) throw new Error(`The manifest declares no function ${key}.`);
    return fn;
  }

  private handlerOf(fn: ManifestFunction): CallableHandler {
    const handler = this.options.handlers[fn.handler];
    if (!handler)
      throw new Error(`Function ${fn.key} names handler ${fn.handler}, which the runtime was not given.`);
    // Each module kind passes its own request; the handler's own types say which it expects.
    return handler as unknown as CallableHandler;
  }

  /** Forge's limit for a background invocation of `fn`: its timeoutSeconds, or 55 s. */
  private limitOf(fn: ManifestFunction): number {
    return fn.timeoutSeconds === undefined ? INVOCATION_LIMITS.backgroundDefaultMs : fn.timeoutSeconds * 1000;
  }

  /** The second argument Forge passes a function: the installation, and no principal for background work. */
  private backgroundContext(): { installContext: string; installation: InstallationObject } {
    return { installContext: this.installContext, installation: this.installation };
  }

  private async storage(
    invocation: Invocation,
    path: string,
    init: RequestInit | undefined,
  ): Promise<Response> {
    // Forge refuses storage to an app whose manifest does not ask for it (adding the scope is a major upgrade).
    if (!this.manifest.scopes.includes('storage:app')) {
      return jsonAnswer(403, {
        code: 'SCOPE_MISSING',
        message: `${path}: the manifest's permissions.scopes has no storage:app.`,
      });
    }
    return this.kvs.handle(invocation.installationId, path, init);
  }

  private invocationOf(fields: {
    moduleKey: string;
    moduleType: string;
    functionKey: string;
    accountId: string | undefined;
    deadline: number;
  }): Invocation {
    return {
      invocationId: randomUUID(),
      appId: this.appId,
      environmentId: this.environmentId,
      installationId: this.installationId,
      ...fields,
      product: 'jira',
      installContext: this.installContext,
      cloudId: this.cloudId,
      installation: this.installation,
      jira: this.options.jira ?? noJira,
      consented: true,
      requests: [],
      now: this.clock.now,
      platform: this.platform,
    };
  }

  private async execute(
    spec: InvocationSpec,
  ): Promise<{ record: RuntimeInvocationRecord; raced: Raced<unknown> }> {
    const startedAt = this.clock.now();
    const invocation = this.invocationOf({
      moduleKey: spec.moduleKey,
      moduleType: spec.moduleType,
      functionKey: spec.functionKey,
      accountId: spec.accountId,
      deadline: startedAt + spec.limitMs,
    });
    if (spec.chain !== undefined) this.chains.set(invocation, spec.chain);
    const raced = await raceLimit(
      () => runInInvocation(invocation, async () => spec.call()),
      spec.limitMs,
      this.clock,
      () => {
        invocation.stopped = `its ${spec.limitMs / 1000} s limit passed`;
      },
    );
    const outcome: InvocationOutcome =
      raced.kind === 'timeout'
        ? 'timeout'
        : raced.kind === 'threw'
          ? 'error'
          : spec.kind === 'consumer' && RetryRequest.safeParse(raced.value).success
            ? 'retry-requested'
            : 'ok';
    const record: RuntimeInvocationRecord = {
      invocationId: invocation.invocationId,
      kind: spec.kind,
      moduleKey: spec.moduleKey,
      functionKey: spec.functionKey,
      accountId: spec.accountId,
      startedAt,
      durationMs: raced.kind === 'timeout' ? spec.limitMs : this.clock.now() - startedAt,
      limitMs: spec.limitMs,
      outcome,
      overLimit: raced.kind === 'timeout',
      ...(raced.kind === 'threw' ? { error: errorText(raced.error) } : {}),
      ...(raced.kind === 'timeout'
        ? { error: `FUNCTION_TIME_OUT: abandoned after ${spec.limitMs / 1000} s (Forge's limit)` }
        : {}),
      requests: invocation.requests,
      ...(spec.event ? { event: spec.event } : {}),
    };
    this.invocations.push(record);
    return { record, raced };
  }

  private async deliver(event: QueuedEvent): Promise<void> {
    const consumer = this.consumerOf(event.queueName);
    if (!consumer) throw new Error(`No consumer listens to queue ${event.queueName}.`);
    const fn = this.functionOf(consumer.function);
    const handler = this.handlerOf(fn);
    const retryContext: { retryContext?: RetryContext } =
      event.retryContext === undefined ? {} : { retryContext: event.retryContext };
    const asyncEvent = {
      body: event.body,
      queueName: event.queueName,
      jobId: event.jobId,
      eventId: event.eventId,
      ...retryContext,
    };
    const context = this.backgroundContext();
    const { record, raced } = await this.execute({
      kind: 'consumer',
      moduleKey: consumer.key,
      moduleType: 'consumer',
      functionKey: fn.key,
      limitMs: this.limitOf(fn),
      chain: event.chain,
      event: {
        queueName: event.queueName,
        jobId: event.jobId,
        eventId: event.eventId,
        retryCount: event.retryContext?.retryCount ?? 0,
      },
      // A resolver consumer gets a resolver call: the method, the event body as payload, the job id.
      call: () =>
        consumer.method === undefined
          ? handler(asyncEvent, context)
          : handler(
              {
                call: {
                  functionKey: consumer.method,
                  payload: { ...event.body, ...retryContext },
                  jobId: event.jobId,
                },
                context: {},
              },
              context,
            ),
    });
    this.settle(event, record.outcome, raced);
  }

  /**
   * Forge's retry rules as far as the packages show them: a consumer that asks (InvocationError) is retried after
   * its retryAfter; one stopped at its limit is retried with FUNCTION_TIME_OUT; one that throws is not (the
   * InvocationErrorCode reasons are platform failures and the app's own request). At most RETRY_POLICY.maxRetries.
   */
  private settle(event: QueuedEvent, outcome: InvocationOutcome, raced: Raced<unknown>): void {
    const retries = event.retryContext?.retryCount ?? 0;
    const request = raced.kind === 'returned' ? RetryRequest.safeParse(raced.value) : undefined;
    const retry =
      outcome === 'timeout'
        ? {
            reason: 'FUNCTION_TIME_OUT',
            afterSeconds: RETRY_POLICY.defaultRetryAfterSeconds,
            data: undefined,
          }
        : request?.success
          ? {
              reason: request.data.retryOptions?.retryReason ?? 'FUNCTION_RETRY_REQUEST',
              afterSeconds: Math.max(
                RETRY_POLICY.defaultRetryAfterSeconds,
                request.data.retryOptions?.retryAfter ?? RETRY_POLICY.defaultRetryAfterSeconds,
              ),
              data: request.data.retryOptions?.retryData,
            }
          : undefined;
    if (retry && retries < RETRY_POLICY.maxRetries) {
      this.queue.retry(event, retry.afterSeconds * 1000, retry.reason, retry.data);
    } else {
      this.queue.finish(event, outcome === 'ok' ? 'success' : 'failed');
    }
  }

  private async fire(trigger: ManifestTrigger): Promise<void> {
    const fn = this.functionOf(trigger.function);
    const handler = this.handlerOf(fn);
    // Not retried, whatever the outcome (Forge's rule for scheduled triggers).
    await this.execute({
      kind: 'trigger',
      moduleKey: trigger.key,
      moduleType: 'scheduledTrigger',
      functionKey: fn.key,
      limitMs: this.limitOf(fn),
      call: () =>
        handler({ context: { cloudId: this.cloudId, moduleKey: trigger.key } }, this.backgroundContext()),
    });
  }
}

/** Reads the app's manifest and installs the runtime; `close()` it when done. */
export async function createForgeRuntime(options: ForgeRuntimeOptions): Promise<LocalForgeRuntime> {
  const manifest = await readRuntimeManifest(options.appDir);
  // A handler the manifest needs and the runtime was not given fails now, not at the first delivery.
  const needed = [...manifest.consumers, ...manifest.scheduledTriggers].map((module) => module.function);
  const missing = manifest.functions
    .filter((fn) => needed.includes(fn.key) && options.handlers[fn.handler] === undefined)
    .map((fn) => `${fn.key} (${fn.handler})`);
  if (missing.length > 0) {
    throw new Error(`The runtime was given no handler for ${missing.join(', ')}; pass them in handlers.`);
  }
  return new LocalForgeRuntime(manifest, options);
}
