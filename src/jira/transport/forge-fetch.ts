// Outside Forge (tests, CLI, preview): a `global.__forge_fetch__` that forwards @forge/api's product requests to a
// Jira base URL, so the app's own `requestJira` code path runs unchanged. Local server: the acting viewer goes in
// `x-acting-account-id`; a real site: HTTP basic auth with an API token (from the environment, never from disk).
import type { RequestInit } from '@forge/api';
import { assertCredentialsMayGoTo } from './credentials';

/** What @forge/api passes as the first argument (see __fetchProduct in @forge/api/out/api/fetch.js). */
export interface ForgeFetchTarget {
  type: string;
  /** 'user' (asUser), 'app' (asApp) or 'none'. */
  provider: string;
  remote?: string;
  accountId?: string;
  /** Set by asUser().withContext(ari): the product context to reach; `remote` is then absent. */
  contextAri?: string;
}

export type ForgeFetch = (target: ForgeFetchTarget, path: string, init?: RequestInit) => Promise<Response>;

export type ForgeFetchAuth =
  | {
      kind: 'local';
      /** The viewer when @forge/api names none (asUser() without an id); a function lets a harness switch viewers. */
      accountId?: string | (() => string | undefined);
    }
  | { kind: 'basic'; email: string; apiToken: string };

export interface ForgeFetchOptions {
  /** e.g. "http://127.0.0.1:4100" or "https://example.atlassian.net" (a path prefix like "/jira" is kept). */
  baseUrl: string;
  auth: ForgeFetchAuth;
  /** Defaults to the global fetch (Node 20+). */
  fetch?: typeof fetch;
}

export const ACTING_ACCOUNT_HEADER = 'x-acting-account-id';
/**
 * Who asApp() acts as on the local Jira server: the app's own user, which Jira grants every project through its
 * add-on project role (background work, such as the sync, has no user to act for).
 */
export const LOCAL_APP_ACCOUNT_ID = 'local-app';
/** Names the Forge installation a request is made for, so the local server keeps each one's points apart. */
export const INSTALLATION_HEADER = 'x-forge-installation-id';

interface ForgeGlobal {
  __forge_fetch__?: ForgeFetch;
}

/** True when the request is meant for Jira: `remote: 'jira'`, or a Jira context ARI from withContext. */
function targetsJira(target: ForgeFetchTarget): boolean {
  if (target.remote !== undefined) return target.remote === 'jira';
  if (target.contextAri !== undefined) return /^ari:cloud:jira(-[a-z]+)?::/.test(target.contextAri);
  return false;
}

/**
 * Builds the forwarding function without installing it (installForgeFetch installs it). Basic auth to an address
 * that would carry the token in clear text is refused here, before anything can be sent.
 */
export function createForgeFetch(options: ForgeFetchOptions): ForgeFetch {
  if (options.auth.kind === 'basic') assertCredentialsMayGoTo(options.baseUrl);
  const base = options.baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? fetch;
  return async (target, path, init = {}) => {
    if (target.type !== 'fpp' || !targetsJira(target)) {
      throw new Error(
        `This transport reaches only Jira; got a request for ${target.remote ?? target.contextAri ?? target.type}.`,
      );
    }
    if (!path.startsWith('/')) throw new Error(`Product paths start with "/": ${path}`);
    const headers: Record<string, string> = { ...init.headers };
    const auth = options.auth;
    if (auth.kind === 'basic') {
      headers.Authorization = `Basic ${Buffer.from(`${auth.email}:${auth.apiToken}`).toString('base64')}`;
    } else if (target.provider === 'user') {
      // asUser(id) names the viewer; asUser() means "the invoking user", which the harness configures.
      const configured = typeof auth.accountId === 'function' ? auth.accountId() : auth.accountId;
      const accountId = target.accountId ?? configured;
      if (accountId !== undefined) headers[ACTING_ACCOUNT_HEADER] = accountId;
    } else if (target.provider === 'app') {
      headers[ACTING_ACCOUNT_HEADER] = LOCAL_APP_ACCOUNT_ID;
    }
    // Paths arrive already encoded by route``: append them verbatim, never re-encode.
    return send(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body,
      redirect: init.redirect,
      signal: init.signal,
    });
  };
}

/** Installs the forwarding `global.__forge_fetch__`; returns a function that restores what was there before. */
export function installForgeFetch(options: ForgeFetchOptions): () => void {
  const holder = globalThis as unknown as ForgeGlobal;
  const previous = holder.__forge_fetch__;
  holder.__forge_fetch__ = createForgeFetch(options);
  return () => {
    if (previous === undefined) delete holder.__forge_fetch__;
    else holder.__forge_fetch__ = previous;
  };
}
