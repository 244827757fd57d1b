// The macro's settings in words: the thresholds grouped by what they decide, each with a plain name, its unit and one
// line of explanation; a readable name for any settings path a validation error points at, and the one sentence
// each problem reads as wherever it is shown (the panel and the map).
import type { Thresholds } from '../../../../src/ownership/config';

export interface ThresholdField {
  key: keyof Thresholds;
  label: string;
  /** share: stored as a fraction 0–1, entered and shown in % (converted in config-draft.ts only); others as they are. */
  kind: 'share' | 'count' | 'days';
  /** What follows the input: "%", "working days", "people"… */
  unit: string;
  /** The smallest value the schema accepts (0 unless said). */
  min?: number;
  help: string;
}

export interface ThresholdGroup {
  id: string;
  title: string;
  fields: readonly ThresholdField[];
}

/** The thresholds by what they decide, in plain words: the letters, the roles, then each family of warnings. */
export const THRESHOLD_GROUPS: readonly ThresholdGroup[] = [
  {
    id: 'letters',
    title: 'Letters in the map',
    fields: [
      {
        key: 'accountableShare',
        label: 'Accountable (A) share',
        kind: 'share',
        unit: '%',
        help: "Someone with at least this share of a responsibility's activity is accountable for it.",
      },
      {
        key: 'responsibleShare',
        label: 'Responsible (R) share',
        kind: 'share',
        unit: '%',
        help: 'Someone with at least this share does a real part of the work.',
      },
      {
        key: 'consultedShare',
        label: 'Consulted (C) share',
        kind: 'share',
        unit: '%',
        help: 'Someone with at least this share, or who comments on its issues, is consulted.',
      },
    ],
  },
  {
    id: 'roles',
    title: 'Roles',
    fields: [
      {
        key: 'engineerDeliveryShare',
        label: 'Building work for the Team column',
        kind: 'share',
        unit: '%',
        help: 'People whose building work is at least this share of their activity join the Team column.',
      },
      {
        key: 'roleSubstantialShare',
        label: 'Share that counts as doing both jobs',
        kind: 'share',
        unit: '%',
        help: 'Roadmap and backlog work both at least this share of product work make someone PM/PO.',
      },
      {
        key: 'combinedRoleMaxSquads',
        label: 'Squads one PM/PO can serve',
        kind: 'count',
        unit: 'squads',
        help: 'Beyond this many squads the advice is to split the role.',
      },
    ],
  },
  {
    id: 'acceptance',
    title: 'Acceptance warnings',
    fields: [
      {
        key: 'acceptanceConcentrationShare',
        label: "One person's share of acceptances",
        kind: 'share',
        unit: '%',
        help: 'Warns when one person accepts at least this share of the finished work…',
      },
      {
        key: 'acceptanceWaitDays',
        label: 'Wait for acceptance',
        kind: 'days',
        unit: 'working days',
        help: '…and work waits this long for them (median).',
      },
      {
        key: 'selfAcceptanceShare',
        label: 'Work accepted by its builder',
        kind: 'share',
        unit: '%',
        help: 'Warns when at least this share of finished work was moved to done by whoever built it.',
      },
      {
        key: 'singlePointIdleDays',
        label: 'Days without acceptance',
        kind: 'count',
        unit: 'working days',
        help: 'Warns when the only person who accepts leaves work waiting this long.',
      },
    ],
  },
  {
    id: 'roadmap',
    title: 'Roadmap and workload warnings',
    fields: [
      {
        key: 'minDeliveryPeople',
        label: 'Team size for roadmap plus acceptance',
        kind: 'count',
        unit: 'people',
        help: 'Warns when the roadmap owner also accepts the work of at least this many people.',
      },
      {
        key: 'tacticalOverloadShare',
        label: "Roadmap owner's backlog work",
        kind: 'share',
        unit: '%',
        help: 'Warns when the roadmap owner spends at least this share of product work on backlog and sprints.',
      },
      {
        key: 'targetDateSlips',
        label: 'Target date moves',
        kind: 'count',
        unit: 'times',
        help: "Warns when a roadmap item's target date moves later this many times.",
      },
      {
        key: 'staleEpicDays',
        label: 'Days an open epic may rest',
        kind: 'count',
        unit: 'days',
        help: 'Warns when an open epic has had no product change for this long.',
      },
    ],
  },
  {
    id: 'squads',
    title: 'Squad warnings',
    fields: [
      {
        key: 'maxBoardsPerOwner',
        label: 'Squads one person may own',
        kind: 'count',
        unit: 'boards',
        help: 'Warns when someone owns backlog work on more boards than this.',
      },
      {
        key: 'maxSquadSize',
        label: 'People per product owner',
        kind: 'count',
        unit: 'people',
        help: 'Warns when one product owner serves more delivering people than this.',
      },
      {
        key: 'vagueStoriesShare',
        label: 'Stories not ready for a sprint',
        kind: 'share',
        unit: '%',
        help: 'Warns when at least this share of stories enters a sprint without criteria or estimate.',
      },
    ],
  },
  {
    id: 'bandwidth',
    title: 'Bandwidth',
    fields: [
      {
        key: 'strategicCollapseRatio',
        label: 'Roadmap time kept',
        kind: 'share',
        unit: '% of before',
        help: 'Flags someone whose recent roadmap share falls below this part of what it was early on.',
      },
      {
        key: 'strategicCollapsePeriods',
        label: 'Sprints compared',
        kind: 'count',
        unit: 'sprints',
        min: 1,
        help: 'How many early and how many recent sprints (or weeks) that comparison takes.',
      },
    ],
  },
];

export const THRESHOLD_FIELDS: readonly ThresholdField[] = THRESHOLD_GROUPS.flatMap((group) => group.fields);

/** The one sentence for an invalid threshold, in the panel and on the map alike. */
export function thresholdProblem(field: ThresholdField): string {
  if (field.kind === 'share') return `${field.label}: enter a percentage from 0 to 100.`;
  const min = field.min ?? 0;
  return field.kind === 'count'
    ? `${field.label}: enter a whole number of ${min} or more.`
    : `${field.label}: enter a number of ${min} or more.`;
}

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

/**
 * A problem with the settings as one sentence that names the setting: the panel's own wording for thresholds and
 * the sprint count, the schema's sentence after the setting's name otherwise, never zod's generic "Too small: …".
 * The panel shows it under the field, the map lists it when the saved settings are refused.
 */
export function settingProblem({ path, message }: { path: string; message: string }): string {
  if (path === 'window.lastSprints') return 'Number of sprints: enter a whole number from 1 to 52.';
  const threshold = /^thresholds\.(\w+)$/.exec(path);
  const field = threshold ? THRESHOLD_FIELDS.find((f) => f.key === threshold[1]) : undefined;
  if (field) return thresholdProblem(field);
  const label = path === '' ? 'Settings' : settingLabel(path);
  if (/^(Too small|Too big|Invalid input)/.test(message)) return `${label}: enter a valid value.`;
  return `${label}: ${message}`;
}

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
