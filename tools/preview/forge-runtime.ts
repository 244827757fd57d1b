// The Forge runtime as the app's backend code sees it, emulated per invocation: `global.__forge_fetch__` (under
// every @forge/api product request, every @forge/kvs call and every @forge/events push) and
// `global.__forge_runtime__` (getAppContext, authorize) read the current invocation from an AsyncLocalStorage
// store, so concurrent invocations for different viewers never mix. Storage and the queue are answered by the
// invocation's platform (tools/forge-runtime/); this file stays the one installer of the globals.
import { AsyncLocalStorage } from 'node:async_hooks';
import { InvalidWorkspaceRequestedError, RequestProductNotAllowedError } from '@forge/api';
import { jsonAnswer } from '../forge-runtime/answer';
import { KvsService } from '../forge-runtime/kvs';
import type { JiraTarget } from './jira-target';
import { INSTALLATION_HEADER } from '../../src/jira/transport/forge-fetch';

export type ProductName = 'jira' | 'confluence';

/** An ARI the way Forge hands them to functions: fields plus toString()/toJSON() giving the full ARI. */
export interface AriObject {
  toString(): string;
  toJSON(): string;
}
export type ContextAriObject = AriObject & { cloudId: string };
export interface InstallationObject {
  ari: AriObject & { installationId: string };
  contexts: ContextAriObject[];
}

/**
 * The two forms a product context takes: the site (`ari:cloud:jira::site/<cloudId>`, as Atlassian's docs show it)
 * and the workspace (`ari:cloud:jira:<cloudId>:workspace/<activationId>`, as Atlassian's CLI builds install
 * contexts). The preview can hand over either, so the app is tested against both.
 */
export type ContextAriForm = 'site' | 'workspace';

export function contextAri(
  product: ProductName,
  cloudId: string,
  form: ContextAriForm = 'site',
  workspaceId = cloudId,
): ContextAriObject {
  const ari =
    form === 'site'
      ? `ari:cloud:${product}::site/${cloudId}`
      : `ari:cloud:${product}:${cloudId}:workspace/${workspaceId}`;
  return {
    cloudId,
    ...(form === 'workspace' ? { workspaceId } : {}),
    toString: () => ari,
    toJSON: () => ari,
  };
}

export function installationAri(installationId: string): AriObject & { installationId: string } {
  const ari = `ari:cloud:ecosystem::installation/${installationId}`;
  return { installationId, toString: () => ari, toJSON: () => ari };
}

/** One product request made during an invocation (for the invocation log and for tests). */
export interface ProductRequest {
  product: string;
  method: string;
  path: string;
  /** Who the request acted as; undefined = the app itself (asApp). */
  actingAccountId: string | undefined;
  status?: number;
}

export interface Invocation {
  invocationId: string;
  /** The app's UUID (the tail of the manifest's app.id ARI). */
  appId: string;
  environmentId: string;
  installationId: string;
  moduleKey: string;
  moduleType: string;
  functionKey: string;
  /** The principal: the viewer whose page invoked the function. */
  accountId: string | undefined;
  /** The product whose page invoked the function. */
  product: ProductName;
  /** The ARI of that product's context, as the platform hands it to the function. */
  installContext: string;
  cloudId: string;
  installation: InstallationObject;
  jira: JiraTarget;
  /** False when the principal has not yet allowed the app to act for them (Forge's user consent). */
  consented: boolean;
  /** Epoch ms when Forge would stop the invocation. */
  deadline: number;
  requests: ProductRequest[];
  /** The clock `deadline` is on; Date.now when not given. */
  now?: () => number;
  /**
   * Forge's own services for this invocation's installation (storage, the queue): the preview passes its local
   * Forge runtime's. Without one, storage is a store per installation kept for the life of the process, and there
   * is no queue.
   */
  platform?: PlatformServices;
  /** Why the platform stopped this invocation (its time limit); nothing it sends afterwards goes out. */
  stopped?: string;
}

/** What answers the platform's own requests of an invocation, besides the products. */
export interface PlatformServices {
  /** A @forge/kvs request: `__forge_fetch__({ type: 'kvs' }, '/api/v1/…', init)`. */
  kvs(invocation: Invocation, path: string, init: RequestInit | undefined): Promise<Response>;
  /** A @forge/events request: asApp through stargate to `/webhook/queue/…` (push, stats, cancel). */
  events(invocation: Invocation, path: string, init: RequestInit | undefined): Promise<Response>;
}

