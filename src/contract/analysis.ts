// The analysis result the resolvers return and the UIs render (static/ imports this file): the RACI map with its
// evidence, people and their observed roles, warnings, split advice, bandwidth and the sprint acceptance review.
// Version 1. Times are ISO strings; shares are 0..1 (rounded to 4 decimals); weights are "share of activity", never time.
import { z } from 'zod';
import { DataGapSchema } from '../jira/site';
import { MAP_COLUMNS } from '../ownership/columns';
import { ThresholdsSchema, WeightsSchema } from '../ownership/config';
import { EvidenceSchema } from '../ownership/evidence';
import { OBSERVED_ROLE_KINDS } from '../ownership/roles';
import { LayerSchema, RowKeySchema } from '../ownership/rows';
import { WarningSchema } from '../ownership/warning';

export const ANALYSIS_VERSION = 2;
/** The id of the "Team (N people)" column: people without a column of their own whose activity is mostly delivery. */
export const TEAM_ID = 'team';
/** The id of the "Others (N people)" column: people without a column of their own and no product activity. */
export const OTHERS_ID = 'others';

const share = z.number().min(0).max(1);
const isoTime = z.string();
const RaciLetter = z.enum(['R', 'A', 'C', 'I']);

export const ObservedRoleKindSchema = z.enum(OBSERVED_ROLE_KINDS);

export const MapColumnSchema = z.enum(MAP_COLUMNS);

export const ResultPersonSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  /**
   * The display name, with a short suffix from the account id when someone else in the result has the same
   * display name ("Alex Kim (…3f9a)"): two people are told apart, never merged. Equal to displayName otherwise.
   */
  distinctName: z.string(),
  /**
   * Where the map draws them (DOMAIN.md "Columns of the map"): their own column (an A or R on a product row, or
   * a product role), folded into Team (mostly delivery) or into Others (no product activity).
   */
  column: MapColumnSchema,
  active: z.boolean(),
  observedRole: ObservedRoleKindSchema,
  /** "PM-like", "PO-like", "PM/PO", "Engineer", "No product activity". */
  roleLabel: z.string(),
  /**
   * For a person with their own column, over a scope of several boards: their observed role on each board where
   * they were active, in the scope's board order, so a site-wide map can say where a squad reads them differently
   * ("PM/PO", and under the name "PO-like on CHK"). Empty otherwise.
   */
  boardRoles: z.array(
    z.object({ boardId: z.number().int(), observedRole: ObservedRoleKindSchema, roleLabel: z.string() }),
  ),
  /** Folded into Team (shown there, without figures, unless showDeliveryPeople is set). */
  inTeam: z.boolean(),
  /** Shares of the person's weighted activity in the window; null for team members when they are not shown. */
  strategicShare: share.nullable(),
  tacticalShare: share.nullable(),
  deliveryShare: share.nullable(),
});
export type ResultPerson = z.infer<typeof ResultPersonSchema>;

/** A folded column: "Team (7 people)" or "Others (2 people)", and who is in it. */
export const FoldedGroupSchema = z.object({
  label: z.string(),
  count: z.number().int().min(0),
  memberIds: z.array(z.string()),
});

export const TeamSchema = FoldedGroupSchema.extend({
  /** True when config.showDeliveryPeople: members then have their own cells instead of the Team cell. */
  shownIndividually: z.boolean(),
});

/** A set of issues as a Jira search: `key in (...)`, capped (most recent issues first) and saying so. */
export const IssueSetSchema = z.object({
  jql: z.string(),
  issueCount: z.number().int().min(0),
  /** False when the JQL names only the most recent `JQL_KEY_CAP` issues of the set. */
  complete: z.boolean(),
});
export type IssueSet = z.infer<typeof IssueSetSchema>;

export const ResultCellSchema = z.object({
  /**
   * A person id, or TEAM_ID / OTHERS_ID for a folded column. A folded column has a cell only where one of its
   * members holds an A or R, and its letter is that one (DOMAIN.md): members' C and I are not drawn.
   */
  personId: z.string(),
  letter: RaciLetter,
  share,
  weight: z.number().min(0),
  eventCount: z.number().int().min(0),
  /** Commented on at least one of the row's issues; commentedIssues: on how many (C needs 10 % and 3). */
  commented: z.boolean(),
  commentedIssues: z.number().int().min(0),
  /** Folded cell: how many of the group's people are on the row, and who (opening the cell lists them). */
  members: z.number().int().min(0).optional(),
  memberIds: z.array(z.string()).optional(),
  /** The most recent events behind the letter, newest first: at most EVIDENCE_CAP (A, R), CONSULTED_EVIDENCE_CAP (C). */
  evidence: z.array(EvidenceSchema),
  evidenceTotal: z.number().int().min(0),
  /** Every issue behind the letter (null when the cell has no events). */
  issues: IssueSetSchema.nullable(),
});
export type ResultCell = z.infer<typeof ResultCellSchema>;

