// The local preview: the app's unchanged production bundles on a Confluence-like page and Jira-like pages, their
// @forge/bridge calls answered by the same resolver definitions Forge runs, against the local Jira server over a
// snapshot (or a real site). `npm start` runs it; browser tests start it on port 0.
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { handler as appHandler } from '../../src/index';
import { SYSTEM_CLOCK, type Clock } from '../../src/jira/clock';
import { defineResolvers } from '../../src/resolvers';
import { readSnapshotMeta } from '../snapshot/read';
import { startJiraServer, type JiraServer } from '../jira-server/server';
import { browserScript } from './browser-scripts';
import { siteDirectory, snapshotDirectory, type PreviewBoard, type PreviewDirectory } from './directory';
import type { LocalForgeRuntime } from '../forge-runtime/runtime';
import { startBackgroundSync, type BackgroundSync } from './background-sync';
import { acquireForgeRuntime } from './forge-runtime';
import {
  DEFAULT_LOCAL_ID,
  FrameError,
  FrameSchema,
  PREVIEW_PAGE,
  browserContextOf,
  moduleOfFrame,
  type Frame,
  type FrameWorld,
  type PreviewSite,
} from './frame';
import { invokeResolver, type InvocationRecord, type ResolverHandler } from './invoke';
import { localJiraTarget, siteJiraTarget, type JiraTarget, type SiteCredentials } from './jira-target';
import { readPreviewManifest, type PreviewManifest } from './manifest';
import { customUiCsp, serveResource } from './resources';
import { tokensStylesheet } from './tokens';

export interface PreviewOptions {
  /** A snapshot folder: the local Jira server is started over it in-process. */
  snapshotDir?: string;
  /** A real Jira Cloud site instead (credentials from the environment, see siteCredentialsFromEnv). */
  site?: SiteCredentials;
  /** An already running Jira look-alike that honours x-acting-account-id (people and boards from snapshotDir). */
  jiraUrl?: string;
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The app folder (manifest.yml, static/); default this repository. */
  appDir?: string;
  /** The resolver entry; default `handler` of src/index.ts, as the manifest's function names it. */
  handler?: ResolverHandler;
  /** The macro's config to start with (as if saved before); default none: the macro is unconfigured. */
  macroConfig?: Record<string, unknown>;
  /** Project the Jira views open on; default CHK if the site has it. */
  project?: string;
  /** Send the Custom UI Content-Security-Policy with the bundles' HTML (default true). */
  csp?: boolean;
  /** Viewers who have not yet allowed the app to act for them: their invocations ask for consent, as in Forge. */
  withoutConsent?: string[];
  /** How the installation names its Jira context: 'site' (default) or 'workspace' ARI; 'none' = not on Jira. */
  jiraContext?: PreviewSite['jiraContext'];
  /** Forge's UI invocation limit (25 s) unless a test needs less. */
  invocationTimeoutMs?: number;
  /** Where the server reports resolver failures; default silent. */
  log?: (line: string) => void;
}

export interface PreviewServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
  /** The local Jira server, when the preview started one. */
  jira?: JiraServer;
  directory: PreviewDirectory;
  /** Saves a macro config as view.submit would (default: the preview page's macro). */
  setMacroConfig(config: Record<string, unknown> | undefined, localId?: string): void;
  macroConfig(localId?: string): Record<string, unknown> | undefined;
  /** Every resolver invocation so far, oldest first (the last 500). */
  invocations(): InvocationRecord[];
  /** The Forge runtime behind the UI: the sync's consumer and trigger, their invocations, storage and queue. */
  runtime: LocalForgeRuntime;
  /** Resolves once every sync job pushed so far (by views, "Refresh now", the hourly trigger) has run. */
  syncSettled(): Promise<void>;
}

