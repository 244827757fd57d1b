// Split advice (DOMAIN.md "Observed roles and split advice"): for each person who holds the roadmap or works
// PM-like, whether one person doing both roles works here, citing the figures. One or two squads with a tactical
// share under 80 % → the combined role works; tactical overload or more than two squads → consider a second PM or
// a dedicated PO; more than four squads → the PM is spread too thin.
import type { Thresholds } from './config';
import { AUTOMATION_ID, type Person, type RaciMap } from './model';
import type { ObservedRole } from './roles';
import { ROWS, type RowKey } from './rows';

export type AdviceKind = 'combined-role-works' | 'consider-split' | 'spread-too-thin' | 'roles-already-split';

export interface Advice {
  personId: string;
  kind: AdviceKind;
  title: string;
  message: string;
  figures: Record<string, number>;
  thresholds: Record<string, number>;
  /** Boards (squads) counted for this person. */
  boardIds: number[];
}

const PRODUCT_ROWS: RowKey[] = ROWS.filter((r) => r.layer !== 'delivery').map((r) => r.key);

/** Boards on which the person holds A or R of a strategic or tactical row. */
export function squadsOf(personId: string, raciByBoard: ReadonlyMap<number, RaciMap>): number[] {
  const out: number[] = [];
  for (const [boardId, raci] of raciByBoard) {
    const holds = PRODUCT_ROWS.some((row) =>
      raci[row].cells.some((c) => c.personId === personId && (c.letter === 'A' || c.letter === 'R')),
    );
    if (holds) out.push(boardId);
  }
  return out.sort((a, b) => a - b);
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

export interface AdviceInput {
  raci: RaciMap;
  raciByBoard: ReadonlyMap<number, RaciMap>;
  roles: ReadonlyMap<string, ObservedRole>;
  people: ReadonlyMap<string, Person>;
  thresholds: Thresholds;
}

export function adviseSplit(input: AdviceInput): Advice[] {
  const { raci, raciByBoard, roles, people, thresholds } = input;
  const roadmapOwner = raci.roadmap.accountableId;
  const subjects = [...roles.values()]
    .filter((r) => r.personId !== AUTOMATION_ID)
    .filter((r) => r.personId === roadmapOwner || r.role === 'pm' || r.role === 'pm-po')
    .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  const noBoards = raciByBoard.size === 0;
  return subjects.map((role) => {
    const name = people.get(role.personId)?.displayName ?? role.personId;
    const boardIds = squadsOf(role.personId, raciByBoard);
    // Without boards in scope the whole scope is one squad.
    const squads = noBoards ? 1 : boardIds.length;
    const tactical = role.tacticalShareOfProduct;
    const doesBoth = role.strategicWeight > 0 && role.tacticalWeight > 0;
    // Shown to users: shares and counts only, never the weights behind a share.
    const figures = { squads, tacticalShareOfProduct: tactical };
    const limits = {
      combinedRoleMaxSquads: thresholds.combinedRoleMaxSquads,
      maxBoardsPerOwner: thresholds.maxBoardsPerOwner,
      tacticalOverloadShare: thresholds.tacticalOverloadShare,
    };
    const squadText = noBoards ? 'one scope without boards' : `${squads} squad${squads === 1 ? '' : 's'}`;
    const base = { personId: role.personId, figures, thresholds: limits, boardIds };
    if (squads > thresholds.maxBoardsPerOwner) {
      return {
        ...base,
        kind: 'spread-too-thin' as const,
        title: `${name} is spread too thin`,
        message:
          `${name} holds product rows on ${squadText}, more than ${thresholds.maxBoardsPerOwner}; ` +
          `past four squads strategy gets thin. Consider handing some squads to another PM or to dedicated POs.`,
      };
    }
    if (
      doesBoth &&
      (tactical >= thresholds.tacticalOverloadShare || squads > thresholds.combinedRoleMaxSquads)
    ) {
      const why =
        tactical >= thresholds.tacticalOverloadShare
          ? `${percent(tactical)} of their product activity is tactical (threshold ${percent(thresholds.tacticalOverloadShare)})`
          : `they cover ${squadText}, more than ${thresholds.combinedRoleMaxSquads}`;
      return {
        ...base,
        kind: 'consider-split' as const,
        title: `Consider splitting ${name}'s role`,
        message: `${name} does both PM and PO work and ${why}. Consider a dedicated PO for the tactical rows, or a second PM.`,
      };
    }
    if (doesBoth) {
      return {
        ...base,
        kind: 'combined-role-works' as const,
        title: `${name}'s combined role works`,
        message:
          `${name} does both PM and PO work for ${squadText} with ${percent(tactical)} of their product activity ` +
          `tactical (under ${percent(thresholds.tacticalOverloadShare)}): the combined role works here.`,
      };
    }
    return {
      ...base,
      kind: 'roles-already-split' as const,
      title: `${name} works as a PM`,
      message: `${name}'s product activity is entirely strategic on ${squadText}; the tactical rows are held by others.`,
    };
  });
}
