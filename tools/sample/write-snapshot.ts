// Writes a generated site as a snapshot folder (docs: COMMON brief, "Snapshot format"). issues.ndjson is
// streamed issue by issue with back-pressure, so a benchmark site never becomes one giant string.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Generated } from './site';

export interface SnapshotStats {
  issues: number;
  histories: number;
  /** Bytes of issues.ndjson. */
  issueBytes: number;
  /** Bytes of all files written. */
  totalBytes: number;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function writeSnapshot(dir: string, generated: Generated): Promise<SnapshotStats> {
  await mkdir(dir, { recursive: true });
  const files: [string, unknown][] = [
    ['site.json', generated.site],
    ['fields.json', generated.fields],
    ['statuses.json', generated.statuses],
    ['boards.json', generated.boards],
    ['sprints.json', generated.sprints],
  ];
  if (generated.permissions) files.push(['permissions.json', generated.permissions]);
  let totalBytes = 0;
  for (const [name, value] of files) {
    const text = json(value);
    totalBytes += Buffer.byteLength(text);
    await writeFile(path.join(dir, name), text);
  }

  const out = createWriteStream(path.join(dir, 'issues.ndjson'));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  let issues = 0;
  let histories = 0;
  let issueBytes = 0;
  for (const issue of generated.issues()) {
    const line = `${JSON.stringify(issue)}\n`;
    issues++;
    histories += issue.changelog?.histories.length ?? 0;
    issueBytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  out.end();
  await finished;
  return { issues, histories, issueBytes, totalBytes: totalBytes + issueBytes };
}
