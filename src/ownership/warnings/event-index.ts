// Resolves the event ids a RACI cell keeps back to the events themselves, so warnings can cite their evidence.
import type { NormalisedSite, ProductEvent, RaciMap } from '../model';
import type { RowKey } from '../rows';

const indexes = new WeakMap<NormalisedSite, Map<string, ProductEvent>>();
const byIssue = new WeakMap<NormalisedSite, Map<string, ProductEvent[]>>();

/** The window's events on one issue, so per-issue look-ups do not scan the whole event stream. */
export function eventsOfIssue(site: NormalisedSite, issueKey: string): readonly ProductEvent[] {
  let index = byIssue.get(site);
  if (!index) {
    index = new Map();
    for (const e of site.events) {
      const list = index.get(e.issueKey);
      if (list) list.push(e);
      else index.set(e.issueKey, [e]);
    }
    byIssue.set(site, index);
  }
  return index.get(issueKey) ?? [];
}

function eventsById(site: NormalisedSite): Map<string, ProductEvent> {
  let index = indexes.get(site);
  if (!index) {
    index = new Map(site.events.map((e) => [e.id, e]));
    indexes.set(site, index);
  }
  return index;
}

/** The events behind one person's letter in the given rows of a RACI map. */
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

/** A person's share of a row (0 when they have no cell). */
export function shareOf(raci: RaciMap, row: RowKey, personId: string): number {
  return raci[row].cells.find((c) => c.personId === personId)?.share ?? 0;
}
