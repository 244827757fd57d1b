// Builds small, readable SiteData fixtures for the ownership tests: a site, its boards and sprints, and issues
// whose histories are written as "who changed what, when". Each change item gets its `from` from the issue's
// current state, so fields and changelog always agree.
// H6 (warnings): reuse it from tests/ownership/warnings/ with `import { SiteBuilder, item, person } from '../build'`.
import type {
  ChangeItem,
  JiraBoard,
  JiraField,
  JiraIssue,
  JiraSprint,
  JiraStatus,
  JiraUser,
} from '../../src/jira/schemas';
import type { SiteData } from '../../src/jira/site';
import {
  AnalysisConfigSchema,
  type AnalysisConfig,
  type AnalysisConfigInput,
} from '../../src/ownership/config';

/** Custom field ids of the fixture site (Cloud-like ids; resolved by schema.custom, as on a real site). */
export const F = {
  sprint: 'customfield_10020',
  rank: 'customfield_10019',
  storyPoints: 'customfield_10016',
  epicLink: 'customfield_10014',
  startDate: 'customfield_10015',
  targetStart: 'customfield_10022',
  targetEnd: 'customfield_10023',
  acceptanceCriteria: 'customfield_10050',
} as const;

const custom = (id: string, name: string, type: string, key: string): JiraField => ({
  id,
  key: id,
  name,
  custom: true,
  schema: { type, custom: key, customId: Number(id.replace('customfield_', '')) },
});
const system = (id: string, name: string, type: string): JiraField => ({
  id,
  key: id,
  name,
  custom: false,
  schema: { type, system: id },
});

