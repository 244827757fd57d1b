// Injected faults: which apply to a request, and how many times each may still fire.
// A fault is used up only when it actually changes a response (a repeat-token fault waits for a request that
// carries a token; a truncated-page fault waits for a page that has more than one item; drop-token and empty-page
// wait for a page that has more after it).
import type { Fault } from './server';

type FaultKind = Fault['kind'];
type FaultOf<K extends FaultKind> = Extract<Fault, { kind: K }>;

interface ActiveFault {
  fault: Fault;
  /** Remaining firings; Infinity = always. */
  remaining: number;
}

export class FaultBook {
  private active: ActiveFault[] = [];

  replace(faults: Fault[]): void {
    this.active = faults.map((fault) => ({ fault: { ...fault }, remaining: fault.times ?? Infinity }));
  }

  /** The first live fault of one of `kinds` for this endpoint, without using it up. */
  peek<K extends FaultKind>(endpointKey: string, kinds: readonly K[]): FaultOf<K> | undefined {
    return this.find(endpointKey, kinds)?.fault as FaultOf<K> | undefined;
  }

  /** The first live fault of one of `kinds` for this endpoint, used up once. */
  take<K extends FaultKind>(endpointKey: string, kinds: readonly K[]): FaultOf<K> | undefined {
    const found = this.find(endpointKey, kinds);
    if (!found) return undefined;
    found.remaining -= 1;
    return found.fault as FaultOf<K>;
  }

  /** Every live `slow` fault for this endpoint, each used up once: their delays add up. */
  takeDelays(endpointKey: string): number {
    let total = 0;
    for (const entry of this.active) {
      if (entry.fault.kind === 'slow' && this.applies(entry, endpointKey)) {
        entry.remaining -= 1;
        total += entry.fault.delayMs;
      }
    }
    return total;
  }

  private find(endpointKey: string, kinds: readonly FaultKind[]): ActiveFault | undefined {
    return this.active.find((entry) => kinds.includes(entry.fault.kind) && this.applies(entry, endpointKey));
  }

  private applies(entry: ActiveFault, endpointKey: string): boolean {
    return (
      entry.remaining > 0 && (entry.fault.endpoint === undefined || entry.fault.endpoint === endpointKey)
    );
  }
}

/** The page-shaping faults an endpoint consults while it builds a page. */
export interface PageFaults {
  /** True (and the fault used up) when this page should be cut short. Only ask when the page has ≥ 2 items. */
  truncate(): boolean;
  /** True (and the fault used up) when the incoming token should be handed back unchanged. */
  repeatToken(): boolean;
  /** True (and the fault used up) when a page with more after it should lose its next token. */
  dropToken(): boolean;
  /** True (and the fault used up) when a page with more after it should come back empty. */
  empty(): boolean;
}

export function pageFaultsFor(book: FaultBook, endpointKey: string): PageFaults {
  return {
    truncate: () => book.take(endpointKey, ['truncated-page']) !== undefined,
    repeatToken: () => book.take(endpointKey, ['repeat-token']) !== undefined,
    dropToken: () => book.take(endpointKey, ['drop-token']) !== undefined,
    empty: () => book.take(endpointKey, ['empty-page']) !== undefined,
  };
}
