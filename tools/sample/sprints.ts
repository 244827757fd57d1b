// The sprint calendar of every board: two-week sprints back to back, the last one active at recordedAt.
// Sprint ids are unique across the site, as in Jira.
import { DAY, HOUR, isoTime, MINUTE } from './calendar';
import type { SiteSpec } from './spec';

export interface SprintPlan {
  id: number;
  boardId: number;
  /** 0-based position on its board. */
  ordinal: number;
  name: string;
  goal: string;
  start: number;
  end: number;
  /** null while the sprint is active. */
  complete: number | null;
  /** Planning happens in the hour before start. */
  planningFrom: number;
}

const SPRINT_LENGTH = 14 * DAY;

export function planSprints(spec: SiteSpec): Map<number, SprintPlan[]> {
  const byBoard = new Map<number, SprintPlan[]>();
  spec.squads.forEach((squad, boardIndex) => {
    const sprints: SprintPlan[] = [];
    for (let k = 0; k < spec.sprintsPerBoard; k++) {
      const start = spec.firstSprintStart + k * SPRINT_LENGTH;
      const end = start + 13 * DAY + 6 * HOUR;
      const last = k === spec.sprintsPerBoard - 1;
      sprints.push({
        id: boardIndex * spec.sprintsPerBoard + k + 1,
        boardId: squad.project.boardId,
        ordinal: k,
        name: `${squad.project.key} Sprint ${k + 1}`,
        goal: `${squad.project.name}: ${squad.project.topics[k % squad.project.topics.length]}`,
        start,
        end,
        complete: last && end > spec.recordedAt ? null : end + 30 * MINUTE,
        planningFrom: start - HOUR,
      });
    }
    byBoard.set(squad.project.boardId, sprints);
  });
  return byBoard;
}

function stateOf(s: SprintPlan, recordedAt: number): 'closed' | 'active' | 'future' {
  if (s.complete !== null && s.complete <= recordedAt) return 'closed';
  return s.start <= recordedAt ? 'active' : 'future';
}

/** GET /rest/agile/1.0/board/{id}/sprint element. */
export function sprintJson(baseUrl: string, s: SprintPlan, recordedAt: number) {
  const state = stateOf(s, recordedAt);
  return {
    id: s.id,
    self: `${baseUrl}/rest/agile/1.0/sprint/${s.id}`,
    state,
    name: s.name,
    startDate: isoTime(s.start),
    endDate: isoTime(s.end),
    ...(state === 'closed' && s.complete !== null ? { completeDate: isoTime(s.complete) } : {}),
    createdDate: isoTime(s.start - 7 * DAY),
    originBoardId: s.boardId,
    goal: s.goal,
  };
}

/** One element of an issue's Sprint field (customfield_10020 on Cloud). */
export function sprintFieldJson(s: SprintPlan, recordedAt: number) {
  const state = stateOf(s, recordedAt);
  return {
    id: s.id,
    name: s.name,
    state,
    boardId: s.boardId,
    goal: s.goal,
    startDate: isoTime(s.start),
    endDate: isoTime(s.end),
    ...(state === 'closed' && s.complete !== null ? { completeDate: isoTime(s.complete) } : {}),
  };
}
