// single-point: one person alone does a responsibility and work queues whenever they are away — bus factor of one.
//
// Restricted to the `acceptance` row, the one row where "waiting items" is well defined from Jira alone:
//  - an item waits for acceptance from the moment it entered the status it was accepted from (its last status
//    before done) until its acceptance; an open item waits from the moment it entered its current status when that
//    status is one work on the same squad has been accepted from (e.g. "In Review", "Ready for Acceptance").
//    Backlog ordering, refinement and sprint planning always have *some* backlog item "waiting", so an idle week
//    there says nothing about a bus factor; they are left out on purpose.
//  - only sprint work counts (standard issues, hierarchy level 0), as in the other acceptance warnings.
// Definition: exactly one person has acceptance activity (weight > 0 in the row; automation not counted), and
// inside the window (up to now) there is a run of >= `singlePointIdleDays` consecutive working days (Mon–Fri, UTC;
// weekends neither count nor break the run) on each of which some item waited and no person accepted anything.
// Per board when the data has boards (that board's RACI and issues), over the scope otherwise. Severity medium.
import type { Evidence, IssueTimeline, RaciMap } from '../model';
import { enteredBefore } from '../normalise/timelines';
import type { Warning } from '../warning';
import { isWorkingTime } from '../working-days';
import type { WarningContext } from './context';
import { evidenceList, timelineEvidence } from './evidence-list';
import { boardIds } from './squads';
import { boardName, isHuman, isoDay, personName, plural } from './wording';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole UTC days since 1970-01-01: the unit the idle run is counted in. */
function dayIndex(at: number): number {
  return Math.floor(at / DAY_MS);
}

function dayStart(day: number): number {
  return day * DAY_MS;
}

interface Wait {
  issueKey: string;
  start: number;
  end: number;
  evidence: Evidence;
}

export function singlePoint(ctx: WarningContext): Warning[] {
  const boards = boardIds(ctx.site);
  const timelines = [...ctx.site.issues.values()].filter((t) => t.hierarchyLevel === 0);
  if (boards.length === 0) return evaluate(ctx, ctx.raci, timelines, undefined);
  // Each board's issues, in one pass over the issues rather than one per board.
  const byBoard = new Map<number, IssueTimeline[]>();
  for (const t of timelines) {
    for (let i = 0; i < t.boardIds.length; i++) {
      const board = t.boardIds[i] as number;
      if (t.boardIds.indexOf(board) !== i) continue; // listed twice: counted once
      const list = byBoard.get(board);
      if (list) list.push(t);
      else byBoard.set(board, [t]);
    }
  }
  return boards.flatMap((board) => {
    const raci = ctx.raciByBoard.get(board);
    if (!raci) return [];
    return evaluate(ctx, raci, byBoard.get(board) ?? [], board);
  });
}