export const FIELDS: JiraField[] = [
  system('summary', 'Summary', 'string'),
  system('description', 'Description', 'string'),
  system('status', 'Status', 'status'),
  system('assignee', 'Assignee', 'user'),
  system('priority', 'Priority', 'priority'),
  system('labels', 'Labels', 'array'),
  system('components', 'Components', 'array'),
  system('fixVersions', 'Fix versions', 'array'),
  system('duedate', 'Due date', 'date'),
  system('parent', 'Parent', 'issuelink'),
  custom(F.sprint, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint'),
  custom(F.rank, 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank'),
  custom(F.storyPoints, 'Story point estimate', 'number', 'com.pyxis.greenhopper.jira:jsw-story-points'),
  custom(F.epicLink, 'Epic Link', 'any', 'com.pyxis.greenhopper.jira:gh-epic-link'),
  custom(F.startDate, 'Start date', 'date', 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker'),
  custom(F.targetStart, 'Target start', 'date', 'com.atlassian.jpo:jpo-custom-field-baseline-start'),
  custom(F.targetEnd, 'Target end', 'date', 'com.atlassian.jpo:jpo-custom-field-baseline-end'),
  custom(
    F.acceptanceCriteria,
    'Acceptance Criteria',
    'string',
    'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
  ),
];

type Category = 'new' | 'indeterminate' | 'done';
const status = (id: string, name: string, key: Category): JiraStatus => ({
  id,
  name,
  statusCategory: { key },
});

/** Workflow of the fixture site. "Closed" is deliberately absent: the analysis must classify it by name. */
export const STATUSES: JiraStatus[] = [
  status('10000', 'To Do', 'new'),
  status('10001', 'Backlog', 'new'),
  status('10002', 'Ready for Dev', 'new'),
  status('10003', 'In Progress', 'indeterminate'),
  status('10004', 'In Review', 'indeterminate'),
  status('10005', 'Done', 'done'),
  status('10006', 'Ready for Acceptance', 'indeterminate'),
];

/** A Cloud user. */
export function person(accountId: string, displayName = accountId, extra: Partial<JiraUser> = {}): JiraUser {
  return { accountId, displayName, active: true, accountType: 'atlassian', ...extra };
}

/** A Server-era user: a `name` (and key), no accountId. */
export function serverUser(name: string, displayName = name): JiraUser {
  return { name, key: name, displayName, active: true };
}

/** An app account (Automation for Jira and the like): its changes count under "Automation". */
export const APP = person('app-automation', 'Automation for Jira', { accountType: 'app' });

/** "2026-03-02" or "2026-03-02T10:00" → Jira's timestamp format, UTC. */
export function jiraTime(when: string): string {
  const iso = when.length === 10 ? `${when}T09:00:00.000` : when.length === 16 ? `${when}:00.000` : when;
  return `${iso.replace(/Z$/, '')}+0000`;
}
export const ms = (when: string): number => Date.parse(jiraTime(when));

interface SprintSpec {
  name?: string;
  start: string;
  end: string;
  /** Set for closed sprints. */
  complete?: string;
  state?: 'future' | 'active' | 'closed';
}

/** A change to one field; `from` comes from the issue's state when the change is applied. */
export type ItemSpec =
  | { kind: 'status'; to: string }
  | { kind: 'sprint'; to: number[] }
  | { kind: 'rank' }
  | { kind: 'text'; field: TextField; to: string | null }
  | { kind: 'points'; to: number | null }
  | { kind: 'fixVersion'; to: string | null }
  | { kind: 'assignee'; to: JiraUser | null }
  | { kind: 'resolution'; to: string | null }
  | { kind: 'raw'; item: RawItem };

type TextField =
  | 'summary'
  | 'description'
  | 'duedate'
  | 'priority'
  | 'labels'
  | 'components'
  | 'startDate'
  | 'targetStart'
  | 'targetEnd'
  | 'acceptanceCriteria'
  | 'epicLink'
  | 'parent';

/** A change item as Jira writes it. `toString` is required here: TypeScript would otherwise see Object's. */
type RawItem = ChangeItem & { toString: string | null };

/** Item constructors: `issue.change('2026-03-02', alice, item.status('In Progress'), item.sprint([1]))`. */
export const item = {
  status: (to: string): ItemSpec => ({ kind: 'status', to }),
  /** The full new sprint list of the issue (Jira writes it that way). */
  sprint: (to: number[]): ItemSpec => ({ kind: 'sprint', to }),
  rank: (): ItemSpec => ({ kind: 'rank' }),
  points: (to: number | null): ItemSpec => ({ kind: 'points', to }),
  criteria: (to: string | null): ItemSpec => ({ kind: 'text', field: 'acceptanceCriteria', to }),
  summary: (to: string): ItemSpec => ({ kind: 'text', field: 'summary', to }),
  description: (to: string | null): ItemSpec => ({ kind: 'text', field: 'description', to }),
  duedate: (to: string | null): ItemSpec => ({ kind: 'text', field: 'duedate', to }),
  targetStart: (to: string | null): ItemSpec => ({ kind: 'text', field: 'targetStart', to }),
  targetEnd: (to: string | null): ItemSpec => ({ kind: 'text', field: 'targetEnd', to }),
  startDate: (to: string | null): ItemSpec => ({ kind: 'text', field: 'startDate', to }),
  priority: (to: string): ItemSpec => ({ kind: 'text', field: 'priority', to }),
  labels: (to: string): ItemSpec => ({ kind: 'text', field: 'labels', to }),
  components: (to: string): ItemSpec => ({ kind: 'text', field: 'components', to }),
  epicLink: (to: string | null): ItemSpec => ({ kind: 'text', field: 'epicLink', to }),
  /** Cloud's parent change, written by Jira as "IssueParentAssociation" without a fieldId. */
  parent: (to: string | null): ItemSpec => ({ kind: 'text', field: 'parent', to }),
  fixVersion: (to: string | null): ItemSpec => ({ kind: 'fixVersion', to }),
  assignee: (to: JiraUser | null): ItemSpec => ({ kind: 'assignee', to }),
  resolution: (to: string | null): ItemSpec => ({ kind: 'resolution', to }),
  attachment: (name: string): ItemSpec => ({
    kind: 'raw',
    item: { field: 'Attachment', fieldId: 'attachment', fieldtype: 'jira', to: '1', toString: name },
  }),
  link: (text: string): ItemSpec => ({
    kind: 'raw',
    item: { field: 'Link', fieldtype: 'jira', toString: text },
  }),
  raw: (raw: RawItem): ItemSpec => ({ kind: 'raw', item: raw }),
};

export interface IssueOptions {
  /** Issue type name; the hierarchy level follows it (Epic 1, Initiative 2, Sub-task -1, else 0). */
  type?: string;
  /** Overrides the level derived from the type; `null` leaves hierarchyLevel out (Server-era). */
  level?: number | null;
  created: string;
  /** Creator (and reporter unless given); null = created by nobody known. */
  by: JiraUser | null;
  reporter?: JiraUser | null;
  status?: string;
  assignee?: JiraUser | null;
  sprints?: number[];
  points?: number | null;
  criteria?: string | null;
  summary?: string;
  description?: string | null;
  /** Project key; by default the part of the key before the dash. */
  project?: string;
}

interface IssueState {
  status: string;
  sprints: number[];
  points: number | null;
  assignee: JiraUser | null;
  fixVersion: string | null;
  resolution: string | null;
  text: Partial<Record<TextField, string | null>>;
  rank: number;
}

const LEVELS: Record<string, number> = { epic: 1, initiative: 2, 'sub-task': -1, subtask: -1 };

export class IssueBuilder {
  private readonly state: IssueState;
  private readonly histories: NonNullable<JiraIssue['changelog']>['histories'] = [];
  private readonly comments: { id: string; author: JiraUser | null; created: string }[] = [];

  constructor(
    private readonly site: SiteBuilder,
    readonly key: string,
    private readonly options: IssueOptions,
  ) {
    this.state = {
      status: options.status ?? 'To Do',
      sprints: [...(options.sprints ?? [])],
      points: options.points ?? null,
      assignee: options.assignee ?? null,
      fixVersion: null,
      resolution: null,
      text: {
        summary: options.summary ?? `Summary of ${key}`,
        description: options.description ?? null,
        acceptanceCriteria: options.criteria ?? null,
      },
      rank: 0,
    };
  }

  /** One history: `author` made every item at `at` (null author = no author, e.g. a deleted app). */
  change(at: string, author: JiraUser | null, ...items: ItemSpec[]): this {
    const id = String(this.site.nextHistoryId());
    const built = items.map((spec) => this.apply(spec));
    const history: NonNullable<JiraIssue['changelog']>['histories'][number] = {
      id,
      created: jiraTime(at),
      items: built,
    };
    if (author !== null) history.author = this.site.user(author);
    this.histories.push(history);
    return this;
  }

  comment(at: string, author: JiraUser | null, id = String(this.site.nextHistoryId())): this {
    this.comments.push({ id, author, created: jiraTime(at) });
    return this;
  }

  private apply(spec: ItemSpec): RawItem {
    const server = this.site.serverEra;
    const withId = (fieldId: string, item: RawItem): RawItem => (server ? item : { ...item, fieldId });
    const s = this.state;
    switch (spec.kind) {
      case 'status': {
        const from = statusOf(s.status);
        const to = statusOf(spec.to);
        s.status = spec.to;
        return withId('status', {
          field: 'status',
          fieldtype: 'jira',
          from: from.id,
          fromString: from.name,
          to: to.id,
          toString: to.name,
        });
      }
      case 'sprint': {
        const names = (ids: number[]) => ids.map((id) => this.site.sprintName(id)).join(', ');
        const item = withId(F.sprint, {
          field: 'Sprint',
          fieldtype: 'custom',
          from: s.sprints.join(', ') || null,
          fromString: names(s.sprints) || null,
          to: spec.to.join(', ') || null,
          toString: names(spec.to) || null,
        });
        s.sprints = [...spec.to];
        return item;
      }
      case 'rank':
        s.rank += 1;
        return withId(F.rank, {
          field: 'Rank',
          fieldtype: 'custom',
          from: '',
          fromString: '',
          to: '',
          toString: `Ranked higher (${s.rank})`,
        });
      case 'points': {
        const item = withId(F.storyPoints, {
          field: 'Story point estimate',
          fieldtype: 'custom',
          from: null,
          fromString: s.points === null ? null : String(s.points),
          to: null,
          toString: spec.to === null ? null : String(spec.to),
        });
        s.points = spec.to;
        return item;
      }
      case 'fixVersion': {
        const item = withId('fixVersions', {
          field: 'Fix Version',
          fieldtype: 'jira',
          from: s.fixVersion === null ? null : `v-${s.fixVersion}`,
          fromString: s.fixVersion,
          to: spec.to === null ? null : `v-${spec.to}`,
          toString: spec.to,
        });
        s.fixVersion = spec.to;
        return item;
      }
      case 'resolution': {
        const item = withId('resolution', {
          field: 'resolution',
          fieldtype: 'jira',
          from: s.resolution === null ? null : '1',
          fromString: s.resolution,
          to: spec.to === null ? null : '1',
          toString: spec.to,
        });
        s.resolution = spec.to;
        return item;
      }
      case 'assignee': {
        const idOf = (u: JiraUser | null) => (u === null ? null : (u.accountId ?? u.key ?? u.name ?? null));
        const item = withId('assignee', {
          field: 'assignee',
          fieldtype: 'jira',
          from: idOf(s.assignee),
          fromString: s.assignee?.displayName ?? null,
          to: idOf(spec.to),
          toString: spec.to?.displayName ?? null,
        });
        s.assignee = spec.to;
        return item;
      }
      case 'text': {
        const from = s.text[spec.field] ?? null;
        s.text[spec.field] = spec.to;
        const meta = TEXT_FIELDS[spec.field];
        const item: RawItem = {
          field: meta.name,
          fieldtype: meta.custom ? 'custom' : 'jira',
          from: meta.valueIsId ? from : null,
          fromString: from,
          to: meta.valueIsId ? spec.to : null,
          toString: spec.to,
        };
        return meta.fieldId === undefined ? item : withId(meta.fieldId, item);
      }
      case 'raw':
        return { ...spec.item };
    }
  }

  build(): JiraIssue {
    const o = this.options;
    const type = o.type ?? 'Story';
    const derivedLevel = LEVELS[type.toLowerCase()] ?? 0;
    const level = o.level === undefined ? derivedLevel : o.level;
    const issuetype: JiraIssue['fields']['issuetype'] = { name: type, subtask: derivedLevel === -1 };
    if (level !== null) issuetype.hierarchyLevel = level;
    const current = statusOf(this.state.status);
    const creator = o.by === null ? null : this.site.user(o.by);
    const reporter =
      o.reporter === undefined ? creator : o.reporter === null ? null : this.site.user(o.reporter);
    const t = this.state.text;
    const fields: JiraIssue['fields'] = {
      summary: t.summary ?? '',
      description: t.description ?? null,
      issuetype,
      status: { id: current.id, name: current.name, statusCategory: { key: current.category } },
      project: { key: o.project ?? this.key.split('-')[0] ?? 'P' },
      created: jiraTime(o.created),
      assignee: this.state.assignee === null ? null : this.site.user(this.state.assignee),
      reporter,
      creator,
      duedate: t.duedate ?? null,
      fixVersions: this.state.fixVersion === null ? [] : [{ name: this.state.fixVersion }],
      comment: {
        comments: this.comments.map((c) => ({
          id: c.id,
          created: c.created,
          ...(c.author === null ? {} : { author: this.site.user(c.author) }),
        })),
      },
    };
    if (!this.site.serverEra) {
      fields[F.sprint] = this.state.sprints.map((id) => this.site.sprintField(id));
    } else if (this.state.sprints.length > 0) {
      fields[F.sprint] = this.state.sprints.map((id) => this.site.serverSprintString(id));
    }
    fields[F.storyPoints] = this.state.points;
    fields[F.acceptanceCriteria] = t.acceptanceCriteria ?? null;
    if (t.targetEnd) fields[F.targetEnd] = t.targetEnd;
    return {
      id: String(10000 + this.site.indexOf(this)),
      key: this.key,
      fields,
      changelog: { histories: this.histories, total: this.histories.length },
    };
  }
}

const TEXT_FIELDS: Record<
  TextField,
  { name: string; fieldId?: string; custom?: boolean; valueIsId?: boolean }
> = {
  summary: { name: 'summary', fieldId: 'summary' },
  description: { name: 'description', fieldId: 'description' },
  duedate: { name: 'duedate', fieldId: 'duedate', valueIsId: true },
  priority: { name: 'priority', fieldId: 'priority', valueIsId: true },
  labels: { name: 'labels', fieldId: 'labels' },
  components: { name: 'Component', fieldId: 'components', valueIsId: true },
  startDate: { name: 'Start date', fieldId: F.startDate, custom: true, valueIsId: true },
  targetStart: { name: 'Target start', fieldId: F.targetStart, custom: true, valueIsId: true },
  targetEnd: { name: 'Target end', fieldId: F.targetEnd, custom: true, valueIsId: true },
  acceptanceCriteria: { name: 'Acceptance Criteria', fieldId: F.acceptanceCriteria, custom: true },
  epicLink: { name: 'Epic Link', fieldId: F.epicLink, custom: true, valueIsId: true },
  // Jira writes parent changes without a fieldId, under this internal name.
  parent: { name: 'IssueParentAssociation', valueIsId: true },
};

function statusOf(name: string): { id: string; name: string; category: Category } {
  const known = STATUSES.find((s) => s.name === name);
  if (known) return { id: known.id, name, category: known.statusCategory.key as Category };
  const lower = name.toLowerCase();
  const category: Category = ['closed', 'resolved', 'done'].includes(lower)
    ? 'done'
    : ['open', 'reopened', 'to do', 'backlog'].includes(lower)
      ? 'new'
      : 'indeterminate';
  return { id: `x-${lower.replace(/\s+/g, '-')}`, name, category };
}

export class SiteBuilder {
  readonly serverEra: boolean;
  private historyId = 1000;
  private readonly boards: JiraBoard[] = [];
  private readonly sprints = new Map<number, { boardId: number; sprint: JiraSprint }>();
  private readonly issues: IssueBuilder[] = [];

  /** serverEra: no accountId on users, no fieldId on change items, sprints as Server strings. */
  constructor(options: { serverEra?: boolean } = {}) {
    this.serverEra = options.serverEra ?? false;
  }

  board(id: number, name: string, projectKey = 'P'): this {
    this.boards.push({ id, name, type: 'scrum', location: { projectKey } });
    return this;
  }

  sprint(boardId: number, id: number, spec: SprintSpec): this {
    const state = spec.state ?? (spec.complete ? 'closed' : 'active');
    const sprint: JiraSprint = {
      id,
      name: spec.name ?? `Sprint ${id}`,
      state,
      startDate: jiraTimeIso(spec.start),
      endDate: jiraTimeIso(spec.end),
      originBoardId: boardId,
    };
    if (spec.complete) sprint.completeDate = jiraTimeIso(spec.complete);
    this.sprints.set(id, { boardId, sprint });
    return this;
  }

  issue(key: string, options: IssueOptions): IssueBuilder {
    const builder = new IssueBuilder(this, key, options);
    this.issues.push(builder);
    return builder;
  }

  build(): SiteData {
    const sprints: Record<string, JiraSprint[]> = {};
    for (const { boardId, sprint } of this.sprints.values()) {
      (sprints[String(boardId)] ??= []).push(sprint);
    }
    return {
      baseUrl: 'https://example.atlassian.net',
      fields: FIELDS.map((f) => ({ ...f })),
      statuses: STATUSES.map((s) => ({ ...s })),
      issues: this.issues.map((i) => i.build()),
      boards: this.boards.map((b) => ({ ...b })),
      sprints,
      gaps: [],
    };
  }

  /** @internal */
  nextHistoryId(): number {
    this.historyId += 1;
    return this.historyId;
  }

  /** @internal The user as Jira would embed it (Server-era: no accountId, no accountType). */
  user(u: JiraUser): JiraUser {
    if (!this.serverEra) return { ...u };
    const name = u.name ?? u.accountId ?? 'unknown';
    return { name, key: u.key ?? name, displayName: u.displayName ?? name, active: u.active ?? true };
  }

  /** @internal */
  indexOf(issue: IssueBuilder): number {
    return this.issues.indexOf(issue);
  }

  /** @internal */
  sprintName(id: number): string {
    return this.sprints.get(id)?.sprint.name ?? `Sprint ${id}`;
  }

  /** @internal Cloud's Sprint field value. */
  sprintField(id: number): Record<string, unknown> {
    const entry = this.sprints.get(id);
    if (!entry) return { id, name: `Sprint ${id}`, state: 'future', boardId: 0 };
    const { sprint, boardId } = entry;
    return { ...sprint, boardId };
  }

  /** @internal Server's Sprint field value: a toString() of the sprint bean. */
  serverSprintString(id: number): string {
    const entry = this.sprints.get(id);
    const s = entry?.sprint;
    return (
      `com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=${id},rapidViewId=${entry?.boardId ?? ''},` +
      `state=${(s?.state ?? 'FUTURE').toUpperCase()},name=${s?.name ?? `Sprint ${id}`},` +
      `startDate=${s?.startDate ?? '<null>'},endDate=${s?.endDate ?? '<null>'},` +
      `completeDate=${s?.completeDate ?? '<null>'},sequence=${id}]`
    );
  }
}

/** Agile API dates are ISO with Z. */
function jiraTimeIso(when: string): string {
  return new Date(ms(when)).toISOString();
}

/** A valid config over project P (and whatever else you pass). */
export function config(input: Partial<AnalysisConfigInput> = {}): AnalysisConfig {
  return AnalysisConfigSchema.parse({ scope: { projects: ['P'] }, ...input });
}
