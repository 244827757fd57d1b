// What every warning rule reads: the normalised site (events already limited to the window), the RACI maps,
// observed roles, delivering people and acceptance records. Built once by analyse(); rules never recompute them.
import type { AnalysisConfig } from '../config';
import type { AcceptanceRecord } from '../acceptance-records';
import type { NormalisedSite, RaciMap } from '../model';
import type { ObservedRole } from '../roles';
import type { ScopeOverTime } from '../over-time/timeline';
import type { ResolvedWindow } from '../window';

export interface WarningContext {
  /** `events` and `comments` are limited to the window; `issues` (timelines) keep their full history. */
  site: NormalisedSite;
  config: AnalysisConfig;
  /** Epoch ms; the only clock the rules may read. */
  now: number;
  window: ResolvedWindow;
  /** RACI over every board in scope. */
  raci: RaciMap;
  /** RACI per board (squad), from the events whose issue belongs to that board. */
  raciByBoard: Map<number, RaciMap>;
  /**
   * Human people who deliver: a delivery event in the window (moved an issue into an indeterminate status), or
   * assignee of an issue in scope at some time inside the window (DOMAIN.md "is its assignee"; no weight).
   * Automation excluded.
   */
  deliveryPeople: Set<string>;
  /** The same per board (the boards). */
  deliveryPeopleByBoard: Map<number, Set<string>>;
  /** Observed role per human person seen in the window's events. */
  roles: Map<string, ObservedRole>;
  /** One record per issue accepted inside the window (see acceptance-records.ts), ordered by time then key. */
  acceptances: AcceptanceRecord[];
  /** People whose only activity is delivery: one Team column unless config.showDeliveryPeople. */
  team: Set<string>;
  /** How the result names a person: TEAM_ID for a team member not shown individually. */
  present: (personId: string) => string;
  /** Ownership over time, site-wide and per board in scope (the rules read "since when" from it). */
  overTime: ScopeOverTime[];
}
