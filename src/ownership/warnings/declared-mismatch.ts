// declared-mismatch: the user declared a PM or PO, but the evidence names someone else as owner of that role's
// rows — the title versus the actual job.
//
// Definition, over the scope's RACI: PM declared (config.declared.pm) and the A of `roadmap` is another person; PO
// declared (config.declared.po) and the A of any of `prioritization`, `refinement`, `acceptance` (the Scrum PO's
// backlog order, refinement and formal acceptance) is another person. A row with no A names nobody, so it is left
// to no-owner. One warning per declared role, listing every mismatching row. Severity low: it informs the user's
// picture of the team rather than pointing at a bottleneck.
import type { RowKey } from '../rows';
import type { Warning } from '../warning';
import type { WarningContext } from './context';
import { evidenceOfCells, shareOf } from './event-index';
import { isHuman, percent, personName, prose, rowWord } from './wording';

const ROLE_ROWS = {
  pm: ['roadmap'],
  po: ['prioritization', 'refinement', 'acceptance'],
} as const satisfies Record<string, readonly RowKey[]>;

const ROLE_WORDS = { pm: 'product manager', po: 'product owner' } as const;

export function declaredMismatch(ctx: WarningContext): Warning[] {
  const warnings: Warning[] = [];
  for (const role of ['pm', 'po'] as const) {
    const declared = ctx.config.declared[role];
    if (declared === undefined) continue;
    const mismatches = ROLE_ROWS[role]
      .map((row) => ({ row, owner: ctx.raci[row].accountableId }))
      .filter(
        (m): m is { row: (typeof m)['row']; owner: string } =>
          m.owner !== null && m.owner !== declared && isHuman(ctx.site, m.owner),
      );
    if (mismatches.length === 0) continue;

    // A declared account the data never saw has no display name; never show its raw id instead.
    const known = ctx.site.people.has(declared);
    const declaredName = known ? personName(ctx.site, declared) : 'the declared person';
    const intro = known
      ? `You declared ${declaredName} as ${ROLE_WORDS[role]}`
      : `You declared a ${ROLE_WORDS[role]} who has no activity in this data`;
    const parts = mismatches.map(
      ({ row, owner }) =>
        `${personName(ctx.site, owner)} is accountable for ${rowWord(row)} ` +
        `(${percent(shareOf(ctx.raci, row, owner))} of its activity; ` +
        `${declaredName} ${percent(shareOf(ctx.raci, row, declared))})`,
    );
    const message =
      `${intro}, but ${prose(parts)}. ` +
      `Check whether the title matches the job, or update the declared roles.`;

    const figures: Record<string, number> = {};
    for (const { row, owner } of mismatches) {
      figures[`${row}OwnerShare`] = shareOf(ctx.raci, row, owner);
      figures[`${row}DeclaredShare`] = shareOf(ctx.raci, row, declared);
    }
    const owners = [...new Set(mismatches.map((m) => m.owner))].sort();
    warnings.push({
      id: 'declared-mismatch',
      severity: 'low',
      title: `Declared ${ROLE_WORDS[role]} is not the observed one`,
      message,
      people: [...(known ? [declared] : []), ...owners.filter((id) => id !== declared)],
      figures,
      thresholds: { accountableShare: ctx.config.thresholds.accountableShare },
      ...evidenceOfCells(
        ctx.site,
        mismatches.map(({ row, owner }) => ({ raci: ctx.raci, personId: owner, rows: [row] })),
      ),
    });
  }
  return warnings;
}
