// Zod schemas for every Jira REST response the app reads: strict on the fields we use, tolerant of the rest.
// They are the single source of the Jira types (z.infer), shared by the client, the snapshot reader,
// the local Jira server and the analysis. Server-era data (no accountId, no fieldId) must parse.
import { z } from 'zod';

const nullableString = z.string().nullish();

/** A Jira user as it appears as author, assignee, reporter. Server-era users have `name` but no `accountId`. */
export const JiraUserSchema = z.looseObject({
  accountId: z.string().optional(),
  name: z.string().optional(),
  key: z.string().optional(),
  displayName: z.string().optional(),
  active: z.boolean().optional(),
  accountType: z.string().optional(),
  avatarUrls: z.record(z.string(), z.string()).optional(),
});
export type JiraUser = z.infer<typeof JiraUserSchema>;

/** One item of a changelog history. Older histories have no `fieldId`. */
export const ChangeItemSchema = z.looseObject({
  field: z.string(),
  fieldId: z.string().optional(),
  fieldtype: z.string().optional(),
  from: nullableString,
  fromString: nullableString,
  to: nullableString,
  toString: nullableString,
});
export type ChangeItem = z.infer<typeof ChangeItemSchema>;

/** One changelog history (a single save by one author, possibly several field changes). */
export const ChangeHistorySchema = z.looseObject({
  id: z.string(),
  author: JiraUserSchema.nullish(),
  created: z.string(),
  items: z.array(ChangeItemSchema),
});
export type ChangeHistory = z.infer<typeof ChangeHistorySchema>;

export const StatusCategorySchema = z.looseObject({
  id: z.number().optional(),
  key: z.string(),
  name: z.string().optional(),
  /** Jira's colour of the category ("green", "yellow", "blue-gray"): what its lozenge is drawn in. */
  colorName: z.string().optional(),
});

/** GET /rest/api/3/status element. */
export const StatusSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  statusCategory: StatusCategorySchema,
});
export type JiraStatus = z.infer<typeof StatusSchema>;
export const StatusListSchema = z.array(StatusSchema);

/** GET /rest/api/3/field element. */
export const FieldSchema = z.looseObject({
  id: z.string(),
  key: z.string().optional(),
  name: z.string(),
  custom: z.boolean().optional(),
  clauseNames: z.array(z.string()).optional(),
  schema: z
    .looseObject({
      type: z.string(),
      items: z.string().optional(),
      system: z.string().optional(),
      custom: z.string().optional(),
      customId: z.number().optional(),
    })
    .optional(),
});
export type JiraField = z.infer<typeof FieldSchema>;
export const FieldListSchema = z.array(FieldSchema);

export const IssueTypeSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  subtask: z.boolean().optional(),
  hierarchyLevel: z.number().optional(),
  iconUrl: z.string().optional(),
});

const NamedRefSchema = z.looseObject({ id: z.string().optional(), name: z.string().optional() });

/** The issue fields the analysis reads; every other field (custom fields included) passes through untouched. */
export const IssueFieldsSchema = z.looseObject({
  summary: z.string().nullish(),
  issuetype: IssueTypeSchema,
  status: StatusSchema.pick({ id: true, name: true }).extend({
    statusCategory: StatusCategorySchema.optional(),
  }),
  project: z.looseObject({ id: z.string().optional(), key: z.string(), name: z.string().optional() }),
  created: z.string(),
  updated: z.string().nullish(),
  resolutiondate: nullableString,
  duedate: nullableString,
  assignee: JiraUserSchema.nullish(),
  reporter: JiraUserSchema.nullish(),
  creator: JiraUserSchema.nullish(),
  priority: NamedRefSchema.nullish(),
  labels: z.array(z.string()).nullish(),
  components: z.array(NamedRefSchema).nullish(),
  fixVersions: z.array(NamedRefSchema).nullish(),
  parent: z.looseObject({ id: z.string().optional(), key: z.string() }).nullish(),
  // The issue security level: only people who hold it (and browse the project) may see the issue.
  security: z.looseObject({ id: z.string(), name: z.string().optional() }).nullish(),
});
export type IssueFields = z.infer<typeof IssueFieldsSchema>;

/** An issue; in a snapshot `changelog.histories` holds every history, merged from all pages. */
export const IssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: IssueFieldsSchema,
  changelog: z
    .looseObject({
      histories: z.array(ChangeHistorySchema),
      total: z.number().optional(),
      maxResults: z.number().optional(),
      startAt: z.number().optional(),
    })
    .optional(),
});
export type JiraIssue = z.infer<typeof IssueSchema>;