/** Who holds a row's A: the person (or the folded column one of whose members holds it), their share and events. */
export const RowOwnerSchema = z.object({
  personId: z.string(),
  share,
  eventCount: z.number().int().min(0),
});
export type RowOwner = z.infer<typeof RowOwnerSchema>;

/** A row's ownerText when nobody acted on it at all (as opposed to "No clear owner: …"). */
export const NO_ACTIVITY_TEXT = 'No activity';

const rowOwner = {
  /** null: no clear owner (nobody reaches the accountable share) or no activity. */
  owner: RowOwnerSchema.nullable(),
  /** The owner in words: "Owner: Priya Raman, 87 % · 231 events", "No clear owner: …", or NO_ACTIVITY_TEXT. */
  ownerText: z.string(),
};

export const ResultRowSchema = z.object({
  key: RowKeySchema,
  label: z.string(),
  layer: LayerSchema,
  totalWeight: z.number().min(0),
  automationWeight: z.number().min(0),
  eventCount: z.number().int().min(0),
  issueCount: z.number().int().min(0),
  /** null: nobody reaches the accountable share; the row has no clear owner. */
  accountableId: z.string().nullable(),
  ...rowOwner,
  /** Largest share first, then by id; the folded columns' cells last. */
  cells: z.array(ResultCellSchema),
});
export type ResultRow = z.infer<typeof ResultRowSchema>;

export const ResultDeclaredRowSchema = z.object({
  label: z.string(),
  layer: z.enum(['strategic', 'tactical']),
  people: z.array(z.object({ personId: z.string(), letter: RaciLetter })),
});

/**
 * One board's (squad's) RACI, letters A, R and C only (the overall rows carry the evidence), folded into Team and
 * Others by the board's own letters as a board-scoped map would be. Read across boards, the rows' owners are the
 * "by squad" view: responsibilities × boards, each cell the accountable person and share, or no clear owner.
 */
export const ResultBoardSchema = z.object({
  id: z.number(),
  name: z.string(),
  projectKey: z.string().optional(),
  deliveryPeople: z.number().int().min(0),
  rows: z.array(
    z.object({
      key: RowKeySchema,
      accountableId: z.string().nullable(),
      ...rowOwner,
      /**
       * The owner's cell on this board, with the events behind it (what a "by squad" cell opens); null when the
       * row has no clear owner there. Only the owner's: the other letters of a board carry no evidence.
       */
      ownerCell: ResultCellSchema.nullable(),
      cells: z.array(z.object({ personId: z.string(), letter: RaciLetter, share })),
    }),
  ),
});

export const AdviceSchema = z.object({
  personId: z.string(),
  kind: z.enum(['combined-role-works', 'consider-split', 'spread-too-thin', 'roles-already-split']),
  title: z.string(),
  message: z.string(),
  figures: z.record(z.string(), z.number()),
  thresholds: z.record(z.string(), z.number()),
  boardIds: z.array(z.number()),
});
export type ResultAdvice = z.infer<typeof AdviceSchema>;

export const BandwidthSchema = z.object({
  periodKind: z.enum(['sprint', 'week']),
  cadenceBoardId: z.number().nullable(),
  note: z.string(),
  /** The most recent periods (at most BANDWIDTH_PERIOD_CAP), oldest first; periodsTotal says how many there were. */
  periods: z.array(z.object({ id: z.string(), label: z.string(), from: isoTime, to: isoTime })),
  periodsTotal: z.number().int().min(0),
  /** Product people (and delivery people when shown), one entry per period listed (zeros where inactive). */
  people: z.array(
    z.object({
      personId: z.string(),
      periods: z.array(
        z.object({
          totalWeight: z.number().min(0),
          rows: z.partialRecord(RowKeySchema, z.number()),
          strategicShare: share,
          tacticalShare: share,
          deliveryShare: share,
        }),
      ),
    }),
  ),
  unassignedWeight: z.number().min(0),
  flags: z.array(
    z.object({
      personId: z.string(),
      kind: z.enum(['strategic-collapse', 'tactical-overload']),
      message: z.string(),
      figures: z.record(z.string(), z.number()),
      thresholds: z.record(z.string(), z.number()),
    }),
  ),
});
export type ResultBandwidth = z.infer<typeof BandwidthSchema>;

