// The sprint acceptance review as the page draws it and the exports write it: the sprints to pick from, which one
// opens first, and for one sprint its completed issues, who accepted each, the header figures and the carry-over.
import type { AnalysisResult } from '../../../../src/contract/analysis';
import { AUTOMATION_ID } from '../../../../src/ownership/model';
import { dateOf, daysOf } from './format';

type ReviewedSprint = AnalysisResult['acceptance']['sprints'][number];

export interface SprintOption {
  sprintId: number;
  name: string;
  boardId: number;
  boardName: string;
  closed: boolean;
  /** "Sprint 12 (closed 2026-03-04)". */
  label: string;
}

export interface AcceptedIssueRow {
  issueKey: string;
  acceptorId: string;
  acceptorName: string;
  assigneeName: string | null;
  selfAccepted: boolean;
  criteriaPresent: boolean;
  /** Working days in its last status before done, to one decimal (as shown). */
  waitDays: number;
  afterSprintEnd: boolean;
  /** Date of the acceptance (YYYY-MM-DD, UTC). */
  acceptedOn: string;
}

export interface AcceptorRow {
  personId: string;
  name: string;
  count: number;
  share: number;
  medianWaitDays: number;
}

/** An engine warning about acceptance on the sprint's board, shown as the engine wrote it. */
export interface AcceptanceWarning {
  id: string;
  title: string;
  message: string;
}

/** The warnings that concern how work is accepted (DOMAIN.md: self-acceptance, acceptance-concentration). */
const ACCEPTANCE_WARNINGS = new Set(['self-acceptance', 'acceptance-concentration']);

export interface AcceptanceReviewView {
  sprintId: number;
  name: string;
  boardName: string;
  start: string;
  end: string;
  complete: string;
  closed: boolean;
  issues: AcceptedIssueRow[];
  carriedOver: { issueKey: string; toSprintId: number; toSprintName: string }[];
  /** Every acceptance of the sprint; `issues` lists the most recent ones only when this is larger. */
  completedCount: number;
  /** Every carried-over issue; `carriedOver` lists some only when this is larger. */
  carriedOverCount: number;
  selfAccepted: number;
  /** selfAccepted / completed (null when nothing was completed). */
  selfAcceptanceRate: number | null;
  withoutCriteria: number;
  acceptedAfterEnd: number;
  topAcceptor: { personId: string; name: string; share: number } | null;
  acceptors: AcceptorRow[];
  thresholds: { selfAcceptanceShare: number; concentrationShare: number; waitDays: number };
  /** Window-wide warnings about acceptance on this sprint's board (or on the whole scope). */
  warnings: AcceptanceWarning[];
}

export function personName(result: AnalysisResult, personId: string | null): string | null {
  if (personId === null) return null;
  if (personId === AUTOMATION_ID) return 'Automation';
  return result.people.find((p) => p.id === personId)?.displayName ?? 'Unknown person';
}

function boardName(result: AnalysisResult, boardId: number): string {
  return (
    result.scope.boards.find((b) => b.id === boardId)?.name ??
    result.boards.find((b) => b.id === boardId)?.name ??
    `Board ${boardId}`
  );
}

/** Newest first: the sprints the review covers, every board of the scope. */
export function sprintOptions(result: AnalysisResult): SprintOption[] {
  return [...result.acceptance.sprints].reverse().map((s) => {
    const closed = s.complete !== null;
    const when = closed ? `closed ${dateOf(s.complete)}` : s.start === null ? 'not started' : 'active';
    return {
      sprintId: s.sprintId,
      name: s.name,
      boardId: s.boardId,
      boardName: boardName(result, s.boardId),
      closed,
      label: `${s.name} (${when})`,
    };
  });
}

/**
 * The sprint the review opens on: the one the viewer came from (sprint action) when the review covers it,
 * otherwise the most recently closed one, otherwise the most recent one. `missing` says the preferred one is absent.
 */
export function defaultSprint(
  result: AnalysisResult,
  preferred?: number,
): { sprintId: number | null; missing: boolean } {
  const sprints = result.acceptance.sprints;
  if (preferred !== undefined && sprints.some((s) => s.sprintId === preferred)) {
    return { sprintId: preferred, missing: false };
  }
  const closed = sprints.filter((s) => s.complete !== null);
  const lastClosed = closed.reduce<ReviewedSprint | undefined>(
    (latest, s) => (latest === undefined || (s.complete ?? '') > (latest.complete ?? '') ? s : latest),
    undefined,
  );
  const chosen = lastClosed ?? sprints.at(-1);
  return { sprintId: chosen?.sprintId ?? null, missing: preferred !== undefined };
}

export function acceptanceReview(result: AnalysisResult, sprintId: number): AcceptanceReviewView | null {
  const sprint = result.acceptance.sprints.find((s) => s.sprintId === sprintId);
  if (sprint === undefined) return null;
  const name = (id: string | null) => personName(result, id);
  const sprintName = (id: number) =>
    result.acceptance.sprints.find((s) => s.sprintId === id)?.name ?? `Sprint ${id}`;
  // The engine's order (by acceptance time, then issue key) is kept, so the screen, the CSV and the Markdown list
  // issues alike.
  const issues = sprint.completed.map((c) => ({
    issueKey: c.issueKey,
    acceptorId: c.acceptorId,
    acceptorName: name(c.acceptorId) ?? '',
    assigneeName: name(c.assigneeId),
    selfAccepted: c.selfAccepted,
    criteriaPresent: c.criteriaPresent,
    waitDays: daysOf(c.waitWorkingDays),
    afterSprintEnd: c.afterSprintEnd,
    acceptedOn: dateOf(c.at),
  }));
  const completedCount = sprint.completedTotal;
  const thresholds = result.settings.thresholds;
  return {
    sprintId: sprint.sprintId,
    name: sprint.name,
    boardName: boardName(result, sprint.boardId),
    start: dateOf(sprint.start),
    end: dateOf(sprint.end),
    complete: dateOf(sprint.complete),
    closed: sprint.complete !== null,
    issues,
    carriedOver: sprint.carriedOver.map((c) => ({ ...c, toSprintName: sprintName(c.toSprintId) })),
    completedCount,
    carriedOverCount: sprint.carriedOverTotal,
    selfAccepted: sprint.selfAccepted,
    selfAcceptanceRate: completedCount > 0 ? sprint.selfAccepted / completedCount : null,
    withoutCriteria: sprint.withoutCriteria,
    acceptedAfterEnd: sprint.acceptedAfterEnd,
    topAcceptor:
      sprint.topAcceptor === null
        ? null
        : {
            personId: sprint.topAcceptor.personId,
            name: name(sprint.topAcceptor.personId) ?? '',
            share: sprint.topAcceptor.share,
          },
    acceptors: sprint.acceptors.map((a) => ({
      personId: a.personId,
      name: name(a.personId) ?? '',
      count: a.count,
      share: a.share,
      medianWaitDays: daysOf(a.medianWaitDays),
    })),
    thresholds: {
      selfAcceptanceShare: thresholds.selfAcceptanceShare,
      concentrationShare: thresholds.acceptanceConcentrationShare,
      waitDays: thresholds.acceptanceWaitDays,
    },
    warnings: result.warnings
      .filter(
        (w) => ACCEPTANCE_WARNINGS.has(w.id) && (w.boardId === undefined || w.boardId === sprint.boardId),
      )
      .map((w) => ({ id: w.id, title: w.title, message: w.message })),
  };
}
