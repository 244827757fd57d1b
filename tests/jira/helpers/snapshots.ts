// Snapshot folders for integration tests: the real Apache samples, read back for expected counts, and merged
// multi-project copies (with a permissions.json) written to a temporary folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { REAL_SAMPLES_DIR as REAL_SAMPLES } from '../../support/real-samples';

export interface SnapshotFacts {
  issueIds: string[];
  keyById: Map<string, string>;
  /** Issue id -> its history ids in file order. */
  historyIds: Map<string, string[]>;
  histories: number;
}

function issueLines(dir: string): string[] {
  return readFileSync(join(dir, 'issues.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** Counts read straight from the snapshot files, so tests never hard-code them. */
export function snapshotFacts(dir: string): SnapshotFacts {
  const historyIds = new Map<string, string[]>();
  const keyById = new Map<string, string>();
  let histories = 0;
  for (const line of issueLines(dir)) {
    const issue = JSON.parse(line) as {
      id: string;
      key: string;
      changelog?: { histories: { id: string }[] };
    };
    keyById.set(issue.id, issue.key);
    const ids = (issue.changelog?.histories ?? []).map((h) => h.id);
    historyIds.set(issue.id, ids);
    histories += ids.length;
  }
  return { issueIds: [...historyIds.keys()], keyById, historyIds, histories };
}

interface StatusLike {
  id: string;
}

/** Writes one snapshot holding several sample projects (and optionally permissions.json); returns its folder. */
export function mergedSnapshot(
  sampleDirs: string[],
  permissions?: Record<string, { displayName?: string; projects: string[] }>,
  agile: { boards?: unknown[]; sprints?: Record<string, unknown[]> } = {},
  /** Edits an issue (parsed from its line) before it is written, e.g. to put it in a sprint. */
  editIssue: (issue: Record<string, unknown>, index: number) => void = () => {},
): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ownership-map-snapshot-'));
  const first = sampleDirs[0];
  if (first === undefined) throw new Error('no sample');
  const sites = sampleDirs.map(
    (d) =>
      JSON.parse(readFileSync(join(d, 'site.json'), 'utf8')) as {
        baseUrl: string;
        recordedAt: string;
        projects: string[];
      },
  );
  writeFileSync(
    join(dir, 'site.json'),
    JSON.stringify({ ...sites[0], projects: sites.flatMap((s) => s.projects) }),
  );
  writeFileSync(join(dir, 'fields.json'), readFileSync(join(first, 'fields.json')));
  const statuses = new Map<string, StatusLike>();
  for (const d of sampleDirs) {
    for (const status of JSON.parse(readFileSync(join(d, 'statuses.json'), 'utf8')) as StatusLike[]) {
      if (!statuses.has(status.id)) statuses.set(status.id, status);
    }
  }
  writeFileSync(join(dir, 'statuses.json'), JSON.stringify([...statuses.values()]));
  const issues = sampleDirs.flatMap(issueLines).map((line, index) => {
    const issue = JSON.parse(line) as Record<string, unknown>;
    editIssue(issue, index);
    return JSON.stringify(issue);
  });
  writeFileSync(join(dir, 'issues.ndjson'), `${issues.join('\n')}\n`);
  writeFileSync(join(dir, 'boards.json'), JSON.stringify(agile.boards ?? []));
  writeFileSync(join(dir, 'sprints.json'), JSON.stringify(agile.sprints ?? {}));
  if (permissions !== undefined)
    writeFileSync(join(dir, 'permissions.json'), JSON.stringify({ accounts: permissions }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
