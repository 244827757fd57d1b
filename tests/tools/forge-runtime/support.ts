// Test apps for the local Forge runtime: a temp folder holding only a manifest.yml (the app's own manifest declares
// no consumer or trigger yet), handlers given in memory, a simulated clock, and a Jira that notes what reaches it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contextAri, installationAri, type Invocation } from '../../../tools/preview/forge-runtime';
import type { JiraTarget } from '../../../tools/preview/jira-target';
import {
  createForgeRuntime,
  type ForgeHandler,
  type LocalForgeRuntime,
} from '../../../tools/forge-runtime/runtime';
import { SimulatedClock } from '../../../tools/simulated-clock';

export const START = Date.parse('2026-11-16T09:00:00.000Z');

export interface ManifestSpec {
  /** timeoutSeconds of the consumer's function; none when undefined. */
  consumerTimeoutSeconds?: number;
  triggerTimeoutSeconds?: number;
  scopes?: string[];
  /** Declare the consumer as a resolver consumer calling this method. */
  resolverMethod?: string;
  triggers?: number;
}

/** A manifest with one consumer (queue "sync", handler sync.consume) and hourly triggers (sync.schedule). */
export function manifestYaml(spec: ManifestSpec = {}): string {
  const timeout = (seconds: number | undefined) =>
    seconds === undefined ? '' : `\n      timeoutSeconds: ${seconds}`;
  const triggers = Array.from(
    { length: spec.triggers ?? 1 },
    (_, index) => `    - key: hourly-sync${index === 0 ? '' : `-${index}`}
      function: sync-schedule
      interval: hour`,
  ).join('\n');
  const scopes = (spec.scopes ?? ['storage:app', 'read:jira-work'])
    .map((scope) => `    - ${scope}`)
    .join('\n');
  const consumerFunction =
    spec.resolverMethod === undefined
      ? 'function: sync-consume'
      : `resolver:\n        function: sync-consume\n        method: ${spec.resolverMethod}`;
  return `modules:
  consumer:
    - key: sync-consumer
      queue: sync
      ${consumerFunction}
  scheduledTrigger:
${triggers}
  function:
    - key: sync-consume
      handler: sync.consume${timeout(spec.consumerTimeoutSeconds)}
    - key: sync-schedule
      handler: sync.schedule${timeout(spec.triggerTimeoutSeconds)}
app:
  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000001
permissions:
  scopes:
${scopes}
`;
}

const folders: string[] = [];

export function appWith(manifest: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'forge-runtime-app-'));
  writeFileSync(path.join(dir, 'manifest.yml'), manifest);
  folders.push(dir);
  return dir;
}

/** Jira requests as they reach Jira: path and who acts (undefined = the app). */
export function notingJira(): {
  jira: JiraTarget;
  sent: { path: string; actingAccountId: string | undefined }[];
} {
  const sent: { path: string; actingAccountId: string | undefined }[] = [];
  const jira: JiraTarget = {
    kind: 'local',
    baseUrl: 'http://127.0.0.1:1',
    impersonates: true,
    request: (requestPath, _init, actingAccountId) => {
      sent.push({ path: requestPath, actingAccountId });
      return Promise.resolve(Response.json({ ok: true }));
    },
  };
  return { jira, sent };
}

/** An invocation as the preview makes them for a viewer: no runtime behind it, so no platform. */
export function previewInvocation(installationId: string): Invocation {
  return {
    invocationId: `inv-${installationId}`,
    appId: 'app',
    environmentId: 'env',
    installationId,
    moduleKey: 'module',
    moduleType: 'jira:projectPage',
    functionKey: 'resolver',
    accountId: 'acc-1',
    product: 'jira',
    installContext: String(contextAri('jira', 'cloud-1')),
    cloudId: 'cloud-1',
    installation: { ari: installationAri(installationId), contexts: [contextAri('jira', 'cloud-1')] },
    jira: notingJira().jira,
    consented: true,
    deadline: Number.MAX_SAFE_INTEGER,
    requests: [],
  };
}

const runtimes: LocalForgeRuntime[] = [];

/** A runtime over a test manifest on a simulated clock; closed (globals restored) after each test. */
export async function testRuntime(
  handlers: Partial<Record<'sync.consume' | 'sync.schedule', ForgeHandler>>,
  spec: ManifestSpec = {},
  extra: { installationId?: string; clock?: SimulatedClock } = {},
): Promise<{
  runtime: LocalForgeRuntime;
  clock: SimulatedClock;
  sent: ReturnType<typeof notingJira>['sent'];
}> {
  const clock = extra.clock ?? new SimulatedClock(START);
  const { jira, sent } = notingJira();
  const noop: ForgeHandler = async () => undefined;
  const runtime = await createForgeRuntime({
    appDir: appWith(manifestYaml(spec)),
    handlers: { 'sync.consume': noop, 'sync.schedule': noop, ...handlers },
    clock,
    jira,
    installation: extra.installationId === undefined ? {} : { installationId: extra.installationId },
  });
  runtimes.push(runtime);
  return { runtime, clock, sent };
}

afterEach(() => {
  for (const runtime of runtimes.splice(0)) runtime.close();
});

afterAll(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
