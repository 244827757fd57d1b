// The RACI rows for the wire: each cell with its letter, figures, capped evidence and issue set; people without a
// column of their own folded into the Team and Others cells (DOMAIN.md "Columns of the map": roles, not rankings).
import {
  CONSULTED_EVIDENCE_CAP,
  OTHERS_ID,
  TEAM_ID,
  type ResultCell,
  type ResultRow,
} from '../../contract/analysis';
import type { FoldedGroup } from '../columns';
import { EVIDENCE_CAP } from '../evidence';
import type { RaciCell, RaciMap, RaciRow } from '../model';
import { ROWS } from '../rows';
import { CellEvidence, cellEvidence, issueSet, wireEvidence } from './cell-evidence';
import { round2, share4 } from './numbers';
import { rowOwner, type OwnerNames } from './owner';

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
    commentedIssues: raci.commentedIssues,
    evidence: (evidence?.recent ?? [])
      .slice(0, evidenceCap(raci.letter))
      .map((e) => wireEvidence(e.evidence)),
    evidenceTotal: raci.eventCount,
    issues: evidence ? issueSet(evidence.issues) : null,
  };
}

/**
 * A folded column's cell: summed figures, and the strongest letter a member holds. Only A or R is drawn for a group
 * (DOMAIN.md): a member's C or I would claim something of the whole group, so such a row gets no group cell.
 */
function groupCell(
  groupId: string,
  members: readonly RaciCell[],
  evidence: readonly CellEvidence[],
): ResultCell | null {
  let letter: RaciCell['letter'] = 'I';
  for (const m of members) if (LETTER_RANK[m.letter] < LETTER_RANK[letter]) letter = m.letter;
  if (letter !== 'A' && letter !== 'R') return null;
  const merged = new CellEvidence();
  let weight = 0;
  let shareSum = 0;
  let events = 0;
  let commentedIssues = 0;
  for (const m of members) {
    weight += m.weight;
    shareSum += m.share;
    events += m.eventCount;
    commentedIssues = Math.max(commentedIssues, m.commentedIssues);
  }
  // Each member's own evidence is already reduced (20 newest, one entry per issue): merge those.
  for (const own of evidence) {
    for (const e of own.recent) merged.keep(e);
    for (const [key, at] of own.issues) merged.noteIssue(key, at);
  }
  return {
    personId: groupId,
    letter,
    share: share4(shareSum),
    weight: round2(weight),
    eventCount: events,
    commented: members.some((m) => m.commented),
    // The most any one member commented on: the group did not comment on the sum of its members' issues.
    commentedIssues,
    members: members.length,
    memberIds: members.map((m) => m.personId).sort(),
    evidence: merged.recent.slice(0, evidenceCap(letter)).map((e) => wireEvidence(e.evidence)),
    evidenceTotal: events,
    issues: issueSet(merged.issues),
  };
}

/** The id a folded person's cell is shown under. */
export function groupIdOf(fold: FoldedGroup): string {
  return fold === 'team' ? TEAM_ID : OTHERS_ID;
}

/**
 * The cell of a row's owner as the map shows it: the person's own, or their folded column's (every member's
 * figures and evidence, as presentRows draws it); null without an owner. A board's "by squad" cell opens it.
 */
export function ownerCellOf(row: RaciRow, fold: (personId: string) => FoldedGroup | null): ResultCell | null {
  const accountableId = row.accountableId;
  if (accountableId === null) return null;
  const group = fold(accountableId);
  if (group === null) {
    const cell = row.cells.find((c) => c.personId === accountableId);
    return cell === undefined ? null : cellOf(accountableId, cell, evidenceOf(cell));
  }
  const members = row.cells.filter((c) => fold(c.personId) === group);
  return groupCell(groupIdOf(group), members, members.map(evidenceOf));
}

/** A cell's evidence: gathered during the tally (overall map), else read from its events (a board's cells). */
function evidenceOf(cell: RaciCell): CellEvidence {
  return cell.evidence ?? cellEvidence(cell.events ?? []);
}

/**
 * `raci` cells must carry their events (computeRaci sets them). `fold` says which people are folded into which
 * column (null: their own column; delivery people asked to be shown individually included).
 */
export function presentRows(
  raci: RaciMap,
  fold: (personId: string) => FoldedGroup | null,
  accountableShare: number,
  names: OwnerNames,
): ResultRow[] {
  return ROWS.map((def) => {
    const row = raci[def.key];
    const cells: ResultCell[] = [];
    const members: Record<FoldedGroup, { cells: RaciCell[]; evidence: CellEvidence[] }> = {
      team: { cells: [], evidence: [] },
      others: { cells: [], evidence: [] },
    };
    // The union of the cells' issues, unless computeRaciMaps counted it already.
    const issues = row.issueCount === undefined ? new Set<string>() : null;
    for (const cell of row.cells) {
      const evidence = evidenceOf(cell);
      if (issues !== null) for (const key of evidence.issues.keys()) issues.add(key);
      const group = fold(cell.personId);
      if (group === null) {
        cells.push(cellOf(cell.personId, cell, evidence));
      } else {
        members[group].cells.push(cell);
        members[group].evidence.push(evidence);
      }
    }
    for (const group of ['team', 'others'] as const) {
      const cell = groupCell(groupIdOf(group), members[group].cells, members[group].evidence);
      if (cell !== null) cells.push(cell);
    }
    const accountableFold = row.accountableId === null ? null : fold(row.accountableId);
    return {
      key: def.key,
      label: def.label,
      layer: def.layer,
      totalWeight: round2(row.totalWeight),
      automationWeight: round2(row.automationWeight),
      eventCount: row.eventCount,
      issueCount: issues === null ? (row.issueCount as number) : issues.size,
      accountableId: accountableFold === null ? row.accountableId : groupIdOf(accountableFold),
      ...rowOwner(row, accountableShare, names),
      cells,
    };
  });
}
