// The evidence's issues as the viewer sees them at the moment of looking (resolver getIssueDetails): what the UI
// draws beside each key, and the keys the viewer may no longer open. static/ imports this file.
import { z } from 'zod';

/** Jira issue keys: a project key (an upper-case letter, then upper-case letters, digits or "_"), "-", a number. */
export const IssueKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9]\d{0,17}$/, 'a Jira issue key such as "CHK-12"');

/** At most this many keys a call: one search request in Jira (100 issues a page with fields). */
export const MAX_ISSUE_DETAIL_KEYS = 100;

export const IssueDetailsRequestSchema = z
  .object({ keys: z.array(IssueKeySchema).min(1).max(MAX_ISSUE_DETAIL_KEYS) })
  .strict();
export type IssueDetailsRequest = z.infer<typeof IssueDetailsRequestSchema>;

/** Jira's status categories; "undefined" is Jira's own key for a status without category. */
export const StatusCategoryKeySchema = z.enum(['new', 'indeterminate', 'done', 'undefined']);

export const IssueDetailSchema = z.object({
  key: z.string(),
  summary: z.string(),
  type: z.object({ id: z.string().optional(), name: z.string(), iconUrl: z.string().optional() }),
  status: z.object({
    name: z.string(),
    /** Any category Jira adds later reads as "undefined": drawn like a status without category. */
    category: StatusCategoryKeySchema,
    colorName: z.string().optional(),
  }),
  /** Story points now (the first of the site's story-points fields that holds a number); null: not estimated. */
  points: z.number().nullable(),
});
export type IssueDetail = z.infer<typeof IssueDetailSchema>;

export const IssueDetailsSchema = z.object({
  /** In the order the keys were asked for. */
  issues: z.array(IssueDetailSchema),
  /** Keys Jira did not return to the viewer: no longer visible to them, or deleted. */
  hidden: z.array(z.string()),
});
export type IssueDetails = z.infer<typeof IssueDetailsSchema>;
