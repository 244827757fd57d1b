// strategy-and-acceptance: the roadmap owner is also the owner of acceptance or refinement while a team of
// `minDeliveryPeople` or more waits on them — "the PM is the bottleneck for both what to build and is this story done".
//
// Definition: over the whole scope's RACI, person X is A of `roadmap` and A of `acceptance` and/or `refinement`, and
// at least `minDeliveryPeople` people other than X have delivery events in the window. Severity high: both
// strategy and the team's daily flow queue behind one person. Evaluated over the scope, not per board, because
// the roadmap is one map; the message says how many boards X's team spans.
import type { RowKey } from '../rows';
import type { Warning } from '../warning';
import type { WarningContext } from './context';
import { evidenceOfCells, shareOf } from './event-index';
import { heldSince, mainScope } from '../over-time/since';
import { isHuman, isoDay, percent, personName, plural, prose, rowWord } from './wording';

const TACTICAL_BOTTLENECK_ROWS = ['acceptance', 'refinement'] as const satisfies readonly RowKey[];

export function strategyAndAcceptance(ctx: WarningContext): Warning[] {
  const { raci, site } = ctx;
  const min = ctx.config.thresholds.minDeliveryPeople;
  const owner = raci.roadmap.accountableId;
  if (owner === null || !isHuman(site, owner)) return [];

  const alsoOwns = TACTICAL_BOTTLENECK_ROWS.filter((row) => raci[row].accountableId === owner);
  if (alsoOwns.length === 0) return [];

  // The owner delivering too does not make them their own queue: count the others.
  const deliverers = [...ctx.deliveryPeople].filter((id) => id !== owner && isHuman(site, id)).length;
  if (deliverers < min) return [];

  const roadmapShare = shareOf(raci, 'roadmap', owner);
  const figures: Record<string, number> = { roadmapShare, deliveryPeople: deliverers };
  for (const row of alsoOwns) figures[`${row}Share`] = shareOf(raci, row, owner);

  const name = personName(site, owner);
  // Since when (the timeline): the first period of the run in which the owner still holds the row.
  const scope = mainScope(ctx.overTime);
  const since = (row: RowKey) => {
    const period = scope === undefined ? undefined : heldSince(scope, row, owner);
    return period === undefined ? '' : `, since ${period.label}, ${isoDay(period.start)}`;
  };
  const owned = prose(
    alsoOwns.map((row) => `${rowWord(row)} (${percent(shareOf(raci, row, owner))}${since(row)})`),
  );
  const message =
    `${name} is accountable for the roadmap (${percent(roadmapShare)} of its activity) and for ${owned} ` +
    `while ${plural(deliverers, 'other person', 'other people')} deliver (threshold ${min}). ` +
    `${name} is the bottleneck for both what to build and whether a story is done; ` +
    `consider giving ${prose(alsoOwns.map((r) => rowWord(r)))} to a dedicated product owner.`;

  return [
    {
      id: 'strategy-and-acceptance',
      severity: 'high',
      title: 'Roadmap owner also owns acceptance',
      message,
      people: [owner],
      figures,
      thresholds: { minDeliveryPeople: min, accountableShare: ctx.config.thresholds.accountableShare },
      ...evidenceOfCells(site, [{ raci, personId: owner, rows: ['roadmap', ...alsoOwns] }]),
    },
  ];
}
