// self-acceptance: people close their own work, so the product owner's formal acceptance step is missing.
//
// Definition: among the window's acceptances of sprint work (standard issues, hierarchy level 0: subtasks are
// routinely closed by whoever did them, epics are roadmap bookkeeping), the share whose acceptor was the issue's
// assignee at that moment (AcceptanceRecord.selfAccepted; never true for automation, whose acceptances still count
// in the total) is >= `selfAcceptanceShare`. Per board when the data has boards (an issue counts on each of its
// boards; a warning per board that meets it), over the scope otherwise. Severity medium.
// Roles, not rankings: the warning never names who closed their own work; people = the board's A of acceptance,
// whose step is being skipped, when there is one.
import type { AcceptanceRecord } from '../acceptance-records';
import type { Warning } from '../warning';
import type { WarningContext } from './context';
import { evidenceList } from './evidence-list';
import { boardIds } from './squads';
import { boardName, isHuman, percent, personName, plural } from './wording';

export function selfAcceptance(ctx: WarningContext): Warning[] {
  const records = ctx.acceptances.filter((r) => r.hierarchyLevel === 0);
  const boards = boardIds(ctx.site);
  if (boards.length === 0) return fire(ctx, records, undefined);
  return boards.flatMap((board) =>
    fire(
      ctx,
      records.filter((r) => r.boardIds.includes(board)),
      board,
    ),
  );
}

function fire(
  ctx: WarningContext,
  records: readonly AcceptanceRecord[],
  board: number | undefined,
): Warning[] {
  const threshold = ctx.config.thresholds.selfAcceptanceShare;
  if (records.length === 0) return [];
  const self = records.filter((r) => r.selfAccepted);
  const share = self.length / records.length;
  if (self.length === 0 || share < threshold) return [];

  const raci = board === undefined ? ctx.raci : ctx.raciByBoard.get(board);
  const acceptor = raci?.acceptance.accountableId ?? null;
  const owner = acceptor !== null && isHuman(ctx.site, acceptor) ? acceptor : null;
  const where = board === undefined ? '' : `On ${boardName(ctx.site, board)}, `;
  const there = board === undefined ? '' : ' there';
  const ownerSentence =
    owner === null
      ? `Nobody clearly owns acceptance${there}; consider naming a product owner who accepts finished work.`
      : `Consider having ${personName(ctx.site, owner)}, who owns acceptance${there}, accept finished work, ` +
        `or agree a definition of done the team checks.`;
  const message =
    `${where}${self.length} of ${plural(records.length, 'finished issue')} (${percent(share)}) were moved to ` +
    `done by their own assignee (threshold ${percent(threshold)}): the formal acceptance step looks missing. ` +
    ownerSentence;

  return [
    {
      id: 'self-acceptance',
      severity: 'medium',
      title: 'Work is accepted by whoever built it',
      message,
      people: owner === null ? [] : [owner],
      figures: { selfAcceptanceShare: share, selfAccepted: self.length, accepted: records.length },
      thresholds: { selfAcceptanceShare: threshold },
      ...(board === undefined ? {} : { boardId: board }),
      ...evidenceList(self.map((r) => r.evidence)),
    },
  ];
}
