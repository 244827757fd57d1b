// Reads a site snapshot folder (raw Jira REST responses, see docs/snapshot.md) and validates every file.
// Issues are streamed line by line so a bench snapshot (50k issues, 1M histories) never sits in one string.
import { LOCAL_APP_ACCOUNT_ID } from '../../src/jira/transport/forge-fetch';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import {
  BoardSchema,
  FieldListSchema,
  IssueSchema,
  SprintSchema,
  StatusListSchema,
  type JiraBoard,
  type JiraField,
  type JiraIssue,
  type JiraSprint,
  type JiraStatus,
} from '../../src/jira/schemas';
import { SiteInfoSchema, type DataGap, type SiteData, type SiteInfo } from '../../src/jira/site';
import { parseJiraTime } from '../../src/ownership/normalise/time';
import { parseSnapshotJson } from './json';

/**
 * The account that acts as the site admin, browsing every project whatever permissions.json says. The local Jira
 * server answers as it only when a request names it (`x-acting-account-id: local-site-admin`); a request that
 * names no account is anonymous there, as on Jira Cloud.
 */
export const SITE_ADMIN_ACCOUNT_ID = 'local-site-admin';
export { LOCAL_APP_ACCOUNT_ID };

/**
 * permissions.json: which projects each account may browse and which issue security levels (ids) it holds.
 * Absent file = everyone sees everything.
 */
export const SnapshotPermissionsSchema = z.looseObject({
  accounts: z.record(
    z.string().min(1, { error: 'an account id cannot be empty' }),
    z.looseObject({
      displayName: z.string().optional(),
      projects: z.array(z.string()),
      securityLevels: z.array(z.string()).optional(),
    }),
  ),
});
export type SnapshotPermissions = z.infer<typeof SnapshotPermissionsSchema>;

/**
 * A sprint date as the analysis reads it (parseJiraTime): a snapshot's sprints are checked when it is read, so an
 * unreadable date is named with its file instead of quietly making a sprint that never started.
 */
const SprintDateSchema = z.string().refine((text) => Number.isFinite(parseJiraTime(text)), {
  error: 'not a date-time such as 2025-03-01T12:00:00.000Z',
});

/** A sprint of sprints.json: the agile API's sprint, with dates the analysis can read. */
const SnapshotSprintSchema = SprintSchema.extend({
  startDate: SprintDateSchema.optional(),
  endDate: SprintDateSchema.optional(),
  completeDate: SprintDateSchema.optional(),
  createdDate: SprintDateSchema.optional(),
});

export const BoardListSchema = z.array(BoardSchema);
export const SprintsByBoardSchema = z.record(
  z.string().regex(/^\d+$/, { error: 'not a board id (sprints.json is keyed by board id, e.g. "12")' }),
  z.array(SnapshotSprintSchema),
);

/** Everything in a snapshot folder except the issues. */
export interface SnapshotMeta {
  site: SiteInfo;
  fields: JiraField[];
  statuses: JiraStatus[];
  boards: JiraBoard[];
  /** Sprints by board id (string key, as in sprints.json). */
  sprints: Record<string, JiraSprint[]>;
  permissions?: SnapshotPermissions;
}

export interface Snapshot extends SnapshotMeta {
  issues: JiraIssue[];
}

/** A snapshot file that cannot be read; the message names the file (and the line for issues.ndjson). */
export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

export const SNAPSHOT_FILES = {
  site: 'site.json',
  fields: 'fields.json',
  statuses: 'statuses.json',
  issues: 'issues.ndjson',
  boards: 'boards.json',
  sprints: 'sprints.json',
  permissions: 'permissions.json',
} as const;

/** Where in a document: `recordedAt`, `[3].name`, `12[0].startDate`, `accounts[""]`; the top level has no path. */
function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      const name = String(part);
      // A key that would not read as a name (empty, or holding a dot) is quoted.
      if (name === '' || name.includes('.')) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