const processKvs = new KvsService();
const PROCESS_PLATFORM: PlatformServices = {
  kvs: (invocation, path, init) => processKvs.handle(invocation.installationId, path, init),
  events: async (_invocation, path) =>
    jsonAnswer(501, {
      message:
        `${path}: this invocation has no queue. Run it through createForgeRuntime (tools/forge-runtime), ` +
        "which delivers pushed events to the manifest's consumers.",
    }),
};

/** What @forge/api passes as the first argument of `__forge_fetch__`. */
interface FetchTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
}

const invocations = new AsyncLocalStorage<Invocation>();

export function currentInvocation(): Invocation | undefined {
  return invocations.getStore();
}

/** Runs `fn` as one invocation: every product request and runtime read inside it sees `invocation`. */
export function runInInvocation<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
  return invocations.run(invocation, fn);
}

/** A product context ARI in either form; group 1 is the product. */
const CONTEXT_ARI = /^ari:cloud:([a-z-]+):[^:/]*:(?:site|workspace)\/[^/]+$/;

/** The product a request goes to; refuses what Forge refuses (another product without withContext, a foreign site). */
function productOf(target: FetchTarget, invocation: Invocation, path: string): string {
  if (target.contextAri !== undefined) {
    const match = CONTEXT_ARI.exec(target.contextAri);
    const installed = invocation.installation.contexts.some(
      (entry) => entry.toString() === target.contextAri,
    );
    if (!match?.[1] || !installed) throw new InvalidWorkspaceRequestedError(path);
    return match[1];
  }
  const remote = target.remote ?? 'unknown';
  // From a Confluence page a plain requestJira is refused; only withContext(jira site ARI) reaches Jira.
  if ((remote === 'jira' || remote === 'confluence') && remote !== invocation.product) {
    throw new RequestProductNotAllowedError(remote, invocation.product);
  }
  return remote;
}

/** asUser() without an account id in an invocation that has no principal. */
export class NoUserToActForError extends Error {
  override readonly name = 'NoUserToActForError';
  constructor(method: string, path: string) {
    super(
      `asUser() cannot send ${method} ${path}: this invocation has no user (no principal) to act for. ` +
        'Invoke the function as a viewer, or name the account with asUser(accountId).',
    );
  }
}

/** A request the platform refused because it stopped the invocation that sends it. */
export class InvocationStoppedError extends Error {
  override readonly name = 'InvocationStoppedError';
  constructor(invocation: Invocation, path: string) {
    super(
      `${path} was sent by invocation ${invocation.invocationId} (${invocation.functionKey}) after the platform ` +
        `stopped it (${invocation.stopped ?? 'stopped'}); on Forge its process no longer runs, so nothing goes out.`,
    );
  }
}

/** @forge/events' push, stats and cancel: `__requestAtlassianAsApp('/webhook/queue/…')`. */
const isQueueRequest = (target: FetchTarget, path: string): boolean =>
  target.type === 'fpp' &&
  target.provider === 'app' &&
  target.remote === 'stargate' &&
  path.startsWith('/webhook/queue/');

