// Records a Jira site into a snapshot folder (docs/snapshot.md) through the app's own JiraClient and transport.
// Resumable: small files first, then issues page by page and changelogs chunk by chunk into `<out>.partial/`, each
// followed by a checkpoint; a re-run of the same command continues from the checkpoint, then merges and renames.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { route } from '@forge/api';
import { z } from 'zod';
import { JiraClient } from '../../src/jira/client';
import type { IssueRef } from '../../src/jira/changelog';
import { isJiraError } from '../../src/jira/errors';
import type { JiraLimits } from '../../src/jira/limits';
import type { RetryPolicy } from '../../src/jira/request';
import {
  FieldListSchema,
  SearchJqlResponseSchema,
  StatusListSchema,
  type JiraBoard,
  type JiraSprint,
} from '../../src/jira/schemas';
import { scopeJql } from '../../src/jira/search';
import type { DataGap, SiteInfo } from '../../src/jira/site';
import { installForgeFetch, type ForgeFetchAuth } from '../../src/jira/transport/forge-fetch';
import type { ProgressReport, RecordPhase } from './progress';
import { BoardListSchema, SNAPSHOT_FILES, SprintsByBoardSchema } from './read';
import { PARTIAL_FILES, PartialSnapshot, RecordError, type RecordCommand, type RecordState } from './write';

export { RecordError, type RecordState } from './write';

export interface RecordOptions {
  /** The site, e.g. "https://your-site.atlassian.net" (a local Jira server's URL in tests). */
  baseUrl: string;
  /**
   * Basic auth (API token) for a real site; for the local Jira server, `{kind: 'local', accountId}` naming who
   * records (SITE_ADMIN_ACCOUNT_ID for the whole site: a request naming no one is anonymous and reads nothing).
   */
  auth: ForgeFetchAuth;
  /** Project keys to record. */
  projects: string[];
  /** Board ids to record with their sprints; absent = every board of the projects. */
  boards?: number[];
  /** The snapshot folder to create; the work goes on in `<outDir>.partial/` until it is complete. */
  outDir: string;
  /** What sends HTTP underneath the transport (default: global fetch). Tests pass one that watches requests. */
  fetch?: typeof fetch;
  limits?: Partial<JiraLimits>;
  retry?: Partial<RetryPolicy>;
  /** Issues whose changelogs are fetched and checkpointed together (default: one bulkfetch batch, 1000). */
  chunkIssues?: number;
  /** Ask Jira for an estimated issue count (search/approximate-count) so the issues phase shows n/~N. Default true. */
  estimateIssueCount?: boolean;
  onProgress?(report: ProgressReport): void;
  /** Sentences worth telling the person recording (resumed phases, things left out). */
  onNote?(message: string): void;
  /** Called after every checkpoint is on disk (tests stop a run here). */
  onCheckpoint?(state: Readonly<RecordState>): void;
  /** Stops the recording at the next page or chunk boundary, keeping everything fetched. */
  signal?: AbortSignal;
  /** The clock for recordedAt (the recorder may read the real one; tests fix it). */
  now?: () => Date;
}

export interface RecordResult {
  outDir: string;
  /** True when an earlier run's partial folder was continued. */
  resumed: boolean;
  projects: string[];
  issues: number;
  histories: number;
  boards: number;
  sprints: number;
  /** What could not be recorded in full; also listed in site.json `gaps`. */
  gaps: DataGap[];
  /** This run's requests (retries included), retries, and response bytes received (decoded). */
  requests: number;
  retries: number;
  bytesReceived: number;
  /** Size of each file of the finished snapshot. */
  bytesWritten: Record<string, number>;
}

/** The recording was asked to stop (Ctrl-C); the partial folder holds everything fetched so far. */
export class RecordingInterrupted extends Error {
  override readonly name = 'RecordingInterrupted';
}

/** POST /rest/api/3/search/approximate-count (JQLCountResultsBean). */
const IssueCountSchema = z.looseObject({ count: z.number() });

/** Below this many issues a chunk, the per-issue changelog fallback (sites refusing bulkfetch) checkpoints more often. */
const PER_ISSUE_CHUNK = 100;

type SiteProject = SiteInfo['projects'][number];

