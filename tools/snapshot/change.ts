// A snapshot as the site would be some time later: a share of its issues edited (one save each, a label added, so
// `updated` moves) and some deleted. The sync's incremental tests and benchmark serve it in place of the original
// (JiraServer.reload) to measure what catching up costs.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import path from 'node:path';

export interface SnapshotChange {
  /** Every n-th issue (in file order) gets one new save at `at`. */
  editEvery: number;
  /** Every n-th issue, counted from the second, is deleted; undefined = none. */
  deleteEvery?: number;
  /** Epoch ms of the edits. */
  at: number;
}

type IssueLine = {
  id: string;
  fields: { updated?: string; labels?: string[]; [field: string]: unknown };
  changelog?: { histories: { id: string; author?: unknown }[]; total?: number };
};

/** Jira's own date-time form, e.g. 2026-11-16T09:00:00.000+0000. */
const jiraTime = (at: number) => new Date(at).toISOString().replace('Z', '+0000');

/** The snapshot's issues, one parsed line at a time: a 50k-issue file is larger than one string may be. */
async function* issueLines(dir: string): AsyncGenerator<IssueLine> {
  const lines = createInterface({ input: createReadStream(path.join(dir, 'issues.ndjson'), 'utf8') });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as IssueLine;
}

export async function changeSnapshot(
  from: string,
  to: string,
  change: SnapshotChange,
): Promise<{ edited: string[]; deleted: string[] }> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    if (name !== 'issues.ndjson') await copyFile(path.join(from, name), path.join(to, name));
  }
  // New history ids follow the largest in the snapshot, as Jira's would.
  let nextHistoryId = 1;
  for await (const issue of issueLines(from)) {
    for (const history of issue.changelog?.histories ?? [])
      nextHistoryId = Math.max(nextHistoryId, (Number(history.id) || 0) + 1);
  }
  const edited: string[] = [];
  const deleted: string[] = [];
  const out = createWriteStream(path.join(to, 'issues.ndjson'), 'utf8');
  let index = -1;
  for await (const issue of issueLines(from)) {
    index += 1;
    if (change.deleteEvery !== undefined && index % change.deleteEvery === 1) {
      deleted.push(issue.id);
      continue;
    }
    if (index % change.editEvery === 0) {
      const labels = [...(issue.fields.labels ?? []), 'revisited'];
      const histories = issue.changelog?.histories ?? [];
      const author = histories.at(-1)?.author;
      histories.push({
        id: String(nextHistoryId++),
        ...(author === undefined ? {} : { author }),
        created: jiraTime(change.at),
        items: [
          {
            field: 'labels',
            fieldtype: 'jira',
            fieldId: 'labels',
            from: null,
            fromString: (issue.fields.labels ?? []).join(' '),
            to: null,
            toString: labels.join(' '),
          },
        ],
      } as { id: string; author?: unknown });
      issue.changelog = { ...issue.changelog, histories, total: histories.length };
      issue.fields.labels = labels;
      issue.fields.updated = jiraTime(change.at);
      edited.push(issue.id);
    }
    if (!out.write(`${JSON.stringify(issue)}\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  return { edited, deleted };
}
