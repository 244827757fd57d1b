// Test double for the Forge platform's `global.__forge_fetch__`: records what @forge/api sends and answers from a handler.
// Only for unit tests of the request layer; integration tests go through the real transport to the local Jira server.
import type { RequestInit } from '@forge/api';
import type { ForgeFetchTarget } from '../../../src/jira/transport/forge-fetch';

export interface RecordedCall {
  target: ForgeFetchTarget;
  path: string;
  init: RequestInit | undefined;
  /** The parsed JSON body of a POST, else undefined. */
  body: unknown;
}

export type FakeHandler = (call: RecordedCall, index: number) => Response | Promise<Response>;

interface ForgeGlobal {
  __forge_fetch__?: (target: ForgeFetchTarget, path: string, init?: RequestInit) => Promise<Response>;
}

export interface FakeForgeFetch {
  calls: RecordedCall[];
  uninstall(): void;
}

export function installFakeForgeFetch(handler: FakeHandler): FakeForgeFetch {
  const holder = globalThis as unknown as ForgeGlobal;
  const previous = holder.__forge_fetch__;
  const calls: RecordedCall[] = [];
  holder.__forge_fetch__ = async (target, path, init) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const call: RecordedCall = { target, path, init, body };
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return {
    calls,
    uninstall: () => {
      if (previous === undefined) delete holder.__forge_fetch__;
      else holder.__forge_fetch__ = previous;
    },
  };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A sleep that returns at once and remembers what it was asked to wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}
