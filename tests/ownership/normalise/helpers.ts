// Small helpers for the normalise tests: run normalise on a builder and pick events by row or issue.
import type { AnalysisConfigInput } from '../../../src/ownership/config';
import type { NormalisedSite, ProductEvent } from '../../../src/ownership/model';
import { normalise } from '../../../src/ownership/normalise';
import type { RowKey } from '../../../src/ownership/rows';
import { config, type SiteBuilder } from '../build';

export function norm(site: SiteBuilder, input: Partial<AnalysisConfigInput> = {}): NormalisedSite {
  return normalise(site.build(), config(input));
}

export function rowsOf(site: NormalisedSite, issueKey?: string): RowKey[] {
  return site.events.filter((e) => issueKey === undefined || e.issueKey === issueKey).map((e) => e.row);
}

export function only(site: NormalisedSite, row: RowKey): ProductEvent[] {
  return site.events.filter((e) => e.row === row);
}

/** Events made from changelog items (not creations). */
export function itemEvents(site: NormalisedSite): ProductEvent[] {
  return site.events.filter((e) => !e.id.endsWith('/created'));
}
