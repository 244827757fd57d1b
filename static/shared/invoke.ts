// Typed calls from a Custom UI to the app's resolvers through @forge/bridge: one function per call, one React hook
// for "load, show loading / error / data, retry". A failure of the bridge itself becomes a ResolverError too, so a
// view only ever handles { ok, data } | { ok: false, error }.
import { invoke } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisResult } from '../../src/contract/analysis';
import type { IssueDetails, IssueDetailsRequest } from '../../src/contract/issue-details';
import {
  RESOLVERS,
  type ConfigOptions,
  type PersonOption,
  type ProjectAnalysisRequest,
  type SyncProgressRequest,
} from '../../src/contract/requests';
import type { SyncProgress } from '../../src/contract/sync';
import type { ResolverError, ResolverResult } from '../../src/contract/result';

export { RESOLVERS };
export type { ResolverError, ResolverResult };

/** What each resolver takes and answers (src/resolvers/index.ts defines them with the same keys). */
export interface ResolverTypes {
  getOwnershipMap: { payload: Record<string, never>; data: AnalysisResult };
  getConfigOptions: { payload: Record<string, never>; data: ConfigOptions };
  searchPeople: { payload: { query: string }; data: PersonOption[] };
  getProjectAnalysis: { payload: ProjectAnalysisRequest; data: AnalysisResult };
  getIssueDetails: { payload: IssueDetailsRequest; data: IssueDetails };
  getSyncProgress: { payload: SyncProgressRequest; data: SyncProgress };
}
export type ResolverKey = keyof ResolverTypes;
export type PayloadOf<K extends ResolverKey> = ResolverTypes[K]['payload'];
export type DataOf<K extends ResolverKey> = ResolverTypes[K]['data'];

function isResolverResult(value: unknown): value is ResolverResult<unknown> {
  if (value === null || typeof value !== 'object' || !('ok' in value)) return false;
  const ok = (value as { ok: unknown }).ok;
  if (ok === true) return 'data' in value;
  if (ok !== false || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    error !== null && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string'
  );
}

/** Calls a resolver; never throws. A bridge failure or an answer of the wrong shape becomes an `internal` error. */
export async function callResolver<K extends ResolverKey>(
  key: K,
  payload: PayloadOf<K>,
): Promise<ResolverResult<DataOf<K>>> {
  try {
    const answer: unknown = await invoke(key, payload);
    if (isResolverResult(answer)) return answer as ResolverResult<DataOf<K>>;
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'The app answered in a form this page does not understand. Reload it.',
      },
    };
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `The page could not reach the app${detail}. Check your connection and try again.`,
      },
    };
  }
}

export type LoadState<T> =
  { status: 'loading'; previous?: T } | { status: 'ok'; data: T } | { status: 'error'; error: ResolverError };

export interface Loaded<T> {
  state: LoadState<T>;
  /** Calls the resolver again (the Refresh and Retry buttons). */
  reload: () => void;
}

/**
 * Loads `key` once `enabled` and again on every reload(); `payloadKey` (e.g. JSON of the payload) restarts it.
 * An answer that arrives after a newer call started is dropped, so a slow old answer never overwrites a new one.
 */
export function useResolver<K extends ResolverKey>(
  key: K,
  payload: PayloadOf<K>,
  options: { enabled?: boolean } = {},
): Loaded<DataOf<K>> {
  const enabled = options.enabled ?? true;
  const [state, setState] = useState<LoadState<DataOf<K>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const payloadKey = JSON.stringify(payload);

  useEffect(() => {
    if (!enabled) return;
    const call = ++latest.current;
    setState((current) => ({
      status: 'loading',
      previous:
        current.status === 'ok' ? current.data : current.status === 'loading' ? current.previous : undefined,
    }));
    void callResolver(key, JSON.parse(payloadKey) as PayloadOf<K>).then((result) => {
      if (call !== latest.current) return;
      setState(result.ok ? { status: 'ok', data: result.data } : { status: 'error', error: result.error });
    });
  }, [key, payloadKey, enabled, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, reload };
}
