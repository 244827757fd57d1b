// The Jira views' small result (three product people, a Team) with ownership over time added: the site over three
// months, where Pat takes acceptance on while keeping the roadmap and the backlog; CHK board over three sprints,
// where refinement passes from Olga (inactive) to Eve and the team holds acceptance; PAY board, too quiet to tell.
import {
  AnalysisResultSchema,
  TEAM_ID,
  type AnalysisResult,
  type RowTimeline,
} from '../../../src/contract/analysis';
import type { RowKey } from '../../../src/ownership/rows';
import { analysisFixture, IDS } from '../jira-views/fixture';

export { IDS };

type Owner = [ownerId: string, share: number] | null;

const MONTHS = [
  {
    id: 'month:2026-01',
    label: 'Jan 2026',
    start: '2026-01-01T00:00:00.000Z',
    end: '2026-02-01T00:00:00.000Z',
  },
  {
    id: 'month:2026-02',
    label: 'Feb 2026',
    start: '2026-02-01T00:00:00.000Z',
    end: '2026-03-01T00:00:00.000Z',
  },
  {
    id: 'month:2026-03',
    label: 'Mar 2026',
    start: '2026-03-01T00:00:00.000Z',
    end: '2026-04-01T00:00:00.000Z',
  },
];

const sprints = (board: string, first: number) =>
  [0, 1, 2].map((i) => ({
    id: `sprint:${first + i}`,
    label: `${board} Sprint ${i + 1}`,
    start: new Date(Date.UTC(2026, 0, 5 + 14 * i, 9)).toISOString(),
    end: new Date(Date.UTC(2026, 0, 19 + 14 * i, 9)).toISOString(),
  }));
const CHK_SPRINTS = sprints('CHK', 1);
const PAY_SPRINTS = sprints('PAY', 11);

function timeline(
  row: RowKey,
  boardId: number | null,
  periods: typeof MONTHS,
  owners: readonly Owner[],
): RowTimeline {
  return {
    row,
    boardId,
    periods: periods.map((period, i) => {
      const owner = owners[i] ?? null;
      return {
        ...period,
        ownerId: owner === null ? null : owner[0],
        share: owner === null ? null : owner[1],
        eventCount: owner === null ? 2 : 12,
      };
    }),
  };
}

const evidence = (issueKey: string, at: string) => ({
  issueKey,
  historyId: `h-${issueKey}`,
  at,
  field: 'Acceptance criteria',
  from: null,
  to: 'Given…',
});

export function overTimeFixture(): AnalysisResult {
  const result = analysisFixture();
  result.scope.boards = [
    { id: 7, name: 'CHK board', projectKey: 'CHK' },
    { id: 8, name: 'PAY board', projectKey: 'PAY' },
  ];
  // Listed out of the map's order on purpose: the strip follows the map, not the wire.
  result.timeline = [
    timeline('acceptance', null, MONTHS, [null, null, [IDS.pm, 0.55]]),
    timeline('roadmap', null, MONTHS, [
      [IDS.pm, 1],
      [IDS.pm, 0.9],
      [IDS.pm, 0.87],
    ]),
    timeline('prioritization', null, MONTHS, [null, [IDS.pm, 0.6], [IDS.pm, 0.7]]),
    timeline('roadmap', 7, CHK_SPRINTS, [
      [IDS.pm, 1],
      [IDS.pm, 1],
      [IDS.pm, 1],
    ]),
    timeline('refinement', 7, CHK_SPRINTS, [
      [IDS.po, 0.8],
      [IDS.po, 0.72],
      [IDS.eng, 0.54],
    ]),
    timeline('acceptance', 7, CHK_SPRINTS, [
      [TEAM_ID, 0.9],
      [TEAM_ID, 0.9],
      [TEAM_ID, 0.9],
    ]),
    timeline('roadmap', 8, PAY_SPRINTS, [null, null, null]),
    timeline('refinement', 8, PAY_SPRINTS, [null, null, null]),
  ];
  result.handovers = [
    {
      row: 'refinement',
      boardId: 7,
      fromId: IDS.po,
      toId: IDS.eng,
      since: CHK_SPRINTS[2]!.start,
      sincePeriod: 'CHK Sprint 3',
      untilPeriod: 'CHK Sprint 2',
      fromShare: 0.72,
      toShare: 0.54,
      evidence: [evidence('CHK-21', '2026-02-03T10:00:00.000Z')],
      evidenceTotal: 3,
    },
  ];
  result.accretions = [
    {
      personId: IDS.pm,
      row: 'acceptance',
      boardId: null,
      since: MONTHS[2]!.start,
      sincePeriod: 'Mar 2026',
      share: 0.55,
      keptRows: ['roadmap', 'prioritization'],
      evidence: [evidence('CHK-30', '2026-03-04T10:00:00.000Z')],
      evidenceTotal: 1,
    },
  ];
  return AnalysisResultSchema.parse(result);
}
