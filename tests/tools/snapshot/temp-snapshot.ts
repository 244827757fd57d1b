// Test support: the real Apache samples, and small temporary snapshot folders built from them.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { REAL_SAMPLES_DIR } from '../../support/real-samples';

export const SAMPLES_DIR = REAL_SAMPLES_DIR;
export const SAMPLE_NAMES = ['apache-ANY23', 'apache-GORA', 'apache-JENA', 'apache-TEZ'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

export function sampleDir(name: SampleName): string {
  return path.join(SAMPLES_DIR, name);
}

export type RawIssue = {
  id: string;
  key: string;
  fields: Record<string, unknown> & { project: { key: string; id?: string; name?: string } };
  changelog: { histories: RawHistory[]; total?: number; startAt?: number; maxResults?: number };
} & Record<string, unknown>;
export type RawHistory = {
  id: string;
  created: string;
  items: { field: string; fieldId?: string }[];
} & Record<string, unknown>;

/** The sample's issues exactly as the file holds them, parsed with JSON.parse only (no schema). */
export async function sampleIssues(name: SampleName): Promise<RawIssue[]> {
  const text = await readFile(path.join(sampleDir(name), 'issues.ndjson'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RawIssue);
}

export async function sampleJson(name: SampleName, file: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(sampleDir(name), file), 'utf8'));
}

export interface SnapshotParts {
  site: unknown;
  fields: unknown;
  statuses: unknown;
  /** Issues to write one per line, or the raw text of issues.ndjson. */
  issues: unknown[] | string;
  boards?: unknown;
  sprints?: unknown;
  permissions?: unknown;
}

const tempDirs: string[] = [];

/** Writes a snapshot folder under the OS temp dir; removeTempSnapshots() deletes every one written. */
export async function writeTempSnapshot(parts: SnapshotParts): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ownership-snapshot-'));
  tempDirs.push(dir);
  const write = (file: string, value: unknown) => writeFile(path.join(dir, file), JSON.stringify(value));
  await write('site.json', parts.site);
  await write('fields.json', parts.fields);
  await write('statuses.json', parts.statuses);
  const issuesText =
    typeof parts.issues === 'string'
      ? parts.issues
      : parts.issues.map((i) => JSON.stringify(i)).join('\n') + '\n';
  await writeFile(path.join(dir, 'issues.ndjson'), issuesText);
  if (parts.boards !== undefined) await write('boards.json', parts.boards);
  if (parts.sprints !== undefined) await write('sprints.json', parts.sprints);
  if (parts.permissions !== undefined) await write('permissions.json', parts.permissions);
  return dir;
}

export async function removeTempSnapshots(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** The GORA sample's parts, ready to be changed and written. */
export async function goraParts(): Promise<Omit<SnapshotParts, 'issues'> & { issues: RawIssue[] }> {
  return {
    site: await sampleJson('apache-GORA', 'site.json'),
    fields: await sampleJson('apache-GORA', 'fields.json'),
    statuses: await sampleJson('apache-GORA', 'statuses.json'),
    issues: await sampleIssues('apache-GORA'),
    boards: [],
    sprints: {},
  };
}

/**
 * `count` copies of a template issue in project `projectKey` (keys P-1…P-count, ids from `firstId`), each with
 * `historiesEach` histories (the template's, repeated), created a day apart from 2024-01-01.
 */
export function syntheticIssues(
  template: RawIssue,
  projectKey: string,
  count: number,
  options: { firstId?: number; historiesEach?: number; projectId?: string } = {},
): RawIssue[] {
  const firstId = options.firstId ?? 900000;
  const templateHistories = template.changelog.histories;
  const historiesEach = options.historiesEach ?? templateHistories.length;
  const issues: RawIssue[] = [];
  for (let n = 1; n <= count; n++) {
    const created = new Date(Date.UTC(2024, 0, n)).toISOString().replace('Z', '+0000');
    const histories: RawHistory[] = [];
    for (let h = 0; h < historiesEach; h++) {
      const source = templateHistories[h % templateHistories.length] as RawHistory;
      const at = new Date(Date.UTC(2024, 0, n, 1, 0, h)).toISOString().replace('Z', '+0000');
      histories.push({ ...source, id: `${firstId + n}${String(h).padStart(4, '0')}`, created: at });
    }
    issues.push({
      ...template,
      id: String(firstId + n),
      key: `${projectKey}-${n}`,
      fields: {
        ...template.fields,
        project: { key: projectKey, id: options.projectId ?? '77000', name: `Project ${projectKey}` },
        created,
        updated: created,
      },
      changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
    });
  }
  return issues;
}