export const AcceptedIssueSchema = z.object({
  issueKey: z.string(),
  acceptorId: z.string(),
  assigneeId: z.string().nullable(),
  selfAccepted: z.boolean(),
  criteriaPresent: z.boolean(),
  waitWorkingDays: z.number().min(0),
  afterSprintEnd: z.boolean(),
  at: isoTime,
  /** The move into the acceptance status (history id, from → to). */
  evidence: EvidenceSchema,
});

export const AcceptanceReviewSchema = z.object({
  /** The most recent sprints (at most ACCEPTANCE_SPRINT_CAP), oldest first. */
  sprints: z.array(
    z.object({
      sprintId: z.number(),
      name: z.string(),
      boardId: z.number(),
      start: isoTime.nullable(),
      end: isoTime.nullable(),
      complete: isoTime.nullable(),
      /** The most recent acceptances (at most SPRINT_ISSUE_CAP), oldest first; completedTotal counts them all. */
      completed: z.array(AcceptedIssueSchema),
      completedTotal: z.number().int().min(0),
      /** At most SPRINT_ISSUE_CAP, in key order; carriedOverTotal counts them all. */
      carriedOver: z.array(z.object({ issueKey: z.string(), toSprintId: z.number() })),
      carriedOverTotal: z.number().int().min(0),
      acceptors: z.array(
        z.object({ personId: z.string(), count: z.number().int(), share, medianWaitDays: z.number().min(0) }),
      ),
      topAcceptor: z.object({ personId: z.string(), share }).nullable(),
      selfAccepted: z.number().int().min(0),
      withoutCriteria: z.number().int().min(0),
      acceptedAfterEnd: z.number().int().min(0),
    }),
  ),
  sprintsTotal: z.number().int().min(0),
  /** Acceptances in the window on issues that were in no sprint. */
  outsideSprints: z.number().int().min(0),
});
export type ResultAcceptanceReview = z.infer<typeof AcceptanceReviewSchema>;

export const StatsSchema = z.object({
  issues: z.number().int().min(0),
  issuesOutOfScope: z.number().int().min(0),
  histories: z.number().int().min(0),
  /** Every changelog item read; items = eventsFromItems + ignoredItems. */
  items: z.number().int().min(0),
  eventsFromItems: z.number().int().min(0),
  ignoredItems: z.number().int().min(0),
  ignoredByField: z.record(z.string(), z.number().int()),
  /** Product events over the whole history (items + issue creations) and those inside the window. */
  events: z.number().int().min(0),
  eventsInWindow: z.number().int().min(0),
  comments: z.number().int().min(0),
  automationEvents: z.number().int().min(0),
});

/** One period of a row's ownership over time: who was accountable over the rolling window ending here. */
export const TimelinePeriodSchema = z.object({
  /** "sprint:12" or "month:2026-07". */
  id: z.string(),
  /** The sprint's name, or "Jul 2026". */
  label: z.string(),
  start: isoTime,
  /** Exclusive. */
  end: isoTime,
  /** A person id, TEAM_ID, or null: nobody holds the accountable share, or fewer than 5 events. */
  ownerId: z.string().nullable(),
  share: share.nullable(),
  /** Human events of the row in the rolling window (the last 3 periods). */
  eventCount: z.number().int().min(0),
});
export type TimelinePeriod = z.infer<typeof TimelinePeriodSchema>;

/** A row's owners over time, site-wide (boardId null, calendar months) or on one board (its sprints). */
export const RowTimelineSchema = z.object({
  row: RowKeySchema,
  boardId: z.number().nullable(),
  periods: z.array(TimelinePeriodSchema),
});
export type RowTimeline = z.infer<typeof RowTimelineSchema>;

const overTimeEvidence = {
  /** The events behind it (both people's, in the rolling window that decided), newest first, capped. */
  evidence: z.array(EvidenceSchema),
  evidenceTotal: z.number().int().min(0),
};

