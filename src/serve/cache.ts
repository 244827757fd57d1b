// Results computed from the store, kept for the next view of the same thing. The key is everything the result is
// a function of: the analysis version, the config, each project's stored generation (when its last pass
// finished) and exactly what the viewer may see (projects, and the secured issues left out for them). Two viewers
// share an entry only when they may see the same records; a scope alone never names an entry.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ANALYSIS_VERSION, AnalysisResultSchema, type AnalysisResult } from '../contract/analysis';
import type { AnalysisConfig } from '../ownership/config';
import type { Storage } from '../store/storage';
import type { ProjectSyncState } from '../sync/state';
import type { ViewerAccess } from './access';

const PREFIX = 'serve:result:';
const INDEX_KEY = 'serve:index';
/** Entries kept per installation: a few macros and project pages, each for a few kinds of viewer. */
export const CACHE_ENTRIES = 40;

const IndexSchema = z.array(z.object({ key: z.string(), at: z.number() }));

export function cacheKeyOf(
  config: AnalysisConfig,
  states: readonly ProjectSyncState[],
  access: ViewerAccess,
): string {
  const identity = JSON.stringify({
    version: ANALYSIS_VERSION,
    config,
    generations: states.map((state) => [state.project, state.watermark ?? null, state.lastSuccessAt ?? null]),
    projects: access.projects,
    hiddenIssues: [...access.hiddenIssues].sort(),
  });
  return `${PREFIX}${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`;
}

/** The cached result, or undefined; an entry that no longer reads as a result (an older app) is a miss. */
export async function readCached(storage: Storage, key: string): Promise<AnalysisResult | undefined> {
  const value = await storage.getWhole(key, z.unknown());
  if (value === undefined) return undefined;
  const parsed = AnalysisResultSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Stores a result and forgets the oldest entries past CACHE_ENTRIES. */
export async function writeCached(
  storage: Storage,
  key: string,
  result: AnalysisResult,
  now: number,
): Promise<void> {
  await storage.putWhole(key, result);
  const index = ((await storage.get(INDEX_KEY, IndexSchema)) ?? []).filter((entry) => entry.key !== key);
  index.push({ key, at: now });
  index.sort((a, b) => b.at - a.at);
  const kept = index.slice(0, CACHE_ENTRIES);
  await storage.setMany([{ key: INDEX_KEY, value: kept }]);
  for (const gone of index.slice(CACHE_ENTRIES)) await storage.deleteWhole(gone.key);
}
