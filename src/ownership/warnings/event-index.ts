// Finds the events behind warnings: one issue's events, and the events behind people's letters in RACI cells,
// so warnings can cite their evidence without scanning (or indexing) the whole event stream.
import type { NormalisedSite, ProductEvent, RaciMap } from '../model';
import type { RowKey } from '../rows';
import { evidenceOfDistinctEvents, evidenceOfEvents, type EvidenceList } from './evidence-list';

const indexes = new WeakMap<NormalisedSite, Map<string, ProductEvent>>();
/** Per issue, where its events sit in the stream: [start, end) pairs, one pair per run of its events. */
const rangesByIssue = new WeakMap<NormalisedSite, Map<string, number[]>>();

/**
 * The window's events on one issue, in stream order, so per-issue look-ups do not scan the whole event stream.
 * Normalised events come grouped by issue: the index notes where each issue's run starts and ends (one map entry
 * per issue, no copy); an issue met again later gets a second range.
 */
export function eventsOfIssue(site: NormalisedSite, issueKey: string): readonly ProductEvent[] {
  let index = rangesByIssue.get(site);
  const events = site.events;
  if (!index) {
    index = new Map();
    let start = 0;
    for (let i = 1; i <= events.length; i++) {
      const key = (events[start] as ProductEvent).issueKey;
      if (i < events.length && (events[i] as ProductEvent).issueKey === key) continue;
      const ranges = index.get(key);
      if (ranges) ranges.push(start, i);
      else index.set(key, [start, i]);
      start = i;
    }
    rangesByIssue.set(site, index);
  }
  const ranges = index.get(issueKey);
  if (ranges === undefined) return [];
  if (ranges.length === 2) return events.slice(ranges[0], ranges[1]);
  const out: ProductEvent[] = [];
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r] as number; i < (ranges[r + 1] as number); i++) out.push(events[i] as ProductEvent);
  }
  return out;
}

function eventsById(site: NormalisedSite): Map<string, ProductEvent> {
  let index = indexes.get(site);
  if (!index) {
    index = new Map(site.events.map((e) => [e.id, e]));
    indexes.set(site, index);
  }
  return index;
}

/** The events behind one person's letter in the given rows of a RACI map, resolved through their ids. */
export function cellEvents(
  site: NormalisedSite,
  raci: RaciMap,
  personId: string,
  rows: readonly RowKey[],
): ProductEvent[] {
  const index = eventsById(site);
  const out: ProductEvent[] = [];
  for (const row of rows) {
    const cell = raci[row].cells.find((c) => c.personId === personId);
    for (const id of cell?.eventIds ?? []) {
      const event = index.get(id);
      if (event) out.push(event);
    }
  }
  return out;
}

/** One person's letters in some rows of one RACI map (a board's or the scope's). */
export interface CellPick {
  raci: RaciMap;
  personId: string;
  rows: readonly RowKey[];
}

/**
 * The evidence of the events behind the picked letters: evidenceOfEvents over their cellEvents. When the site's
 * event ids are unique and the cells hold their events (computeRaci sets them), the cells' own lists are read
 * directly: resolving ids through an index of the whole stream costs more than the rule itself on a big site.
 * `overlapping`: the picks may share events (one person on several boards).
 */
export function evidenceOfCells(
  site: NormalisedSite,
  picks: readonly CellPick[],
  overlapping = false,
): EvidenceList {
  const lists: ProductEvent[][] = [];
  let direct = site.uniqueEventIds === true;
  for (const { raci, personId, rows } of picks) {
    for (const row of rows) {
      const cell = raci[row].cells.find((c) => c.personId === personId);
      if (cell === undefined) continue;
      if (cell.events === undefined) direct = false;
      else lists.push(cell.events);
    }
  }
  if (direct) return evidenceOfDistinctEvents(lists, overlapping);
  return evidenceOfEvents(picks.flatMap((p) => cellEvents(site, p.raci, p.personId, p.rows)));
}

/** The evidence of some of the site's own events (a filtered copy of `site.events`). */
export function evidenceOfSiteEvents(site: NormalisedSite, events: readonly ProductEvent[]): EvidenceList {
  return site.uniqueEventIds === true ? evidenceOfDistinctEvents([events]) : evidenceOfEvents(events);
}

/** A person's share of a row (0 when they have no cell). */
export function shareOf(raci: RaciMap, row: RowKey, personId: string): number {
  return raci[row].cells.find((c) => c.personId === personId)?.share ?? 0;
}
