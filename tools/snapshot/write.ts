// The recorder's partial folder `<out>.partial/`: small files written whole, issues and changelogs appended with a
// checkpoint (state.json), then merged into the snapshot format and renamed into place in one step.
// A crash at any point loses at most the page or chunk in flight: data is appended first, the checkpoint after,
// and a resumed run cuts each data file back to its last checkpointed length before appending again.
// Every file is written through snapshotJson, so no e-mail address is ever stored (see ./json.ts).
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { IssueRef } from '../../src/jira/changelog';
import { ChangeHistorySchema, IssueSchema, type ChangeHistory, type JiraIssue } from '../../src/jira/schemas';
import { DataGapSchema, SiteInfoSchema, type SiteInfo } from '../../src/jira/site';
import { parseSnapshotJson, snapshotJson } from './json';
import { SNAPSHOT_FILES } from './read';

export const PARTIAL_FILES = {
  state: 'state.json',
  issues: 'issues.partial.ndjson',
  changelogs: 'changelogs.partial.ndjson',
} as const;

/** What identifies a recording: a partial folder is resumed only by the same command. */
export const RecordCommandSchema = z.object({
  baseUrl: z.string(),
  /** Upper-case, sorted, unique. */
  projects: z.array(z.string()),
  /** Sorted, unique; absent = every board of the projects. */
  boards: z.array(z.number()).optional(),
});
export type RecordCommand = z.infer<typeof RecordCommandSchema>;

/** state.json: the checkpoint a resumed run starts from. */
export const RecordStateSchema = z.object({
  version: z.literal(1),
  command: RecordCommandSchema,
  /** When the first run started; the snapshot's recordedAt. */
  recordedAt: z.string(),
  /** The projects as site.json lists them, once the projects phase is done. */
  projects: SiteInfoSchema.shape.projects.optional(),
  issues: z.object({
    /** True once search said isLast. */
    complete: z.boolean(),
    /** The search page to ask for next; absent with complete false = start from the first page. */
    nextPageToken: z.string().optional(),
    /** Issues in issues.partial.ndjson (one per line, no duplicates). */
    count: z.number().int().nonnegative(),
    /** Checkpointed length of issues.partial.ndjson; anything after it is a torn append. */
    bytes: z.number().int().nonnegative(),
  }),
  changelogs: z.object({
    /**
     * The first `issuesDone` issues of issues.partial.ndjson (in file order) have complete changelogs, one line
     * each, in the same order, in changelogs.partial.ndjson. Chunks are taken in file order, so a prefix says
     * exactly which issue ids are done.
     */
    issuesDone: z.number().int().nonnegative(),
    /** The id of the last issue done, to check the prefix on resume. */
    lastIssueId: z.string().optional(),
    histories: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
  }),
  /** What could not be recorded in full (e.g. an issue deleted between search and changelog). */
  gaps: z.array(DataGapSchema),
});
export type RecordState = z.infer<typeof RecordStateSchema>;

/** One line of changelogs.partial.ndjson: every history of one issue, oldest first. */
export const ChangelogLineSchema = z.object({ issueId: z.string(), histories: z.array(ChangeHistorySchema) });

/** A recording that cannot go on as asked (output exists, partial folder of another command, damaged files). */
export class RecordError extends Error {
  override readonly name = 'RecordError';
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function describeCommand(command: RecordCommand): string {
  const boards = command.boards === undefined ? '' : ` --board ${command.boards.join(' --board ')}`;
  return `--site ${command.baseUrl} --project ${command.projects.join(' --project ')}${boards}`;
}

function sameCommand(a: RecordCommand, b: RecordCommand): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Writes a file whole under a temporary name, then renames it: a reader never sees half a file. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

export interface PartialOpened {
  partial: PartialSnapshot;
  /** True when an earlier run's checkpoint was found. */
  resumed: boolean;
}

/** The `<out>.partial/` folder of one recording. */
export class PartialSnapshot {
  private constructor(
    readonly outDir: string,
    readonly dir: string,
    private current: RecordState,
  ) {}

  /**
   * Opens (or starts) the partial folder of `outDir`. Refuses when `outDir` already exists, or when the partial
   * folder belongs to another command. A resumed folder's data files are cut back to their checkpointed length.
   */
  static async open(outDir: string, command: RecordCommand, recordedAt: string): Promise<PartialOpened> {
    const dir = `${outDir}.partial`;
    if (await exists(outDir)) {
      throw new RecordError(`${outDir} already exists; choose another --out or remove it first.`);
    }
    await mkdir(dir, { recursive: true });
    const stateFile = path.join(dir, PARTIAL_FILES.state);
    if (await exists(stateFile)) {
      let state: RecordState;
      try {
        state = RecordStateSchema.parse(JSON.parse(await readFile(stateFile, 'utf8')));
      } catch (error) {
        throw new RecordError(
          `${stateFile} is damaged (${(error as Error).message}); remove ${dir} to record from the start.`,
        );
      }
      if (!sameCommand(state.command, command)) {
        throw new RecordError(
          `${dir} holds a recording of another command (${describeCommand(state.command)}); ` +
            `run that command to finish it, or remove ${dir} to start again.`,
        );
      }
      const partial = new PartialSnapshot(outDir, dir, state);
      await partial.cutToCheckpoint(PARTIAL_FILES.issues, state.issues.bytes);
      await partial.cutToCheckpoint(PARTIAL_FILES.changelogs, state.changelogs.bytes);
      return { partial, resumed: true };
    }
    const state: RecordState = {
      version: 1,
      command,
      recordedAt,
      issues: { complete: false, count: 0, bytes: 0 },
      changelogs: { issuesDone: 0, histories: 0, bytes: 0 },
      gaps: [],
    };
    const partial = new PartialSnapshot(outDir, dir, state);
    // Data files from a run that died before its first checkpoint hold nothing trustworthy.
    await rm(path.join(dir, PARTIAL_FILES.issues), { force: true });
    await rm(path.join(dir, PARTIAL_FILES.changelogs), { force: true });
    await partial.checkpoint(state);
    return { partial, resumed: false };
  }