async function forgeFetch(target: FetchTarget, path: string, init?: RequestInit): Promise<Response> {
  const invocation = invocations.getStore();
  if (!invocation) {
    throw new Error(
      `A product request (${path}) was made outside a preview invocation, so nobody is acting.`,
    );
  }
  if (invocation.stopped !== undefined) throw new InvocationStoppedError(invocation, path);
  const platform = invocation.platform ?? PROCESS_PLATFORM;
  if (target.type === 'kvs') return platform.kvs(invocation, path, init);
  if (isQueueRequest(target, path)) return platform.events(invocation, path, init);
  if (target.type !== 'fpp') {
    throw new Error(
      `The preview forwards Atlassian product requests, storage and the queue only, not '${String(target.type)}' (${path}).`,
    );
  }
  const product = productOf(target, invocation, path);
  // asUser() without an id acts as the invocation's principal, as in Forge; asApp() and plain calls act as the app.
  const actingAccountId = target.provider === 'user' ? (target.accountId ?? invocation.accountId) : undefined;
  if (target.provider === 'user' && actingAccountId === undefined) {
    // Forge has no one to act for when nobody invoked the function (a trigger, or no principal): asUser() fails
    // there rather than going out as the app, or as anyone who may see everything.
    throw new NoUserToActForError(init?.method ?? 'GET', path);
  }
  if (target.provider === 'user' && !invocation.consented) {
    // What Forge's proxy answers before the user has allowed access: @forge/api turns this header into
    // NeedsAuthenticationError, which, left uncaught by the app, makes Forge ask the user for consent.
    invocation.requests.push({ product, method: init?.method ?? 'GET', path, actingAccountId, status: 401 });
    return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
  }
  const record: ProductRequest = { product, method: init?.method ?? 'GET', path, actingAccountId };
  invocation.requests.push(record);
  if (product !== 'jira') {
    record.status = 404;
    return Response.json(
      { message: `The preview has no ${product} site; it answers Jira requests only.` },
      { status: 404 },
    );
  }
  // The local server keeps each installation's points apart by this header (Jira knows it from the token).
  const sent =
    invocation.jira.kind === 'local'
      ? {
          ...init,
          headers: {
            ...Object.fromEntries(new Headers(init?.headers)),
            [INSTALLATION_HEADER]: invocation.installationId,
          },
        }
      : init;
  const response = await invocation.jira.request(path, sent, actingAccountId);
  record.status = response.status;
  return response;
}

function noMetrics() {
  const counter = { incr() {}, decr() {}, incrBy() {}, decrBy() {} };
  const timer = { stop() {} };
  return {
    counter: () => counter,
    gauge: () => ({ set() {} }),
    histogram: () => ({ record() {} }),
    timing: () => ({ measure: () => timer }),
  };
}

/** `global.__forge_runtime__` for the current invocation, shaped like the one Forge installs. */
function runtimeOf(invocation: Invocation) {
  return {
    proxy: {},
    contextAri: invocation.installContext,
    container: {},
    appContext: {
      appId: invocation.appId,
      appVersion: '0.0.0-preview',
      environmentId: invocation.environmentId,
      environmentType: 'DEVELOPMENT',
      invocationId: invocation.invocationId,
      installationId: invocation.installationId,
      functionKey: invocation.functionKey,
      moduleType: invocation.moduleType,
      moduleKey: invocation.moduleKey,
      installation: invocation.installation,
    },
    aaid: invocation.accountId,
    lambdaContext: {
      awsRequestId: invocation.invocationId,
      getRemainingTimeInMillis: () => Math.max(0, invocation.deadline - (invocation.now ?? Date.now)()),
    },
    tracing: { traceId: invocation.invocationId, spanId: invocation.invocationId },
    realtime: {},
    metrics: noMetrics(),
    featureFlags: () => false,
  };
}

type RuntimeGlobals = typeof globalThis & { __forge_fetch__?: unknown; __forge_runtime__?: unknown };

let holders = 0;
let saved: { fetch?: PropertyDescriptor; runtime?: PropertyDescriptor } = {};

/**
 * Installs the two globals (once per process, however many previews run) and returns the release function;
 * the last release restores whatever was there before.
 */
export function acquireForgeRuntime(): () => void {
  const globals = globalThis as RuntimeGlobals;
  if (holders === 0) {
    saved = {
      fetch: Object.getOwnPropertyDescriptor(globals, '__forge_fetch__'),
      runtime: Object.getOwnPropertyDescriptor(globals, '__forge_runtime__'),
    };
    Object.defineProperty(globals, '__forge_fetch__', {
      value: forgeFetch,
      configurable: true,
      writable: true,
    });
    Object.defineProperty(globals, '__forge_runtime__', {
      configurable: true,
      get: () => {
        const invocation = invocations.getStore();
        return invocation ? runtimeOf(invocation) : undefined;
      },
    });
  }
  holders += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders > 0) return;
    for (const [name, descriptor] of [
      ['__forge_fetch__', saved.fetch],
      ['__forge_runtime__', saved.runtime],
    ] as const) {
      if (descriptor) Object.defineProperty(globals, name, descriptor);
      else delete globals[name];
    }
  };
}
