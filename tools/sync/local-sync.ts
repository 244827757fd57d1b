// The background sync on this machine, as a site would run it: the local Jira server over a snapshot (with a real
// site's latency per request and an hourly points quota), the local Forge runtime (queue, consumer with its
// timeout enforced, hourly trigger, KVS with its limits) and the app's own sync handlers and resolvers, all on one
// simulated clock so hours of pacing take no time. The platform alone (startLocalPlatform) also runs against a real
// site. Tests, the benchmark and the report CLI drive it; nothing here is in the product path.
import path from 'node:path';
import { analyse } from '../../src/ownership/analyse';
import { AnalysisConfigSchema } from '../../src/ownership/config';
import type { AnalysisResult } from '../../src/contract/analysis';
import type { SiteData } from '../../src/jira/site';
import { Storage } from '../../src/store/storage';
import { readStoredSite } from '../../src/store/site';
import { defineSyncHandlers } from '../../src/sync/handlers';
import { enqueueSync, type SyncJob } from '../../src/sync/jobs';
import { registerScope } from '../../src/sync/scopes';
import {
  loadProjectState,
  saveSettings,
  type ProjectSyncState,
  type SyncSettings,
} from '../../src/sync/state';
import { defineResolvers } from '../../src/resolvers/index';
import { defineServeHandlers } from '../../src/serve/prepare';
import {
  createForgeRuntime,
  type LocalForgeRuntime,
  type RuntimeInvocationRecord,
} from '../forge-runtime/runtime';
import { startJiraServer, type JiraServer } from '../jira-server/server';
import { localJiraTarget, type JiraTarget } from '../preview/jira-target';
import { SimulatedClock } from '../simulated-clock';
import type { Clock } from '../../src/jira/clock';
import type { SyncProgress } from '../../src/contract/sync';
import { syncProgress } from '../../src/sync/progress';

export const APP_DIR = path.resolve(__dirname, '../..');

export interface LocalSyncOptions {
  snapshotDir: string;
  /** Simulated start time (epoch ms); default 2026-11-16 09:00 UTC, the day samples/acme was recorded. */
  start?: number;
  /** Per Jira request; default 300 ms, a real site's slower end. */
  latencyMs?: number;
  /** Jira's hourly quota for the installation; default unlimited. */
  pointsPerHour?: number;
  settings?: Partial<SyncSettings>;
}

export interface ViewCall {
  accountId: string;
  functionKey: string;
  payload?: unknown;
  /** The Forge context of the page: `extension.config` for the macro, `extension.project` for a project page. */
  context?: Record<string, unknown>;
}

/** The app's backend on this machine: the local Forge runtime with the app's real sync handlers and resolvers. */
export interface LocalPlatform {
  runtime: LocalForgeRuntime;
  register(projects: readonly string[]): Promise<void>;
  /** Pushes a job and runs the queue until it is empty (hours of simulated time when the budget paces it). */
  syncNow(reason?: SyncJob['reason']): Promise<void>;
  state(project: string): Promise<ProjectSyncState>;
  /** What the UI would say about the sync of `projects` (stored issues, phase, last error). */
  progress(projects: readonly string[]): Promise<SyncProgress>;
  /** Opens a view as `accountId`: the app's resolver, under Forge's limits, on the platform's clock. */
  view(call: ViewCall): Promise<{ answer: unknown; record: RuntimeInvocationRecord }>;
  close(): void;
}

export interface LocalPlatformOptions {
  clock: Clock;
  /** Where the app's Jira requests go: the local Jira server, or a real site. */
  jira: JiraTarget;
  settings?: Partial<SyncSettings>;
}

export async function startLocalPlatform(options: LocalPlatformOptions): Promise<LocalPlatform> {
  const { clock } = options;
  const handlers = defineSyncHandlers(clock);
  const resolvers = defineResolvers(clock);
  const runtime = await createForgeRuntime({
    appDir: APP_DIR,
    clock,
    jira: options.jira,
    handlers: {
      'index.syncConsume': handlers.consume as never,
      'index.syncSchedule': handlers.schedule as never,
      'index.handler': resolvers as never,
      'index.servePrepare': defineServeHandlers(clock).prepare as never,
    },
  });
  const storage = () => new Storage(clock);
  if (options.settings !== undefined) {
    const settings = options.settings;
    await runtime.run(() => saveSettings(storage(), settings));
  }
  return {
    runtime,
    register: async (projects) => {
      await runtime.run(() => registerScope(storage(), projects, clock.now()));
    },
    syncNow: async (reason = 'refresh') => {
      await runtime.run(() => enqueueSync({ requestedAt: clock.now(), reason }));
      await runtime.drain();
    },
    state: (project) => runtime.run(() => loadProjectState(storage(), project)),
    progress: (projects) => runtime.run(() => syncProgress(storage(), projects, clock.now())),
    view: async (call) => {
      const { record, raced } = await runtime.invokeResolver(resolvers, call);
      if (raced.kind !== 'returned') throw new Error(`The view did not answer: ${record.outcome}.`);
      return { answer: raced.value, record };
    },
    close: () => runtime.close(),
  };
}

export interface LocalSync extends Omit<LocalPlatform, 'close'> {
  clock: SimulatedClock;
  server: JiraServer;
  storedSite(projects: readonly string[]): Promise<SiteData>;
  close(): Promise<void>;
}

export async function startLocalSync(options: LocalSyncOptions): Promise<LocalSync> {
  const clock = new SimulatedClock(options.start ?? Date.parse('2026-11-16T09:00:00.000Z'));
  const server = await startJiraServer({
    snapshotDir: options.snapshotDir,
    sleep: clock.sleep,
    now: clock.now,
    latencyMs: options.latencyMs ?? 300,
    ...(options.pointsPerHour === undefined ? {} : { pointsPerHour: options.pointsPerHour }),
  });
  const platform = await startLocalPlatform({
    clock,
    jira: localJiraTarget(server.url),
    ...(options.settings === undefined ? {} : { settings: options.settings }),
  });
  return {
    ...platform,
    clock,
    server,
    storedSite: (projects) =>
      platform.runtime.run(() => readStoredSite(new Storage(clock), { projects }, server.url)),
    close: async () => {
      platform.close();
      await server.close();
    },
  };
}

/** The analysis of a whole site as the CLI runs it: every project of the scope, the default config. */
export function analyseSite(site: SiteData, projects: readonly string[], now: Date): AnalysisResult {
  return analyse(site, AnalysisConfigSchema.parse({ scope: { projects: [...projects] } }), now);
}
