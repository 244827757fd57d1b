// Forge's documented limits that the local runtime enforces, in one place, so a design that would break one on
// Forge breaks it here first. Sources: Atlassian's limits pages as summarised in shared/design/TOOLCHAIN.md, and
// what @forge/kvs and @forge/events themselves check. Nothing here is a tuning knob: tests pin these values.
import { UI_INVOCATION_LIMIT_MS } from '../../src/resolvers/invocation';

const KIB = 1024;
const MINUTE_MS = 60_000;

export const KVS_LIMITS = {
  /** "Key length 500". */
  keyChars: 500,
  /** "Key format": letters, digits, ':', '.', '_', whitespace, '-', '#'; not whitespace only. */
  keyPattern: /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/,
  /** "Value size 240 KiB", measured as the value's JSON. */
  valueBytes: 240 * KIB,
  /** A transaction: 25 operations, a 4 MB payload, each key once. */
  transactionOperations: 25,
  transactionBytes: 4 * KIB * KIB,
  /** kvs.batchSet / batchGet / batchDelete: 25 keys and the same 4 MB payload as a transaction. */
  batchItems: 25,
  batchBytes: 4 * KIB * KIB,
  /** query(): 10 results unless a limit is given, at most 100. */
  queryDefaultLimit: 10,
  queryMaxLimit: 100,
  /** 4,000 reads and 4,000 writes a minute per installation, each request counted in 10 KB units. */
  readUnitsPerMinute: 4_000,
  writeUnitsPerMinute: 4_000,
  unitBytes: 10 * KIB,
  rateWindowMs: MINUTE_MS,
} as const;

export const QUEUE_LIMITS = {
  /** One push: at most 50 events and 200 KB (as @forge/events measures it: the events array as JSON). */
  eventsPerPush: 50,
  pushBytes: 200 * KIB,
  /** 500 events a minute per installation. */
  eventsPerMinute: 500,
  rateWindowMs: MINUTE_MS,
  /** A push made by a consumer of an event that was itself pushed by a consumer…: at most 1,000 links. */
  chainLength: 1_000,
  /** A consumer allowed more than 55 s may receive events of at most 100 KB each. */
  longConsumerEventBytes: 100 * KIB,
  /** delayInSeconds: 0 to 900 (15 minutes). */
  maxDelaySeconds: 900,
} as const;

export const INVOCATION_LIMITS = {
  /** A UI resolver invocation: 25 s, whatever the function's timeoutSeconds says. */
  uiMs: UI_INVOCATION_LIMIT_MS,
  /** Consumers and scheduled triggers: 55 s unless the function's timeoutSeconds says otherwise (≤ 900). */
  backgroundDefaultMs: 55_000,
  maxTimeoutSeconds: 900,
  /** At most 5 scheduledTrigger modules per app. */
  scheduledTriggers: 5,
} as const;

/** How often each scheduledTrigger interval fires. */
export const TRIGGER_INTERVAL_MS = {
  fiveMinute: 5 * MINUTE_MS,
  hour: 60 * MINUTE_MS,
  day: 24 * 60 * MINUTE_MS,
  week: 7 * 24 * 60 * MINUTE_MS,
} as const;
export type TriggerInterval = keyof typeof TRIGGER_INTERVAL_MS;
export const TRIGGER_INTERVALS = [
  'fiveMinute',
  'hour',
  'day',
  'week',
] as const satisfies readonly TriggerInterval[];

/** What retrying a consumer does; the packages do not say, so these are the runtime's documented choices. */
export const RETRY_POLICY = {
  /** Attempts after the first (Forge's docs describe retried events; 4 is the count assumed here). */
  maxRetries: 4,
  /** @forge/events' MIN_RETRY_AFTER (1 s) for platform-caused retries such as a timeout. */
  defaultRetryAfterSeconds: 1,
} as const;

/** UTF-8 bytes of a JSON text, as the services measure payloads. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '');
}
