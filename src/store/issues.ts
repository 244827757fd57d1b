// Issues in Forge storage: one key per issue, `issue:<PROJECT>:<id>`, so a write is idempotent per issue (the same
// issue read twice is the same key and value) and one project's issues are one key prefix. An issue whose record
// passes one value's size (an issue with thousands of histories) continues under `…#1`, `…#2`: a changelog only
// grows, so a rewrite never has fewer parts than the record it replaces, and nothing stale is left behind.
import { z } from 'zod';
import type { JiraIssue } from '../jira/schemas';
import { packIssue, StoredIssueSchema, unpackIssue, type StoredIssue } from './records';
import { STORAGE_LIMITS, type Entry, type Storage } from './storage';

export const issueKeyPrefix = (project: string): string => `issue:${project}:`;
const issueKeyOf = (project: string, id: string): string => `${issueKeyPrefix(project)}${id}`;

/** A record's continuation: more histories of the issue under `…#n`. */
const ContinuationSchema = z.object({ more: StoredIssueSchema.shape.histories });
const EntrySchema = z.union([
  StoredIssueSchema.extend({ parts: z.number().int().optional() }),
  ContinuationSchema,
]);

/** The keys and values that store one issue; `parts` (≥ 1) says how many keys it took. */
export function issueEntries(issue: JiraIssue): { entries: Entry[]; parts: number; stored: StoredIssue } {
  const stored = packIssue(issue);
  const key = issueKeyOf(stored.project, stored.id);
  const size = Buffer.byteLength(JSON.stringify(stored));
  if (size <= STORAGE_LIMITS.pieceChars) return { entries: [{ key, value: stored }], parts: 1, stored };
  // Histories split by size into the head and its continuations, in order.
  const chunks: StoredIssue['histories'][] = [[]];
  let bytes = 0;
  for (const history of stored.histories) {
    const length = Buffer.byteLength(JSON.stringify(history));
    if (bytes + length > STORAGE_LIMITS.pieceChars / 2 && (chunks.at(-1) as unknown[]).length > 0) {
      chunks.push([]);
      bytes = 0;
    }
    (chunks.at(-1) as StoredIssue['histories']).push(history);
    bytes += length;
  }
  const [head = [], ...more] = chunks;
  const entries: Entry[] = [
    { key, value: { ...stored, histories: head, parts: chunks.length } },
    ...more.map((histories, index) => ({ key: `${key}#${index + 1}`, value: { more: histories } })),
  ];
  return { entries, parts: chunks.length, stored };
}

export async function putIssues(
  storage: Storage,
  issues: readonly JiraIssue[],
): Promise<Map<string, number>> {
  const parts = new Map<string, number>();
  const entries: Entry[] = [];
  for (const issue of issues) {
    const written = issueEntries(issue);
    entries.push(...written.entries);
    parts.set(issue.id, written.parts);
  }
  await storage.setMany(entries);
  return parts;
}

export async function deleteIssues(
  storage: Storage,
  project: string,
  issues: readonly { id: string; parts: number }[],
): Promise<void> {
  const keys = issues.flatMap(({ id, parts }) => {
    const key = issueKeyOf(project, id);
    return [key, ...Array.from({ length: Math.max(0, parts - 1) }, (_, i) => `${key}#${i + 1}`)];
  });
  await storage.deleteMany(keys);
}

/** Every stored issue of a project, histories joined again, as the search and changelogs gave them. */
export async function* readProjectIssues(storage: Storage, project: string): AsyncGenerator<JiraIssue> {
  for await (const record of readProjectRecords(storage, project)) yield unpackIssue(record);
}

/** Every stored record of a project, its continuations joined again, still packed. */
export async function* readProjectRecords(storage: Storage, project: string): AsyncGenerator<StoredIssue> {
  let pending: (StoredIssue & { parts?: number }) | undefined;
  const finish = (): StoredIssue | undefined => {
    if (pending === undefined) return undefined;
    const { parts: _parts, ...record } = pending;
    return record;
  };
  for await (const { value } of storage.list(issueKeyPrefix(project), EntrySchema)) {
    if ('more' in value) {
      // Keys sort `<id>` before `<id>#1`, `<id>#2`: a continuation follows its head.
      if (pending === undefined)
        throw new Error(`Forge storage holds a continuation without its issue in ${project}.`);
      pending.histories.push(...value.more);
      continue;
    }
    const done = finish();
    if (done !== undefined) yield done;
    pending = value;
  }
  const last = finish();
  if (last !== undefined) yield last;
}
