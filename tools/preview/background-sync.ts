// The preview's Forge platform behind the UI: the local Forge runtime (tools/forge-runtime/) hosting the app's own
// sync consumer and hourly trigger, on the preview's clock and against the preview's Jira, sharing one store and
// one queue with the UI invocations. A view or "Refresh now" pushes a sync job; it is delivered here in the
// background, as Forge delivers it, so the preview goes from "Read live" to "Data as of" as a site does.
import type { Clock } from '../../src/jira/clock';
import { defineServeHandlers } from '../../src/serve/prepare';
import { defineSyncHandlers } from '../../src/sync/handlers';
import { createForgeRuntime, type LocalForgeRuntime } from '../forge-runtime/runtime';
import type { ContextAriForm, PlatformServices } from './forge-runtime';
import type { ResolverHandler } from './invoke';
import type { JiraTarget } from './jira-target';

/** How often the preview looks for events and triggers that have come due. */
const PUMP_INTERVAL_MS = 250;

export interface BackgroundSyncOptions {
  appDir: string;
  /** The resolvers' clock: the sync's "now", its leases and the queue's delays run on it too. */
  clock: Clock;
  jira: JiraTarget;
  /** The manifest's resolver function, for completeness of the runtime's handlers. */
  resolver: ResolverHandler;
  installation: {
    installationId: string;
    cloudId: string;
    environmentId: string;
    jiraContext: ContextAriForm;
  };
  log: (line: string) => void;
}

export interface BackgroundSync {
  runtime: LocalForgeRuntime;
  /** For the UI invocations: the installation's storage and queue. */
  platform: PlatformServices;
  /** Delivers what is due now without waiting for the next look. */
  wake(): void;
  /** Resolves once no event is due: every job pushed so far has run (a delayed one waits for its time). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startBackgroundSync(options: BackgroundSyncOptions): Promise<BackgroundSync> {
  const handlers = defineSyncHandlers(options.clock);
  const runtime = await createForgeRuntime({
    appDir: options.appDir,
    clock: options.clock,
    jira: options.jira,
    installation: options.installation,
    handlers: {
      'index.handler': options.resolver,
      'index.syncConsume': handlers.consume,
      'index.syncSchedule': handlers.schedule,
      'index.servePrepare': defineServeHandlers(options.clock).prepare,
    },
  });
  let running: Promise<void> | undefined;
  // One delivery loop at a time, as one queue is served in order; tick() goes on while anything is due.
  const pump = (): Promise<void> =>
    (running ??= runtime
      .tick()
      .catch((error: unknown) => options.log(`preview: the background sync failed: ${String(error)}`))
      .finally(() => {
        running = undefined;
      }));
  const timer = setInterval(() => void pump(), PUMP_INTERVAL_MS);
  const due = () => (runtime.nextEventAt() ?? Number.POSITIVE_INFINITY) <= options.clock.now();
  return {
    runtime,
    platform: runtime.platform,
    wake: () => void pump(),
    async settled() {
      do await pump();
      while (due());
    },
    async close() {
      clearInterval(timer);
      await running;
      runtime.close();
    },
  };
}
