// The small analysis result of fixture.ts with ownership over time: on CHK board (4 sprints) Pat Manager holds the
// roadmap throughout and takes refinement over from Olga from Sprint 3 on (an accretion too: Pat keeps the
// roadmap), and acceptance, held by the Team, has no owner from Sprint 3 on; the whole scope by month shows the
// same refinement handover in February. Handovers carry evidence, newest first, with one issue twice.
import {
  AnalysisResultSchema,
  TEAM_ID,
  type AnalysisResult,
  type RowTimeline,
} from '../../../src/contract/analysis';
import type { RowKey } from '../../../src/ownership/rows';
import { analysisFixture, IDS } from './fixture';

export const SPRINT_STARTS = [
  '2026-01-05T09:00:00.000Z',
  '2026-01-19T09:00:00.000Z',
  '2026-02-02T09:00:00.000Z',
  '2026-02-16T09:00:00.000Z',
  '2026-03-02T09:00:00.000Z',
] as const;

type Owner = [ownerId: string | null, share: number | null, eventCount: number];

function sprintTimeline(row: RowKey, owners: readonly Owner[]): RowTimeline {
  return {
    row,
    boardId: 7,
    periods: owners.map(([ownerId, share, eventCount], i) => ({
      id: `sprint:${i + 1}`,
      label: `Sprint ${i + 1}`,
      start: SPRINT_STARTS[i]!,
      end: SPRINT_STARTS[i + 1]!,
      ownerId,
      share,
      eventCount,
    })),
  };
}

function monthTimeline(row: RowKey, owners: readonly Owner[]): RowTimeline {
  const months = [
    ['month:2026-01', 'Jan 2026', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
    ['month:2026-02', 'Feb 2026', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
  ] as const;
  return {
    row,
    boardId: null,
    periods: owners.map(([ownerId, share, eventCount], i) => {
      const [id, label, start, end] = months[i]!;
      return { id, label, start, end, ownerId, share, eventCount };
    }),
  };
}

const change = (issueKey: string, at: string) => ({
  issueKey,
  at,
  field: 'rank',
  from: null,
  to: 'Ranked higher',
});

/** `analysisFixture()` with a timeline, handovers, a gap and an accretion (the schema accepts it). */
export function overTimeFixture(): AnalysisResult {
  const result = analysisFixture();
  result.timeline = [
    sprintTimeline('roadmap', [
      [IDS.pm, 0.8, 6],
      [IDS.pm, 0.75, 9],
      [IDS.pm, 0.9, 12],
      [IDS.pm, 1, 8],
    ]),
    sprintTimeline('refinement', [
      [IDS.po, 0.7, 10],
      [IDS.po, 0.6, 14],
      [IDS.pm, 0.5456, 18],
      [IDS.pm, 0.6, 15],
    ]),
    sprintTimeline('acceptance', [
      [TEAM_ID, 0.6, 8],
      [TEAM_ID, 0.55, 9],
      [null, null, 7],
      [null, null, 3],
    ]),
    monthTimeline('roadmap', [
      [IDS.pm, 0.8, 15],
      [IDS.pm, 0.9, 20],
    ]),
    monthTimeline('refinement', [
      [IDS.po, 0.65, 24],
      [IDS.pm, 0.58, 33],
    ]),
  ];
  result.handovers = [
    {
      row: 'refinement',
      boardId: null,
      fromId: IDS.po,
      toId: IDS.pm,
      since: '2026-02-01T00:00:00.000Z',
      sincePeriod: 'Feb 2026',
      untilPeriod: 'Jan 2026',
      fromShare: 0.65,
      toShare: 0.58,
      evidence: [change('CHK-9', '2026-02-03T10:00:00.000Z')],
      evidenceTotal: 33,
    },
    {
      row: 'refinement',
      boardId: 7,
      fromId: IDS.po,
      toId: IDS.pm,
      since: SPRINT_STARTS[2],
      sincePeriod: 'Sprint 3',
      untilPeriod: 'Sprint 2',
      fromShare: 0.6,
      toShare: 0.5456,
      evidence: [
        change('CHK-5', '2026-02-10T10:00:00.000Z'),
        change('CHK-5', '2026-02-09T10:00:00.000Z'),
        change('CHK-4', '2026-02-05T10:00:00.000Z'),
        change('CHK-3', '2026-01-30T10:00:00.000Z'),
        change('CHK-2', '2026-01-20T10:00:00.000Z'),
      ],
      evidenceTotal: 42,
    },
  ];
  result.ownershipGaps = [
    {
      row: 'acceptance',
      boardId: 7,
      previousOwnerId: TEAM_ID,
      from: SPRINT_STARTS[2],
      fromPeriod: 'Sprint 3',
      toPeriod: 'Sprint 4',
      periods: 2,
      ongoing: true,
    },
  ];
  result.accretions = [
    {
      personId: IDS.pm,
      row: 'refinement',
      boardId: 7,
      since: SPRINT_STARTS[2],
      sincePeriod: 'Sprint 3',
      share: 0.5456,
      keptRows: ['roadmap'],
      evidence: [change('CHK-5', '2026-02-10T10:00:00.000Z')],
      evidenceTotal: 11,
    },
  ];
  return AnalysisResultSchema.parse(result);
}

/** The same result over two boards of CHK: the whole-scope months view is then shown too, before the boards. */
export function twoBoardOverTimeFixture(): AnalysisResult {
  const result = overTimeFixture();
  result.scope.boards = [...result.scope.boards, { id: 8, name: 'CHK ops', projectKey: 'CHK' }];
  return result;
}
