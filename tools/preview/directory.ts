// Who and what the preview page offers: the people to view as, the projects, boards and sprints to open the Jira
// views on. From a snapshot it reads permissions.json and the board files; from a real site it asks Jira.
import { z } from 'zod';
import {
  BoardPageSchema,
  JiraUserSchema,
  ProjectPageSchema,
  SprintPageSchema,
  type JiraBoard,
  type JiraSprint,
} from '../../src/jira/schemas';
import { forEachSnapshotIssue, readSnapshotMeta, siteProjectKeys } from '../snapshot/read';
import type { JiraTarget } from './jira-target';

export interface PreviewPerson {
  accountId: string;
  displayName: string;
  /** Project keys this person may browse; undefined = every project. */
  projects?: string[];
}

export interface PreviewProject {
  key: string;
  name: string;
  id: string;
}

export interface PreviewSprint {
  id: number;
  name: string;
  state: string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
}

export interface PreviewBoard {
  id: number;
  name: string;
  type: string;
  projectKey?: string;
  sprints: PreviewSprint[];
}

export interface PreviewDirectory {
  source: 'snapshot' | 'site';
  /** The product site as users know it (links in the app point here). */
  siteUrl: string;
  people: PreviewPerson[];
  defaultViewer: string;
  projects: PreviewProject[];
  boards: PreviewBoard[];
  /** Said on the preview page, e.g. that a real site cannot switch viewers. */
  notes: string[];
}

/** People shown when a snapshot has no permissions.json: the first authors seen, at most this many. */
const MAX_PEOPLE_WITHOUT_PERMISSIONS = 40;

function sprintOf(sprint: JiraSprint): PreviewSprint {
  const { id, name, state, startDate, endDate, completeDate } = sprint;
  return { id, name, state, startDate, endDate, completeDate };
}

function boardOf(board: JiraBoard, sprints: JiraSprint[]): PreviewBoard {
  return {
    id: board.id,
    name: board.name,
    type: board.type ?? 'scrum',
    projectKey: board.location?.projectKey,
    sprints: sprints.map(sprintOf),
  };
}

/**
 * The default viewer is the person who can see the most (a PM-like account with full access in the sample);
 * ties keep the order of permissions.json.
 */
export function pickDefaultViewer(people: PreviewPerson[], projectCount: number): string | undefined {
  let best: PreviewPerson | undefined;
  const reach = (person: PreviewPerson) => person.projects?.length ?? projectCount;
  for (const person of people) if (!best || reach(person) > reach(best)) best = person;
  return best?.accountId;
}

async function peopleFromIssues(snapshotDir: string): Promise<PreviewPerson[]> {
  const seen = new Map<string, PreviewPerson>();
  const consider = (user: z.infer<typeof JiraUserSchema> | null | undefined) => {
    if (!user?.accountId || seen.has(user.accountId) || seen.size >= MAX_PEOPLE_WITHOUT_PERMISSIONS) return;
    if (user.accountType === 'app') return;
    seen.set(user.accountId, { accountId: user.accountId, displayName: user.displayName ?? user.accountId });
  };
  await forEachSnapshotIssue(snapshotDir, (issue) => {
    consider(issue.fields.reporter);
    consider(issue.fields.assignee);
    for (const history of issue.changelog?.histories ?? []) consider(history.author);
  });
  return [...seen.values()];
}

export async function snapshotDirectory(snapshotDir: string): Promise<PreviewDirectory> {
  const meta = await readSnapshotMeta(snapshotDir);
  const keys = siteProjectKeys(meta.site);
  const projects: PreviewProject[] = keys.map((key, index) => {
    const entry = meta.site.projects.find((project) => typeof project !== 'string' && project.key === key);
    const named = typeof entry === 'object' ? entry : undefined;
    const board = meta.boards.find((candidate) => candidate.location?.projectKey === key);
    const id =
      named?.id ?? (board?.location?.projectId !== undefined ? String(board.location.projectId) : undefined);
    return { key, name: named?.name ?? board?.location?.projectName ?? key, id: id ?? String(10000 + index) };
  });
  const notes: string[] = [];
  let people: PreviewPerson[];
  if (meta.permissions) {
    people = Object.entries(meta.permissions.accounts).map(([accountId, account]) => ({
      accountId,
      displayName: account.displayName ?? accountId,
      projects: account.projects,
    }));
  } else {
    people = await peopleFromIssues(snapshotDir);
    notes.push('This snapshot has no permissions.json: every person may browse every project.');
  }
  if (people.length === 0) people = [{ accountId: 'preview-viewer', displayName: 'Preview viewer' }];
  return {
    source: 'snapshot',
    siteUrl: meta.site.baseUrl.replace(/\/+$/, ''),
    people,
    defaultViewer: pickDefaultViewer(people, projects.length) ?? people[0]!.accountId,
    projects,
    boards: meta.boards.map((board) => boardOf(board, meta.sprints[String(board.id)] ?? [])),
    notes,
  };
}

/** Boards whose sprints a live site directory lists (each costs one request). */
const MAX_LIVE_BOARDS = 20;

async function getJson<S extends z.ZodType>(
  target: JiraTarget,
  path: string,
  schema: S,
): Promise<z.infer<S>> {
  const response = await target.request(path, { headers: { accept: 'application/json' } }, undefined);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}.`);
  return schema.parse(await response.json());
}

/** The directory of a real site: the API token's owner is the only viewer (a real site cannot impersonate). */
export async function siteDirectory(target: JiraTarget): Promise<PreviewDirectory> {
  const me = await getJson(target, '/rest/api/3/myself', JiraUserSchema);
  const projectPage = await getJson(target, '/rest/api/3/project/search?maxResults=50', ProjectPageSchema);
  const boardPage = await getJson(target, '/rest/agile/1.0/board?maxResults=50', BoardPageSchema);
  const boards: PreviewBoard[] = [];
  for (const [index, board] of boardPage.values.entries()) {
    let sprints: JiraSprint[] = [];
    if (index < MAX_LIVE_BOARDS && (board.type ?? 'scrum') === 'scrum') {
      sprints = (
        await getJson(target, `/rest/agile/1.0/board/${board.id}/sprint?maxResults=50`, SprintPageSchema)
      ).values;
    }
    boards.push(boardOf(board, sprints));
  }
  const accountId = me.accountId ?? 'site-user';
  return {
    source: 'site',
    siteUrl: target.baseUrl,
    people: [{ accountId, displayName: me.displayName ?? accountId }],
    defaultViewer: accountId,
    projects: projectPage.values.map((project) => ({ key: project.key, name: project.name, id: project.id })),
    boards,
    notes: [
      `Previewing ${target.baseUrl}: every Jira request runs as the API token's owner, so the viewer cannot be switched.`,
    ],
  };
}