  get state(): Readonly<RecordState> {
    return this.current;
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }

  private async cutToCheckpoint(name: string, bytes: number): Promise<void> {
    const file = this.file(name);
    if (!(await exists(file))) {
      if (bytes > 0)
        throw new RecordError(`${file} is missing; remove ${this.dir} to record from the start.`);
      return;
    }
    const size = (await stat(file)).size;
    if (size < bytes) {
      throw new RecordError(
        `${file} is shorter than its checkpoint (${size} < ${bytes} bytes); remove ${this.dir} to record from the start.`,
      );
    }
    if (size > bytes) await truncate(file, bytes);
  }

  /** Saves the checkpoint (after the data it describes is on disk). */
  async checkpoint(state: RecordState): Promise<void> {
    this.current = state;
    await writeAtomically(this.file(PARTIAL_FILES.state), `${snapshotJson(state, 1)}\n`);
  }

  async hasFile(name: string): Promise<boolean> {
    return exists(this.file(name));
  }

  async writeJson(name: string, value: unknown): Promise<void> {
    await writeAtomically(this.file(name), `${snapshotJson(value)}\n`);
  }

  /** A file an earlier run wrote (one of an older recorder may still hold e-mail addresses: they are dropped). */
  async readJson(name: string): Promise<unknown> {
    return parseSnapshotJson(await readFile(this.file(name), 'utf8'));
  }

  /** Appends values, one JSON line each, to a data file and flushes them; returns the file's new length in bytes. */
  async append(name: string, values: readonly unknown[]): Promise<number> {
    const handle = await open(this.file(name), 'a');
    try {
      if (values.length > 0) {
        await handle.appendFile(values.map((value) => `${snapshotJson(value)}\n`).join(''));
        await handle.sync();
      }
      return (await handle.stat()).size;
    } finally {
      await handle.close();
    }
  }

  /** The ids and keys of the issues recorded so far, in file order (for resuming and for the changelog chunks). */
  async readIssueRefs(): Promise<IssueRef[]> {
    const refs: IssueRef[] = [];
    const file = this.file(PARTIAL_FILES.issues);
    if (!(await exists(file))) return refs;
    for await (const line of lines(file)) {
      if (line.trim() === '') continue;
      const issue = JSON.parse(line) as { id: string; key: string };
      refs.push({ id: issue.id, key: issue.key });
    }
    return refs;
  }

  /**
   * Writes issues.ndjson: each recorded issue with its histories in `changelog` (oldest first, total = count),
   * reading both partial files in step, so memory holds one issue at a time. Returns the issue count.
   */
  async mergeIssues(onIssue: (done: number) => void = () => {}): Promise<number> {
    // A project without issues never appended anything: start from empty files rather than missing ones.
    await this.append(PARTIAL_FILES.issues, []);
    await this.append(PARTIAL_FILES.changelogs, []);
    const target = this.file(SNAPSHOT_FILES.issues);
    const temporary = `${target}.tmp`;
    const out = createWriteStream(temporary, { encoding: 'utf8' });
    const changelogs = lines(this.file(PARTIAL_FILES.changelogs))[Symbol.asyncIterator]();
    let done = 0;
    try {
      for await (const line of lines(this.file(PARTIAL_FILES.issues))) {
        if (line.trim() === '') continue;
        const issue: JiraIssue = IssueSchema.parse(parseSnapshotJson(line));
        const next = await changelogs.next();
        if (next.done === true) {
          throw new RecordError(`${this.dir}: no changelog was recorded for ${issue.key}.`);
        }
        const changelog = ChangelogLineSchema.parse(parseSnapshotJson(next.value));
        if (changelog.issueId !== issue.id) {
          throw new RecordError(
            `${this.dir}: the changelogs are out of step with the issues at ${issue.key} ` +
              `(expected issue ${issue.id}, found ${changelog.issueId}); remove ${this.dir} to record from the start.`,
          );
        }
        const histories: ChangeHistory[] = changelog.histories;
        const merged = {
          ...issue,
          changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
        };
        if (!out.write(`${snapshotJson(merged)}\n`)) await once(out, 'drain');
        done += 1;
        onIssue(done);
      }
      const extra = await changelogs.next();
      if (extra.done !== true) {
        throw new RecordError(
          `${this.dir}: more changelogs than issues were recorded; remove ${this.dir} to record from the start.`,
        );
      }
    } finally {
      await changelogs.return?.();
      out.end();
      await once(out, 'close');
    }
    await rename(temporary, target);
    return done;
  }

  /**
   * Finishes the snapshot: site.json, then the working files go, then the folder is renamed to `outDir` in one
   * step (rename is atomic on one file system), so `outDir` is either absent or complete.
   */
  async finish(site: SiteInfo): Promise<void> {
    await this.writeJson(SNAPSHOT_FILES.site, site);
    for (const name of Object.values(PARTIAL_FILES)) await rm(this.file(name), { force: true });
    await rename(this.dir, this.outDir);
  }
}

function lines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}
