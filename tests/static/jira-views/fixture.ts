// A small analysis result for the Jira views' pure modules: three people who do product work (a PM/PO over the
// tactical line whose strategic share collapses, a PO, an engineer with some product work), two delivery-only
// people folded into the Team line, three sprints on one board, one of them still open, and an automation acceptor.
import {
  ANALYSIS_VERSION,
  AnalysisResultSchema,
  type AnalysisResult,
  type ResultRow,
} from '../../../src/contract/analysis';
import { ThresholdsSchema, WeightsSchema } from '../../../src/ownership/config';
import { ROWS, type RowKey } from '../../../src/ownership/rows';

export const IDS = {
  pm: 'acc-pm',
  po: 'acc-po',
  eng: 'acc-eng',
  dev1: 'acc-dev1',
  dev2: 'acc-dev2',
} as const;

/** Window weights per person and row; the pm's add up to 20, the po's to 10, the engineer's to 10. */
const WEIGHTS: Record<string, Partial<Record<RowKey, number>>> = {
  [IDS.pm]: { roadmap: 2, prioritization: 6, 'story-writing': 4, 'sprint-planning': 3, acceptance: 5 },
  [IDS.po]: { roadmap: 3, 'story-writing': 3, refinement: 2, 'acceptance-criteria': 2 },
  [IDS.eng]: { refinement: 1, delivery: 9 },
  team: { delivery: 30 },
};

function rows(): ResultRow[] {
  return ROWS.map((def) => {
    const cells = Object.entries(WEIGHTS)
      .filter(([, w]) => (w[def.key] ?? 0) > 0)
      .map(([personId, w]) => ({
        personId,
        letter: 'R' as const,
        share: 0,
        weight: w[def.key] ?? 0,
        eventCount: 1,
        commented: false,
        commentedIssues: 0,
        evidence: [],
        evidenceTotal: 1,
        issues: null,
        ...(personId === 'team' ? { members: 2 } : {}),
      }));
    const total = cells.reduce((sum, c) => sum + c.weight, 0);
    return {
      ...def,
      totalWeight: total,
      automationWeight: 0,
      eventCount: cells.length,
      issueCount: cells.length,
      accountableId: null,
      owner: null,
      ownerText: 'No clear owner: the largest share is 30 % (an owner needs 35 %)',
      cells: cells.map((c) => ({ ...c, share: total > 0 ? c.weight / total : 0 })),
    };
  });
}

const period = (
  totalWeight: number,
  strategicShare: number,
  tacticalShare: number,
  deliveryShare: number,
) => ({
  totalWeight,
  rows: {},
  strategicShare,
  tacticalShare,
  deliveryShare,
});
const idle = period(0, 0, 0, 0);

const evidence = (issueKey: string, at: string) => ({
  issueKey,
  at,
  field: 'status',
  from: 'In Review',
  to: 'Done',
});