/** Describes a zod failure in one sentence: where in the document and what was wrong (at most three places). */
function describeZodError(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((issue) => {
    // A bad record key says only "Invalid key in record"; what is wrong with the key is one level down.
    const message =
      issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    return `${describePath(issue.path)}: ${message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '';
  return first.join('; ') + more;
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function readJsonFile<T extends z.ZodType>(
  dir: string,
  name: string,
  schema: T,
  what: string,
): Promise<z.infer<T>> {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SnapshotError(`${file}: the snapshot has no ${name} (${what}).`, file);
  }
  let json: unknown;
  try {
    json = parseSnapshotJson(text);
  } catch (error) {
    throw new SnapshotError(`${file}: not valid JSON (${(error as Error).message}).`, file);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new SnapshotError(
      `${file}: ${describeZodError(parsed.error)}. The file should hold ${what}; correct it, or record the snapshot again.`,
      file,
    );
  }
  return parsed.data;
}

/** Reads every file of the snapshot except issues.ndjson. boards.json, sprints.json and permissions.json are optional. */
export async function readSnapshotMeta(dir: string): Promise<SnapshotMeta> {
  const site = await readJsonFile(
    dir,
    SNAPSHOT_FILES.site,
    SiteInfoSchema,
    'site.json {baseUrl, recordedAt, projects}',
  );
  const fields = await readJsonFile(
    dir,
    SNAPSHOT_FILES.fields,
    FieldListSchema,
    'the GET /rest/api/3/field list',
  );
  const statuses = await readJsonFile(
    dir,
    SNAPSHOT_FILES.statuses,
    StatusListSchema,
    'the GET /rest/api/3/status list',
  );
  const boards = (await exists(path.join(dir, SNAPSHOT_FILES.boards)))
    ? await readJsonFile(dir, SNAPSHOT_FILES.boards, BoardListSchema, 'a list of agile boards')
    : [];
  const sprints = (await exists(path.join(dir, SNAPSHOT_FILES.sprints)))
    ? await readJsonFile(dir, SNAPSHOT_FILES.sprints, SprintsByBoardSchema, 'sprints by board id')
    : {};
  const permissions = (await exists(path.join(dir, SNAPSHOT_FILES.permissions)))
    ? await readJsonFile(
        dir,
        SNAPSHOT_FILES.permissions,
        SnapshotPermissionsSchema,
        'permissions {"accounts": {"<accountId>": {"projects": [...], "securityLevels": [...]}}}',
      )
    : undefined;
  return { site, fields, statuses, boards, sprints, ...(permissions ? { permissions } : {}) };
}

/**
 * Streams issues.ndjson, validating each line, and calls `onIssue` in file order.
 * Blank lines are skipped; a duplicate issue key or id is an error naming both lines. Returns the issue count.
 */
export async function forEachSnapshotIssue(
  dir: string,
  onIssue: (issue: JiraIssue, line: number) => void,
): Promise<number> {
  const file = path.join(dir, SNAPSHOT_FILES.issues);
  if (!(await exists(file))) {
    throw new SnapshotError(`${file}: the snapshot has no issues.ndjson (one issue per line).`, file);
  }
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const lineOfKey = new Map<string, number>();
  const lineOfId = new Map<string, number>();
  let lineNumber = 0;
  let count = 0;
  for await (const text of lines) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = parseSnapshotJson(text);
    } catch (error) {
      lines.close();
      throw new SnapshotError(
        `${file} line ${lineNumber}: not valid JSON (${(error as Error).message}).`,
        file,
        lineNumber,
      );
    }
    const parsed = IssueSchema.safeParse(json);
    if (!parsed.success) {
      lines.close();
      const key = typeof json === 'object' && json !== null && 'key' in json ? ` (${String(json.key)})` : '';
      throw new SnapshotError(
        `${file} line ${lineNumber}${key}: not a Jira issue: ${describeZodError(parsed.error)}.`,
        file,
        lineNumber,
      );
    }
    const issue = parsed.data;
    const earlier = lineOfKey.get(issue.key) ?? lineOfId.get(issue.id);
    if (earlier !== undefined) {
      lines.close();
      throw new SnapshotError(
        `${file} line ${lineNumber}: issue ${issue.key} (id ${issue.id}) is already on line ${earlier}.`,
        file,
        lineNumber,
      );
    }
    lineOfKey.set(issue.key, lineNumber);
    lineOfId.set(issue.id, lineNumber);
    onIssue(issue, lineNumber);
    count += 1;
  }
  return count;
}

/** Reads and validates a whole snapshot folder into memory. */
export async function readSnapshot(dir: string): Promise<Snapshot> {
  const meta = await readSnapshotMeta(dir);
  const issues: JiraIssue[] = [];
  await forEachSnapshotIssue(dir, (issue) => issues.push(issue));
  return { ...meta, issues };
}

/** The project keys site.json lists (entries may be plain keys or {key, name, id}). */
export function siteProjectKeys(site: SiteInfo): string[] {
  return site.projects.map((project) => (typeof project === 'string' ? project : project.key));
}

/** What permissions.json grants one account: the projects it may browse and the security levels it holds. */
export interface AccountGrants {
  projects: ReadonlySet<string>;
  securityLevels: ReadonlySet<string>;
}

/**
 * What an account may see; undefined = everything (no permissions.json, the site admin, or, for
 * snapshotToSiteData, no account named: the whole snapshot).
 */
export function accountGrants(
  permissions: SnapshotPermissions | undefined,
  accountId: string | undefined,
): AccountGrants | undefined {
  if (!permissions || accountId === undefined || accountId === SITE_ADMIN_ACCOUNT_ID) return undefined;
  const listed = permissions.accounts[accountId];
  // The app's own user (asApp) is granted every project by Jira's add-on project role unless a site takes it away:
  // it sees everything unless permissions.json lists it.
  if (listed === undefined && accountId === LOCAL_APP_ACCOUNT_ID) return undefined;
  return { projects: new Set(listed?.projects ?? []), securityLevels: new Set(listed?.securityLevels ?? []) };
}

/** Whether the grants let one browse a project (undefined grants: everything). */
export function mayBrowse(grants: AccountGrants | undefined, projectKey: string): boolean {
  return grants === undefined || grants.projects.has(projectKey);
}

/**
 * Whether the grants let one see an issue, as Jira decides it: browse its project and, when the issue has a
 * security level, hold that level.
 */
export function maySeeIssue(
  grants: AccountGrants | undefined,
  issue: { projectKey: string; securityLevelId: string | undefined },
): boolean {
  if (grants === undefined) return true;
  if (!grants.projects.has(issue.projectKey)) return false;
  return issue.securityLevelId === undefined || grants.securityLevels.has(issue.securityLevelId);
}

/**
 * The snapshot as the fetch stage would hand it to the analysis (tests that want data without HTTP).
 * With `accountId`, applies permissions.json like the server does: issues the account may not see (hidden project
 * or a security level it does not hold) and hidden projects' boards are left out, and each hidden project of
 * site.json becomes a `no-access` gap. A secured issue leaves no gap: Jira does not tell it exists.
 */
export function snapshotToSiteData(s: Snapshot, options: { accountId?: string } = {}): SiteData {
  const grants = accountGrants(s.permissions, options.accountId);
  const gaps: DataGap[] = siteProjectKeys(s.site)
    .filter((key) => !mayBrowse(grants, key))
    .map((key) => ({ kind: 'no-access', message: `You cannot browse project ${key}.`, project: key }));
  const boards = s.boards.filter(
    (board) => board.location?.projectKey === undefined || mayBrowse(grants, board.location.projectKey),
  );
  const sprints: Record<string, JiraSprint[]> = {};
  for (const board of boards) {
    const list = s.sprints[String(board.id)];
    if (list) sprints[String(board.id)] = list;
  }
  if (grants === undefined) Object.assign(sprints, s.sprints);
  return {
    baseUrl: s.site.baseUrl,
    fields: s.fields,
    statuses: s.statuses,
    issues: s.issues.filter((issue) =>
      maySeeIssue(grants, {
        projectKey: issue.fields.project.key,
        securityLevelId: issue.fields.security?.id,
      }),
    ),
    boards,
    sprints,
    gaps,
  };
}
