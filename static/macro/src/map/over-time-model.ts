// The "Ownership over time" strip from an analysis result, with no React in it: which scopes can be chosen (the
// whole site in months, each board in its sprints), one band per row in the map's row order with the owner of every
// period, a colour per owner shown, and the handovers and accretions of the scope as sentences.
import {
  TEAM_ID,
  type Accretion,
  type AnalysisResult,
  type Handover,
  type TimelinePeriod,
} from '../../../../src/contract/analysis';
import {
  accretionSentence,
  handoverSentence,
  resultNames,
  type OverTimeNames,
} from '../../../../src/export/over-time';
import type { RowKey } from '../../../../src/ownership/rows';
import { percent } from '../../../shared/format';
import { handoverStartingIn } from '../../../shared/over-time';
import { displayNameOf, mapGroups } from './map-model';

export interface OverTimeScope {
  /** null: the whole site, over calendar months. */
  boardId: number | null;
  label: string;
}

/**
 * The accent palette of the avatars (macro.css `.accent-*`). Owners get them by their place among the owners
 * shown, so the people on one strip never share a colour (up to eight of them).
 */
export const OWNER_ACCENTS = [
  'blue',
  'purple',
  'teal',
  'green',
  'orange',
  'magenta',
  'lime',
  'yellow',
] as const;
/** The Team column's neutral look, and the hatched "nobody" look. */
export type OwnerLook = (typeof OWNER_ACCENTS)[number] | 'team' | 'none';

export interface OverTimeOwner {
  /** A person id, or TEAM_ID. */
  id: string;
  name: string;
  look: OwnerLook;
  inactive: boolean;
}

export interface AxisPeriod {
  id: string;
  label: string;
  /** The part of the label that differs from its neighbours ("3" of "PAY Sprint 3", "Jul" of "Jul 2026"). */
  short: string;
}

export interface BandCell {
  period: TimelinePeriod;
  /** null: nobody held the row in this period (or too few events to tell). */
  owner: OverTimeOwner | null;
  /** "Jul 2026: Priya Raman, 87%" / "Jul 2026: no clear owner". */
  description: string;
  /** The handover whose new owner starts in this period. */
  handover: OverTimeChange | null;
}

export interface Band {
  row: RowKey;
  label: string;
  /** One per axis period; null where the row has no entry for that period. */
  cells: (BandCell | null)[];
}

interface ChangeBase {
  /** Stable across refreshes: what changed, where and when. */
  key: string;
  row: RowKey;
  rowLabel: string;
  boardId: number | null;
  since: string;
  sincePeriod: string;
  /** The line under the bands, which also titles the evidence: the words every surface uses for the change. */
  sentence: string;
  /** What the share(s) in the sentence are, and which events are listed. */
  summary: string;
  evidence: Handover['evidence'];
  evidenceTotal: number;
}

export type OverTimeChange =
  | (ChangeBase & { kind: 'handover'; fromName: string; toName: string; label: string })
  | (ChangeBase & { kind: 'accretion'; personName: string });

export interface OverTimeView {
  scope: OverTimeScope;
  /** The scope's periods, oldest first, and what their short labels leave out ("PAY Sprint", "2026"). */
  axis: AxisPeriod[];
  axisCommon: string;
  bands: Band[];
  /** The owners the bands show, in order of first appearance (row by row), for the legend. */
  owners: OverTimeOwner[];
  /** Handovers and accretions of the scope, oldest first. */
  changes: OverTimeChange[];
  /** False when no period of any row has an owner: the strip then says there is too little to tell. */
  hasOwner: boolean;
}

/** "Whole site", then every board of the map's scope. */
export function overTimeScopes(result: AnalysisResult): OverTimeScope[] {
  return [
    { boardId: null, label: 'Whole site' },
    ...result.scope.boards.map((board) => ({ boardId: board.id, label: board.name })),
  ];
}

/** A map of one board opens on that board; a map of several (or of projects without boards) on the site. */
export function defaultOverTimeScope(result: AnalysisResult): number | null {
  const boards = result.scope.boards;
  return boards.length === 1 ? boards[0]!.id : null;
}