export const HandoverSchema = z.object({
  row: RowKeySchema,
  boardId: z.number().nullable(),
  fromId: z.string(),
  toId: z.string(),
  /** Start of the first period the new owner held the row. */
  since: isoTime,
  sincePeriod: z.string(),
  /** The last period the previous owner held it. */
  untilPeriod: z.string(),
  fromShare: share,
  toShare: share,
  ...overTimeEvidence,
});
export type Handover = z.infer<typeof HandoverSchema>;

export const OwnershipGapSchema = z.object({
  row: RowKeySchema,
  boardId: z.number().nullable(),
  /** Who held the row before it went without owner. */
  previousOwnerId: z.string(),
  from: isoTime,
  fromPeriod: z.string(),
  toPeriod: z.string(),
  periods: z.number().int().min(1),
  /** Still without owner in the last period. */
  ongoing: z.boolean(),
});
export type OwnershipGap = z.infer<typeof OwnershipGapSchema>;

export const AccretionSchema = z.object({
  personId: z.string(),
  /** The row taken on. */
  row: RowKeySchema,
  boardId: z.number().nullable(),
  since: isoTime,
  sincePeriod: z.string(),
  share,
  /** The rows the person kept while taking it on. */
  keptRows: z.array(RowKeySchema),
  ...overTimeEvidence,
});
export type Accretion = z.infer<typeof AccretionSchema>;

export const AnalysisResultSchema = z.object({
  version: z.literal(ANALYSIS_VERSION),
  generatedAt: isoTime,
  scope: z.object({
    projects: z.array(z.string()),
    boards: z.array(z.object({ id: z.number(), name: z.string(), projectKey: z.string().optional() })),
  }),
  window: z.object({
    kind: z.enum(['sprints', 'dates', 'all']),
    from: isoTime.nullable(),
    to: isoTime,
    sprintIds: z.array(z.number()),
    note: z.string().optional(),
  }),
  completeness: z.object({ complete: z.boolean(), gaps: z.array(DataGapSchema) }),
  /** The thresholds and weights that applied (defaults unless the user changed them). */
  settings: z.object({
    thresholds: ThresholdsSchema,
    weights: WeightsSchema,
    showDeliveryPeople: z.boolean(),
  }),
  /** Everyone the result names, by display name. */
  people: z.array(ResultPersonSchema),
  team: TeamSchema,
  others: FoldedGroupSchema,
  automation: z.object({ eventCount: z.number().int().min(0), weight: z.number().min(0) }),
  rows: z.array(ResultRowSchema),
  declaredRows: z.array(ResultDeclaredRowSchema),
  boards: z.array(ResultBoardSchema),
  warnings: z.array(WarningSchema),
  advice: z.array(AdviceSchema),
  bandwidth: BandwidthSchema,
  acceptance: AcceptanceReviewSchema,
  /** Ownership over time (strategic and tactical rows), site-wide and per board; the events behind each change. */
  timeline: z.array(RowTimelineSchema),
  handovers: z.array(HandoverSchema),
  /** Periods in which a row that had an owner had none (not to be confused with completeness.gaps: data). */
  ownershipGaps: z.array(OwnershipGapSchema),
  accretions: z.array(AccretionSchema),
  stats: StatsSchema,
  /**
   * Where the view's data came from: the app's store (synced in the background; figures measured at `asOf`) or
   * Jira read live during the view (`asOf` is the view's time). Absent from a bare analysis, never served.
   */
  served: z
    .object({
      from: z.enum(['store', 'live']),
      asOf: isoTime,
      /** A newer result is being prepared in the background: this one is of the sync before. */
      updating: z.boolean().optional(),
    })
    .optional(),
});
export type AnalysisResult = z.infer<typeof AnalysisResultSchema>;

/** Caps that keep the result small enough for a Custom UI; every capped list carries its full count. */
export const JQL_KEY_CAP = 200;
export const BANDWIDTH_PERIOD_CAP = 26;
export const ACCEPTANCE_SPRINT_CAP = 12;
export const SPRINT_ISSUE_CAP = 50;
/**
 * Evidence items listed per cell: EVIDENCE_CAP (20) for A and R; fewer for C, whose letter rests on a small
 * share (a multi-squad site has dozens of C cells per row). evidenceTotal and the issue set always cover all.
 */
export const CONSULTED_EVIDENCE_CAP = 5;
