// Observed roles (DOMAIN.md "Observed roles and split advice"): PM-like, PO-like, PM/PO or engineer, from the
// layers a person's weighted activity falls in. Roles describe the work seen, never a ranking of people.
import type { Thresholds } from './config';
import { AUTOMATION_ID, type ProductEvent } from './model';
import { ROWS, type Layer, type RowKey } from './rows';

export const OBSERVED_ROLE_KINDS = ['pm', 'po', 'pm-po', 'engineer', 'none'] as const;
export type ObservedRoleKind = (typeof OBSERVED_ROLE_KINDS)[number];

export const OBSERVED_ROLE_LABELS: Record<ObservedRoleKind, string> = {
  pm: 'PM-like',
  po: 'PO-like',
  'pm-po': 'PM/PO',
  engineer: 'Engineer',
  none: 'No product activity',
};

export interface ObservedRole {
  personId: string;
  role: ObservedRoleKind;
  strategicWeight: number;
  tacticalWeight: number;
  deliveryWeight: number;
  /** strategic + tactical + delivery. */
  totalWeight: number;
  /** Shares of totalWeight (0 when totalWeight is 0). */
  strategicShare: number;
  tacticalShare: number;
  deliveryShare: number;
  /** tactical / (strategic + tactical): "their own product activity" in tactical rows (tactical-overload). */
  tacticalShareOfProduct: number;
  eventCount: number;
}

interface LayerTally {
  s: number;
  t: number;
  d: number;
  n: number;
}

function tallyOf(tallies: Map<string, LayerTally>, actorId: string): LayerTally {
  let tally = tallies.get(actorId);
  if (tally === undefined) {
    tally = { s: 0, t: 0, d: 0, n: 0 };
    tallies.set(actorId, tally);
  }
  return tally;
}

function add(tally: LayerTally, e: ProductEvent): void {
  const layer = LAYER_OF[e.row];
  if (layer === 'strategic') tally.s += e.weight;
  else if (layer === 'tactical') tally.t += e.weight;
  else tally.d += e.weight;
  tally.n += 1;
}

/** Adds up a person's weight per layer and names the role the evidence shows (thresholds in config.ts). */
export function observeRoles(
  events: readonly ProductEvent[],
  thresholds: Pick<Thresholds, 'engineerDeliveryShare' | 'roleSubstantialShare'>,
): Map<string, ObservedRole> {
  const tallies = new Map<string, LayerTally>();
  // An indexed loop: this runs once over a million events, and for-of would allocate a step object for each
  // until the loop is optimised.
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ProductEvent;
    if (e.actorId !== AUTOMATION_ID) add(tallyOf(tallies, e.actorId), e);
  }
  const out = new Map<string, ObservedRole>();
  for (const id of [...tallies.keys()].sort()) {
    const { s, t, d, n } = tallies.get(id) as LayerTally;
    const total = s + t + d;
    const product = s + t;
    const share = (x: number, of: number) => (of > 0 ? x / of : 0);
    out.set(id, {
      personId: id,
      role: roleOf(s, t, d, thresholds),
      strategicWeight: s,
      tacticalWeight: t,
      deliveryWeight: d,
      totalWeight: total,
      strategicShare: share(s, total),
      tacticalShare: share(t, total),
      deliveryShare: share(d, total),
      tacticalShareOfProduct: share(t, product),
      eventCount: n,
    });
  }
  return out;
}

/**
 * The role each person shows on each board, from that board's events alone (an event counts on every board its
 * issue belongs to): the same rule as observeRoles, so a board's view of a person reads as that board's own map.
 */
export function observeRolesByBoard(
  events: readonly ProductEvent[],
  boardIds: readonly number[],
  thresholds: Pick<Thresholds, 'engineerDeliveryShare' | 'roleSubstantialShare'>,
): Map<number, Map<string, ObservedRoleKind>> {
  const tallies = new Map<number, Map<string, LayerTally>>(boardIds.map((id) => [id, new Map()]));
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ProductEvent;
    if (e.actorId === AUTOMATION_ID) continue;
    for (const boardId of e.boardIds) {
      const board = tallies.get(boardId);
      if (board !== undefined) add(tallyOf(board, e.actorId), e);
    }
  }
  const out = new Map<number, Map<string, ObservedRoleKind>>();
  for (const [boardId, board] of tallies) {
    const roles = new Map<string, ObservedRoleKind>();
    for (const [id, { s, t, d }] of board) roles.set(id, roleOf(s, t, d, thresholds));
    out.set(boardId, roles);
  }
  return out;
}

export function roleOf(
  strategic: number,
  tactical: number,
  delivery: number,
  thresholds: Pick<Thresholds, 'engineerDeliveryShare' | 'roleSubstantialShare'>,
): ObservedRoleKind {
  const total = strategic + tactical + delivery;
  if (total <= 0) return 'none';
  const product = strategic + tactical;
  if (product === 0 || delivery / total >= thresholds.engineerDeliveryShare) return 'engineer';
  const strategicShare = strategic / product;
  const tacticalShare = tactical / product;
  if (strategicShare >= thresholds.roleSubstantialShare && tacticalShare >= thresholds.roleSubstantialShare) {
    return 'pm-po';
  }
  return strategic > tactical ? 'pm' : 'po';
}

const LAYER_OF = Object.fromEntries(ROWS.map((r) => [r.key, r.layer])) as Record<RowKey, Layer>;
