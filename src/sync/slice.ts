// One slice of a sync job: brings the projects in use up to date, page by page, until the slice's time or the
// hour's points budget runs out, and says whether the job is done, goes on at once, or pauses until a time.
//
// Per project: a backfill reads every issue (search pages in key order, each page's changelogs in full by bulk
// fetch); afterwards an incremental pass reads only the issues updated since the watermark minus an overlap. An id
// sweep (ids only: one point per issue) finds deleted and moved issues and counts the project for progress; it runs
// before the backfill and then every `sweepEveryHours`. After each page the project's state (checkpoint, stored
// ids) is saved: a slice killed anywhere resumes at the last finished page, and rewriting a page writes the same.
import { withChangelogs } from '../jira/changelog';
import type { JiraClient } from '../jira/client';
import type { Clock } from '../jira/clock';
import { isJiraError } from '../jira/errors';
import { resolveProductFields, syncFieldsToRequest } from '../jira/fields';
import type { SyncError } from '../contract/sync';
import type { JiraIssue, JiraSprint } from '../jira/schemas';
import { jqlString } from '../jira/search';
import { deleteIssues, putIssues } from '../store/issues';
import { putProjectBoards, putSiteFacts } from '../store/site';
import { StorageQuotaError, type Storage } from '../store/storage';
import type { PointsBudget } from './budget';
import { projectsInUse } from './scopes';
import { loadProjectState, saveProjectState, type ProjectSyncState, type SyncSettings } from './state';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Ids-only searches may ask for 5,000 issues a page (Jira's cap when no field is requested). */
const SWEEP_PAGE = 5_000;
/** The smallest sweep page worth a request: with less budget left than this, the sweep waits for the next hour. */
const MIN_SWEEP_PAGE = 100;
/** Until a slice has seen pages, a page is taken to bring this many histories per issue (for the budget check). */
const ASSUMED_HISTORIES_PER_ISSUE = 20;

export interface SliceDeps {
  client: JiraClient;
  storage: Storage;
  clock: Clock;
  budget: PointsBudget;
  settings: SyncSettings;
  /** No new page starts after this time (epoch ms): the slice ends well inside its invocation's limit. */
  stopAt: number;
}

export type SliceOutcome =
  | { kind: 'done' }
  /** Time ran out with work left: the next slice goes on at once. */
  | { kind: 'more' }
  /** The budget or Jira's own rate limit stops the sync until `resumeAt`. */
  | { kind: 'paused'; resumeAt: number; error: SyncError };

class Paused extends Error {
  constructor(
    readonly resumeAt: number,
    readonly error: SyncError,
  ) {
    super(error.message);
  }
}
class OutOfTime extends Error {}

/** What the slice spent: Jira's model, 1 point per request and 1 per object returned. */
class Spending {
  constructor(
    private readonly deps: SliceDeps,
    private requestsSeen = deps.client.stats.requests,
  ) {}

  charge(objects: number): void {
    const requests = this.deps.client.stats.requests - this.requestsSeen;
    this.requestsSeen = this.deps.client.stats.requests;
    this.deps.budget.spend(requests + objects);
  }

  /**
   * Stops the slice before work that could pass the hour's budget or the slice's time. An estimate above a whole
   * hour's budget (a page of issues with long histories, under a small budget) waits for a full hour, not forever.
   */
  before(points: number): void {
    const { deps } = this;
    if (deps.clock.now() >= deps.stopAt) throw new OutOfTime();
    if (!deps.budget.allows(Math.min(points, deps.settings.pointsPerHour))) {
      const resumeAt = deps.budget.refillsAt;
      throw new Paused(resumeAt, {
        code: 'budget-spent',
        message: `The sync has spent this hour's budget of ${deps.settings.pointsPerHour.toLocaleString('en-US')} Jira points; it resumes by itself when the next hour begins.`,
        retryAt: resumeAt,
        at: deps.clock.now(),
      });
    }
  }
}

export async function runSlice(requestedAt: number, deps: SliceDeps): Promise<SliceOutcome> {
  const spending = new Spending(deps);
  try {
    const projects = await projectsInUse(deps.storage);
    if (projects.length === 0) return { kind: 'done' };
    const states = new Map<string, ProjectSyncState>();
    for (const project of projects) states.set(project, await loadProjectState(deps.storage, project));
    const pending = projects.filter(
      (project) => ((states.get(project) as ProjectSyncState).lastSuccessAt ?? -1) < requestedAt,
    );
    if (pending.length === 0) return { kind: 'done' };

    spending.before(10);
    const fields = await deps.client.getFields();
    const statuses = await deps.client.getStatuses();
    spending.charge(fields.length + statuses.length);
    await putSiteFacts(deps.storage, { fields, statuses });
    const requested = syncFieldsToRequest(resolveProductFields(fields));

    for (const project of pending) {
      await syncProject(states.get(project) as ProjectSyncState, states, requested, deps, spending);
    }
    return { kind: 'done' };
  } catch (error) {
    if (error instanceof OutOfTime) return { kind: 'more' };
    if (error instanceof Paused) return { kind: 'paused', resumeAt: error.resumeAt, error: error.error };
    if (error instanceof StorageQuotaError) return { kind: 'more' };
    if (isJiraError(error) && error.code === 'rate-limited') {
      const resumeAt = error.retryAt ?? deps.clock.now() + 5 * MINUTE_MS;
      return {
        kind: 'paused',
        resumeAt,
        error: {
          code: 'rate-limited',
          message: "Jira's rate limit for this app is spent; the sync resumes by itself.",
          retryAt: resumeAt,
          at: deps.clock.now(),
        },
      };
    }
    throw error;
  } finally {
    await deps.budget.save();
  }
}

async function syncProject(
  state: ProjectSyncState,
  states: ReadonlyMap<string, ProjectSyncState>,
  requested: string[],
  deps: SliceDeps,
  spending: Spending,
): Promise<void> {
  const now = deps.clock.now();
  if (state.pass === undefined) {
    const sweepDue =
      state.lastSweepAt === undefined || now - state.lastSweepAt >= deps.settings.sweepEveryHours * HOUR_MS;
    if (sweepDue) await sweep(state, deps, spending);
    state.pass =
      state.phase === 'backfill' || state.watermark === undefined
        ? { startedAt: now, read: 0 }
        : { startedAt: now, since: state.watermark - deps.settings.overlapMinutes * MINUTE_MS, read: 0 };
    await saveProjectState(deps.storage, state);
  } else if (state.pass.since !== undefined) {
    // An incremental pass asks with a time relative to now: its pages cannot be resumed later, so it starts again
    // (from the same `since`): it is one or two pages, and rewriting an issue writes the same record.
    state.pass = { ...state.pass, read: 0 };
    delete state.pass.nextPageToken;
  }
  const pass = state.pass;
  let historiesPerIssue = ASSUMED_HISTORIES_PER_ISSUE;

  for (;;) {
    const pageSize = deps.client.limits.searchPageSize;
    spending.before(2 + pageSize * (1 + historiesPerIssue));
    const page = await deps.client.searchPage(
      passJql(state.project, pass.since, deps.clock.now()),
      requested,
      pass.nextPageToken,
    );
    const issues = page.items.filter((issue) => issue.fields.project.key === state.project);
    const changelogs = await deps.client.fetchChangelogs(issues.map(({ id, key }) => ({ id, key })));
    const complete = withChangelogs(issues, changelogs);
    const histories = complete.reduce((n, issue) => n + (issue.changelog?.histories.length ?? 0), 0);
    spending.charge(page.items.length + histories);
    if (issues.length > 0) historiesPerIssue = Math.max(1, Math.ceil(histories / issues.length));

    const parts = await putIssues(deps.storage, complete);
    for (const [id, count] of parts) state.issues[id] = count;
    noteAccess(state, complete);
    await forgetMovedIssues(complete, state.project, states, deps.storage);
    pass.read += issues.length;
    const next = page.nextPageToken ?? undefined;
    if (page.isLast === true || next === undefined || next === '') break;
    pass.nextPageToken = next;
    await saveProjectState(deps.storage, state);
  }

  // Boards and their sprints: a few small lists, read again at the end of every pass.
  spending.before(50);
  const boards = await deps.client.listBoards(state.project).catch((error: unknown) => {
    if (isJiraError(error) && (error.code === 'forbidden' || error.code === 'not-found'))
      return { items: [], gaps: [] };
    throw error;
  });
  const sprints: Record<string, JiraSprint[]> = {};
  let objects = boards.items.length;
  for (const board of boards.items) {
    if (board.type === 'kanban') continue;
    const listed = await deps.client.listSprints(board.id).catch((error: unknown) => {
      if (isJiraError(error) && ['bad-request', 'forbidden', 'not-found'].includes(error.code))
        return { items: [], gaps: [] };
      throw error;
    });
    sprints[String(board.id)] = listed.items;
    objects += listed.items.length;
  }
  spending.charge(objects);
  await putProjectBoards(deps.storage, state.project, boards.items, sprints);

  state.phase = 'current';
  state.watermark = pass.startedAt;
  state.lastSuccessAt = deps.clock.now();
  delete state.pass;
  delete state.error;
  if (state.total === undefined || state.total < Object.keys(state.issues).length) {
    state.total = Object.keys(state.issues).length;
  }
  await saveProjectState(deps.storage, state);
}

/** The search of a pass: the whole project, or what was updated since `since` (relative to now: no time zone). */
function passJql(project: string, since: number | undefined, now: number): string {
  const clauses = [`project = ${jqlString(project)}`];
  if (since !== undefined)
    clauses.push(`updated >= "-${Math.max(1, Math.ceil((now - since) / MINUTE_MS))}m"`);
  return `${clauses.join(' AND ')} ORDER BY key ASC`;
}

/** The project's issue ids in Jira: stored issues no longer there were deleted or moved away, and are removed. */
async function sweep(state: ProjectSyncState, deps: SliceDeps, spending: Spending): Promise<void> {
  const ids = new Set<string>();
  let token: string | undefined;
  do {
    // A page as large as the hour's budget still allows (one point per id), so a small budget sweeps in steps.
    const size = Math.min(SWEEP_PAGE, Math.max(MIN_SWEEP_PAGE, deps.budget.remaining - 1));
    spending.before(1 + size);
    const page = await deps.client.searchIdsPage(passJql(state.project, undefined, 0), token, size);
    spending.charge(page.items.length);
    for (const id of page.items) ids.add(id);
    token = page.isLast === true ? undefined : (page.nextPageToken ?? undefined);
  } while (token !== undefined && token !== '');
  const gone = Object.entries(state.issues).filter(([id]) => !ids.has(id));
  await deleteIssues(
    deps.storage,
    state.project,
    gone.map(([id, parts]) => ({ id, parts })),
  );
  forget(
    state,
    gone.map(([id]) => id),
  );
  state.total = ids.size;
  state.lastSweepAt = deps.clock.now();
}

/** An issue now in `project` that another project's state still holds was moved: its old record goes. */
async function forgetMovedIssues(
  issues: readonly JiraIssue[],
  project: string,
  states: ReadonlyMap<string, ProjectSyncState>,
  storage: Storage,
): Promise<void> {
  for (const [other, state] of states) {
    if (other === project) continue;
    const moved = issues.filter((issue) => state.issues[issue.id] !== undefined);
    if (moved.length === 0) continue;
    await deleteIssues(
      storage,
      other,
      moved.map((issue) => ({ id: issue.id, parts: state.issues[issue.id] as number })),
    );
    forget(
      state,
      moved.map((issue) => issue.id),
    );
    await saveProjectState(storage, state);
  }
}

/** What a view's permission check needs of the issues just stored: the project's id and who holds a level. */
function noteAccess(state: ProjectSyncState, issues: readonly JiraIssue[]): void {
  for (const issue of issues) {
    if (issue.fields.project.key !== state.project) continue;
    if (issue.fields.project.id !== undefined) state.projectId = issue.fields.project.id;
    const level = issue.fields.security?.id;
    if (level !== undefined) (state.secured ??= {})[issue.id] = level;
    else if (state.secured !== undefined) delete state.secured[issue.id];
  }
}

/** Issues no longer stored for the project. */
function forget(state: ProjectSyncState, ids: readonly string[]): void {
  for (const id of ids) {
    delete state.issues[id];
    if (state.secured !== undefined) delete state.secured[id];
  }
}
