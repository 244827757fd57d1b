// Loads the real Server-era snapshots (/work/shared/real-jira-samples) as SiteData through the snapshot reader.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { JiraIssue } from '../../src/jira/schemas';
import type { SiteData } from '../../src/jira/site';
import { forEachSnapshotIssue, readSnapshotMeta } from '../../tools/snapshot/read';

export const SAMPLES_DIR = '/work/shared/real-jira-samples';
export const SAMPLE_PROJECTS = ['ANY23', 'GORA', 'JENA', 'TEZ'] as const;

export function samplesAvailable(): boolean {
  return existsSync(SAMPLES_DIR);
}

export async function loadSample(project: string): Promise<SiteData> {
  const dir = path.join(SAMPLES_DIR, `apache-${project}`);
  const meta = await readSnapshotMeta(dir);
  const issues: JiraIssue[] = [];
  await forEachSnapshotIssue(dir, (issue) => issues.push(issue));
  return {
    baseUrl: meta.site.baseUrl,
    fields: meta.fields,
    statuses: meta.statuses,
    issues,
    boards: meta.boards,
    sprints: meta.sprints,
    gaps: [],
  };
}
