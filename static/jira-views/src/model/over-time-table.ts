// Ownership over time as the "Over time" tab draws it and its exports write it: which scopes are shown (one board,
// or the whole scope by month and then each board by sprint), per row a band of periods with the owner of each, one
// colour per owner across every band, the handovers as table rows, and the gaps and accretions for the shared
// sentences (src/export/over-time.ts), so the tab tells a change in the words the report and the macro use.
import type { Accretion, AnalysisResult, Handover, OwnershipGap } from '../../../../src/contract/analysis';
import { TEAM_ID } from '../../../../src/contract/analysis';
import {
  accretionSentence,
  gapSentence,
  resultNames,
  type OverTimeNames,
} from '../../../../src/export/over-time';
import { MIN_EVENTS, ROLLING_PERIODS } from '../../../../src/ownership/over-time/period-owners';
import { HOLD_PERIODS } from '../../../../src/ownership/over-time/runs';
import { ROWS, type RowKey } from '../../../../src/ownership/rows';
import { initials } from '../../../shared/format';
import { handoverStartingIn } from '../../../shared/over-time';
import { dateOf, formatPercent } from './format';

/** How many owner colours the palette has (styles.css: data-tone 0 … 7); further owners reuse them in turn. */
export const OWNER_TONES = 8;
/** Issue keys listed beside a handover's evidence count: the most recent distinct ones. */
export const LATEST_EVIDENCE_KEYS = 3;

// The engine's rules, so the page explains them with the very numbers that applied.
export { HOLD_PERIODS, MIN_EVENTS, ROLLING_PERIODS };

/** 'team' for the Team (grey), or a palette slot. */
export type OwnerTone = 'team' | number;

export interface OwnerEntry {
  id: string;
  name: string;
  /** What a band cell shows besides its colour, so the owner never rests on colour alone. */
  short: string;
  tone: OwnerTone;
}

export interface BandCell {
  periodId: string;
  periodLabel: string;
  ownerId: string | null;
  owner: OwnerEntry | null;
  share: number | null;
  eventCount: number;
  /** Set on the new owner's first period of a handover: who held the row before. */
  handoverFrom: string | null;
  /** "PAY Sprint 3: Omar Haddad, 54 %" or "PAY Sprint 3: no clear owner". */
  text: string;
}

export interface BandRow {
  key: RowKey;
  label: string;
  cells: BandCell[];
}

export interface OverTimeScope {
  /** "all" or "board-<id>": unique among the shown scopes. */
  key: string;
  boardId: number | null;
  /** "PAY board" or "All of PAY". */
  name: string;
  /** A board without sprints is cut into months too. */
  unit: 'sprint' | 'month';
  periods: { id: string; label: string }[];
  rows: BandRow[];
}

export interface HandoverRow {
  row: RowKey;
  rowLabel: string;
  boardId: number | null;
  boardName: string;
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
  sincePeriod: string;
  /** ISO start of the first period the new owner held the row. */
  since: string;
  /** YYYY-MM-DD (UTC), as the exports write dates. */
  sinceDate: string;
  untilPeriod: string;
  fromShare: number;
  toShare: number;
  evidenceTotal: number;
  /** The most recent distinct issue keys of the evidence, newest first. */
  latestIssueKeys: string[];
}

export interface OverTimeView {
  scopes: OverTimeScope[];
  /** Every owner in the shown bands, by name (the Team last), each with its colour. */
  owners: OwnerEntry[];
  /** The shown scopes' handovers: scope by scope, then by date and row. */
  handovers: HandoverRow[];
  /** The shown scopes' gaps and accretions, in the same order; `changeSentences` puts them in words. */
  gaps: OwnershipGap[];
  accretions: Accretion[];
  /** The names the sentences use (board names as the tab shows them; dates as ISO days, as the exports). */
  names: OverTimeNames;
  /** True when no period of any shown band has an owner: the tab then shows its empty state instead. */
  empty: boolean;
}

function rowLabel(result: AnalysisResult, row: RowKey): string {
  return result.rows.find((r) => r.key === row)?.label ?? ROWS.find((r) => r.key === row)?.label ?? row;
}

/** The scopes shown, in order: one board alone; otherwise the whole scope by month, then each board. */
function shownScopeIds(result: AnalysisResult): (number | null)[] {
  const boards = result.scope.boards.map((b) => b.id);
  return boards.length === 1 ? boards : [null, ...boards];
}

function scopeName(result: AnalysisResult, boardId: number | null): string {
  if (boardId !== null) {
    return result.scope.boards.find((b) => b.id === boardId)?.name ?? `Board ${boardId}`;
  }
  const projects = result.scope.projects;
  return projects.length === 0 ? 'The whole scope' : `All of ${projects.join(', ')}`;
}