/**
 * Short axis labels: the words every label shares at its start or end are said once for the whole axis. When that
 * would leave a label empty (a single period, identical labels), the full labels are kept.
 */
export function axisLabels(labels: readonly string[]): { common: string; short: string[] } {
  const words = labels.map((label) => label.split(/\s+/).filter(Boolean));
  if (words.length < 2) return { common: '', short: [...labels] };
  const shortest = Math.min(...words.map((w) => w.length));
  const same = (pick: (w: string[]) => string | undefined) => words.every((w) => pick(w) === pick(words[0]!));
  let head = 0;
  while (head < shortest && same((w) => w[head])) head += 1;
  let tail = 0;
  while (tail < shortest - head && same((w) => w[w.length - 1 - tail])) tail += 1;
  const short = words.map((w) => w.slice(head, w.length - tail).join(' '));
  if (short.some((s) => s === '')) return { common: '', short: [...labels] };
  const first = words[0]!;
  const common = [...first.slice(0, head), ...first.slice(first.length - tail)].join(' ');
  return { common, short };
}

/**
 * The sentences every surface shares (src/export/over-time.ts), dates in the viewer's locale; the site is named as
 * the scope chooser names it.
 */
function namesOf(result: AnalysisResult, formatDate: (iso: string) => string): OverTimeNames {
  const names = resultNames(result, formatDate);
  return { ...names, board: (id) => (id === null ? 'Whole site' : names.board(id)) };
}

function handoverChange(
  result: AnalysisResult,
  handover: Handover,
  rowLabel: (row: RowKey) => string,
  names: OverTimeNames,
): OverTimeChange {
  const fromName = displayNameOf(result, handover.fromId);
  const toName = displayNameOf(result, handover.toId);
  return {
    kind: 'handover',
    key: `handover|${handover.boardId ?? 'site'}|${handover.row}|${handover.since}|${handover.fromId}|${handover.toId}`,
    row: handover.row,
    rowLabel: rowLabel(handover.row),
    boardId: handover.boardId,
    since: handover.since,
    sincePeriod: handover.sincePeriod,
    fromName,
    toName,
    label: `Handover of ${names.row(handover.row)} from ${fromName} to ${toName} since ${handover.sincePeriod}`,
    sentence: handoverSentence(handover, names),
    summary:
      `The shares are ${fromName}'s in ${handover.untilPeriod}, the last period they owned the row, and ` +
      `${toName}'s in ${handover.sincePeriod}, the first one ${toName} did. The events are both people's in ` +
      'the periods that decided it.',
    evidence: handover.evidence,
    evidenceTotal: handover.evidenceTotal,
  };
}

function accretionChange(
  result: AnalysisResult,
  accretion: Accretion,
  rowLabel: (row: RowKey) => string,
  names: OverTimeNames,
): OverTimeChange {
  const personName = displayNameOf(result, accretion.personId);
  return {
    kind: 'accretion',
    key: `accretion|${accretion.boardId ?? 'site'}|${accretion.row}|${accretion.since}|${accretion.personId}`,
    row: accretion.row,
    rowLabel: rowLabel(accretion.row),
    boardId: accretion.boardId,
    since: accretion.since,
    sincePeriod: accretion.sincePeriod,
    personName,
    sentence: accretionSentence(accretion, names),
    summary:
      `${personName} held ${percent(accretion.share)} of this row's activity in ${accretion.sincePeriod}, the ` +
      'first period they owned it, while still owning the rows they kept.',
    evidence: accretion.evidence,
    evidenceTotal: accretion.evidenceTotal,
  };
}

/** The map's inferred rows that have a timeline, in the map's order (strategic, then tactical). */
function rowOrder(result: AnalysisResult): { key: RowKey; label: string }[] {
  const keys = new Set(result.timeline.map((t) => t.row));
  return mapGroups(result)
    .flatMap((group) => group.rows)
    .filter((row) => !row.declared && keys.has(row.id as RowKey))
    .map((row) => ({ key: row.id as RowKey, label: row.label }));
}

function rowLabelOf(result: AnalysisResult): (row: RowKey) => string {
  const labels = new Map(result.rows.map((row) => [row.key, row.label]));
  return (row) => labels.get(row) ?? row;
}

