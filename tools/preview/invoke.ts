// Runs one resolver call exactly as Forge does: `handler({ call: { functionKey, payload }, context }, runtimePayload)`
// inside its own invocation scope, with Forge's time limit, and the result passed through JSON as across the bridge.
import { randomUUID } from 'node:crypto';
import { resolverArgumentsOf, type Frame, type FrameWorld } from './frame';
import {
  runInInvocation,
  type Invocation,
  type PlatformServices,
  type ProductRequest,
} from './forge-runtime';
import type { JiraTarget } from './jira-target';
// Forge stops a UI resolver invocation after 25 s: the same limit the resolvers' own deadline is cut from.
import { UI_INVOCATION_LIMIT_MS } from '../../src/resolvers/invocation';

/** The shape of `new Resolver().getDefinitions()`. */
export type ResolverHandler = (
  request: {
    call: { functionKey: string; payload?: unknown; jobId?: string };
    context: Record<string, unknown>;
  },
  backendRuntimePayload?: Record<string, unknown>,
) => Promise<unknown>;

export type InvokeOutcome =
  { ok: true; body?: unknown } | { ok: false; error: { name: string; message: string } };

export interface InvocationRecord {
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  /** The principal the handler was given. */
  accountId: string | undefined;
  startedAt: string;
  durationMs: number;
  ok: boolean;
  error?: string;
  requests: ProductRequest[];
}

export interface InvokeRequest {
  frame: Frame;
  functionKey: string;
  payload: unknown;
}

export interface InvokeDeps {
  handler: ResolverHandler;
  world: FrameWorld;
  jira: JiraTarget;
  /** The installation's storage and queue (the preview's Forge runtime); without, storage only and no queue. */
  platform?: PlatformServices;
  timeoutMs?: number;
}

class InvocationTimeout extends Error {
  override name = 'FunctionTimeoutError';
}

function withLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new InvocationTimeout(`The function did not answer within ${ms / 1000} s (Forge's limit).`)),
      ms,
    );
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function errorOf(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export async function invokeResolver(
  request: InvokeRequest,
  deps: InvokeDeps,
): Promise<{ outcome: InvokeOutcome; record: InvocationRecord }> {
  const { context, backendRuntimePayload, module } = resolverArgumentsOf(request.frame, deps.world);
  const limitMs = deps.timeoutMs ?? UI_INVOCATION_LIMIT_MS;
  const startedAt = Date.now();
  const invocation: Invocation = {
    invocationId: randomUUID(),
    appId: deps.world.site.appId,
    environmentId: deps.world.site.environmentId,
    installationId: deps.world.site.installationId,
    moduleKey: module.module.key,
    moduleType: module.moduleType,
    functionKey: 'resolver',
    accountId: request.frame.accountId,
    product: module.product,
    installContext: backendRuntimePayload.installContext as string,
    cloudId: deps.world.site.cloudId,
    installation: backendRuntimePayload.installation as Invocation['installation'],
    jira: deps.jira,
    consented: deps.world.hasConsented(request.frame.accountId),
    deadline: startedAt + limitMs,
    requests: [],
    ...(deps.platform === undefined ? {} : { platform: deps.platform }),
  };
  let outcome: InvokeOutcome;
  try {
    const result = await withLimit(
      runInInvocation(invocation, () =>
        deps.handler(
          { call: { functionKey: request.functionKey, payload: request.payload }, context },
          backendRuntimePayload,
        ),
      ),
      limitMs,
    );
    // Across the bridge the answer is JSON: undefined stays "no body", functions and undefined fields vanish.
    const text = JSON.stringify(result);
    outcome = text === undefined ? { ok: true } : { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    outcome = { ok: false, error: errorOf(error) };
  }
  const record: InvocationRecord = {
    invocationId: invocation.invocationId,
    functionKey: request.functionKey,
    moduleKey: invocation.moduleKey,
    accountId: invocation.accountId,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Date.now() - startedAt,
    ok: outcome.ok,
    ...(outcome.ok ? {} : { error: `${outcome.error.name}: ${outcome.error.message}` }),
    requests: invocation.requests,
  };
  return { outcome, record };
}
