// The RACI rows for the wire: each cell with its letter, figures, capped evidence and issue set; people who only
// deliver folded into one Team cell unless the user asked to see them ("roles, not rankings").
import { CONSULTED_EVIDENCE_CAP, TEAM_ID, type ResultCell, type ResultRow } from '../../contract/analysis';
import { EVIDENCE_CAP } from '../evidence';
import type { RaciCell, RaciMap } from '../model';
import { ROWS } from '../rows';
import { CellEvidence, cellEvidence, issueSet, wireEvidence } from './cell-evidence';
import { round2, share4 } from './numbers';

const LETTER_RANK = { A: 0, R: 1, C: 2, I: 3 } as const;

function evidenceCap(letter: RaciCell['letter']): number {
  return letter === 'A' || letter === 'R' ? EVIDENCE_CAP : CONSULTED_EVIDENCE_CAP;
}

function cellOf(personId: string, raci: RaciCell, evidence: CellEvidence): ResultCell {
  return {
    personId,
    letter: raci.letter,
    share: share4(raci.share),
    weight: round2(raci.weight),
    eventCount: raci.eventCount,
    commented: raci.commented,
    evidence: (evidence?.recent ?? [])
      .slice(0, evidenceCap(raci.letter))
      .map((e) => wireEvidence(e.evidence)),
    evidenceTotal: raci.eventCount,
    issues: evidence ? issueSet(evidence.issues) : null,
  };
}

/** The Team cell: summed figures; its letter is the strongest any member holds. */
function teamCell(members: readonly RaciCell[], evidence: readonly CellEvidence[]): ResultCell {
  const merged = new CellEvidence();
  let weight = 0;
  let shareSum = 0;
  let events = 0;
  let letter: RaciCell['letter'] = 'I';
  for (const m of members) {
    weight += m.weight;
    shareSum += m.share;
    events += m.eventCount;
    if (LETTER_RANK[m.letter] < LETTER_RANK[letter]) letter = m.letter;
  }
  // Each member's own evidence is already reduced (20 newest, one entry per issue): merge those.
  for (const own of evidence) {
    for (const e of own.recent) merged.keep(e);
    for (const [key, at] of own.issues) {
      const last = merged.issues.get(key);
      if (last === undefined || at > last) merged.issues.set(key, at);
    }
  }
  return {
    personId: TEAM_ID,
    letter,
    share: share4(shareSum),
    weight: round2(weight),
    eventCount: events,
    commented: members.some((m) => m.commented),
    members: members.length,
    evidence: merged.recent.slice(0, evidenceCap(letter)).map((e) => wireEvidence(e.evidence)),
    evidenceTotal: events,
    issues: issueSet(merged.issues),
  };
}

/** `raci` cells must carry their events (computeRaci sets them). */
export function presentRows(
  raci: RaciMap,
  team: ReadonlySet<string>,
  showDeliveryPeople: boolean,
): ResultRow[] {
  return ROWS.map((def) => {
    const row = raci[def.key];
    const cells: ResultCell[] = [];
    const members: RaciCell[] = [];
    const memberEvidence: CellEvidence[] = [];
    // The union of the cells' issues, unless computeRaciMaps counted it already.
    const issues = row.issueCount === undefined ? new Set<string>() : null;
    for (const cell of row.cells) {
      const evidence = cell.evidence ?? cellEvidence(cell.events ?? []);
      if (issues !== null) for (const key of evidence.issues.keys()) issues.add(key);
      if (!showDeliveryPeople && team.has(cell.personId)) {
        members.push(cell);
        memberEvidence.push(evidence);
      } else {
        cells.push(cellOf(cell.personId, cell, evidence));
      }
    }
    if (members.length > 0) cells.push(teamCell(members, memberEvidence));
    const accountableId =
      row.accountableId !== null && !showDeliveryPeople && team.has(row.accountableId)
        ? TEAM_ID
        : row.accountableId;
    return {
      key: def.key,
      label: def.label,
      layer: def.layer,
      totalWeight: round2(row.totalWeight),
      automationWeight: round2(row.automationWeight),
      eventCount: row.eventCount,
      issueCount: issues === null ? (row.issueCount as number) : issues.size,
      accountableId,
      cells,
    };
  });
}
