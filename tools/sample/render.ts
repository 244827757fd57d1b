// Turns a simulated issue into what GET /rest/api/3/issue/{key}?expand=changelog returns on Jira Cloud:
// current field values, and every save as a changelog history with Cloud's item shapes (fieldId, the
// IssueParentAssociation quirk, comma-separated sprint ids, "Ranked higher", no author for automation).
import type { JiraIssue } from '../../src/jira/schemas';
import { isoDate, jiraTime } from './calendar';
import {
  FIELD,
  FIELD_NAME,
  issueTypeJson,
  priorityJson,
  type PriorityName,
  RESOLUTION_DONE,
  STATUSES,
  statusJson,
  type StatusKey,
} from './catalogue';
import { type Person, userJson } from './people';
import type { PlannedIssue } from './plan';
import type { ProjectSpec, SiteSpec, VersionSpec } from './spec';
import { type SprintPlan, sprintFieldJson } from './sprints';
import { adf } from './texts';
import type { Change, DateField, IssueGlance, IssueSimulation } from './timeline';

export interface RenderContext {
  spec: SiteSpec;
  plans: PlannedIssue[];
  /** Current summary/status/priority of another issue (a parent, a subtask). */
  glanceOf(index: number): IssueGlance;
}

type Item = {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
  tmpFromAccountId?: string | null;
  tmpToAccountId?: string | null;
};

interface State {
  status: StatusKey;
  statusChangedAt: number;
  resolvedAt: number | null;
  summary: string;
  description: string;
  priority: PriorityName;
  labels: string[];
  components: { id: string; name: string }[];
  fixVersions: VersionSpec[];
  dates: Record<DateField, string | null>;
  parent: number | undefined;
  points: number | null;
  criteria: string | null;
  assignee: Person | null;
  decoy: string | null;
  segment: { id: string; name: string } | null;
  sprints: SprintPlan[];
}

const DATE_FIELD: Record<DateField, { field: string; fieldtype: 'jira' | 'custom'; fieldId: string }> = {
  duedate: { field: 'duedate', fieldtype: 'jira', fieldId: 'duedate' },
  targetStart: { field: FIELD_NAME.targetStart, fieldtype: 'custom', fieldId: FIELD.targetStart },
  targetEnd: { field: FIELD_NAME.targetEnd, fieldtype: 'custom', fieldId: FIELD.targetEnd },
};

function sprintList(sprints: SprintPlan[]) {
  return {
    ids: sprints.length ? sprints.map((s) => String(s.id)).join(', ') : '',
    names: sprints.length ? sprints.map((s) => s.name).join(', ') : '',
  };
}

