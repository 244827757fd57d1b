// Ownership over time in words, for every surface that writes it (the report, the macro, the Jira tab): one
// sentence per handover, accretion and gap, so the CLI and the UIs never tell the same change differently.
import type { Accretion, AnalysisResult, Handover, OwnershipGap } from '../contract/analysis';

export interface OverTimeNames {
  /** A person's (or the team's) display name. */
  person(id: string): string;
  /** A row's label as a sentence carries it, e.g. “Refines stories”. */
  row(key: string): string;
  /** A board's name; null = the whole scope. */
  board(id: number | null): string;
  /** A date as the surface shows dates (the CLI: ISO day; the UIs: the viewer's locale). */
  date(iso: string): string;
}

const pct = (share: number) => `${Math.round(share * 100)} %`;

/** Names from the result itself, dates as ISO days (the CLI's); the UIs pass their own `date`. */
export function resultNames(
  result: AnalysisResult,
  date: (iso: string) => string = (d) => d.slice(0, 10),
): OverTimeNames {
  return {
    person: (id) =>
      id === 'team'
        ? result.team.label
        : (result.people.find((p) => p.id === id)?.displayName ?? 'Unknown person'),
    // Row labels are phrases ("Refines stories"): quoted, a sentence can carry them.
    row: (key) => `“${result.rows.find((r) => r.key === key)?.label ?? key}”`,
    board: (id) =>
      id === null ? 'the whole scope' : (result.scope.boards.find((b) => b.id === id)?.name ?? `board ${id}`),
    date,
  };
}

/** "PAY board: “Refines stories” passed from Felix Brandt (72 %) to Omar Haddad (54 %) in PAY Sprint 3 (2026-07-01)." */
export function handoverSentence(h: Handover, names: OverTimeNames): string {
  return (
    `${names.board(h.boardId)}: ${names.row(h.row)} passed from ${names.person(h.fromId)} (${pct(h.fromShare)}) ` +
    `to ${names.person(h.toId)} (${pct(h.toShare)}) in ${h.sincePeriod} (${names.date(h.since)}).`
  );
}

/** "the whole scope: Priya Raman took on “Accepts sprint work” in Jul 2026 (2026-07-01), keeping “Sets roadmap items”." */
export function accretionSentence(a: Accretion, names: OverTimeNames): string {
  const kept = a.keptRows.map((row) => names.row(row));
  const keeping = kept.length <= 1 ? kept.join('') : `${kept.slice(0, -1).join(', ')} and ${kept.at(-1)}`;
  return (
    `${names.board(a.boardId)}: ${names.person(a.personId)} took on ${names.row(a.row)} in ${a.sincePeriod} ` +
    `(${names.date(a.since)}), keeping ${keeping}.`
  );
}

/** "PAY board: “Writes user stories” had no clear owner in PAY Sprint 8 (1 period) after Omar Haddad." */
export function gapSentence(g: OwnershipGap, names: OverTimeNames): string {
  const span = g.fromPeriod === g.toPeriod ? `in ${g.fromPeriod}` : `from ${g.fromPeriod} to ${g.toPeriod}`;
  const still = g.ongoing ? ', and still has none' : '';
  return (
    `${names.board(g.boardId)}: ${names.row(g.row)} had no clear owner ${span} ` +
    `(${g.periods} ${g.periods === 1 ? 'period' : 'periods'}) after ${names.person(g.previousOwnerId)}${still}.`
  );
}
