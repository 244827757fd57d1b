// tactical-overload: the roadmap owner spends most of their product activity in tactical rows — "the PM spends
// 80 % of their time in sprint ceremonies and backlog grooming", so strategy gets no room.
//
// Definition: X is A of `roadmap` (whole scope) and tactical / (strategic + tactical) weight of X's events in the
// window (ObservedRole.tacticalShareOfProduct) is >= `tacticalOverloadShare`. Delivery work is left out: it is
// neither strategy nor product ownership. Severity high: strategy is starved now. Shares are of weighted activity,
// never of time.
import { TACTICAL_ROWS, type RowKey } from '../rows';
import type { Warning } from '../warning';
import type { WarningContext } from './context';
import { evidenceOfSiteEvents } from './event-index';
import { isHuman, percent, personName, prose, rowWord } from './wording';

export function tacticalOverload(ctx: WarningContext): Warning[] {
  const { raci, site } = ctx;
  const threshold = ctx.config.thresholds.tacticalOverloadShare;
  const owner = raci.roadmap.accountableId;
  if (owner === null || !isHuman(site, owner)) return [];
  const role = ctx.roles.get(owner);
  if (!role) return [];
  const product = role.strategicWeight + role.tacticalWeight;
  if (product <= 0) return [];
  const tacticalShare = role.tacticalWeight / product;
  if (role.tacticalWeight <= 0 || tacticalShare < threshold) return [];

  const tacticalEvents = site.events.filter(
    (e) => e.actorId === owner && (TACTICAL_ROWS as readonly RowKey[]).includes(e.row),
  );
  // Name the two rows that take most of it, so the advice points somewhere.
  const byRow = new Map<RowKey, number>();
  for (const e of tacticalEvents) byRow.set(e.row, (byRow.get(e.row) ?? 0) + e.weight);
  const top = [...byRow.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .map(([row]) => rowWord(row));

  const name = personName(site, owner);
  const mostly = top.length > 0 ? `, mostly ${prose(top)}` : '';
  const message =
    `${name} owns the roadmap, yet ${percent(tacticalShare)} of their product activity is tactical${mostly} ` +
    `(threshold ${percent(threshold)}). Strategy is getting squeezed out; consider handing the backlog and ` +
    `sprint work to a dedicated product owner.`;

  const evidence = evidenceOfSiteEvents(site, tacticalEvents);
  return [
    {
      id: 'tactical-overload',
      severity: 'high',
      title: 'Roadmap owner is buried in tactical work',
      message,
      people: [owner],
      // Figures are shown to users: a share and an event count, never the summed weights behind the share
      // (weights are an internal proxy for effort). The count is the evidence's, so both always agree.
      figures: { tacticalShare, tacticalEvents: evidence.evidenceTotal },
      thresholds: { tacticalOverloadShare: threshold },
      ...evidence,
    },
  ];
}