/** Applies one change to the state and returns the changelog items Jira records for it. */
function apply(state: State, change: Change, at: number, plans: PlannedIssue[]): Item[] {
  switch (change.kind) {
    case 'status': {
      const from = STATUSES[state.status];
      const to = STATUSES[change.to];
      const items: Item[] = [];
      if (change.to === 'done' && state.status !== 'done') {
        items.push(
          item('resolution', 'jira', 'resolution', null, null, RESOLUTION_DONE.id, RESOLUTION_DONE.name),
        );
        state.resolvedAt = at;
      } else if (change.to !== 'done' && state.status === 'done') {
        items.push(
          item('resolution', 'jira', 'resolution', RESOLUTION_DONE.id, RESOLUTION_DONE.name, null, null),
        );
        state.resolvedAt = null;
      }
      items.push(item('status', 'jira', 'status', from.id, from.name, to.id, to.name));
      if (STATUSES[change.to].category !== from.category) state.statusChangedAt = at;
      state.status = change.to;
      return items;
    }
    case 'sprintAdd': {
      const before = sprintList(state.sprints);
      state.sprints = [...state.sprints, change.sprint];
      const after = sprintList(state.sprints);
      return [
        item(FIELD_NAME.sprint, 'custom', FIELD.sprint, before.ids, before.names, after.ids, after.names),
      ];
    }
    case 'rank':
      return [
        item(
          FIELD_NAME.rank,
          'custom',
          FIELD.rank,
          '',
          '',
          '',
          change.higher ? 'Ranked higher' : 'Ranked lower',
        ),
      ];
    case 'priority': {
      const from = priorityJson('', state.priority);
      const to = priorityJson('', change.to);
      state.priority = change.to;
      return [item('priority', 'jira', 'priority', from.id, from.name, to.id, to.name)];
    }
    case 'summary': {
      const from = state.summary;
      state.summary = change.to;
      return [item('summary', 'jira', 'summary', null, from, null, change.to)];
    }
    case 'description': {
      const from = state.description;
      state.description = change.to;
      return [item('description', 'jira', 'description', null, from, null, change.to)];
    }
    case 'labelAdd': {
      const from = state.labels.join(' ');
      if (!state.labels.includes(change.label)) state.labels = [...state.labels, change.label].sort();
      return [item('labels', 'jira', 'labels', null, from, null, state.labels.join(' '))];
    }
    case 'component':
      if (state.components.some((c) => c.id === change.component.id)) return [];
      state.components = [...state.components, change.component];
      return [
        item('Component', 'jira', 'components', null, null, change.component.id, change.component.name),
      ];
    case 'fixVersion':
      if (state.fixVersions.some((v) => v.id === change.version.id)) return [];
      state.fixVersions = [...state.fixVersions, change.version];
      return [item('Fix Version', 'jira', 'fixVersions', null, null, change.version.id, change.version.name)];
    case 'date': {
      const f = DATE_FIELD[change.field];
      const from = state.dates[change.field];
      state.dates[change.field] = change.to;
      // Jira writes a due date's strings with a time part; the Advanced Roadmaps dates are plain.
      const text = (d: string | null) => (d && change.field === 'duedate' ? `${d} 00:00:00.0` : d);
      return [item(f.field, f.fieldtype, f.fieldId, from, text(from), change.to, text(change.to))];
    }
    case 'parent': {
      const from = state.parent !== undefined ? plans[state.parent] : undefined;
      const to = plans[change.parent] as PlannedIssue;
      state.parent = change.parent;
      // Cloud records a new parent as "IssueParentAssociation" without a fieldId on many histories.
      return change.style === 'association'
        ? [
            item(
              'IssueParentAssociation',
              'jira',
              undefined,
              from?.id ?? null,
              from?.key ?? null,
              to.id,
              to.key,
            ),
          ]
        : [item('Parent', 'jira', 'parent', from?.id ?? null, from?.key ?? null, to.id, to.key)];
    }
    case 'points': {
      const from = state.points;
      state.points = change.to;
      return [
        item(
          FIELD_NAME.storyPoints,
          'custom',
          FIELD.storyPoints,
          null,
          from === null ? null : String(from),
          null,
          String(change.to),
        ),
      ];
    }
    case 'criteria': {
      const from = state.criteria;
      state.criteria = change.to;
      return [
        item(FIELD_NAME.acceptanceCriteria, 'custom', FIELD.acceptanceCriteria, null, from, null, change.to),
      ];
    }
    case 'assignee': {
      const from = state.assignee;
      state.assignee = change.to;
      return [
        {
          ...item(
            'assignee',
            'jira',
            'assignee',
            from?.accountId ?? null,
            from?.displayName ?? null,
            change.to?.accountId ?? null,
            change.to?.displayName ?? null,
          ),
          tmpFromAccountId: from?.accountId ?? null,
          tmpToAccountId: change.to?.accountId ?? null,
        },
      ];
    }
    case 'decoyPoints': {
      const from = state.decoy;
      state.decoy = change.to;
      return [
        item(FIELD_NAME.storyPointsDecoy, 'custom', FIELD.storyPointsDecoy, null, from, null, change.to),
      ];
    }
    case 'segment': {
      const from = state.segment;
      state.segment = change.to;
      return [
        item(
          FIELD_NAME.customerSegment,
          'custom',
          FIELD.customerSegment,
          from?.id ?? null,
          from?.name ?? null,
          change.to.id,
          change.to.name,
        ),
      ];
    }
  }
}

function item(
  field: string,
  fieldtype: 'jira' | 'custom',
  fieldId: string | undefined,
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
): Item {
  return { field, fieldtype, ...(fieldId ? { fieldId } : {}), from, fromString, to, toString };
}

