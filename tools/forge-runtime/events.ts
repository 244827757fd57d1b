// Forge's async events queue as @forge/events reaches it: `Queue.push` posts
// `{ queueName, jobId, type, schema, payload: PushEvent[], time }` to `/webhook/queue/publish/…` through
// `__requestAtlassianAsApp`, and validators.js reads the answer: 201 is success, 413 `{ errorMessage }` becomes
// PayloadTooBigError, 429 RateLimitError, 405 InvocationLimitReachedError (the push chain), anything else
// InternalServerError with `message`. getStats posts to `/webhook/queue/stats/…` (200 `{ success, inProgress,
// failed }`, 404 JobDoesNotExistError) and cancel to `/webhook/queue/cancel/…` (204, 404).
// @forge/events checks the count and size of a push itself before sending; the queue checks them again, since
// the platform, not the client library, is what holds a design to them.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../src/jira/clock';
import type { Invocation } from '../preview/forge-runtime';
import { jsonAnswer } from './answer';
import { INVOCATION_LIMITS, jsonBytes, QUEUE_LIMITS } from './limits';
import { RateWindow } from './rate-window';

/** What a retried event carries (`AsyncEvent.retryContext` of @forge/events). */
export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData?: unknown;
}

export interface QueuedEvent {
  eventId: string;
  jobId: string;
  queueName: string;
  installationId: string;
  body: Record<string, unknown>;
  /** Epoch ms on the runtime's clock from which the event may be delivered. */
  dueAt: number;
  /** Links in the push chain that led to this event: 1 for a push from anything but a consumer. */
  chain: number;
  retryContext?: RetryContext;
  /** Order of arrival, to deliver events due at the same time first in, first out. */
  seq: number;
}

export interface QueueStats {
  /** Pushes accepted, and the events they carried. */
  pushes: number;
  eventsPushed: number;
  /** Pushes refused, by the @forge/events error they become. */
  refused: Record<string, number>;
  /** Events whose consumer finished them (or gave up on them), and retries scheduled. */
  succeeded: number;
  failed: number;
  retried: number;
  cancelled: number;
  /** Events waiting (including retries and delayed ones). */
  pending: number;
}

export interface QueueConsumer {
  /** Forge's limit for the consumer's function, which decides the per-event size limit. */
  limitMs: number;
}

export interface EventQueueOptions {
  clock: Pick<Clock, 'now'>;
  /** The consumer the manifest declares for a queue. */
  consumerOf(queueName: string): QueueConsumer | undefined;
  /** The push-chain length of the event an invocation consumes (0 when it consumes none). */
  chainOf(invocation: Invocation): number;
}

const QUEUE_NAME = z.string().regex(/^[a-zA-Z0-9-_]+$/);
const PushRequest = z.object({
  queueName: QUEUE_NAME,
  jobId: z.string().min(1),
  type: z.string().optional(),
  schema: z.string().optional(),
  payload: z.array(
    z.looseObject({
      body: z.record(z.string(), z.unknown()),
      delayInSeconds: z.number().optional(),
      concurrency: z.unknown().optional(),
    }),
  ),
  time: z.string().optional(),
});
const JobRequest = z.object({ queueName: QUEUE_NAME, jobId: z.string().min(1), time: z.string().optional() });

interface Job {
  queueName: string;
  success: number;
  failed: number;
  inProgress: number;
}

type Refusal = { status: number; error: string; body: Record<string, unknown> };

class PushRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(String(refusal.body.message ?? refusal.body.errorMessage));
  }
}

/** A refusal @forge/events reports as InternalServerError carrying `message`. */
const invalid = (message: string): PushRefused =>
  new PushRefused({ status: 400, error: 'InternalServerError', body: { message } });

export class EventQueue {
  private readonly pending: QueuedEvent[] = [];
  private readonly jobs = new Map<string, Job>();
  private readonly rates = new Map<string, RateWindow>();
  private seq = 0;
  private readonly counts: Omit<QueueStats, 'pending'> = {
    pushes: 0,
    eventsPushed: 0,
    refused: {},
    succeeded: 0,
    failed: 0,
    retried: 0,
    cancelled: 0,
  };

  constructor(private readonly options: EventQueueOptions) {}

  stats(): QueueStats {
    return { ...this.counts, refused: { ...this.counts.refused }, pending: this.pending.length };
  }

  /** Answers one @forge/events request of `invocation`. */
  async handle(invocation: Invocation, path: string, init: RequestInit | undefined): Promise<Response> {
    let body: unknown;
    try {
      body = JSON.parse(typeof init?.body === 'string' ? init.body : '');
    } catch {
      return jsonAnswer(400, { message: `${path}: the body is not JSON.` });
    }
    try {
      if (path.startsWith('/webhook/queue/publish/')) return this.push(invocation, body);
      if (path.startsWith('/webhook/queue/stats/')) return this.jobStats(body);
      if (path.startsWith('/webhook/queue/cancel/')) return this.cancel(body);
      return jsonAnswer(404, { message: `No queue operation at ${path}.` });
    } catch (error) {
      if (!(error instanceof PushRefused)) throw error;
      const { status, error: name, body: answer } = error.refusal;
      this.counts.refused[name] = (this.counts.refused[name] ?? 0) + 1;
      return jsonAnswer(status, answer);
    }
  }

