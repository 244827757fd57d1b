// Results computed from the store, kept for the next view of the same thing. An entry is named by its spec:
// everything the result is a function of — the config, exactly what the viewer may see (projects, and the secured
// issues left out for them), each project's stored generation and the time the data is of. Two viewers share an
// entry only when they may see the same records; a scope alone never names an entry.
//
// The spec's lineage is the same without the generations: an older entry of the same lineage is what this viewer
// saw before the last sync, and is shown (marked as updating) while the new one is prepared in the background.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { ANALYSIS_VERSION, AnalysisResultSchema, type AnalysisResult } from '../contract/analysis';
import { AnalysisConfigSchema } from '../ownership/config';
import type { Storage } from '../store/storage';

const RESULT_PREFIX = 'serve:result:';
const SPEC_PREFIX = 'serve:spec:';
const INDEX_KEY = 'serve:index';
/** Entries kept per installation: a few macros and project pages, each for a few kinds of viewer. */
export const CACHE_ENTRIES = 40;

export const ResultSpecSchema = z.object({
  config: AnalysisConfigSchema,
  /** Scope projects the viewer may browse, and those they may not (each becomes a gap), in scope order. */
  projects: z.array(z.string()),
  hiddenProjects: z.array(z.string()),
  boards: z.array(z.number()).optional(),
  /** Secured issues (ids) the viewer may not open, sorted. */
  hiddenIssues: z.array(z.string()),
  /** [project, watermark, lastSuccessAt] of each scope project: the store's state the result is of. */
  generations: z.array(z.tuple([z.string(), z.number().nullable(), z.number().nullable()])),
  /** Epoch ms the data is of: the analysis' "now". */
  asOf: z.number(),
  baseUrl: z.string(),
});
export type ResultSpec = z.infer<typeof ResultSpecSchema>;

const IndexSchema = z.array(
  z.object({ id: z.string(), lineage: z.string(), asOf: z.number(), at: z.number() }),
);

const hash = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify({ version: ANALYSIS_VERSION, value }))
    .digest('hex')
    .slice(0, 40);

export function specId(spec: ResultSpec): string {
  return hash(spec);
}

function lineageOf(spec: ResultSpec): string {
  const { generations: _generations, asOf: _asOf, ...rest } = spec;
  return hash(rest);
}

/**
 * Results are kept deflated: KVS's quota counts bytes (10 KB units), and the 10k-issue result is 1.1 MB of JSON,
 * mostly repeated keys and ids, that deflates about tenfold; every view reads it, so every view pays less.
 */
const KeptSchema = z.object({ deflated: z.string() });

/** The kept result of exactly this spec, or undefined; an entry that no longer reads as a result is a miss. */
export async function readCached(storage: Storage, id: string): Promise<AnalysisResult | undefined> {
  const kept = await storage.getWhole(`${RESULT_PREFIX}${id}`, z.unknown());
  const stored = KeptSchema.safeParse(kept);
  if (!stored.success) return undefined;
  const parsed = AnalysisResultSchema.safeParse(
    JSON.parse(inflateRawSync(Buffer.from(stored.data.deflated, 'base64')).toString('utf8')),
  );
  return parsed.success ? parsed.data : undefined;
}

/** The newest kept result of the same lineage (the same viewer's view before the last sync), with its time. */
export async function readPrevious(
  storage: Storage,
  spec: ResultSpec,
): Promise<{ result: AnalysisResult; asOf: number } | undefined> {
  const lineage = lineageOf(spec);
  const index = (await storage.get(INDEX_KEY, IndexSchema)) ?? [];
  for (const entry of index.filter((e) => e.lineage === lineage).sort((a, b) => b.asOf - a.asOf)) {
    const result = await readCached(storage, entry.id);
    if (result !== undefined) return { result, asOf: entry.asOf };
  }
  return undefined;
}

export async function saveSpec(storage: Storage, spec: ResultSpec): Promise<string> {
  const id = specId(spec);
  await storage.putWhole(`${SPEC_PREFIX}${id}`, spec);
  return id;
}

export async function readSpec(storage: Storage, id: string): Promise<ResultSpec | undefined> {
  return storage.getWhole(`${SPEC_PREFIX}${id}`, ResultSpecSchema);
}

/** Keeps a result and forgets the oldest entries past CACHE_ENTRIES. */
export async function writeCached(
  storage: Storage,
  spec: ResultSpec,
  result: AnalysisResult,
  now: number,
): Promise<void> {
  const id = specId(spec);
  const deflated = deflateRawSync(Buffer.from(JSON.stringify(result), 'utf8')).toString('base64');
  await storage.putWhole(`${RESULT_PREFIX}${id}`, { deflated });
  const index = ((await storage.get(INDEX_KEY, IndexSchema)) ?? []).filter((entry) => entry.id !== id);
  index.push({ id, lineage: lineageOf(spec), asOf: spec.asOf, at: now });
  index.sort((a, b) => b.at - a.at);
  await storage.setMany([{ key: INDEX_KEY, value: index.slice(0, CACHE_ENTRIES) }]);
  for (const gone of index.slice(CACHE_ENTRIES)) {
    await storage.deleteWhole(`${RESULT_PREFIX}${gone.id}`);
    await storage.deleteWhole(`${SPEC_PREFIX}${gone.id}`);
  }
}
