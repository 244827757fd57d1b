// acceptance-concentration: one person accepts most finished work and work queues for them (the acceptance queue).
//
// Definition: among the window's acceptances of sprint work (standard issues, hierarchy level 0; subtasks are the
// team's own breakdown and epics are roadmap bookkeeping), person X made >= `acceptanceConcentrationShare` of all
// of them (automation's acceptances count in the total: they did not wait for X), AND either
//   - the median wait before X's acceptances (working days in the last status before done) >= `acceptanceWaitDays`, or
//   - X's wait grows: X's median wait is strictly increasing over the last 3 sprints in which X accepted work
//     (sprints ordered by start date, then id; acceptances outside sprints take no part in this test).
// Severity high: finished work sits waiting now.
// Evaluated over the whole scope and per board (DOMAIN.md: an acceptance queue belongs to a squad, so a site-wide
// map must show one squad's queue even when the person's share of the whole site is small). A board whose
// acceptances are all of the scope's (a one-board scope) gives the board's warning only, never the same one twice.
import { median } from '../median';
import type { AcceptanceRecord } from '../acceptance-records';
import type { SprintInfo } from '../model';
import type { Warning } from '../warning';
import type { WarningContext } from './context';
import { evidenceList } from './evidence-list';
import { boardIds } from './squads';
import { boardName, isHuman, percent, personName, prose, roundFigure, workingDays } from './wording';

const GROWTH_SPRINTS = 3;

export function acceptanceConcentration(ctx: WarningContext): Warning[] {
  const records = ctx.acceptances.filter((r) => r.hierarchyLevel === 0);
  const perBoard = boardIds(ctx.site).map((board) => ({
    board,
    records: records.filter((r) => r.boardIds.includes(board)),
  }));
  const scopeIsOneBoard = perBoard.some((b) => b.records.length === records.length);
  return [
    ...(scopeIsOneBoard ? [] : evaluate(ctx, records, undefined)),
    ...perBoard.flatMap((b) => evaluate(ctx, b.records, b.board)),
  ];
}

function evaluate(
  ctx: WarningContext,
  records: readonly AcceptanceRecord[],
  board: number | undefined,
): Warning[] {
  const { site } = ctx;
  const shareThreshold = ctx.config.thresholds.acceptanceConcentrationShare;
  const waitThreshold = ctx.config.thresholds.acceptanceWaitDays;
  if (records.length === 0) return [];

  const byAcceptor = new Map<string, AcceptanceRecord[]>();
  for (const r of records) {
    if (r.acceptorIsAutomation || !isHuman(site, r.acceptorId)) continue;
    const own = byAcceptor.get(r.acceptorId);
    if (own) own.push(r);
    else byAcceptor.set(r.acceptorId, [r]);
  }

  const warnings: Warning[] = [];
  for (const [personId, own] of [...byAcceptor.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const share = own.length / records.length;
    if (share < shareThreshold) continue;
    const medianWait = median(own.map((r) => r.waitWorkingDays)) ?? 0;
    const growth = growingWait(own, site.sprints);
    const waitFires = medianWait >= waitThreshold;
    if (!waitFires && !growth) continue;

    const name = personName(site, personId);
    const figures: Record<string, number> = {
      acceptanceShare: share,
      acceptances: own.length,
      totalAcceptances: records.length,
      medianWaitDays: roundFigure(medianWait),
    };
    const reasons: string[] = [];
    if (waitFires)
      reasons.push(
        `work waits a median ${workingDays(medianWait)} for them (threshold ${workingDays(waitThreshold)})`,
      );
    if (growth) {
      growth.medians.forEach((m, i) => (figures[`sprintMedianWaitDays${i + 1}`] = roundFigure(m)));
      reasons.push(
        `the median wait grew sprint over sprint (${prose(growth.medians.map((m) => workingDays(m)))} ` +
          `in ${prose(growth.sprints.map((s) => s.name))})`,
      );
    }
    const where = board === undefined ? '' : `On ${boardName(site, board)}, `;
    const message =
      `${where}${name} accepts ${percent(share)} of finished work (${own.length} of ${records.length}; ` +
      `threshold ${percent(shareThreshold)}) and ` +
      `${reasons.join(', and ')}. ` +
      `Consider delegating acceptance to a product owner or to the team's definition of done.`;

    warnings.push({
      id: 'acceptance-concentration',
      severity: 'high',
      title: 'Acceptance queues behind one person',
      message,
      people: [personId],
      figures,
      thresholds: { acceptanceConcentrationShare: shareThreshold, acceptanceWaitDays: waitThreshold },
      ...(board === undefined ? {} : { boardId: board }),
      ...evidenceList(own.map((r) => r.evidence)),
    });
  }
  return warnings;
}

/** Medians of the last GROWTH_SPRINTS sprints X accepted in, when they strictly increase; otherwise null. */
function growingWait(
  own: readonly AcceptanceRecord[],
  sprints: readonly SprintInfo[],
): { sprints: SprintInfo[]; medians: number[] } | null {
  const bySprint = new Map<number, number[]>();
  for (const r of own) {
    if (r.sprintId === null) continue;
    const waits = bySprint.get(r.sprintId);
    if (waits) waits.push(r.waitWorkingDays);
    else bySprint.set(r.sprintId, [r.waitWorkingDays]);
  }
  const known = [...bySprint.keys()]
    .map((id) => sprints.find((s) => s.id === id) ?? unknownSprint(id))
    .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.id - b.id)
    .slice(-GROWTH_SPRINTS);
  if (known.length < GROWTH_SPRINTS) return null;
  const medians = known.map((s) => median(bySprint.get(s.id) ?? []) ?? 0);
  for (let i = 1; i < medians.length; i++) {
    if ((medians[i] ?? 0) <= (medians[i - 1] ?? 0)) return null;
  }
  return { sprints: known, medians };
}

function unknownSprint(id: number): SprintInfo {
  return { id, boardId: 0, name: `sprint ${id}`, state: 'unknown', start: null, end: null, complete: null };
}
