// Jira Cloud's hourly points quota (enforced since March 2026), as the local server models it: every answer costs
// 1 point plus 1 per object it returns (an error costs the base point), counted per installation in a fixed window
// aligned to the clock's hours; a request that finds its installation's quota spent is refused with a 429 and costs
// nothing. Atlassian does not publish the real costs (TOOLCHAIN.md), so "1 + objects returned" is the model.
import { INSTALLATION_HEADER } from '../../src/jira/transport/forge-fetch';
import { jiraError, type Reply } from './reply';

/** Names the Forge installation a request is made for; requests without it share one ledger. */
export { INSTALLATION_HEADER };
export const DEFAULT_INSTALLATION = 'default';
export const POINTS_WINDOW_SECONDS = 3600;

const WINDOW_MS = POINTS_WINDOW_SECONDS * 1000;
/**
 * The names Jira gives the per-installation (Tier 2) quota in its headers, as an app's logs on the developer
 * community show them (community.developer.atlassian.com/t/2026-point-based-rate-limits/97828): `Beta-RateLimit-Policy: "tenant-app-quota";q=100100;w=3600`,
 * `Beta-RateLimit: "tenant-app-quota";r=17842;t=2107`, `X-Beta-RateLimit-Reason: jira-quota-tenant-based`.
 * The ledger is per installation, so it answers with the tenant names, not the app-wide Tier 1 ones.
 */
const POLICY_NAME = 'tenant-app-quota';
const QUOTA_REASON = 'jira-quota-tenant-based';

export interface PointsReport {
  /** Points charged since the server started or since resetPoints(), across windows. */
  total: number;
  /** By endpoint key, as requestCounts() names them. */
  byEndpoint: Record<string, number>;
  /** By installation id (DEFAULT_INSTALLATION for requests that name none). */
  byInstallation: Record<string, number>;
}

/** A quota must be a whole number of points an hour, at least 1. */
export function isPointsQuota(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1;
}

/** What an answer costs: 1 point, plus 1 per object a successful answer returns. */
export function pointsCost(reply: Reply): number {
  return reply.status < 400 ? 1 + (reply.objects ?? 0) : 1;
}

function sorted(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function add(map: Map<string, number>, key: string, points: number): void {
  map.set(key, (map.get(key) ?? 0) + points);
}

export class PointsLedger {
  /** Points spent in the current window, by installation; an entry from an older window counts as 0. */
  private readonly spent = new Map<string, { windowStart: number; points: number }>();
  private readonly byEndpoint = new Map<string, number>();
  private readonly byInstallation = new Map<string, number>();
  private total = 0;

  /** `quota` undefined = unlimited: points are counted, nothing is refused and no quota headers are sent. */
  constructor(
    private readonly quota: number | undefined,
    private readonly now: () => number,
  ) {
    if (quota !== undefined && !isPointsQuota(quota)) {
      throw new RangeError(`pointsPerHour must be a whole number of at least 1, not ${quota}.`);
    }
  }

  /**
   * The 429 for an installation whose quota is spent in this window; undefined while points remain. Checked before
   * the request is served, as Jira refuses it before doing the work: the refusal costs nothing.
   */
  refusal(installation: string): Reply | undefined {
    if (this.quota === undefined) return undefined;
    const at = this.now();
    if (this.spentIn(installation, at) < this.quota) return undefined;
    const seconds = this.secondsToReset(at);
    return {
      ...jiraError(429, [
        `The hourly API quota of ${this.quota} points for this installation is used up; ` +
          `it resets in ${seconds} seconds.`,
      ]),
      headers: {
        'Retry-After': String(seconds),
        ...this.headers(installation, at),
        'X-Beta-RateLimit-Reason': QUOTA_REASON,
      },
    };
  }

  /**
   * Charges an answer to its installation and endpoint; returns the headers that tell the client what remains.
   * The cost is known only once the answer is built, so the request that crosses the quota is served in full.
   */
  charge(installation: string, endpointKey: string, points: number): Record<string, string> {
    const at = this.now();
    const windowStart = this.windowStart(at);
    this.spent.set(installation, { windowStart, points: this.spentIn(installation, at) + points });
    add(this.byEndpoint, endpointKey, points);
    add(this.byInstallation, installation, points);
    this.total += points;
    return this.quota === undefined ? {} : this.headers(installation, at);
  }

  report(): PointsReport {
    return {
      total: this.total,
      byEndpoint: sorted(this.byEndpoint),
      byInstallation: sorted(this.byInstallation),
    };
  }

  /** Forgets every charge, the quota spent in the current window included. */
  reset(): void {
    this.spent.clear();
    this.byEndpoint.clear();
    this.byInstallation.clear();
    this.total = 0;
  }

  private headers(installation: string, at: number): Record<string, string> {
    const quota = this.quota ?? 0;
    const remaining = Math.max(0, quota - this.spentIn(installation, at));
    return {
      'Beta-RateLimit-Policy': `"${POLICY_NAME}";q=${quota};w=${POINTS_WINDOW_SECONDS}`,
      'Beta-RateLimit': `"${POLICY_NAME}";r=${remaining};t=${this.secondsToReset(at)}`,
    };
  }

  private spentIn(installation: string, at: number): number {
    const entry = this.spent.get(installation);
    return entry?.windowStart === this.windowStart(at) ? entry.points : 0;
  }

  // A fixed window, not a sliding one: Jira's Retry-After and `t` name one moment when the whole quota comes back,
  // and the `t` in the logs above counts down to the next full hour (16:24:52 + 2107 s = 17:00).
  private windowStart(at: number): number {
    return Math.floor(at / WINDOW_MS) * WINDOW_MS;
  }

  /** Whole seconds until the window ends, rounded up so that a client waiting that long finds the new window. */
  private secondsToReset(at: number): number {
    return Math.ceil((this.windowStart(at) + WINDOW_MS - at) / 1000);
  }
}