function ownerEntries(ids: ReadonlySet<string>, names: OverTimeNames): OwnerEntry[] {
  const people = [...ids]
    .filter((id) => id !== TEAM_ID)
    .map((id) => ({ id, name: names.person(id) }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  const entries: OwnerEntry[] = people.map((p, index) => ({
    ...p,
    short: initials(p.name),
    tone: index % OWNER_TONES,
  }));
  if (ids.has(TEAM_ID)) {
    entries.push({ id: TEAM_ID, name: names.person(TEAM_ID), short: 'Team', tone: 'team' });
  }
  return entries;
}

function cellText(periodLabel: string, owner: OwnerEntry | null, share: number | null): string {
  if (owner === null) return `${periodLabel}: no clear owner`;
  return `${periodLabel}: ${owner.name}, ${formatPercent(share ?? 0)}`;
}

function latestKeys(handover: Handover): string[] {
  return [...new Set(handover.evidence.map((e) => e.issueKey))].slice(0, LATEST_EVIDENCE_KEYS);
}

export function overTimeView(result: AnalysisResult): OverTimeView {
  const ids = shownScopeIds(result);
  const shown = new Set(ids);
  const inScope = <T extends { boardId: number | null }>(items: readonly T[]) =>
    items.filter((item) => shown.has(item.boardId));
  const timelines = inScope(result.timeline);
  const handovers = inScope(result.handovers);
  const names: OverTimeNames = { ...resultNames(result, dateOf), board: (id) => scopeName(result, id) };

  const ownerIds = new Set<string>();
  for (const t of timelines) for (const p of t.periods) if (p.ownerId !== null) ownerIds.add(p.ownerId);
  const owners = ownerEntries(ownerIds, names);
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  const rowOrder = (row: RowKey) => ROWS.findIndex((r) => r.key === row);
  const scopeOrder = (boardId: number | null) => ids.indexOf(boardId);
  const byScopeThenSince = (
    a: { boardId: number | null; since: string },
    b: { boardId: number | null; since: string },
  ) => scopeOrder(a.boardId) - scopeOrder(b.boardId) || a.since.localeCompare(b.since);

  const scopes: OverTimeScope[] = [];
  for (const boardId of ids) {
    const rows = timelines
      .filter((t) => t.boardId === boardId)
      .sort((a, b) => rowOrder(a.row) - rowOrder(b.row));
    const first = rows[0];
    if (first === undefined) continue;
    scopes.push({
      key: boardId === null ? 'all' : `board-${boardId}`,
      boardId,
      name: scopeName(result, boardId),
      unit: first.periods.every((p) => p.id.startsWith('month:')) ? 'month' : 'sprint',
      periods: first.periods.map((p) => ({ id: p.id, label: p.label })),
      rows: rows.map((t) => ({
        key: t.row,
        label: rowLabel(result, t.row),
        cells: t.periods.map((p) => {
          const owner = p.ownerId === null ? null : (ownerById.get(p.ownerId) ?? null);
          const handover = handoverStartingIn(
            handovers.filter((h) => h.boardId === boardId && h.row === t.row),
            p,
          );
          return {
            periodId: p.id,
            periodLabel: p.label,
            ownerId: p.ownerId,
            owner,
            share: p.share,
            eventCount: p.eventCount,
            handoverFrom: handover === undefined ? null : names.person(handover.fromId),
            text: cellText(p.label, owner, p.share),
          };
        }),
      })),
    });
  }

  const handoverRows = [...handovers]
    .sort((a, b) => byScopeThenSince(a, b) || rowOrder(a.row) - rowOrder(b.row))
    .map((h) => ({
      row: h.row,
      rowLabel: rowLabel(result, h.row),
      boardId: h.boardId,
      boardName: names.board(h.boardId),
      fromId: h.fromId,
      fromName: names.person(h.fromId),
      toId: h.toId,
      toName: names.person(h.toId),
      sincePeriod: h.sincePeriod,
      since: h.since,
      sinceDate: dateOf(h.since),
      untilPeriod: h.untilPeriod,
      fromShare: h.fromShare,
      toShare: h.toShare,
      evidenceTotal: h.evidenceTotal,
      latestIssueKeys: latestKeys(h),
    }));

  return {
    scopes,
    owners,
    handovers: handoverRows,
    gaps: inScope(result.ownershipGaps).sort(
      (a, b) => scopeOrder(a.boardId) - scopeOrder(b.boardId) || a.from.localeCompare(b.from),
    ),
    accretions: inScope(result.accretions).sort(byScopeThenSince),
    names,
    empty: scopes.every((s) => s.rows.every((r) => r.cells.every((c) => c.ownerId === null))),
  };
}

/**
 * The gaps and accretions in the shared sentences; `date` writes their dates (the screen passes the viewer's
 * locale, the exports keep ISO days).
 */
export function changeSentences(
  view: OverTimeView,
  date: (iso: string) => string = view.names.date,
): { gaps: string[]; accretions: string[] } {
  const names = { ...view.names, date };
  return {
    gaps: view.gaps.map((g) => gapSentence(g, names)),
    accretions: view.accretions.map((a) => accretionSentence(a, names)),
  };
}
