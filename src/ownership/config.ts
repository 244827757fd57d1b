// The analysis settings a user can change: scope, window, declared roles and rows, thresholds, weights.
// Every default here is one of DOMAIN.md's; the UI says which default applied.
import { z } from 'zod';

const isoDate = z.iso.date({ message: 'Use a date like 2026-06-01.' });
const accountId = z.string().trim().min(1, 'Pick a person.').max(128);
const share = (label: string) =>
  z
    .number({ message: `${label} must be a number between 0 and 1.` })
    .min(0)
    .max(1);
const count = (label: string) =>
  z
    .number({ message: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(0);

export const ThresholdsSchema = z.object({
  /** RACI: A needs at least this share of the row. */
  accountableShare: share('Accountable share').default(0.35),
  /** RACI: R needs at least this share. */
  responsibleShare: share('Responsible share').default(0.15),
  /** RACI: C needs at least this share (or a comment). */
  consultedShare: share('Consulted share').default(0.02),
  /** strategy-and-acceptance: fires when at least this many people deliver. */
  minDeliveryPeople: count('Minimum delivering people').default(5),
  /** tactical-overload: the roadmap owner's tactical share of their own product activity. */
  tacticalOverloadShare: share('Tactical overload share').default(0.8),
  /** acceptance-concentration: one person's share of acceptances. */
  acceptanceConcentrationShare: share('Acceptance concentration share').default(0.7),
  /** acceptance-concentration: median wait before their acceptance, in working days. */
  acceptanceWaitDays: z.number().min(0).default(2),
  /** vague-stories: share of stories entering a sprint without criteria or estimate. */
  vagueStoriesShare: share('Vague stories share').default(0.3),
  /** deferred-strategy: number of later target-date moves on one roadmap item. */
  targetDateSlips: count('Target date slips').default(2),
  /** deferred-strategy: days an open epic may go without a product edit. */
  staleEpicDays: count('Stale epic days').default(90),
  /** span-of-control: boards one person may be A of a tactical row on. */
  maxBoardsPerOwner: count('Boards per owner').default(4),
  /** squad-size: delivering people one PO-like person may serve. */
  maxSquadSize: count('Squad size').default(8),
  /** self-acceptance: share of done issues moved to done by their own assignee. */
  selfAcceptanceShare: share('Self-acceptance share').default(0.2),
  /** single-point: working days with waiting items and no event of the row. */
  singlePointIdleDays: count('Idle working days').default(5),
  /**
   * Observed roles: a person is an engineer when delivery is at least this share of their weighted activity
   * (DOMAIN.md "when delivery dominates": more than half by default).
   */
  engineerDeliveryShare: share('Engineer delivery share').default(0.5),
  /**
   * Observed roles: strategic and tactical work are both "substantial" (PM/PO) when each is at least this share
   * of the person's product activity (strategic + tactical); otherwise the larger one names the role. One part in
   * ten is enough: a roadmap owner who spends 86 % of their product time on the backlog still does both jobs.
   */
  roleSubstantialShare: share('Substantial share').default(0.1),
  /** Split advice: one person may do both roles for at most this many squads (DOMAIN.md: "one or two"). */
  combinedRoleMaxSquads: count('Squads for a combined role').default(2),
  /** Bandwidth: the strategic share is collapsing when the recent periods' share is below this fraction of the early periods'. */
  strategicCollapseRatio: share('Strategic collapse ratio').default(0.5),
  /** Bandwidth: how many periods make "early" and "recent" when comparing strategic shares. */
  strategicCollapsePeriods: count('Periods compared').min(1).default(3),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

/**
 * DOMAIN.md's defaults for "consulted by commenting": on at least 10 % of the row's issues and at least 3 of them.
 * Fixed rather than settings: DOMAIN.md names them with the letters, and the settings list is long already.
 */
export const CONSULTED_COMMENT_SHARE = 0.1;
export const CONSULTED_COMMENT_ISSUES = 3;

export const WeightsSchema = z.object({
  default: z.number().min(0).default(1),
  createEpic: z.number().min(0).default(3),
  acceptanceCriteria: z.number().min(0).default(2),
  rank: z.number().min(0).default(0.5),
});
export type Weights = z.infer<typeof WeightsSchema>;

export const RaciLetterSchema = z.enum(['R', 'A', 'C', 'I']);
export type RaciLetter = z.infer<typeof RaciLetterSchema>;

/** A row Jira cannot see (market research, pricing…), declared by the user with a person per letter. */
export const DeclaredRowSchema = z.object({
  label: z.string().trim().min(1, 'Name the responsibility.').max(80),
  layer: z.enum(['strategic', 'tactical']).default('strategic'),
  people: z
    .array(z.object({ accountId, letter: RaciLetterSchema }))
    .max(20)
    .refine(
      (p) => p.filter((x) => x.letter === 'A').length <= 1,
      'A row has at most one accountable person.',
    ),
});
export type DeclaredRow = z.infer<typeof DeclaredRowSchema>;

export const WindowSchema = z
  .union([
    z.object({ kind: z.literal('sprints'), lastSprints: z.number().int().min(1).max(52) }),
    z.object({ kind: z.literal('dates'), from: isoDate, to: isoDate }),
    z.object({ kind: z.literal('all') }),
  ])
  .refine((w) => w.kind !== 'dates' || w.from <= w.to, 'The window must start before it ends.');
export type AnalysisWindow = z.infer<typeof WindowSchema>;

export const AnalysisConfigSchema = z.object({
  scope: z
    .object({
      projects: z
        .array(z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'Project keys look like ABC.'))
        .max(20)
        .default([]),
      boards: z.array(z.number().int().positive()).max(20).default([]),
    })
    .refine((s) => s.projects.length + s.boards.length > 0, 'Pick at least one Jira project or board.'),
  window: WindowSchema.default({ kind: 'all' }),
  declared: z
    .object({
      pm: accountId.optional(),
      po: accountId.optional(),
      rows: z.array(DeclaredRowSchema).max(20).default([]),
    })
    .default({ rows: [] }),
  /** Status names or ids the user counts as acceptance, besides every status of category done. */
  acceptanceStatuses: z.array(z.string().min(1)).max(20).default([]),
  /**
   * Categories for statuses the site no longer lists (deleted or renamed workflow statuses), by status name or id
   * as the histories carry them: "done", "in progress" or "to do". Statuses the site lists keep their own.
   */
  statusMapping: z
    .record(
      z.string().trim().min(1, 'Name the status.').max(255),
      z.enum(['done', 'in progress', 'to do'], { message: 'Map a status to done, in progress or to do.' }),
    )
    .refine((m) => Object.keys(m).length <= 50, 'At most 50 statuses can be mapped.')
    .default({}),
  /** Roles, not rankings: people who only deliver are one "Team" column unless this is set. */
  showDeliveryPeople: z.boolean().default(false),
  thresholds: ThresholdsSchema.default(ThresholdsSchema.parse({})),
  weights: WeightsSchema.default(WeightsSchema.parse({})),
  /**
   * Names of the people the settings mention (declared PM, PO, rows), kept so the configuration panel can show
   * them again without a lookup; the analysis takes names from Jira, never from here.
   */
  displayNames: z.record(accountId, z.string().max(200)).optional(),
});
export type AnalysisConfig = z.infer<typeof AnalysisConfigSchema>;
export type AnalysisConfigInput = z.input<typeof AnalysisConfigSchema>;
