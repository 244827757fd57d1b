// The fixed parts of a generated Jira Cloud site: statuses, issue types, priorities and the field list,
// shaped as GET /rest/api/3/status and GET /rest/api/3/field return them.
import type { JiraField, JiraStatus } from '../../src/jira/schemas';

export type StatusKey = 'todo' | 'ready' | 'inProgress' | 'inReview' | 'done';
type CategoryKey = 'new' | 'indeterminate' | 'done';

const CATEGORIES: Record<CategoryKey, { id: number; key: CategoryKey; colorName: string; name: string }> = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

export const STATUSES: Record<StatusKey, { id: string; name: string; category: CategoryKey }> = {
  todo: { id: '10000', name: 'To Do', category: 'new' },
  ready: { id: '10001', name: 'Ready', category: 'new' },
  inProgress: { id: '3', name: 'In Progress', category: 'indeterminate' },
  inReview: { id: '10002', name: 'In Review', category: 'indeterminate' },
  done: { id: '10003', name: 'Done', category: 'done' },
};

export const RESOLUTION_DONE = {
  id: '10000',
  name: 'Done',
  description: 'Work has been completed on this issue.',
};

export function statusCategoryJson(baseUrl: string, key: CategoryKey) {
  const c = CATEGORIES[key];
  return { self: `${baseUrl}/rest/api/3/statuscategory/${c.id}`, ...c };
}

/** The status as it sits in an issue's fields (and in the status list). */
export function statusJson(baseUrl: string, key: StatusKey) {
  const s = STATUSES[key];
  return {
    self: `${baseUrl}/rest/api/3/status/${s.id}`,
    iconUrl: `${baseUrl}/images/icons/statuses/generic.png`,
    name: s.name,
    id: s.id,
    statusCategory: statusCategoryJson(baseUrl, s.category),
  };
}

export function statusList(baseUrl: string): JiraStatus[] {
  return (Object.keys(STATUSES) as StatusKey[]).map((key) => statusJson(baseUrl, key));
}

export type IssueTypeName = 'Epic' | 'Story' | 'Task' | 'Bug' | 'Subtask';

export const ISSUE_TYPES: Record<IssueTypeName, { id: string; hierarchyLevel: number; description: string }> =
  {
    Epic: { id: '10000', hierarchyLevel: 1, description: 'A big piece of work.' },
    Story: { id: '10001', hierarchyLevel: 0, description: 'A user goal.' },
    Task: { id: '10002', hierarchyLevel: 0, description: 'A piece of work.' },
    Bug: { id: '10003', hierarchyLevel: 0, description: 'A problem.' },
    Subtask: { id: '10004', hierarchyLevel: -1, description: 'Part of a larger task.' },
  };

export function issueTypeJson(baseUrl: string, name: IssueTypeName) {
  const t = ISSUE_TYPES[name];
  return {
    self: `${baseUrl}/rest/api/3/issuetype/${t.id}`,
    id: t.id,
    description: t.description,
    iconUrl: `${baseUrl}/images/icons/issuetypes/${name.toLowerCase()}.svg`,
    name,
    subtask: name === 'Subtask',
    hierarchyLevel: t.hierarchyLevel,
  };
}

export type PriorityName = 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';
export const PRIORITIES: Record<PriorityName, string> = {
  Highest: '1',
  High: '2',
  Medium: '3',
  Low: '4',
  Lowest: '5',
};

export function priorityJson(baseUrl: string, name: PriorityName) {
  const id = PRIORITIES[name];
  return {
    self: `${baseUrl}/rest/api/3/priority/${id}`,
    iconUrl: `${baseUrl}/images/icons/priorities/${name.toLowerCase()}.svg`,
    name,
    id,
  };
}

/** Custom field ids; the analysis must find them through schema.custom, never by these numbers. */
export const FIELD = {
  storyPoints: 'customfield_10016',
  rank: 'customfield_10019',
  sprint: 'customfield_10020',
  targetStart: 'customfield_10022',
  targetEnd: 'customfield_10023',
  /** A second, text-typed "Story Points" field, as many sites have: must not be taken for the estimate. */
  storyPointsDecoy: 'customfield_10028',
  acceptanceCriteria: 'customfield_10040',
  /** A custom field from an app the analysis knows nothing about. */
  customerSegment: 'customfield_10060',
} as const;

