// A local Jira Cloud look-alike over node:http: answers the REST endpoints the app reads, from a site snapshot folder,
// with Jira's page caps, permission filtering by acting account, request counts, the hourly points quota, and
// injectable faults.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ResultCache, type RequestContext, type ResultCaches } from './context';
import type { BulkHistoryList } from './endpoints/bulk-changelog';
import { FaultBook, pageFaultsFor } from './faults';
import {
  DEFAULT_INSTALLATION,
  INSTALLATION_HEADER,
  PointsLedger,
  pointsCost,
  type PointsReport,
} from './points';
import { jiraError, JiraRequestError, type Reply } from './reply';
import { matchRoute, UNKNOWN_ENDPOINT, type RouteMatch } from './routes';
import { loadSiteIndex, type IndexedIssue, type SiteIndex } from './site-index';
import { headerValue, viewerOf } from './viewer';

export { ENDPOINTS, UNKNOWN_ENDPOINT, type EndpointKey } from './routes';
export { ACTING_ACCOUNT_HEADER, SITE_ADMIN_ACCOUNT_ID } from './viewer';
export {
  DEFAULT_INSTALLATION,
  INSTALLATION_HEADER,
  POINTS_WINDOW_SECONDS,
  type PointsReport,
} from './points';

export interface JiraServerOptions {
  snapshotDir: string;
  /** 0 = ephemeral (the default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * How `slow` faults wait: real time by default; a test passes the clock its client runs on, so a slow Jira
   * costs simulated time and deadlines are tested without waiting.
   */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Jira's hourly points quota per installation (see points.ts); absent = unlimited, so points are counted but
   * nothing is refused and no quota headers are sent.
   */
  pointsPerHour?: number;
  /** The clock the quota window runs on (epoch ms); a test passes the one its client runs on. Default Date.now. */
  now?: () => number;
  /**
   * Time every answer takes (through `sleep`), as a real site's 150–300 ms per request: with a simulated clock it
   * costs simulated time only, so invocation limits are tested at a real site's pace. Default 0.
   */
  latencyMs?: number;
}

export interface JiraServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
  /** Requests by endpoint key, e.g. 'POST /rest/api/3/search/jql'; faulted responses count too. */
  requestCounts(): Record<string, number>;
  resetCounts(): void;
  /** Points charged by endpoint and installation since the start or resetPoints(); answers that were refused for
   * a spent quota cost nothing and are not in it. */
  points(): PointsReport;
  /** Clears the points tallies and the quota spent in the current window. */
  resetPoints(): void;
  /** Replace the active faults; [] clears. */
  setFaults(faults: Fault[]): void;
  /** What was loaded, for logs and tests. */
  snapshotStats: { issues: number; histories: number; projects: string[] };
  /**
   * Serves another snapshot from now on (the site as it is later: issues edited, created, deleted or moved), with
   * the same address, counts, points and faults. Search results cached for the old snapshot are dropped.
   */
  reload(snapshotDir: string): Promise<void>;
}

export type Fault = {
  /** An endpoint key (see ENDPOINTS); absent = any endpoint. */
  endpoint?: string;
  /** How many responses it affects; absent = always. */
  times?: number;
} & (
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'server-error'; status?: 500 | 502 | 503 }
  | { kind: 'slow'; delayMs: number }
  /** A page with fewer items than asked although more exist, and a valid next token (or startAt). */
  | { kind: 'truncated-page' }
  /** The response carries the request's nextPageToken again. */
  | { kind: 'repeat-token' }
  /** A token-paged page that says isLast: false but carries no nextPageToken (more exist, no way to read them). */
  | { kind: 'drop-token' }
  /** A page with no items although more exist: isLast false (and, token-paged, no nextPageToken). */
  | { kind: 'empty-page' }
  | { kind: 'refuse'; status: 403 | 404 | 400 }
  /** The connection is dropped without an answer (a reset). */
  | { kind: 'reset' }
);

/** What `respond` gives for a `reset` fault: no answer at all; the socket is destroyed. */
const RESET = Symbol('reset');

/** Request bodies above this are refused; the largest legitimate body (1000 keys) is a few tens of KB. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function faultReply(fault: Fault): Reply | undefined {
  switch (fault.kind) {
    case 'rate-limit':
      return {
        ...jiraError(429, ['Rate limit exceeded.']),
        headers: { 'Retry-After': String(fault.retryAfterSeconds) },
      };
    case 'server-error':
      return jiraError(fault.status ?? 500, ['Internal server error (injected fault).']);
    case 'refuse': {
      const message =
        fault.status === 404
          ? 'The requested resource was not found (injected fault).'
          : fault.status === 403
            ? 'You do not have permission to use this resource (injected fault).'
            : 'The request was refused (injected fault).';
      return jiraError(fault.status, [message]);
    }
    default:
      return undefined;
  }
}

/** Starts the server on a snapshot folder; the snapshot is read and indexed once, before listening. */
export async function startJiraServer(opts: JiraServerOptions): Promise<JiraServer> {
  // Built first so that an invalid quota is refused before the snapshot is read.
  const points = new PointsLedger(opts.pointsPerHour, opts.now ?? Date.now);
  const index = await loadSiteIndex(opts.snapshotDir);
  return serveSiteIndex(index, opts, points);
}

