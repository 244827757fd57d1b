// What the fetch stage hands to the analysis: the raw Jira data of one scope, plus what could not be read.
// A site snapshot on disk and a live read through the client both produce exactly this shape.
import { z } from 'zod';
import type { JiraBoard, JiraField, JiraIssue, JiraSprint, JiraStatus } from './schemas';

/**
 * site.json of a snapshot: where and when it was recorded, and which projects it holds. Strict where a bad value
 * would only fail later and far away (a report "as of" an unreadable time, links to a site with no address).
 */
export const SiteInfoSchema = z.looseObject({
  baseUrl: z.url({
    protocol: /^https?$/,
    error: 'not an http(s) address such as https://your-site.atlassian.net',
  }),
  recordedAt: z.iso.datetime({
    offset: true,
    error: 'not an ISO date-time such as 2025-03-01T12:00:00.000Z',
  }),
  projects: z.array(
    z.union([
      z.string(),
      z.looseObject({ key: z.string(), name: z.string().optional(), id: z.string().optional() }),
    ]),
  ),
});
export type SiteInfo = z.infer<typeof SiteInfoSchema>;

/** Something the reader could not read in full; the UI must say so rather than present a partial answer as whole. */
export const DataGapSchema = z.object({
  /** unreadable: read, but some of it cannot be understood (e.g. a change whose date no parser reads). */
  kind: z.enum(['no-access', 'truncated', 'capped', 'unavailable', 'unreadable']),
  /** A sentence a user can act on, e.g. "You cannot browse project ABC." */
  message: z.string(),
  project: z.string().optional(),
  issueKey: z.string().optional(),
  boardId: z.number().optional(),
});
export type DataGap = z.infer<typeof DataGapSchema>;

export interface SiteData {
  baseUrl: string;
  fields: JiraField[];
  statuses: JiraStatus[];
  /** Each issue carries every changelog history in `changelog.histories`, oldest first. */
  issues: JiraIssue[];
  boards: JiraBoard[];
  /** Sprints by board id (as a string key, like JSON). */
  sprints: Record<string, JiraSprint[]>;
  gaps: DataGap[];
}