export const FIELD_NAME = {
  storyPoints: 'Story point estimate',
  rank: 'Rank',
  sprint: 'Sprint',
  targetStart: 'Target start',
  targetEnd: 'Target end',
  storyPointsDecoy: 'Story Points',
  acceptanceCriteria: 'Acceptance Criteria',
  customerSegment: 'Customer segment',
} as const;

function systemField(
  id: string,
  name: string,
  schema: { type: string; items?: string; system: string },
  clauseNames: string[] = [id],
): JiraField {
  return {
    id,
    key: id,
    name,
    custom: false,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames,
    schema,
  };
}

function customField(
  id: string,
  name: string,
  schema: { type: string; items?: string; custom: string },
): JiraField {
  const customId = Number(id.replace('customfield_', ''));
  return {
    id,
    key: id,
    name,
    untranslatedName: name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name],
    schema: { ...schema, customId },
  };
}

export function fieldList(): JiraField[] {
  return [
    systemField('summary', 'Summary', { type: 'string', system: 'summary' }),
    systemField('description', 'Description', { type: 'string', system: 'description' }),
    systemField('issuetype', 'Issue Type', { type: 'issuetype', system: 'issuetype' }, ['issuetype', 'type']),
    systemField('status', 'Status', { type: 'status', system: 'status' }),
    systemField('priority', 'Priority', { type: 'priority', system: 'priority' }),
    systemField('labels', 'Labels', { type: 'array', items: 'string', system: 'labels' }),
    systemField('components', 'Components', { type: 'array', items: 'component', system: 'components' }, [
      'component',
    ]),
    systemField('fixVersions', 'Fix versions', { type: 'array', items: 'version', system: 'fixVersions' }, [
      'fixVersion',
    ]),
    systemField('duedate', 'Due date', { type: 'date', system: 'duedate' }, ['due', 'duedate']),
    systemField('parent', 'Parent', { type: 'issuelink', system: 'parent' }),
    systemField('assignee', 'Assignee', { type: 'user', system: 'assignee' }),
    systemField('reporter', 'Reporter', { type: 'user', system: 'reporter' }),
    systemField('creator', 'Creator', { type: 'user', system: 'creator' }),
    systemField('resolution', 'Resolution', { type: 'resolution', system: 'resolution' }),
    systemField('resolutiondate', 'Resolved', { type: 'datetime', system: 'resolutiondate' }, [
      'resolved',
      'resolutiondate',
    ]),
    systemField('created', 'Created', { type: 'datetime', system: 'created' }, ['created', 'createdDate']),
    systemField('updated', 'Updated', { type: 'datetime', system: 'updated' }, ['updated', 'updatedDate']),
    systemField('project', 'Project', { type: 'project', system: 'project' }),
    systemField('comment', 'Comment', { type: 'comments-page', system: 'comment' }),
    systemField('subtasks', 'Sub-tasks', { type: 'array', items: 'issuelinks', system: 'subtasks' }),
    customField(FIELD.storyPoints, FIELD_NAME.storyPoints, {
      type: 'number',
      custom: 'com.pyxis.greenhopper.jira:jsw-story-points',
    }),
    customField(FIELD.rank, FIELD_NAME.rank, {
      type: 'any',
      custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank',
    }),
    customField(FIELD.sprint, FIELD_NAME.sprint, {
      type: 'array',
      items: 'json',
      custom: 'com.pyxis.greenhopper.jira:gh-sprint',
    }),
    customField(FIELD.targetStart, FIELD_NAME.targetStart, {
      type: 'date',
      custom: 'com.atlassian.jpo:jpo-custom-field-baseline-start',
    }),
    customField(FIELD.targetEnd, FIELD_NAME.targetEnd, {
      type: 'date',
      custom: 'com.atlassian.jpo:jpo-custom-field-baseline-end',
    }),
    customField(FIELD.storyPointsDecoy, FIELD_NAME.storyPointsDecoy, {
      type: 'string',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
    }),
    customField(FIELD.acceptanceCriteria, FIELD_NAME.acceptanceCriteria, {
      type: 'string',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
    }),
    customField(FIELD.customerSegment, FIELD_NAME.customerSegment, {
      type: 'option',
      custom: 'com.acme.crm:segment-picker',
    }),
  ];
}
