// Ownership over time for the wire: the owner of every period per row and scope, and the handovers, gaps and
// accretions with their periods, shares and the events behind them (the newest EVIDENCE_CAP, newest first).
import type { Accretion, Handover, OwnershipGap, RowTimeline } from '../../contract/analysis';
import type { ProductEvent } from '../model';
import { ROLLING_PERIODS } from '../over-time/period-owners';
import { eventsBehind, TIMELINE_ROWS, type ScopeOverTime } from '../over-time/timeline';
import type { RowKey } from '../rows';
import { wireEvidence } from './cell-evidence';
import { iso, share4 } from './numbers';

export interface PresentedOverTime {
  timeline: RowTimeline[];
  handovers: Handover[];
  ownershipGaps: OwnershipGap[];
  accretions: Accretion[];
}

function evidenceOf(events: { total: number; newest: readonly ProductEvent[] }) {
  return {
    evidence: events.newest.map((e) => wireEvidence(e.evidence)),
    evidenceTotal: events.total,
  };
}

export function presentOverTime(
  scopes: readonly ScopeOverTime[],
  present: (personId: string) => string,
): PresentedOverTime {
  const out: PresentedOverTime = { timeline: [], handovers: [], ownershipGaps: [], accretions: [] };
  for (const scope of scopes) {
    const { boardId, periods } = scope;
    const label = (index: number) => periods[index]!.label;
    for (const row of TIMELINE_ROWS) {
      const owners = scope.owners.get(row)!;
      out.timeline.push({
        row,
        boardId,
        periods: owners.map((o) => ({
          id: o.period.id,
          label: o.period.label,
          start: iso(o.period.start),
          end: iso(o.period.end),
          ownerId: o.ownerId,
          share: o.share === null ? null : share4(o.share),
          eventCount: o.eventCount,
        })),
      });
      for (const h of scope.handovers.get(row)!) {
        const events = eventsBehind(
          scope,
          row,
          h.toIndex,
          new Set([h.fromId, h.toId]),
          present,
          ROLLING_PERIODS,
        );
        out.handovers.push({
          row,
          boardId,
          fromId: h.fromId,
          toId: h.toId,
          since: iso(periods[h.toIndex]!.start),
          sincePeriod: label(h.toIndex),
          untilPeriod: label(h.fromIndex),
          fromShare: share4(h.fromShare),
          toShare: share4(h.toShare),
          ...evidenceOf(events),
        });
      }
      for (const g of scope.gaps.get(row)!) {
        out.ownershipGaps.push({
          row,
          boardId,
          previousOwnerId: g.previousOwnerId,
          from: iso(periods[g.firstIndex]!.start),
          fromPeriod: label(g.firstIndex),
          toPeriod: label(g.lastIndex),
          periods: g.lastIndex - g.firstIndex + 1,
          ongoing: g.ongoing,
        });
      }
    }
    for (const a of scope.accretions) {
      const events = eventsBehind(
        scope,
        a.row as RowKey,
        a.sinceIndex,
        new Set([a.personId]),
        present,
        ROLLING_PERIODS,
      );
      out.accretions.push({
        personId: a.personId,
        row: a.row,
        boardId,
        since: iso(periods[a.sinceIndex]!.start),
        sincePeriod: label(a.sinceIndex),
        share: share4(a.share),
        keptRows: a.keptRows,
        ...evidenceOf(events),
      });
    }
  }
  return out;
}