/** Every handover and accretion of the result, in the scope given, oldest first (then in the map's row order). */
function changesOf(
  result: AnalysisResult,
  boardId: number | null,
  formatDate: (iso: string) => string,
): OverTimeChange[] {
  const label = rowLabelOf(result);
  const names = namesOf(result, formatDate);
  const rank = new Map(rowOrder(result).map((row, index) => [row.key, index]));
  return [
    ...result.handovers
      .filter((h) => h.boardId === boardId)
      .map((h) => handoverChange(result, h, label, names)),
    ...result.accretions
      .filter((a) => a.boardId === boardId)
      .map((a) => accretionChange(result, a, label, names)),
  ].sort(
    (a, b) =>
      a.since.localeCompare(b.since) ||
      (rank.get(a.row) ?? 0) - (rank.get(b.row) ?? 0) ||
      a.key.localeCompare(b.key),
  );
}

/** The handover or accretion with this key, in any scope (undefined once a refresh no longer finds it). */
export function changeByKey(
  result: AnalysisResult,
  key: string,
  formatDate: (iso: string) => string,
): OverTimeChange | undefined {
  const boardIds = new Set<number | null>([
    ...result.handovers.map((h) => h.boardId),
    ...result.accretions.map((a) => a.boardId),
  ]);
  for (const boardId of boardIds) {
    const found = changesOf(result, boardId, formatDate).find((change) => change.key === key);
    if (found) return found;
  }
  return undefined;
}

export function overTimeView(
  result: AnalysisResult,
  boardId: number | null,
  formatDate: (iso: string) => string,
): OverTimeView {
  const scope = overTimeScopes(result).find((s) => s.boardId === boardId) ?? {
    boardId,
    label: `Board ${boardId}`,
  };
  const rows = rowOrder(result);
  const timelines = new Map(result.timeline.filter((t) => t.boardId === boardId).map((t) => [t.row, t]));

  // The axis: every period any row of the scope lists, oldest first (the rows normally share them all).
  const periods = new Map<string, TimelinePeriod>();
  for (const timeline of timelines.values()) for (const p of timeline.periods) periods.set(p.id, p);
  const ordered = [...periods.values()].sort(
    (a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
  );
  const { common, short } = axisLabels(ordered.map((p) => p.label));
  const axis = ordered.map((p, index) => ({ id: p.id, label: p.label, short: short[index]! }));

  // Owners in order of first appearance, row by row, so the roadmap's owner comes first.
  const owners = new Map<string, OverTimeOwner>();
  const active = new Map(result.people.map((person) => [person.id, person.active]));
  for (const row of rows) {
    for (const p of timelines.get(row.key)?.periods ?? []) {
      if (p.ownerId === null || owners.has(p.ownerId)) continue;
      const look: OwnerLook =
        p.ownerId === TEAM_ID
          ? 'team'
          : OWNER_ACCENTS[
              [...owners.values()].filter((o) => o.look !== 'team').length % OWNER_ACCENTS.length
            ]!;
      owners.set(p.ownerId, {
        id: p.ownerId,
        name: displayNameOf(result, p.ownerId),
        look,
        inactive: active.get(p.ownerId) === false,
      });
    }
  }

  const changes = changesOf(result, boardId, formatDate);
  const bands: Band[] = rows
    .filter((row) => timelines.has(row.key))
    .map((row) => {
      const listed = timelines.get(row.key)!.periods;
      const byId = new Map(listed.map((p) => [p.id, p]));
      const handovers = changes.filter((c) => c.kind === 'handover' && c.row === row.key);
      return {
        row: row.key,
        label: row.label,
        cells: axis.map((a) => {
          const period = byId.get(a.id);
          if (period === undefined) return null;
          const owner = period.ownerId === null ? null : owners.get(period.ownerId)!;
          const description =
            owner === null
              ? `${period.label}: no clear owner`
              : `${period.label}: ${owner.name}, ${percent(period.share ?? 0)}`;
          return { period, owner, description, handover: handoverStartingIn(handovers, period) ?? null };
        }),
      };
    });

  return {
    scope,
    axis,
    axisCommon: common,
    bands,
    owners: [...owners.values()],
    changes,
    hasOwner: owners.size > 0,
  };
}