interface Run {
  client: JiraClient;
  partial: PartialSnapshot;
  command: RecordCommand;
  report(report: ProgressReport): void;
  note(message: string): void;
  onCheckpoint(state: Readonly<RecordState>): void;
  signal?: AbortSignal;
}

/** The site URL without trailing slashes; a path prefix (a server behind /jira) is kept. */
export function siteBaseUrl(site: string): string {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new RecordError(
      `--site must be the site's address, e.g. https://your-site.atlassian.net (got '${site}').`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RecordError(`--site must be an http(s) address (got '${site}').`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new RecordError('--site must not hold credentials; set JIRA_EMAIL and JIRA_API_TOKEN instead.');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function recordCommand(
  baseUrl: string,
  projects: readonly string[],
  boards?: readonly number[],
): RecordCommand {
  const keys = [
    ...new Set(projects.map((key) => key.trim().toUpperCase()).filter((key) => key !== '')),
  ].sort();
  if (keys.length === 0) throw new RecordError('Name at least one project to record (--project KEY).');
  const command: RecordCommand = { baseUrl, projects: keys };
  if (boards !== undefined && boards.length > 0) command.boards = [...new Set(boards)].sort((a, b) => a - b);
  return command;
}

/** A fetch that counts the bytes of every response body (for the report), handing the body on unchanged. */
function countingFetch(send: typeof fetch, traffic: { bytesReceived: number }): typeof fetch {
  return async (input, init) => {
    const response = await send(input, init);
    const body = await response.arrayBuffer();
    traffic.bytesReceived += body.byteLength;
    const bodiless = response.status === 204 || response.status === 205 || response.status === 304;
    return new Response(bodiless ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function stopIfAsked(run: Run): void {
  if (run.signal?.aborted === true) {
    throw new RecordingInterrupted(
      `Recording stopped; everything fetched so far is kept in ${run.partial.dir}. ` +
        'Run the same command again to resume.',
    );
  }
}

async function save(run: Run, state: RecordState): Promise<void> {
  await run.partial.checkpoint(state);
  run.onCheckpoint(run.partial.state);
}

function isRefusal(error: unknown): boolean {
  return isJiraError(error) && (error.code === 'forbidden' || error.code === 'not-found');
}

/** A small file of the snapshot: taken from the partial folder when an earlier run wrote it, else fetched. */
async function smallFile<T>(
  run: Run,
  phase: RecordPhase,
  file: string,
  schema: z.ZodType<T>,
  fetchIt: () => Promise<T>,
  /** Items in the file, for the progress line. */
  size: (value: T) => number,
  /** fetchIt reports its own progress (per project, per board). */
  selfReporting = false,
): Promise<T> {
  if (await run.partial.hasFile(file)) {
    const value = schema.parse(await run.partial.readJson(file));
    run.report({ phase, done: size(value), total: size(value), resumed: true });
    return value;
  }
  stopIfAsked(run);
  if (!selfReporting) run.report({ phase, done: 0 });
  const value = await fetchIt();
  await run.partial.writeJson(file, value);
  if (!selfReporting) run.report({ phase, done: size(value), total: size(value) });
  return value;
}

async function recordProjects(run: Run): Promise<SiteProject[]> {
  const saved = run.partial.state.projects;
  if (saved !== undefined) {
    run.report({ phase: 'projects', done: saved.length, total: saved.length, resumed: true });
    return saved;
  }
  stopIfAsked(run);
  const wanted = run.command.projects;
  run.report({ phase: 'projects', done: 0, total: wanted.length });
  const listed = await run.client.listProjects();
  const projects: SiteProject[] = [];
  for (const key of wanted) {
    const found = listed.items.find((project) => project.key.toUpperCase() === key);
    if (found !== undefined) projects.push({ key: found.key, name: found.name, id: found.id });
    // The project list can be capped on very large sites: ask about the project itself before giving up.
    else if (await run.client.canBrowse(key)) projects.push(key);
    else {
      throw new RecordError(
        `Project ${key} is not on ${run.command.baseUrl}, or this account cannot browse it.`,
      );
    }
    run.report({ phase: 'projects', done: projects.length, total: wanted.length });
  }
  await save(run, { ...run.partial.state, projects });
  return projects;
}

function keyOf(project: SiteProject): string {
  return typeof project === 'string' ? project : project.key;
}

async function readBoards(run: Run, projectKeys: readonly string[], gaps: DataGap[]): Promise<JiraBoard[]> {
  const boards = new Map<number, JiraBoard>();
  run.report({ phase: 'boards', done: 0, total: projectKeys.length });
  for (const [index, project] of projectKeys.entries()) {
    stopIfAsked(run);
    try {
      const found = await run.client.listBoards(project);
      gaps.push(...found.gaps);
      for (const board of found.items) if (!boards.has(board.id)) boards.set(board.id, board);
    } catch (error) {
      // A site without Jira Software, or boards this account cannot see: the issues still stand on their own.
      if (!isRefusal(error)) throw error;
      gaps.push({
        kind: 'unavailable',
        message: `The boards of ${project} could not be read: ${(error as Error).message}`,
        project,
      });
    }
    run.report({ phase: 'boards', done: index + 1, total: projectKeys.length });
  }
  const wanted = run.command.boards;
  if (wanted === undefined) return [...boards.values()];
  const missing = wanted.filter((id) => !boards.has(id));
  if (missing.length > 0) {
    const known = [...boards.keys()].sort((a, b) => a - b);
    throw new RecordError(
      `Board ${missing.join(', ')} is not a board of ${projectKeys.join(', ')} that this account can see ` +
        `(boards found: ${known.length > 0 ? known.join(', ') : 'none'}).`,
    );
  }
  return wanted.flatMap((id) => boards.get(id) ?? []);
}

async function readSprints(
  run: Run,
  boards: readonly JiraBoard[],
  gaps: DataGap[],
): Promise<Record<string, JiraSprint[]>> {
  const sprints: Record<string, JiraSprint[]> = {};
  // Kanban boards have no sprints; Jira answers 400 for them, so they are not asked.
  const withSprints = boards.filter((board) => board.type !== 'kanban');
  run.report({ phase: 'sprints', done: 0, total: withSprints.length });
  for (const [index, board] of withSprints.entries()) {
    stopIfAsked(run);
    try {
      const found = await run.client.listSprints(board.id);
      gaps.push(...found.gaps);
      sprints[String(board.id)] = found.items;
    } catch (error) {
      // 400 "The board does not support sprints": nothing is missing.
      const unsupported = isJiraError(error) && error.status === 400;
      if (!unsupported && !isRefusal(error)) throw error;
      if (!unsupported) {
        gaps.push({
          kind: 'unavailable',
          message: `The sprints of board ${board.name} could not be read: ${(error as Error).message}`,
          boardId: board.id,
        });
      }
    }
    run.report({ phase: 'sprints', done: index + 1, total: withSprints.length });
  }
  return sprints;
}

async function recordAgile(
  run: Run,
  projectKeys: readonly string[],
): Promise<{ boards: number; sprints: number }> {
  const gaps: DataGap[] = [];
  const boards = await smallFile(
    run,
    'boards',
    SNAPSHOT_FILES.boards,
    BoardListSchema,
    () => readBoards(run, projectKeys, gaps),
    (list) => list.length,
    true,
  );
  const sprints = await smallFile(
    run,
    'sprints',
    SNAPSHOT_FILES.sprints,
    SprintsByBoardSchema,
    () => readSprints(run, boards, gaps),
    (byBoard) => Object.values(byBoard).reduce((n, list) => n + list.length, 0),
    true,
  );
  if (gaps.length > 0) {
    for (const gap of gaps) run.note(`Left out: ${gap.message}`);
    await save(run, { ...run.partial.state, gaps: [...run.partial.state.gaps, ...gaps] });
  }
  return { boards: boards.length, sprints: Object.values(sprints).reduce((n, list) => n + list.length, 0) };
}

async function estimateIssueCount(run: Run, jql: string): Promise<number | undefined> {
  try {
    const answer = await run.client.layer.json(route`/rest/api/3/search/approximate-count`, {
      method: 'POST',
      schema: IssueCountSchema,
      body: { jql: jql.replace(/\s+ORDER BY .*$/i, '') },
    });
    return answer.count;
  } catch (error) {
    // Only a nicer progress bar depends on it: without it the bar counts up.
    if (isJiraError(error)) return undefined;
    throw error;
  }
}

/**
 * One page of POST /rest/api/3/search/jql through the client's request layer (its retries and errors). The
 * client's searchIssues collects every page before returning; a resumable recording needs each page as it comes
 * and the token to continue from, so the page is asked here, with the same body searchIssues sends.
 */
function searchPage(run: Run, jql: string, nextPageToken: string | undefined) {
  return run.client.layer.json(route`/rest/api/3/search/jql`, {
    method: 'POST',
    schema: SearchJqlResponseSchema,
    body: {
      jql,
      // The whole issue, as GET /issue/{key} returns it: a snapshot keeps what the site has, not what we read today.
      fields: ['*all'],
      maxResults: run.client.limits.searchPageSize,
      fieldsByKeys: false,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    },
  });
}

async function recordIssues(
  run: Run,
  projectKeys: readonly string[],
  estimate: boolean,
): Promise<IssueRef[]> {
  const refs = await run.partial.readIssueRefs();
  let state = run.partial.state;
  if (refs.length !== state.issues.count) {
    throw new RecordError(
      `${run.partial.dir}: ${refs.length} issues on disk but ${state.issues.count} checkpointed; ` +
        `remove ${run.partial.dir} to record from the start.`,
    );
  }
  const resumed = refs.length > 0 || state.issues.nextPageToken !== undefined;
  if (state.issues.complete) {
    run.report({ phase: 'issues', done: refs.length, total: refs.length, resumed: true });
    return refs;
  }
  const jql = scopeJql(projectKeys);
  stopIfAsked(run);
  const total = estimate ? await estimateIssueCount(run, jql) : undefined;
  const progress = (done: number) =>
    run.report({
      phase: 'issues',
      done,
      ...(total === undefined ? {} : { total: Math.max(total, done), approximate: true }),
      ...(resumed ? { resumed: true } : {}),
    });
  progress(refs.length);

  const seen = new Set(refs.map((ref) => ref.id));
  const tokensSeen = new Set<string>();
  let token = state.issues.nextPageToken;
  let savedTokenUntried = token !== undefined;
  for (;;) {
    stopIfAsked(run);
    let page: Awaited<ReturnType<typeof searchPage>>;
    try {
      page = await searchPage(run, jql, token);
    } catch (error) {
      // Page tokens may not outlive a long pause: start the search again; recorded issues are not written twice.
      if (savedTokenUntried && isJiraError(error) && error.status === 400) {
        run.note(
          'Jira no longer accepts the saved search position; searching again from the first page ' +
            `(the ${refs.length} issues already recorded are kept and not written twice).`,
        );
        savedTokenUntried = false;
        token = undefined;
        continue;
      }
      throw error;
    }
    savedTokenUntried = false;
    const fresh = page.issues.filter((issue) => !seen.has(issue.id));
    for (const issue of fresh) {
      seen.add(issue.id);
      refs.push({ id: issue.id, key: issue.key });
    }
    const bytes = await run.partial.append(PARTIAL_FILES.issues, fresh);
    const next = page.nextPageToken ?? undefined;
    const repeated = next !== undefined && (next === token || tokensSeen.has(next));
    const complete = page.isLast === true || next === undefined || next === '' || repeated;
    const gaps = [...state.gaps];
    if (repeated) {
      const gap: DataGap = {
        kind: 'truncated',
        message: `Jira repeated a search page after ${refs.length} issues, so the search stopped there; issues may be missing.`,
      };
      gaps.push(gap);
      run.note(`Left out: ${gap.message}`);
    }
    state = {
      ...state,
      issues: {
        complete,
        count: refs.length,
        bytes,
        ...(complete || next === undefined ? {} : { nextPageToken: next }),
      },
      gaps,
    };
    await save(run, state);
    progress(refs.length);
    if (complete || next === undefined) break;
    tokensSeen.add(next);
    token = next;
  }
  run.report({
    phase: 'issues',
    done: refs.length,
    total: refs.length,
    ...(resumed ? { resumed: true } : {}),
  });
  return refs;
}

async function recordChangelogs(run: Run, refs: readonly IssueRef[], chunkIssues: number): Promise<number> {
  let state = run.partial.state;
  let done = state.changelogs.issuesDone;
  if (done > refs.length || (done > 0 && refs[done - 1]?.id !== state.changelogs.lastIssueId)) {
    throw new RecordError(
      `${run.partial.dir}: the changelog checkpoint does not match the recorded issues; ` +
        `remove ${run.partial.dir} to record from the start.`,
    );
  }
  const resumed = done > 0;
  const report = (n: number) =>
    run.report({ phase: 'changelogs', done: n, total: refs.length, ...(resumed ? { resumed: true } : {}) });
  report(done);
  while (done < refs.length) {
    stopIfAsked(run);
    // A site that refused bulkfetch is read one issue at a time: checkpoint more often then.
    const size = run.client.usesBulkChangelog ? chunkIssues : Math.min(chunkIssues, PER_ISSUE_CHUNK);
    const chunk = refs.slice(done, done + size);
    const from = done;
    const fetched = await run.client.fetchChangelogs(chunk, (n) => report(from + n));
    let histories = 0;
    const lines = chunk.map((ref) => {
      const list = fetched.byIssueId.get(ref.id) ?? [];
      histories += list.length;
      return { issueId: ref.id, histories: list };
    });
    const bytes = await run.partial.append(PARTIAL_FILES.changelogs, lines);
    for (const gap of fetched.gaps) run.note(`Left out: ${gap.message}`);
    done += chunk.length;
    state = {
      ...state,
      changelogs: {
        issuesDone: done,
        lastIssueId: chunk[chunk.length - 1]?.id,
        histories: state.changelogs.histories + histories,
        bytes,
      },
      gaps: [...state.gaps, ...fetched.gaps],
    };
    await save(run, state);
    report(done);
  }
  return state.changelogs.histories;
}

/** Records the projects (and boards) of one site into `options.outDir`, resuming an earlier run's partial folder. */
export async function recordSite(options: RecordOptions): Promise<RecordResult> {
  const baseUrl = siteBaseUrl(options.baseUrl);
  const command = recordCommand(baseUrl, options.projects, options.boards);
  const now = options.now ?? (() => new Date());
  const { partial, resumed } = await PartialSnapshot.open(options.outDir, command, now().toISOString());
  if (resumed) options.onNote?.(`Resuming the recording in ${partial.dir}.`);

  const traffic = { bytesReceived: 0 };
  const restoreTransport = installForgeFetch({
    baseUrl,
    auth: options.auth,
    fetch: countingFetch(options.fetch ?? fetch, traffic),
  });
  try {
    const client = new JiraClient({ baseUrl, limits: options.limits, retry: options.retry });
    const run: Run = {
      client,
      partial,
      command,
      report: options.onProgress ?? (() => {}),
      note: options.onNote ?? (() => {}),
      onCheckpoint: options.onCheckpoint ?? (() => {}),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    };

    await smallFile(
      run,
      'fields',
      SNAPSHOT_FILES.fields,
      FieldListSchema,
      () => client.getFields(),
      (list) => list.length,
    );
    await smallFile(
      run,
      'statuses',
      SNAPSHOT_FILES.statuses,
      StatusListSchema,
      () => client.getStatuses(),
      (list) => list.length,
    );
    const projects = await recordProjects(run);
    const projectKeys = projects.map(keyOf);
    const agile = await recordAgile(run, projectKeys);
    const refs = await recordIssues(run, projectKeys, options.estimateIssueCount ?? true);
    const chunkIssues = Math.max(1, Math.floor(options.chunkIssues ?? client.limits.bulkChangelogIssues));
    const histories = await recordChangelogs(run, refs, chunkIssues);

    stopIfAsked(run);
    run.report({ phase: 'writing', done: 0, total: refs.length });
    await partial.mergeIssues((n) => run.report({ phase: 'writing', done: n, total: refs.length }));
    const gaps = partial.state.gaps;
    await partial.finish({
      baseUrl,
      recordedAt: partial.state.recordedAt,
      projects,
      ...(gaps.length > 0 ? { gaps } : {}),
    });

    return {
      outDir: options.outDir,
      resumed,
      projects: projectKeys,
      issues: refs.length,
      histories,
      boards: agile.boards,
      sprints: agile.sprints,
      gaps,
      requests: client.stats.requests,
      retries: client.stats.retries,
      bytesReceived: traffic.bytesReceived,
      bytesWritten: await fileSizes(options.outDir),
    };
  } finally {
    restoreTransport();
  }
}

async function fileSizes(dir: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const name of (await readdir(dir)).sort()) sizes[name] = (await stat(path.join(dir, name))).size;
  return sizes;
}
