// no-owner: a tactical responsibility is done by several people and owned by none — diffuse ownership.
//
// Definition: over the scope's RACI, a tactical row (prioritization, story-writing, refinement,
// acceptance-criteria, sprint-planning, acceptance) with human activity (at least one person with weight > 0)
// has no A: nobody reaches `accountableShare`. Rows done only by automation are left out (no person to own or to
// name; self-acceptance and the acceptance review cover that case). Severity medium. One warning per row; people =
// those who do it, largest share first.
import { ROWS, TACTICAL_ROWS } from '../rows';
import type { Warning } from '../warning';
import type { WarningContext } from './context';
import { evidenceOfCells } from './event-index';
import { isHuman, percent, percentBelow, personName, plural, proseCapped } from './wording';

export function noOwner(ctx: WarningContext): Warning[] {
  const threshold = ctx.config.thresholds.accountableShare;
  const warnings: Warning[] = [];
  for (const rowKey of TACTICAL_ROWS) {
    const row = ctx.raci[rowKey];
    if (row.accountableId !== null) continue;
    const doers = row.cells
      .filter((c) => c.weight > 0 && isHuman(ctx.site, c.personId))
      .sort((a, b) => b.share - a.share || (a.personId < b.personId ? -1 : 1));
    const top = doers[0];
    if (!top) continue;

    const label = ROWS.find((r) => r.key === rowKey)?.label ?? rowKey;
    const names = doers.map(
      (c) => `${personName(ctx.site, c.personId)} (${percentBelow(c.share, threshold)})`,
    );
    const message =
      `Nobody owns "${label}": ${plural(doers.length, 'person', 'people')} ${doers.length === 1 ? 'does' : 'share'} it and the largest share is ` +
      `${percentBelow(top.share, threshold)} (an owner needs ${percent(threshold)}): ${proseCapped(names, 3)}. ` +
      `Consider agreeing who is accountable for it.`;
    const evidence = evidenceOfCells(
      ctx.site,
      doers.map((c) => ({ raci: ctx.raci, personId: c.personId, rows: [rowKey] })),
    );
    warnings.push({
      id: 'no-owner',
      severity: 'medium',
      title: `No clear owner: ${label}`,
      message,
      people: doers.map((c) => c.personId),
      // The people's events, as many as the evidence lists: the row's own count also holds automation's.
      figures: { topShare: top.share, people: doers.length, events: evidence.evidenceTotal },
      thresholds: { accountableShare: threshold },
      ...evidence,
    });
  }
  return warnings;
}
