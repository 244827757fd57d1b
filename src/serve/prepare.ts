// Computing a result from the store: inline in a view for small scopes, else in the background (a queue consumer
// with up to 900 s) for a spec a view asked for. A view of a big scope never reads the stored records itself:
// KVS serves 4,000 units of 10 KB a minute per installation, and 10,000 stored issues are ~3,900 of them.
import { Queue } from '@forge/events';
import kvs from '@forge/kvs';
import { z } from 'zod';
import type { AnalysisResult } from '../contract/analysis';
import { boardOutOfReachGap, noAccessGap } from '../jira/read-scope';
import { SYSTEM_CLOCK, type Clock } from '../jira/clock';
import { analyseFrom } from '../ownership/analyse';
import { readStoredRecords } from '../store/site';
import { CompressedIssues } from './compressed-issues';
import { BACKGROUND_READ_UNITS_PER_MINUTE, Storage } from '../store/storage';
import { readCached, readSpec, saveSpec, writeCached, type ResultSpec } from './cache';

export const PREPARE_QUEUE = 'ownership-prepare';
/** The consumer function's timeoutSeconds in manifest.yml (tests/sync/manifest.test.ts keeps the two equal). */
export const PREPARE_TIMEOUT_SECONDS = 900;
/**
 * The consumer function's runtime.memoryMB in manifest.yml, the most Forge documents. At 50,000 issues (1 M events)
 * the job holds ~330 MB of live heap at its peak. Node sizes its heap from its memory: in Forge's default 512 MB that
 * is 259 MB, and the job runs out of heap; in 1,024 MB it is 524 MB, and the job peaks at ~440 MB of RSS, under
 * 512 MB (measured in cgroups of both sizes, `npm run bench`, docs/decisions.md). What heap Forge gives its node
 * could not be confirmed offline, so the consumer declares the memory in which node's own sizing is enough.
 */
export const PREPARE_MEMORY_MB = 1024;
/** A spec asked for within this long is being prepared: views asking again push nothing more. */
const PREPARING_SECONDS = PREPARE_TIMEOUT_SECONDS;

export const PrepareJobSchema = z.object({ spec: z.string() });

/** The result of a spec, from the stored records: what the viewer may see and nothing else. */
export async function computeResult(storage: Storage, spec: ResultSpec): Promise<AnalysisResult> {
  const hidden = new Set(spec.hiddenIssues);
  const issues = new CompressedIssues();
  const stored = await readStoredRecords(
    storage,
    { projects: spec.projects, ...(spec.boards === undefined ? {} : { boards: spec.boards }) },
    spec.baseUrl,
    spec.hiddenProjects.map(noAccessGap),
    (record) => {
      if (!hidden.has(record.id)) issues.add(record);
    },
  );
  const boards = new Set(stored.boards.map((board) => board.id));
  const site = {
    ...stored,
    // A configured board not among the viewer's projects' boards is out of reach, as when read live.
    gaps: [...stored.gaps, ...(spec.boards ?? []).filter((id) => !boards.has(id)).map(boardOutOfReachGap)],
  };
  return analyseFrom(site, issues.source(), spec.config, new Date(spec.asOf));
}

/**
 * Asks the background to prepare a spec's result, once: the spec is stored, and a marker that expires with the
 * consumer's time keeps fifty viewers of one page from pushing fifty jobs.
 */
export async function requestPrepare(storage: Storage, spec: ResultSpec, now: number): Promise<void> {
  const id = await saveSpec(storage, spec);
  try {
    await kvs.set(`serve:preparing:${id}`, now, {
      keyPolicy: 'FAIL_IF_EXISTS',
      ttl: { value: PREPARING_SECONDS, unit: 'SECONDS' },
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'KEY_ALREADY_EXISTS') return;
    throw error;
  }
  await new Queue({ key: PREPARE_QUEUE }).push([{ body: { spec: id } }]);
}

export function defineServeHandlers(clock: Clock) {
  async function prepare(event: { body?: unknown }): Promise<{ kind: 'prepared' | 'kept' | 'gone' }> {
    const job = PrepareJobSchema.parse(event.body);
    const storage = new Storage(
      clock,
      clock.now() + PREPARE_TIMEOUT_SECONDS * 1000 * 0.9,
      BACKGROUND_READ_UNITS_PER_MINUTE,
    );
    const spec = await readSpec(storage, job.spec);
    if (spec === undefined) return { kind: 'gone' };
    if ((await readCached(storage, job.spec)) !== undefined) return { kind: 'kept' };
    await writeCached(storage, spec, await computeResult(storage, spec), clock.now());
    return { kind: 'prepared' };
  }
  return { prepare };
}

export const { prepare } = defineServeHandlers(SYSTEM_CLOCK);