const APP_DIR = path.resolve(__dirname, '../..');
const PAGE_DIR = path.join(__dirname, 'page');
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_RECORDS = 500;
const MAX_MODALS = 100;
/** The project the Jira views open on when the site has it (the sample's checkout squad). */
const PREFERRED_PROJECT = 'CHK';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A stable UUID-shaped id from a text (cloud id from the site URL, ids of the emulated installation). */
function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request body is larger than 1 MB.');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not JSON.');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`);
    throw new HttpError(400, `Bad ${what}: ${issues.join('; ')}`);
  }
  return parsed.data;
}

const FrameFieldsSchema = z.record(z.string(), z.string());
const InvokeBodySchema = z.object({
  frame: FrameFieldsSchema,
  functionKey: z.string().min(1),
  payload: z.unknown(),
});
const ConsentBodySchema = z.object({ accountId: z.string().min(1).max(128) });
const ConfigBodySchema = z.object({ frame: FrameFieldsSchema, config: z.record(z.string(), z.unknown()) });
const ModalBodySchema = z.object({ frame: FrameFieldsSchema, context: z.unknown() });
const ProductFetchBodySchema = z.object({
  frame: FrameFieldsSchema,
  product: z.string(),
  restPath: z.string().startsWith('/'),
  fetchRequestInit: z
    .looseObject({
      method: z.string().optional(),
      headers: z.array(z.tuple([z.string(), z.string()])).optional(),
      body: z.string().nullish(),
    })
    .optional(),
});

/** The sprint the acceptance review opens on: the last closed one, else the active one, else the first. */
function usualSprint(board: PreviewBoard | undefined): number | undefined {
  const end = (sprint: PreviewBoard['sprints'][number]) => sprint.completeDate ?? sprint.endDate ?? '';
  const closed = (board?.sprints ?? []).filter((sprint) => sprint.state === 'closed');
  closed.sort((a, b) => end(b).localeCompare(end(a)));
  return (closed[0] ?? board?.sprints.find((sprint) => sprint.state === 'active') ?? board?.sprints[0])?.id;
}

/** Where the Jira views open: the preferred project (else one with a board), its first board, its usual sprint. */
function defaultsOf(directory: PreviewDirectory, preferred: string | undefined) {
  const byProject: Record<string, { board?: number; sprint?: number }> = {};
  for (const project of directory.projects) {
    const board = directory.boards.find((candidate) => candidate.projectKey === project.key);
    byProject[project.key] = { board: board?.id, sprint: usualSprint(board) };
  }
  const project =
    directory.projects.find((candidate) => candidate.key === (preferred ?? PREFERRED_PROJECT)) ??
    directory.projects.find((candidate) => byProject[candidate.key]?.board !== undefined) ??
    directory.projects[0];
  return { project: project?.key, ...(project ? byProject[project.key] : {}), byProject };
}

function siteDescription(manifest: PreviewManifest, directory: PreviewDirectory, preferredProject?: string) {
  const view = (module: { resource: string; title: string } | undefined) =>
    module && { resource: module.resource, title: module.title };
  return {
    source: directory.source,
    siteUrl: directory.siteUrl,
    notes: directory.notes,
    people: directory.people,
    defaultViewer: directory.defaultViewer,
    projects: directory.projects,
    boards: directory.boards,
    defaults: defaultsOf(directory, preferredProject),
    views: {
      macro: view(manifest.macro),
      config: {
        resource: manifest.macro.configResource,
        title: manifest.macro.configTitle,
        viewportSize: manifest.macro.viewportSize,
      },
      projectPage: view(manifest.projectPage),
      sprintAction: view(manifest.sprintAction),
    },
    localId: DEFAULT_LOCAL_ID,
    page: { title: PREVIEW_PAGE.title, spaceKey: PREVIEW_PAGE.spaceKey },
  };
}

/** The system clock shifted so that it reads `anchor` now and runs on from there (waits and timers unchanged). */
function clockFrom(anchor: number): Clock {
  const offset = anchor - Date.now();
  return { ...SYSTEM_CLOCK, now: () => Date.now() + offset };
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const appDir = options.appDir ?? APP_DIR;
  const log = options.log ?? (() => {});
  const manifest = await readPreviewManifest(appDir);
  // Over a snapshot the site stands still at the moment it was recorded: the resolvers' "now" is that moment (and
  // runs on from there), so waits and idle days read as they did then, as in the CLI, not against today. The
  // background sync and the local Jira server run on the same clock, so "Data as of" and the store agree with it.
  const clock =
    options.snapshotDir === undefined
      ? SYSTEM_CLOCK
      : clockFrom(Date.parse((await readSnapshotMeta(options.snapshotDir)).site.recordedAt));
  const handler =
    options.handler ??
    (options.snapshotDir === undefined
      ? (appHandler as ResolverHandler)
      : (defineResolvers(clock) as ResolverHandler));

  // Where Jira is, and who the page can view as.
  let jiraServer: JiraServer | undefined;
  let jira: JiraTarget;
  let directory: PreviewDirectory;
  if (options.site) {
    const writes = manifest.scopes.some((scope) => scope.startsWith('write:') || scope.startsWith('manage:'));
    jira = siteJiraTarget(options.site, { readOnly: !writes });
    directory = await siteDirectory(jira);
  } else if (options.snapshotDir) {
    directory = await snapshotDirectory(options.snapshotDir);
    if (options.jiraUrl) {
      jira = localJiraTarget(options.jiraUrl);
    } else {
      jiraServer = await startJiraServer({ snapshotDir: options.snapshotDir, port: 0, now: clock.now });
      jira = localJiraTarget(jiraServer.url);
    }
  } else {
    throw new Error('startPreview needs a snapshotDir (local Jira server) or a site (real Jira Cloud).');
  }

  const site: PreviewSite = {
    cloudId: uuidFrom(`cloud:${directory.siteUrl}`),
    siteUrl: directory.siteUrl,
    environmentId: uuidFrom(`environment:${manifest.appId}`),
    installationId: uuidFrom(`installation:${manifest.appId}:${directory.siteUrl}`),
    appId: manifest.appId.replace(/^ari:cloud:ecosystem::app\//, ''),
    jiraContext: options.jiraContext ?? 'site',
  };
  let background: BackgroundSync;
  try {
    background = await startBackgroundSync({
      appDir,
      clock,
      jira,
      resolver: handler,
      installation: {
        installationId: site.installationId,
        cloudId: site.cloudId,
        environmentId: site.environmentId,
        jiraContext: site.jiraContext === 'workspace' ? 'workspace' : 'site',
      },
      log,
    });
  } catch (error) {
    await jiraServer?.close();
    throw error;
  }
  const configs = new Map<string, Record<string, unknown>>();
  if (options.macroConfig) configs.set(DEFAULT_LOCAL_ID, options.macroConfig);
  const modals = new Map<string, unknown>();
  const withoutConsent = new Set(options.withoutConsent ?? []);
  const records: InvocationRecord[] = [];
  const world: FrameWorld = {
    manifest,
    directory,
    site,
    macroConfig: (localId) => configs.get(localId),
    hasConsented: (accountId) => !withoutConsent.has(accountId),
    modalContext: (modalId) => modals.get(modalId) ?? {},
  };
  const csp = options.csp === false ? undefined : customUiCsp(manifest.content, manifest.external);
  const tokens = tokensStylesheet(appDir);
  const description = siteDescription(manifest, directory, options.project);

  const frameOf = (fields: Record<string, string>): Frame => {
    const frame = parseWith(FrameSchema, fields, 'frame');
    try {
      moduleOfFrame(frame, manifest);
    } catch (error) {
      throw new HttpError(400, (error as Error).message);
    }
    return frame;
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const method = req.method ?? 'GET';
    const at = `${method} ${url.pathname}`;
    if (at === 'GET /' || at === 'GET /index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(await readFile(path.join(PAGE_DIR, 'index.html')));
      return;
    }
    if (at === 'GET /favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (at === 'GET /__preview/preview.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' });
      res.end(await readFile(path.join(PAGE_DIR, 'preview.css')));
      return;
    }
    if (at === 'GET /__preview/bridge.js' || at === 'GET /__preview/host.js') {
      const code = await browserScript(url.pathname.endsWith('bridge.js') ? 'bridge' : 'host');
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(code);
      return;
    }
    if (at === 'GET /__preview/tokens.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' });
      res.end(tokens.css);
      return;
    }
    if (at === 'GET /__preview/site') return sendJson(res, 200, description);
    if (at === 'GET /__preview/invocations') return sendJson(res, 200, records);
    if (at === 'GET /__preview/context') {
      const frame = frameOf(Object.fromEntries(url.searchParams));
      return sendJson(res, 200, browserContextOf(frame, world));
    }
    if (at === 'POST /__preview/invoke') {
      const body = parseWith(InvokeBodySchema, await readJsonBody(req), 'invoke request');
      const frame = frameOf(body.frame);
      const { outcome, record } = await invokeResolver(
        { frame, functionKey: body.functionKey, payload: body.payload ?? {} },
        { handler, world, jira, platform: background.platform, timeoutMs: options.invocationTimeoutMs },
      );
      // A view or "Refresh now" may have pushed a sync job: deliver it now rather than at the next look.
      background.wake();
      records.push(record);
      if (records.length > MAX_RECORDS) records.splice(0, records.length - MAX_RECORDS);
      if (!outcome.ok)
        log(`resolver ${body.functionKey} failed for ${frame.accountId}: ${record.error ?? ''}`);
      return sendJson(res, 200, outcome);
    }
    if (at === 'POST /__preview/consent') {
      const body = parseWith(ConsentBodySchema, await readJsonBody(req), 'consent');
      withoutConsent.delete(body.accountId);
      return sendJson(res, 200, { ok: true });
    }
    if (at === 'POST /__preview/config') {
      const body = parseWith(ConfigBodySchema, await readJsonBody(req), 'config');
      const frame = frameOf(body.frame);
      if (frame.view !== 'macro-config')
        throw new HttpError(400, 'Only the macro config dialog can submit a config.');
      configs.set(frame.localId, body.config);
      return sendJson(res, 200, { ok: true });
    }
    if (at === 'POST /__preview/modals') {
      const body = parseWith(ModalBodySchema, await readJsonBody(req), 'modal');
      frameOf(body.frame);
      const modalId = randomUUID();
      modals.set(modalId, body.context ?? {});
      if (modals.size > MAX_MODALS) modals.delete(modals.keys().next().value as string);
      return sendJson(res, 200, { modalId });
    }
    if (at === 'POST /__preview/product-fetch') {
      const body = parseWith(ProductFetchBodySchema, await readJsonBody(req), 'product request');
      const frame = frameOf(body.frame);
      const { product } = moduleOfFrame(frame, manifest);
      if (body.product !== product) {
        throw new HttpError(403, `Request ${body.product} is not allowed from ${product} context.`);
      }
      const init = body.fetchRequestInit ?? {};
      const response = await jira.request(
        body.restPath,
        { method: init.method ?? 'GET', headers: init.headers, body: init.body ?? undefined },
        frame.accountId,
      );
      return sendJson(res, 200, {
        status: response.status,
        statusText: response.statusText,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
        isAttachment: false,
      });
    }
    const resource = /^\/resources\/([^/]+)\/(.*)$/.exec(url.pathname);
    if (method === 'GET' && resource) {
      const root = manifest.resources[decodeURIComponent(resource[1] ?? '')];
      if (!root) throw new HttpError(404, `The manifest declares no resource ${resource[1]}.`);
      await serveResource(res, root, resource[2] ?? '', { csp });
      return;
    }
    throw new HttpError(404, `The preview has nothing at ${at}.`);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : error instanceof FrameError ? 400 : 500;
      if (status === 500)
        log(`preview: ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendJson(res, status, { message: (error as Error).message });
      else res.end();
    });
  });
  // Compile the page's scripts now, so the first page load does not wait for the TypeScript compiler.
  void Promise.all([browserScript('bridge'), browserScript('host')]).catch((error: unknown) =>
    log(`preview: the page scripts do not compile: ${String(error)}`),
  );
  const release = acquireForgeRuntime();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    release();
    await background.close();
    await jiraServer?.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    jira: jiraServer,
    directory,
    setMacroConfig(config, localId = DEFAULT_LOCAL_ID) {
      if (config === undefined) configs.delete(localId);
      else configs.set(localId, config);
    },
    macroConfig: (localId = DEFAULT_LOCAL_ID) => configs.get(localId),
    invocations: () => [...records],
    runtime: background.runtime,
    syncSettled: () => background.settled(),
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        release();
        await background.close();
        await jiraServer?.close();
      })();
      return closed;
    },
  };
}
