// Test support: a two-project snapshot with three people (one sees both projects, one CHK only, one PAY only),
// written to a temp folder from the real GORA sample's fields, statuses and issue shape.
import { goraParts, syntheticIssues, writeTempSnapshot } from '../snapshot/temp-snapshot';

export const PEOPLE = {
  pm: { accountId: 'acc-pm', displayName: 'Priya Product', projects: ['CHK', 'PAY'] },
  po: { accountId: 'acc-po', displayName: 'Oscar Owner', projects: ['CHK'] },
  outsider: { accountId: 'acc-out', displayName: 'Nia Payments', projects: ['PAY'] },
} as const;

export const CHK_BOARD = 11;
/** The CHK board's sprints: two closed (102 completed last) and one active. */
export const CHK_SPRINTS = [
  {
    id: 101,
    name: 'CHK Sprint 1',
    state: 'closed',
    startDate: '2024-01-01T09:00:00.000Z',
    endDate: '2024-01-15T09:00:00.000Z',
    completeDate: '2024-01-15T10:00:00.000Z',
  },
  {
    id: 102,
    name: 'CHK Sprint 2',
    state: 'closed',
    startDate: '2024-01-15T09:00:00.000Z',
    endDate: '2024-01-29T09:00:00.000Z',
    completeDate: '2024-01-29T10:00:00.000Z',
  },
  { id: 103, name: 'CHK Sprint 3', state: 'active', startDate: '2024-01-29T09:00:00.000Z' },
];

/** Writes the snapshot; the caller removes it with removeTempSnapshots(). */
export async function writePreviewSnapshot(options: { permissions?: boolean } = {}): Promise<string> {
  const gora = await goraParts();
  const template = gora.issues[0]!;
  return writeTempSnapshot({
    site: {
      baseUrl: 'https://acme.atlassian.net',
      recordedAt: '2024-02-01T00:00:00.000Z',
      projects: [
        { key: 'CHK', name: 'Checkout', id: '10001' },
        { key: 'PAY', name: 'Payments', id: '10002' },
      ],
    },
    fields: gora.fields,
    statuses: gora.statuses,
    issues: [
      ...syntheticIssues(template, 'CHK', 3, { firstId: 500000, projectId: '10001' }),
      ...syntheticIssues(template, 'PAY', 2, { firstId: 600000, projectId: '10002' }),
    ],
    boards: [
      { id: CHK_BOARD, name: 'CHK board', type: 'scrum', location: { projectKey: 'CHK', projectId: 10001 } },
      { id: 12, name: 'PAY board', type: 'kanban', location: { projectKey: 'PAY', projectId: 10002 } },
    ],
    sprints: { [String(CHK_BOARD)]: CHK_SPRINTS },
    ...(options.permissions === false
      ? {}
      : {
          permissions: {
            accounts: Object.fromEntries(
              Object.values(PEOPLE).map((p) => [
                p.accountId,
                { displayName: p.displayName, projects: [...p.projects] },
              ]),
            ),
          },
        }),
  });
}