function projectJson(baseUrl: string, p: ProjectSpec) {
  return {
    self: `${baseUrl}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    projectTypeKey: 'software',
    simplified: false,
    avatarUrls: { '48x48': `${baseUrl}/images/project-avatar-48.png` },
  };
}

export function versionJson(baseUrl: string, v: VersionSpec, recordedAt: number) {
  return {
    self: `${baseUrl}/rest/api/3/version/${v.id}`,
    id: v.id,
    description: '',
    name: v.name,
    archived: false,
    released: v.releaseDate < isoDate(recordedAt),
    releaseDate: v.releaseDate,
  };
}

/** Renders the issue; also returns how many histories it has (for the writer's totals). */
export function renderIssue(
  ctx: RenderContext,
  sim: IssueSimulation,
): { issue: JiraIssue; histories: number } {
  const { spec, plans } = ctx;
  const base = spec.baseUrl;
  const plan = sim.plan;
  const state: State = {
    status: 'todo',
    statusChangedAt: plan.created,
    resolvedAt: null,
    summary: sim.initial.summary,
    description: sim.initial.description,
    priority: sim.initial.priority,
    labels: [],
    components: [],
    fixVersions: [],
    dates: { duedate: null, targetStart: null, targetEnd: null },
    parent: sim.initial.parent,
    points: null,
    criteria: null,
    assignee: null,
    decoy: null,
    segment: null,
    sprints: [],
  };
  const histories = sim.intents.map((intent, i) => {
    const items = intent.changes.flatMap((c) => apply(state, c, intent.at, plans));
    return {
      id: String(100000 + plan.index * 1000 + i),
      ...(intent.author ? { author: userJson(intent.author) } : {}),
      created: jiraTime(intent.at),
      items,
    };
  });
  const comments = sim.comments.map((c, i) => ({
    self: `${base}/rest/api/3/issue/${plan.id}/comment/${200000 + plan.index * 100 + i}`,
    id: String(200000 + plan.index * 100 + i),
    author: userJson(c.author),
    body: adf(c.text),
    updateAuthor: userJson(c.author),
    created: jiraTime(c.at),
    updated: jiraTime(c.at),
  }));
  const lastAt = Math.max(plan.created, sim.intents.at(-1)?.at ?? 0, sim.comments.at(-1)?.at ?? 0);
  const glanceJson = (index: number) => {
    const other = plans[index] as PlannedIssue;
    const g = ctx.glanceOf(index);
    return {
      id: other.id,
      key: other.key,
      self: `${base}/rest/api/3/issue/${other.id}`,
      fields: {
        summary: g.summary,
        status: statusJson(base, g.status),
        priority: priorityJson(base, g.priority),
        issuetype: issueTypeJson(base, other.type),
      },
    };
  };
  const creator = userJson(sim.initial.creator);
  const secured =
    spec.scenarios.securedIssue?.key === plan.key ? spec.scenarios.securedIssue.level : undefined;
  const fields = {
    statuscategorychangedate: jiraTime(state.statusChangedAt),
    issuetype: issueTypeJson(base, sim.type),
    ...(state.parent !== undefined ? { parent: glanceJson(state.parent) } : {}),
    project: projectJson(base, plan.squad.project),
    fixVersions: state.fixVersions.map((v) => versionJson(base, v, spec.recordedAt)),
    resolution:
      state.status === 'done'
        ? { self: `${base}/rest/api/3/resolution/${RESOLUTION_DONE.id}`, ...RESOLUTION_DONE }
        : null,
    resolutiondate: state.resolvedAt !== null ? jiraTime(state.resolvedAt) : null,
    created: jiraTime(plan.created),
    [FIELD.storyPoints]: state.points,
    [FIELD.rank]: `0|i${plan.index.toString(36).padStart(5, '0')}:`,
    [FIELD.sprint]: state.sprints.length
      ? state.sprints.map((s) => sprintFieldJson(s, spec.recordedAt))
      : null,
    [FIELD.targetStart]: state.dates.targetStart,
    [FIELD.targetEnd]: state.dates.targetEnd,
    [FIELD.storyPointsDecoy]: state.decoy,
    [FIELD.acceptanceCriteria]: state.criteria !== null ? adf(state.criteria) : null,
    [FIELD.customerSegment]: state.segment
      ? {
          self: `${base}/rest/api/3/customFieldOption/${state.segment.id}`,
          value: state.segment.name,
          id: state.segment.id,
        }
      : null,
    priority: priorityJson(base, state.priority),
    labels: state.labels,
    assignee: state.assignee ? userJson(state.assignee) : null,
    updated: jiraTime(lastAt),
    status: statusJson(base, state.status),
    components: state.components.map((c) => ({ self: `${base}/rest/api/3/component/${c.id}`, ...c })),
    description: adf(state.description),
    summary: state.summary,
    creator,
    subtasks: plan.subtasks.map(glanceJson),
    reporter: creator,
    duedate: state.dates.duedate,
    comment: {
      comments,
      self: `${base}/rest/api/3/issue/${plan.id}/comment`,
      maxResults: comments.length,
      total: comments.length,
      startAt: 0,
    },
    // Last, so that adding the scenario left every other field of the sample where it was.
    ...(secured ? { security: { self: `${base}/rest/api/3/securitylevel/${secured.id}`, ...secured } } : {}),
  };
  const issue: JiraIssue = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: plan.id,
    self: `${base}/rest/api/3/issue/${plan.id}`,
    key: plan.key,
    fields,
    changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
  };
  return { issue, histories: histories.length };
}