/** POST /rest/api/3/search/jql (SearchAndReconcileResults) with issues of the given shape: token paging, no total. */
export function searchJqlResponseSchema<T extends z.ZodType>(issue: T) {
  return z.looseObject({
    issues: z.array(issue),
    nextPageToken: z.string().nullish(),
    isLast: z.boolean().optional(),
  });
}
export const SearchJqlResponseSchema = searchJqlResponseSchema(IssueSchema);
export type SearchJqlResponse = z.infer<typeof SearchJqlResponseSchema>;

/** An issue as the evidence shows it to the viewer: summary, type and status only (fields: summary, issuetype, status). */
export const IssueSummarySchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: IssueFieldsSchema.pick({ summary: true, issuetype: true, status: true }),
});
export type JiraIssueSummary = z.infer<typeof IssueSummarySchema>;

/** POST /rest/api/3/search/jql asking for no field: ids only (Jira then serves up to 5,000 a page). */
export const SearchIdsResponseSchema = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string() })),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/**
 * A bulk-fetched history. The spec types `created` as a date-time string, but Atlassian's own example for this
 * endpoint shows epoch seconds; a number is converted to the ISO string every other endpoint returns.
 */
export const BulkChangeHistorySchema = ChangeHistorySchema.extend({
  created: z.union([
    z.string(),
    z.number().transform((epoch) => new Date(epoch < 1e11 ? epoch * 1000 : epoch).toISOString()),
  ]),
});

/** POST /rest/api/3/changelog/bulkfetch (BulkChangelogResponseBean). */
export const BulkChangelogResponseSchema = z.looseObject({
  issueChangeLogs: z.array(
    z.looseObject({ issueId: z.string(), changeHistories: z.array(BulkChangeHistorySchema) }),
  ),
  nextPageToken: z.string().nullish(),
});
export type BulkChangelogResponse = z.infer<typeof BulkChangelogResponseSchema>;

/** GET /rest/api/3/issue/{key}/changelog (PageBeanChangelog). */
export const ChangelogPageSchema = z.looseObject({
  values: z.array(ChangeHistorySchema),
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number().optional(),
  isLast: z.boolean().optional(),
});
export type ChangelogPage = z.infer<typeof ChangelogPageSchema>;

/** GET /rest/api/3/mypermissions. */
export const MyPermissionsSchema = z.looseObject({
  permissions: z.record(
    z.string(),
    z.looseObject({ key: z.string().optional(), havePermission: z.boolean() }),
  ),
});
export type MyPermissions = z.infer<typeof MyPermissionsSchema>;

/** POST /rest/api/3/permissions/check (BulkPermissionGrants): per project permission, the ids it is granted on. */
export const BulkPermissionGrantsSchema = z.looseObject({
  projectPermissions: z.array(
    z.looseObject({
      permission: z.string(),
      projects: z.array(z.number().int()),
      issues: z.array(z.number().int()),
    }),
  ),
  globalPermissions: z.array(z.string()),
});
export type BulkPermissionGrants = z.infer<typeof BulkPermissionGrantsSchema>;

/** GET /rest/agile/1.0/board element. */
export const BoardSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  type: z.string().optional(),
  location: z
    .looseObject({
      projectId: z.number().optional(),
      projectKey: z.string().optional(),
      projectName: z.string().optional(),
      displayName: z.string().optional(),
    })
    .optional(),
});
export type JiraBoard = z.infer<typeof BoardSchema>;

/** GET /rest/agile/1.0/board/{id}/sprint element (SprintBean). */
export const SprintSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.string(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  completeDate: z.string().optional(),
  createdDate: z.string().optional(),
  originBoardId: z.number().optional(),
  goal: z.string().nullish(),
});
export type JiraSprint = z.infer<typeof SprintSchema>;

/** Offset-paged agile list (boards, sprints). */
export function agilePageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    values: z.array(item),
    startAt: z.number(),
    maxResults: z.number(),
    total: z.number().optional(),
    isLast: z.boolean().optional(),
  });
}
export const BoardPageSchema = agilePageSchema(BoardSchema);
export const SprintPageSchema = agilePageSchema(SprintSchema);

/** GET /rest/api/3/project/search element (Project). */
export const ProjectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  projectTypeKey: z.string().optional(),
  simplified: z.boolean().optional(),
  style: z.string().optional(),
});
export type JiraProject = z.infer<typeof ProjectSchema>;

/** GET /rest/api/3/project/search (PageBeanProject): offset paging with isLast. */
export const ProjectPageSchema = z.looseObject({
  values: z.array(ProjectSchema),
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number().optional(),
  isLast: z.boolean().optional(),
});
export type ProjectPage = z.infer<typeof ProjectPageSchema>;
