// Loads the real Server-era snapshots (tests/fixtures/real-jira) as SiteData through the snapshot reader.
import path from 'node:path';
import type { JiraIssue } from '../../src/jira/schemas';
import type { SiteData } from '../../src/jira/site';
import { forEachSnapshotIssue, readSnapshotMeta } from '../../tools/snapshot/read';
import { REAL_SAMPLES_DIR as SAMPLES_DIR } from '../support/real-samples';

export const SAMPLE_PROJECTS = ['ANY23', 'GORA', 'JENA', 'TEZ'] as const;

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