export function analysisFixture(): AnalysisResult {
  const result: AnalysisResult = {
    version: ANALYSIS_VERSION,
    generatedAt: '2026-03-20T09:00:00.000Z',
    scope: { projects: ['CHK'], boards: [{ id: 7, name: 'CHK board', projectKey: 'CHK' }] },
    window: { kind: 'all', from: null, to: '2026-03-20T09:00:00.000Z', sprintIds: [1, 2, 3] },
    completeness: { complete: true, gaps: [] },
    settings: {
      thresholds: ThresholdsSchema.parse({}),
      weights: WeightsSchema.parse({}),
      showDeliveryPeople: false,
    },
    people: [
      {
        id: IDS.dev1,
        displayName: 'Dev One',
        distinctName: 'Dev One',
        active: true,
        observedRole: 'engineer',
        roleLabel: 'Engineer',
        boardRoles: [],
        inTeam: true,
        column: 'team',
        strategicShare: null,
        tacticalShare: null,
        deliveryShare: null,
      },
      {
        id: IDS.dev2,
        displayName: 'Dev Two',
        distinctName: 'Dev Two',
        active: true,
        observedRole: 'engineer',
        roleLabel: 'Engineer',
        boardRoles: [],
        inTeam: true,
        column: 'team',
        strategicShare: null,
        tacticalShare: null,
        deliveryShare: null,
      },
      {
        id: IDS.eng,
        displayName: 'Eve Engineer',
        distinctName: 'Eve Engineer',
        active: true,
        observedRole: 'engineer',
        roleLabel: 'Engineer',
        boardRoles: [],
        inTeam: false,
        column: 'own',
        strategicShare: 0,
        tacticalShare: 0.1,
        deliveryShare: 0.9,
      },
      {
        id: IDS.po,
        displayName: 'Olga, "the PO"',
        distinctName: 'Olga, "the PO"',
        active: false,
        observedRole: 'po',
        roleLabel: 'PO-like',
        boardRoles: [],
        inTeam: false,
        column: 'own',
        strategicShare: 0.3,
        tacticalShare: 0.7,
        deliveryShare: 0,
      },
      {
        id: IDS.pm,
        displayName: 'Pat Manager',
        distinctName: 'Pat Manager',
        active: true,
        observedRole: 'pm-po',
        roleLabel: 'PM/PO',
        boardRoles: [],
        inTeam: false,
        column: 'own',
        strategicShare: 0.1,
        tacticalShare: 0.9,
        deliveryShare: 0,
      },
    ],
    team: { label: 'Team (2 people)', count: 2, memberIds: [IDS.dev1, IDS.dev2], shownIndividually: false },
    others: { label: 'Others (0 people)', count: 0, memberIds: [] },
    automation: { eventCount: 1, weight: 1 },
    rows: rows(),
    declaredRows: [],
    boards: [{ id: 7, name: 'CHK board', projectKey: 'CHK', deliveryPeople: 3, rows: [] }],
    warnings: [
      {
        id: 'self-acceptance',
        severity: 'medium',
        title: 'Work is accepted by whoever built it',
        message:
          'On board CHK board, 1 of 3 finished issues (33 %) were moved to done by their own assignee.',
        people: [],
        figures: { selfAcceptanceShare: 0.3333 },
        thresholds: { selfAcceptanceShare: 0.2 },
        boardId: 7,
        evidence: [],
        evidenceTotal: 1,
      },
      {
        id: 'self-acceptance',
        severity: 'medium',
        title: 'Another board',
        message: 'On board 99 something else.',
        people: [],
        figures: {},
        thresholds: {},
        boardId: 99,
        evidence: [],
        evidenceTotal: 0,
      },
      {
        id: 'vague-stories',
        severity: 'medium',
        title: 'Stories are vague',
        message: 'Not about acceptance.',
        people: [],
        figures: {},
        thresholds: {},
        boardId: 7,
        evidence: [],
        evidenceTotal: 0,
      },
    ],
    advice: [],
    bandwidth: {
      periodKind: 'sprint',
      cadenceBoardId: 7,
      note: 'Periods are the sprints of the board in scope.',
      periods: [
        {
          id: 'sprint-1',
          label: 'Sprint 1',
          from: '2026-01-05T09:00:00.000Z',
          to: '2026-01-19T09:00:00.000Z',
        },
        {
          id: 'sprint-2',
          label: 'Sprint 2',
          from: '2026-01-19T09:00:00.000Z',
          to: '2026-02-02T09:00:00.000Z',
        },
        {
          id: 'sprint-3',
          label: 'Sprint 3',
          from: '2026-02-02T09:00:00.000Z',
          to: '2026-02-16T09:00:00.000Z',
        },
      ],
      periodsTotal: 3,
      people: [
        { personId: IDS.eng, periods: [period(4, 0, 0.25, 0.75), period(6, 0, 0, 1), idle] },
        { personId: IDS.po, periods: [period(5, 0.4, 0.6, 0), idle, period(5, 0.2, 0.8, 0)] },
        {
          personId: IDS.pm,
          periods: [period(6, 0.3333, 0.6667, 0), period(7, 0.0, 1, 0), period(7, 0.0, 1, 0)],
        },
      ],
      unassignedWeight: 0,
      flags: [
        {
          personId: IDS.pm,
          kind: 'strategic-collapse',
          message: "Pat Manager's strategic share fell from 33 % to 0 %, below 50 % of where it was.",
          figures: {},
          thresholds: {},
        },
        {
          personId: IDS.pm,
          kind: 'tactical-overload',
          message:
            "90 % of Pat Manager's product activity is tactical (threshold 80 %), although they also do strategic work.",
          figures: { tacticalShareOfProduct: 0.9 },
          thresholds: { tacticalOverloadShare: 0.8 },
        },
      ],
    },
    acceptance: {
      sprints: [
        {
          sprintId: 1,
          name: 'Sprint 1',
          boardId: 7,
          start: '2026-01-05T09:00:00.000Z',
          end: '2026-01-19T09:00:00.000Z',
          complete: '2026-01-19T10:00:00.000Z',
          completed: [
            {
              issueKey: 'CHK-2',
              acceptorId: IDS.pm,
              assigneeId: IDS.dev1,
              selfAccepted: false,
              criteriaPresent: true,
              waitWorkingDays: 3.04,
              afterSprintEnd: false,
              at: '2026-01-15T12:00:00.000Z',
              evidence: evidence('CHK-2', '2026-01-15T12:00:00.000Z'),
            },
          ],
          completedTotal: 1,
          carriedOver: [],
          carriedOverTotal: 0,
          acceptors: [{ personId: IDS.pm, count: 1, share: 1, medianWaitDays: 3.04 }],
          topAcceptor: { personId: IDS.pm, share: 1 },
          selfAccepted: 0,
          withoutCriteria: 0,
          acceptedAfterEnd: 0,
        },
        {
          sprintId: 2,
          name: 'Sprint 2',
          boardId: 7,
          start: '2026-01-19T09:00:00.000Z',
          end: '2026-02-02T09:00:00.000Z',
          complete: '2026-02-02T10:00:00.000Z',
          completed: [
            {
              issueKey: 'CHK-10',
              acceptorId: IDS.dev1,
              assigneeId: IDS.dev1,
              selfAccepted: true,
              criteriaPresent: false,
              waitWorkingDays: 0.25,
              afterSprintEnd: false,
              at: '2026-01-28T12:00:00.000Z',
              evidence: evidence('CHK-10', '2026-01-28T12:00:00.000Z'),
            },
            {
              issueKey: 'CHK-11',
              acceptorId: IDS.pm,
              assigneeId: null,
              selfAccepted: false,
              criteriaPresent: true,
              waitWorkingDays: 4.45,
              afterSprintEnd: true,
              at: '2026-02-04T12:00:00.000Z',
              evidence: evidence('CHK-11', '2026-02-04T12:00:00.000Z'),
            },
            {
              issueKey: 'CHK-12',
              acceptorId: 'automation',
              assigneeId: IDS.dev2,
              selfAccepted: false,
              criteriaPresent: true,
              waitWorkingDays: 0,
              afterSprintEnd: false,
              at: '2026-01-30T12:00:00.000Z',
              evidence: evidence('CHK-12', '2026-01-30T12:00:00.000Z'),
            },
          ],
          completedTotal: 3,
          carriedOver: [{ issueKey: 'CHK-13', toSprintId: 3 }],
          carriedOverTotal: 1,
          acceptors: [
            { personId: IDS.dev1, count: 1, share: 0.3333, medianWaitDays: 0.25 },
            { personId: IDS.pm, count: 1, share: 0.3333, medianWaitDays: 4.45 },
            { personId: 'automation', count: 1, share: 0.3333, medianWaitDays: 0 },
          ],
          topAcceptor: { personId: IDS.dev1, share: 0.3333 },
          selfAccepted: 1,
          withoutCriteria: 1,
          acceptedAfterEnd: 1,
        },
        {
          sprintId: 3,
          name: 'Sprint 3',
          boardId: 7,
          start: '2026-02-02T09:00:00.000Z',
          end: '2026-02-16T09:00:00.000Z',
          complete: null,
          completed: [],
          completedTotal: 0,
          carriedOver: [],
          carriedOverTotal: 0,
          acceptors: [],
          topAcceptor: null,
          selfAccepted: 0,
          withoutCriteria: 0,
          acceptedAfterEnd: 0,
        },
      ],
      sprintsTotal: 3,
      outsideSprints: 0,
    },
    timeline: [],
    handovers: [],
    ownershipGaps: [],
    accretions: [],
    stats: {
      issues: 14,
      issuesOutOfScope: 0,
      histories: 40,
      items: 60,
      eventsFromItems: 50,
      ignoredItems: 10,
      ignoredByField: {},
      events: 70,
      eventsInWindow: 70,
      comments: 0,
      automationEvents: 1,
    },
  };
  // The fixture is a real result: the contract's own schema accepts it.
  return AnalysisResultSchema.parse(result);
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) back into records, for round-trip checks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}