/** An endpoint's refusal as Jira's error; anything else thrown is the local server's own failure, a 500. */
function errorReply(error: unknown): Reply {
  if (error instanceof JiraRequestError) return error.toReply();
  console.error('jira-server: unexpected error', error);
  return jiraError(500, [`Internal error in the local Jira server: ${(error as Error).message}`]);
}

async function serveSiteIndex(
  loaded: SiteIndex,
  opts: JiraServerOptions,
  points: PointsLedger,
): Promise<JiraServer> {
  let index = loaded;
  const { sleep } = opts;
  const now = opts.now ?? Date.now;
  const counts = new Map<string, number>();
  const faults = new FaultBook();
  const caches: ResultCaches = {
    search: new ResultCache<IndexedIssue[]>(16),
    bulk: new ResultCache<BulkHistoryList>(8),
  };
  const pendingDelays = new Set<() => void>();
  let closing = false;
  let baseUrl = '';

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        pendingDelays.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      pendingDelays.add(finish);
    });

  const send = (res: ServerResponse, reply: Reply | typeof RESET) => {
    if (closing || res.destroyed || reply === RESET) return;
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'Content-Type': 'application/json;charset=UTF-8',
      'Content-Length': Buffer.byteLength(text),
      ...reply.headers,
    });
    res.end(text);
  };

  /** Counts the request, refuses it if its installation's quota is spent, else serves it and charges the answer. */
  const respond = async (req: IncomingMessage): Promise<Reply | typeof RESET> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', baseUrl);
    let match: RouteMatch;
    try {
      match = matchRoute(method, url.pathname);
    } catch {
      match = { kind: 'none' };
    }
    const key = match.kind === 'found' ? match.route.key : UNKNOWN_ENDPOINT;
    counts.set(key, (counts.get(key) ?? 0) + 1);

    const installation = headerValue(req.headers, INSTALLATION_HEADER) ?? DEFAULT_INSTALLATION;
    const refusal = points.refusal(installation);
    if (refusal) return refusal;
    const reply = await serve(req, method, url, match, key).catch(errorReply);
    // A dropped connection answers nothing, so it costs nothing.
    if (reply === RESET) return RESET;
    const quotaHeaders = points.charge(installation, key, pointsCost(reply));
    return { ...reply, headers: { ...reply.headers, ...quotaHeaders } };
  };

  const serve = async (
    req: IncomingMessage,
    method: string,
    url: URL,
    match: RouteMatch,
    key: string,
  ): Promise<Reply | typeof RESET> => {
    let rawBody: string;
    try {
      rawBody = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) return jiraError(413, ['The request body is too large.']);
      throw error;
    }

    const wait = faults.takeDelays(key) + (opts.latencyMs ?? 0);
    if (wait > 0) await (sleep ?? delay)(wait);
    if (faults.take(key, ['reset'])) return RESET;
    const refusal = faults.take(key, ['rate-limit', 'server-error', 'refuse']);
    if (refusal) return faultReply(refusal) ?? jiraError(500, ['Unknown fault.']);

    if (match.kind === 'none') {
      return jiraError(404, [`The local Jira server has no endpoint ${method} ${url.pathname}.`]);
    }
    if (match.kind === 'wrong-method') {
      return {
        ...jiraError(405, [`${method} is not supported here; use ${match.allowed.join(' or ')}.`]),
        headers: { Allow: match.allowed.join(', ') },
      };
    }
    let body: unknown;
    if (method === 'POST') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return jiraError(400, [
          'Invalid request payload. Refer to the REST API documentation and try again.',
        ]);
      }
    }
    // Basic or bearer credentials may be present (real-site compatibility); locally they are not checked.
    const ctx: RequestContext = {
      index,
      viewer: viewerOf(req.headers, index),
      url,
      baseUrl,
      params: match.params,
      body,
      page: pageFaultsFor(faults, key),
      caches,
      now: now(),
    };
    return match.route.handle(ctx);
  };

  const server = createServer((req, res) => {
    respond(req)
      .then((reply) => {
        if (reply === RESET) req.socket.destroy();
        return reply;
      })
      .catch(errorReply)
      .then((reply) => send(res, reply))
      .catch((error: unknown) => console.error('jira-server: could not send a response', error));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${urlHost}:${address.port}`;

  const statsOf = (of: SiteIndex) => ({
    issues: of.issues.length,
    histories: of.historyCount,
    projects: of.projects.map((p) => p.key),
  });
  const jiraServer: JiraServer = {
    url: baseUrl,
    snapshotStats: statsOf(index),
    async reload(snapshotDir) {
      index = await loadSiteIndex(snapshotDir);
      caches.search = new ResultCache<IndexedIssue[]>(16);
      caches.bulk = new ResultCache<BulkHistoryList>(8);
      jiraServer.snapshotStats = statsOf(index);
    },
    requestCounts: () => Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    resetCounts: () => counts.clear(),
    points: () => points.report(),
    resetPoints: () => points.reset(),
    setFaults: (list) => faults.replace(list),
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing = true;
        for (const finish of [...pendingDelays]) finish();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return jiraServer;
}