  private push(invocation: Invocation, body: unknown): Response {
    const parsed = PushRequest.safeParse(body);
    if (!parsed.success) throw invalid(`The push is not one @forge/events sends: ${parsed.error.message}`);
    const { queueName, jobId, payload: events } = parsed.data;
    if (events.length === 0) throw invalid('No events pushed.');
    if (events.length > QUEUE_LIMITS.eventsPerPush) {
      throw invalid(`This push contains more than the ${QUEUE_LIMITS.eventsPerPush} events allowed.`);
    }
    const bytes = jsonBytes(events);
    if (bytes > QUEUE_LIMITS.pushBytes) {
      throw new PushRefused({
        status: 413,
        error: 'PayloadTooBigError',
        body: { errorMessage: `The maximum payload size is 200KB; this push is ${bytes} bytes.` },
      });
    }
    const consumer = this.options.consumerOf(queueName);
    if (!consumer) throw invalid(`No consumer module of the manifest listens to queue ${queueName}.`);
    if (consumer.limitMs > INVOCATION_LIMITS.backgroundDefaultMs) {
      const large = events.findIndex((event) => jsonBytes(event) > QUEUE_LIMITS.longConsumerEventBytes);
      if (large !== -1) {
        throw new PushRefused({
          status: 413,
          error: 'PayloadTooBigError',
          body: {
            errorMessage:
              `Event ${large} is ${jsonBytes(events[large])} bytes; the consumer of ${queueName} may run over ` +
              `55 s, and such a consumer takes events of at most 100 KB.`,
          },
        });
      }
    }
    const late = events.find(
      (event) =>
        (event.delayInSeconds ?? 0) < 0 || (event.delayInSeconds ?? 0) > QUEUE_LIMITS.maxDelaySeconds,
    );
    if (late) throw invalid('The delayInSeconds setting must be between 0 and 900.');
    const chain = this.options.chainOf(invocation) + 1;
    if (chain > QUEUE_LIMITS.chainLength) {
      throw new PushRefused({
        status: 405,
        error: 'InvocationLimitReachedError',
        body: { message: `This push would be link ${chain} of a chain of pushes; Forge allows 1,000.` },
      });
    }
    if (this.jobs.has(jobId)) throw invalid(`Job ${jobId} was pushed already.`);
    const rate = this.rateOf(invocation.installationId);
    if (!rate.take(events.length)) {
      throw new PushRefused({
        status: 429,
        error: 'RateLimitError',
        body: {
          message:
            `${events.length} more events would pass the ${QUEUE_LIMITS.eventsPerMinute} events a minute of ` +
            `this installation (${rate.used()} pushed in the last minute).`,
        },
      });
    }
    const now = this.options.clock.now();
    for (const event of events) {
      this.pending.push({
        eventId: randomUUID(),
        jobId,
        queueName,
        installationId: invocation.installationId,
        body: event.body,
        dueAt: now + (event.delayInSeconds ?? 0) * 1000,
        chain,
        seq: this.seq++,
      });
    }
    this.jobs.set(jobId, { queueName, success: 0, failed: 0, inProgress: events.length });
    this.counts.pushes += 1;
    this.counts.eventsPushed += events.length;
    return jsonAnswer(201, { jobId });
  }

  private rateOf(installationId: string): RateWindow {
    let rate = this.rates.get(installationId);
    if (!rate) {
      rate = new RateWindow(QUEUE_LIMITS.eventsPerMinute, QUEUE_LIMITS.rateWindowMs, this.options.clock);
      this.rates.set(installationId, rate);
    }
    return rate;
  }

  private jobOf(body: unknown): [string, Job] | undefined {
    const parsed = JobRequest.safeParse(body);
    if (!parsed.success) throw invalid(`The request names no job: ${parsed.error.message}`);
    const job = this.jobs.get(parsed.data.jobId);
    return job && job.queueName === parsed.data.queueName ? [parsed.data.jobId, job] : undefined;
  }

  private jobStats(body: unknown): Response {
    const found = this.jobOf(body);
    if (!found) return jsonAnswer(404, { message: 'No such job.' });
    const [, { success, inProgress, failed }] = found;
    return jsonAnswer(200, { success, inProgress, failed });
  }

  /** Events of the job not yet delivered are dropped; one being consumed finishes. */
  private cancel(body: unknown): Response {
    const found = this.jobOf(body);
    if (!found) return jsonAnswer(404, { message: 'No such job.' });
    const [jobId, job] = found;
    const dropped = this.pending.filter((event) => event.jobId === jobId);
    for (const event of dropped) this.pending.splice(this.pending.indexOf(event), 1);
    job.inProgress -= dropped.length;
    this.counts.cancelled += dropped.length;
    return new Response(null, { status: 204 });
  }

  /** The event to deliver next: the earliest due, first pushed first. */
  next(): QueuedEvent | undefined {
    return this.pending.reduce<QueuedEvent | undefined>(
      (best, event) =>
        best === undefined || event.dueAt < best.dueAt || (event.dueAt === best.dueAt && event.seq < best.seq)
          ? event
          : best,
      undefined,
    );
  }

  /** Takes `event` off the queue for delivery. */
  take(event: QueuedEvent): void {
    const index = this.pending.indexOf(event);
    if (index !== -1) this.pending.splice(index, 1);
  }

  /** The consumer finished with the event: it succeeded, or failed for good. */
  finish(event: QueuedEvent, outcome: 'success' | 'failed'): void {
    const job = this.jobs.get(event.jobId);
    if (job) {
      job.inProgress -= 1;
      job[outcome] += 1;
    }
    this.counts[outcome === 'success' ? 'succeeded' : 'failed'] += 1;
  }

  /** Puts the event back to be delivered again after `afterMs`, with the retry context its consumer will see. */
  retry(event: QueuedEvent, afterMs: number, reason: string, retryData: unknown): void {
    this.counts.retried += 1;
    this.pending.push({
      ...event,
      dueAt: this.options.clock.now() + afterMs,
      retryContext: {
        retryCount: (event.retryContext?.retryCount ?? 0) + 1,
        retryReason: reason,
        ...(retryData === undefined ? {} : { retryData }),
      },
      seq: this.seq++,
    });
  }
}
