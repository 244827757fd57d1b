// The payloads the Custom UIs send to the resolvers (validated there with these schemas) and the small answers
// that are not an analysis. The macro's settings themselves are AnalysisConfigSchema (src/ownership/config.ts).
import { z } from 'zod';
import { WindowSchema } from '../ownership/config';

export { AnalysisConfigSchema, type AnalysisConfig, type AnalysisConfigInput } from '../ownership/config';
export { IssueDetailsRequestSchema, type IssueDetailsRequest } from './issue-details';

/** Resolver function keys, shared by the resolvers and the UIs so a typo is a type error. */
export const RESOLVERS = {
  ownershipMap: 'getOwnershipMap',
  configOptions: 'getConfigOptions',
  searchPeople: 'searchPeople',
  projectAnalysis: 'getProjectAnalysis',
  syncProgress: 'getSyncProgress',
  issueDetails: 'getIssueDetails',
} as const;

/**
 * The scope comes from the Forge context (the macro's config, the project page), as for the views themselves.
 * `refresh`: "Refresh now" — an incremental sync is queued first; the view re-asks for its data when the
 * progress shows a newer sync.
 */
export const SyncProgressRequestSchema = z.object({ refresh: z.boolean().optional() }).strict();
export type SyncProgressRequest = z.infer<typeof SyncProgressRequestSchema>;

/** The macro reads its settings from the Forge context (extension.config), never from the payload. */
export const OwnershipMapRequestSchema = z.object({}).strict();

export const ConfigOptionsRequestSchema = z.object({}).strict();
export const ConfigOptionsSchema = z.object({
  projects: z.array(z.object({ key: z.string(), name: z.string() })),
  boards: z.array(z.object({ id: z.number(), name: z.string(), projectKey: z.string().optional() })),
  /** Sentences about lists that could not be read in full. */
  notes: z.array(z.string()),
});
export type ConfigOptions = z.infer<typeof ConfigOptionsSchema>;

export const SearchPeopleRequestSchema = z.object({ query: z.string().trim().min(1).max(100) }).strict();
export const PersonOptionSchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  active: z.boolean(),
});
export type PersonOption = z.infer<typeof PersonOptionSchema>;

/**
 * Jira views: the project comes from the Forge context; the board and window are the viewer's choice. `boardId`
 * is a board, or "all" for every board of the project; absent, the board the page was opened on (if any).
 */
export const ProjectAnalysisRequestSchema = z
  .object({
    boardId: z.union([z.number().int().positive(), z.literal('all')]).optional(),
    window: WindowSchema.optional(),
  })
  .strict();
export type ProjectAnalysisRequest = z.infer<typeof ProjectAnalysisRequestSchema>;
