// The evidence a warning carries: the events behind it, oldest first, capped at EVIDENCE_CAP with the full count.
import { EVIDENCE_CAP } from '../evidence';
import type { Evidence, ProductEvent } from '../model';

export interface EvidenceList {
  evidence: Evidence[];
  evidenceTotal: number;
}

/**
 * Sorted by time (the instant: Jira timestamps carry offsets such as "+0200"), then issue key, history id and the
 * rest of the item, so the same input always yields the same list whatever order it came in.
 */
export function evidenceList(items: readonly Evidence[]): EvidenceList {
  const byKey = new Map<string, { evidence: Evidence; time: number; key: string }>();
  for (const e of items) {
    const key = `${e.issueKey}|${e.historyId ?? ''}|${e.at}|${e.field ?? ''}|${e.from ?? ''}|${e.to ?? ''}`;
    if (byKey.has(key)) continue;
    const time = Date.parse(e.at);
    byKey.set(key, { evidence: e, time: Number.isFinite(time) ? time : Infinity, key });
  }
  const first = oldest(
    byKey.values(),
    (a, b) =>
      a.time - b.time ||
      cmp(a.evidence.issueKey, b.evidence.issueKey) ||
      cmp(a.evidence.historyId ?? '', b.evidence.historyId ?? '') ||
      cmp(a.key, b.key),
  );
  return { evidence: first.map((u) => u.evidence), evidenceTotal: byKey.size };
}

/** The same order for events, by their epoch time, issue key and id (rows can hold hundreds of thousands). */
export function evidenceOfEvents(events: readonly ProductEvent[]): EvidenceList {
  const unique = new Map<string, ProductEvent>();
  for (const e of events) unique.set(e.id, e);
  const first = oldest(
    unique.values(),
    (a, b) => a.at - b.at || cmp(a.issueKey, b.issueKey) || cmp(a.id, b.id),
  );
  return { evidence: first.map((e) => e.evidence), evidenceTotal: unique.size };
}

/**
 * evidenceOfEvents for events that are told apart by reference (NormalisedSite.uniqueEventIds), given in the lists
 * they already sit in (RACI cells): no copy, no id string unless two events tie on time and issue. `overlapping`
 * lists (one person's cells on several boards) are deduplicated by reference; otherwise no event may appear twice.
 */
export function evidenceOfDistinctEvents(
  lists: readonly (readonly ProductEvent[])[],
  overlapping = false,
): EvidenceList {
  const seen = overlapping ? new Set<ProductEvent>() : null;
  let total = 0;
  const kept: ProductEvent[] = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const e = list[i] as ProductEvent;
      if (seen !== null) {
        if (seen.has(e)) continue;
        seen.add(e);
      }
      total += 1;
      // Most events are later than the EVIDENCE_CAP-th oldest so far: decided by the time alone.
      if (kept.length === EVIDENCE_CAP && e.at > (kept[EVIDENCE_CAP - 1] as ProductEvent).at) continue;
      keepOldest(kept, e, compareEvents);
    }
  }
  return { evidence: kept.map((e) => e.evidence), evidenceTotal: total };
}

function compareEvents(a: ProductEvent, b: ProductEvent): number {
  return a.at - b.at || cmp(a.issueKey, b.issueKey) || cmp(a.id, b.id);
}

/** Evidence for a moment we know from a timeline rather than from an event (e.g. creation, a stale epic). */
export function timelineEvidence(
  issueKey: string,
  at: number,
  extra: { historyId?: string; field?: string; from?: string | null; to?: string | null } = {},
): Evidence {
  return { issueKey, at: new Date(at).toISOString(), ...extra };
}

/** The first EVIDENCE_CAP items in `order`, without sorting everything: one pass keeping a short sorted list. */
function oldest<T>(items: Iterable<T>, order: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) keepOldest(kept, item, order);
  return kept;
}

/** Inserts `item` into `kept` (sorted, at most EVIDENCE_CAP) when it is among the first; equal items keep arrival order. */
function keepOldest<T>(kept: T[], item: T, order: (a: T, b: T) => number): void {
  const last = kept[kept.length - 1];
  if (kept.length === EVIDENCE_CAP && last !== undefined && order(item, last) >= 0) return;
  let i = kept.length;
  while (i > 0 && order(item, kept[i - 1] as T) < 0) i -= 1;
  kept.splice(i, 0, item);
  if (kept.length > EVIDENCE_CAP) kept.pop();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