function evaluate(
  ctx: WarningContext,
  raci: RaciMap,
  timelines: readonly IssueTimeline[],
  board: number | undefined,
): Warning[] {
  const threshold = ctx.config.thresholds.singlePointIdleDays;
  const doers = raci.acceptance.cells.filter((c) => c.weight > 0 && isHuman(ctx.site, c.personId));
  const only = doers.length === 1 ? doers[0] : undefined;
  if (!only) return [];

  const end = Math.min(ctx.window.to, ctx.now);
  const { waits, acceptanceDays } = waitsAndAcceptances(ctx, timelines, end);
  if (waits.length === 0) return [];
  const from = ctx.window.from ?? waits.reduce((min, w) => Math.min(min, w.start), Infinity);
  const firstDay = dayIndex(from);
  const lastDay = dayIndex(end);
  if (lastDay < firstDay) return [];

  // Difference array: +1 on the first day a wait touches, -1 after its last day.
  const span = lastDay - firstDay + 1;
  const delta = new Array<number>(span + 1).fill(0);
  for (const w of waits) {
    const a = Math.max(dayIndex(w.start), firstDay);
    // A wait ending exactly at midnight does not touch that day.
    const b = Math.min(dayIndex(w.end - 1), lastDay);
    if (b < a) continue;
    delta[a - firstDay] = (delta[a - firstDay] ?? 0) + 1;
    delta[b - firstDay + 1] = (delta[b - firstDay + 1] ?? 0) - 1;
  }

  let waiting = 0;
  let run = { from: 0, to: 0, days: 0 };
  let best = { from: 0, to: 0, days: 0 };
  for (let i = 0; i < span; i++) {
    waiting += delta[i] ?? 0;
    const day = firstDay + i;
    if (!isWorkingTime(dayStart(day))) continue;
    if (waiting > 0 && !acceptanceDays.has(day)) {
      run =
        run.days === 0 ? { from: day, to: day, days: 1 } : { from: run.from, to: day, days: run.days + 1 };
      if (run.days > best.days) best = { ...run };
    } else {
      run = { from: 0, to: 0, days: 0 };
    }
  }
  if (best.days === 0 || best.days < threshold) return [];

  const runStart = dayStart(best.from);
  const runEnd = dayStart(best.to + 1);
  const during = waits.filter((w) => w.start < runEnd && w.end > runStart);
  const items = new Set(during.map((w) => w.issueKey)).size;
  const name = personName(ctx.site, only.personId);
  const where = board === undefined ? '' : `On ${boardName(ctx.site, board)}, `;
  const message =
    `${where}${name} is the only person who accepts finished work, and ${plural(items, 'item')} waited ` +
    `${best.days} working days in a row with no acceptance, from ${isoDay(runStart)} to ${isoDay(runEnd - 1)} ` +
    `(threshold ${threshold}). Consider naming a stand-in who can accept work when ${name} is away.`;
  const capitalised = message.charAt(0).toUpperCase() + message.slice(1);

  return [
    {
      id: 'single-point',
      severity: 'medium',
      title: 'Only one person accepts work',
      message: capitalised,
      people: [only.personId],
      figures: { idleWorkingDays: best.days, waitingItems: items, doers: 1 },
      thresholds: { singlePointIdleDays: threshold },
      ...(board === undefined ? {} : { boardId: board }),
      ...evidenceList(during.map((w) => w.evidence)),
    },
  ];
}

function waitsAndAcceptances(
  ctx: WarningContext,
  timelines: readonly IssueTimeline[],
  end: number,
): { waits: Wait[]; acceptanceDays: Set<number> } {
  const waits: Wait[] = [];
  const acceptanceDays = new Set<number>();
  const acceptedFrom = new Set<string>();
  for (const t of timelines) {
    t.statusChanges.forEach((change, i) => {
      if (!change.isAcceptance) return;
      acceptedFrom.add(change.fromStatus);
      if (isHuman(ctx.site, change.actorId)) acceptanceDays.add(dayIndex(change.at));
      const start = enteredBefore(t, i);
      waits.push({
        issueKey: t.key,
        start,
        end: change.at,
        evidence: timelineEvidence(t.key, change.at, {
          historyId: change.historyId,
          field: 'status',
          from: change.fromStatus,
          to: change.toStatus,
        }),
      });
    });
  }
  // Open items sitting in a status work has been accepted from are waiting now.
  for (const t of timelines) {
    if (t.currentCategory === 'done' || !acceptedFrom.has(t.currentStatus)) continue;
    const last = t.statusChanges[t.statusChanges.length - 1];
    const start = last?.at ?? t.created;
    if (start >= end) continue;
    waits.push({
      issueKey: t.key,
      start,
      end,
      evidence: last
        ? timelineEvidence(t.key, last.at, {
            historyId: last.historyId,
            field: 'status',
            from: last.fromStatus,
            to: last.toStatus,
          })
        : timelineEvidence(t.key, t.created),
    });
  }
  return { waits, acceptanceDays };
}
