// The macro's settings in words: a label per threshold (with what it decides) and a readable name for any settings
// path a validation error points at, e.g. "thresholds.accountableShare" → "Accountable share".
import type { Thresholds } from '../../../../src/ownership/config';

export interface ThresholdField {
  key: keyof Thresholds;
  label: string;
  /** share: a fraction 0–1, shown with its percentage; count / days: whole or decimal numbers. */
  kind: 'share' | 'count' | 'days';
  help: string;
}

export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  {
    key: 'accountableShare',
    label: 'Accountable share',
    kind: 'share',
    help: 'A needs at least this share of a row.',
  },
  {
    key: 'responsibleShare',
    label: 'Responsible share',
    kind: 'share',
    help: 'R needs at least this share.',
  },
  {
    key: 'consultedShare',
    label: 'Consulted share',
    kind: 'share',
    help: 'C needs at least this share (or a comment).',
  },
  {
    key: 'minDeliveryPeople',
    label: 'Minimum delivering people',
    kind: 'count',
    help: 'Strategy-and-acceptance warns from this team size.',
  },
  {
    key: 'tacticalOverloadShare',
    label: 'Tactical overload share',
    kind: 'share',
    help: "The roadmap owner's tactical share of their own product activity.",
  },
  {
    key: 'acceptanceConcentrationShare',
    label: 'Acceptance concentration share',
    kind: 'share',
    help: "One person's share of all acceptances.",
  },
  {
    key: 'acceptanceWaitDays',
    label: 'Acceptance wait (working days)',
    kind: 'days',
    help: 'Median wait before that person accepts.',
  },
  {
    key: 'vagueStoriesShare',
    label: 'Vague stories share',
    kind: 'share',
    help: 'Stories entering a sprint without criteria or estimate.',
  },
  {
    key: 'targetDateSlips',
    label: 'Target date slips',
    kind: 'count',
    help: 'Later target-date moves on one item.',
  },
  {
    key: 'staleEpicDays',
    label: 'Stale epic days',
    kind: 'count',
    help: 'Days an open epic may go without a product edit.',
  },
  {
    key: 'maxBoardsPerOwner',
    label: 'Boards per owner',
    kind: 'count',
    help: 'Boards one person may own a tactical row on.',
  },
  {
    key: 'maxSquadSize',
    label: 'Squad size',
    kind: 'count',
    help: 'Delivering people one PO-like person may serve.',
  },
  {
    key: 'selfAcceptanceShare',
    label: 'Self-acceptance share',
    kind: 'share',
    help: 'Done issues moved to done by their own assignee.',
  },
  {
    key: 'singlePointIdleDays',
    label: 'Idle working days',
    kind: 'count',
    help: 'Days with waiting items and no event of a one-person row.',
  },
  {
    key: 'engineerDeliveryShare',
    label: 'Engineer delivery share',
    kind: 'share',
    help: 'A person is an engineer when delivery is at least this share of their activity.',
  },
  {
    key: 'roleSubstantialShare',
    label: 'Substantial share',
    kind: 'share',
    help: 'Strategic and tactical work both count (PM/PO) from this share.',
  },
  {
    key: 'combinedRoleMaxSquads',
    label: 'Squads for a combined role',
    kind: 'count',
    help: 'One person may do both roles for at most this many squads.',
  },
  {
    key: 'strategicCollapseRatio',
    label: 'Strategic collapse ratio',
    kind: 'share',
    help: 'Recent strategic share below this fraction of the early one is a collapse.',
  },
  {
    key: 'strategicCollapsePeriods',
    label: 'Periods compared',
    kind: 'count',
    help: 'Periods that make "early" and "recent".',
  },
];

const TOP_LABELS: Record<string, string> = {
  scope: 'Projects and boards',
  'scope.projects': 'Projects',
  'scope.boards': 'Boards',
  window: 'Time window',
  'window.lastSprints': 'Number of sprints',
  'window.from': 'From date',
  'window.to': 'To date',
  declared: 'Declared roles',
  'declared.pm': 'Declared product manager',
  'declared.po': 'Declared product owner',
  'declared.rows': 'Declared rows',
  acceptanceStatuses: 'Acceptance statuses',
  statusMapping: 'Statuses Jira no longer lists',
  showDeliveryPeople: 'Show delivery people',
  thresholds: 'Thresholds',
  weights: 'Weights',
};

/** A settings path in words; unknown paths are returned as they are. */
export function settingLabel(path: string): string {
  if (path in TOP_LABELS) return TOP_LABELS[path]!;
  const threshold = /^thresholds\.(\w+)$/.exec(path);
  if (threshold) return THRESHOLD_FIELDS.find((f) => f.key === threshold[1])?.label ?? path;
  const row = /^declared\.rows\.(\d+)(?:\.(\w+))?/.exec(path);
  if (row) {
    const part =
      row[2] === 'label' ? ' name' : row[2] === 'people' ? ' people' : row[2] === 'layer' ? ' layer' : '';
    return `Declared row ${Number(row[1]) + 1}${part}`;
  }
  const status = /^statusMapping\.(\d+)$/.exec(path);
  if (status) return `Status ${Number(status[1]) + 1}`;
  const list = /^scope\.(projects|boards)\.\d+$/.exec(path);
  if (list) return TOP_LABELS[`scope.${list[1]}`]!;
  return path;
}
