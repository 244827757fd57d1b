// What every endpoint handler receives: the indexed snapshot, who is asking, the request, and page faults.
import type { BulkHistoryList } from './endpoints/bulk-changelog';
import type { PageFaults } from './faults';
import type { IndexedIssue, SiteIndex } from './site-index';
import type { Viewer } from './viewer';

export interface RequestContext {
  index: SiteIndex;
  viewer: Viewer;
  url: URL;
  /** The server's own base URL, for `self` links. */
  baseUrl: string;
  /** Path parameters by name, e.g. {issueIdOrKey: 'GORA-1'}. */
  params: Record<string, string>;
  /** The parsed JSON body of a POST; undefined for GET. */
  body: unknown;
  page: PageFaults;
  caches: ResultCaches;
  /** The server's clock (epoch ms): relative JQL dates such as "-90m" are read against it. */
  now: number;
}

/** Small most-recently-used caches of computed result lists, so paging a query is not re-sorting it every page. */
export class ResultCache<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly capacity: number) {}

  getOrCompute(key: string, compute: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}

export interface ResultCaches {
  search: ResultCache<IndexedIssue[]>;
  bulk: ResultCache<BulkHistoryList>;
}
