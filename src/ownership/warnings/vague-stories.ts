// vague-stories: stories reach sprints unrefined — "stories are consistently vague because the PM has no time to
// refine them".
//
// Definition: a story is a story-like standard issue (hierarchy level 0, `storyLike`). It "entered a sprint" at its
// first sprint membership ever: creation inside a sprint, else its first changelog addition to a sprint. Only
// stories whose first entry falls inside the window count. A story is vague when, at that moment, it had no
// acceptance criteria or no estimate (the last `criteria` / `estimate` change at or before the entry; none = absent).
// Fires when vague / counted >= `vagueStoriesShare`. Per board (the board of the sprint entered; when that sprint is
// unknown, every board of the issue), or over the scope when the data has no boards. Severity medium: a quality
// drift, not a blocked queue. people = the board's A of refinement, when there is one.
import type { Evidence, IssueTimeline, SprintInfo, SprintMembershipChange } from '../model';
import { historyIdOf } from '../normalise/events';
import { criteriaAt, estimateAt } from '../normalise/timelines';
import type { Warning } from '../warning';
import { inWindow } from '../window';
import type { WarningContext } from './context';
import { eventsOfIssue } from './event-index';
import { evidenceList, timelineEvidence } from './evidence-list';
import { boardIds } from './squads';
import { boardName, isHuman, percent, personName, plural } from './wording';

interface SprintEntry {
  issueKey: string;
  at: number;
  boards: number[];
  noCriteria: boolean;
  noEstimate: boolean;
  /** Where the evidence comes from: the story, the Sprint change that added it (none: created in a sprint). */
  timeline: IssueTimeline;
  change: SprintMembershipChange | null;
  sprintId: number | undefined;
  /** Made when first cited (entryEvidence): only the vague stories of a board that fires are cited. */
  cited?: Evidence;
}

export function vagueStories(ctx: WarningContext): Warning[] {
  const entries: SprintEntry[] = [];
  const sprints = sprintsById(ctx);
  for (const timeline of ctx.site.issues.values()) {
    if (timeline.hierarchyLevel !== 0 || !timeline.storyLike) continue;
    const entry = firstSprintEntry(ctx, sprints, timeline);
    if (!entry || !inWindow(ctx.window, entry.at)) continue;
    entries.push(entry);
  }
  entries.sort((a, b) => (a.issueKey < b.issueKey ? -1 : a.issueKey > b.issueKey ? 1 : 0));

  const boards = boardIds(ctx.site);
  if (boards.length === 0) return fire(ctx, sprints, entries, undefined);
  // Each board's entries (in key order), in one pass over the entries rather than one per board.
  const byBoard = new Map<number, SprintEntry[]>();
  for (const e of entries) {
    for (let i = 0; i < e.boards.length; i++) {
      const board = e.boards[i] as number;
      if (e.boards.indexOf(board) !== i) continue; // listed twice: counted once
      const list = byBoard.get(board);
      if (list) list.push(e);
      else byBoard.set(board, [e]);
    }
  }
  return boards.flatMap((board) => fire(ctx, sprints, byBoard.get(board) ?? [], board));
}

function fire(
  ctx: WarningContext,
  sprints: ReadonlyMap<number, SprintInfo>,
  entries: SprintEntry[],
  board: number | undefined,
): Warning[] {
  const threshold = ctx.config.thresholds.vagueStoriesShare;
  if (entries.length === 0) return [];
  const vague = entries.filter((e) => e.noCriteria || e.noEstimate);
  const share = vague.length / entries.length;
  // A threshold of 0 must not turn a clean board into a warning.
  if (vague.length === 0 || share < threshold) return [];

  const noCriteria = vague.filter((e) => e.noCriteria).length;
  const noEstimate = vague.filter((e) => e.noEstimate).length;
  const raci = board === undefined ? ctx.raci : ctx.raciByBoard.get(board);
  const refiner = raci?.refinement.accountableId ?? null;
  const owner = refiner !== null && isHuman(ctx.site, refiner) ? refiner : null;

  const where = board === undefined ? '' : `On ${boardName(ctx.site, board)}, `;
  const there = board === undefined ? '' : ' there';
  const subject = `${plural(vague.length, 'story', 'stories')} of ${entries.length}`;
  const led =
    owner === null
      ? `Nobody clearly owns refinement${there}.`
      : `Refinement${there} is led by ${personName(ctx.site, owner)}.`;
  const message =
    `${where}${subject} (${percent(share)}) entered a sprint without acceptance criteria or an estimate ` +
    `(threshold ${percent(threshold)}): ${noCriteria} without criteria, ${noEstimate} without an estimate. ` +
    `${led} Consider refining stories before sprint planning, so each has criteria and an estimate when it ` +
    `is committed.`;
  const capitalised = message.charAt(0).toUpperCase() + message.slice(1);

  return [
    {
      id: 'vague-stories',
      severity: 'medium',
      title: 'Stories enter sprints unrefined',
      message: capitalised,
      people: owner === null ? [] : [owner],
      figures: {
        vagueShare: share,
        vagueStories: vague.length,
        stories: entries.length,
        withoutCriteria: noCriteria,
        withoutEstimate: noEstimate,
      },
      thresholds: { vagueStoriesShare: threshold },
      ...(board === undefined ? {} : { boardId: board }),
      ...evidenceList(vague.map((e) => entryEvidence(ctx, sprints, e))),
    },
  ];
}

/** Sprints by id; when an id is listed twice, the first one (as `site.sprints.find` would pick). */
function sprintsById(ctx: WarningContext): Map<number, SprintInfo> {
  const out = new Map<number, SprintInfo>();
  for (const s of ctx.site.sprints) if (!out.has(s.id)) out.set(s.id, s);
  return out;
}

function firstSprintEntry(
  ctx: WarningContext,
  sprints: ReadonlyMap<number, SprintInfo>,
  t: IssueTimeline,
): SprintEntry | null {
  const atCreation = t.initialSprints;
  let at: number;
  let sprintId: number | undefined;
  let change: SprintMembershipChange | null = null;
  if (atCreation.length > 0) {
    at = t.created;
    sprintId = atCreation[0];
  } else {
    for (const c of t.sprintChanges) {
      if (c.added.length > 0) {
        change = c;
        break;
      }
    }
    if (change === null) return null;
    at = change.at;
    sprintId = change.added[0];
  }
  const sprint = sprintId === undefined ? undefined : sprints.get(sprintId);
  return {
    issueKey: t.key,
    at,
    boards: sprint ? [sprint.boardId] : t.boardIds,
    noCriteria: !criteriaAt(t, at),
    noEstimate: !estimateAt(t, at),
    timeline: t,
    change,
    sprintId,
  };
}

/** The evidence of a story's first sprint entry: the Sprint change's event if there is one, else the timeline's. */
function entryEvidence(
  ctx: WarningContext,
  sprints: ReadonlyMap<number, SprintInfo>,
  entry: SprintEntry,
): Evidence {
  if (entry.cited !== undefined) return entry.cited;
  const { timeline: t, change, sprintId, at } = entry;
  if (change === null) {
    entry.cited = timelineEvidence(t.key, at, { field: 'Sprint', to: sprintName(sprints, sprintId) });
  } else {
    entry.cited =
      eventsOfIssue(ctx.site, t.key).find(
        (e) => e.row === 'sprint-planning' && historyIdOf(e) === change.historyId,
      )?.evidence ??
      timelineEvidence(t.key, at, {
        historyId: change.historyId,
        field: 'Sprint',
        to: sprintName(sprints, sprintId),
      });
  }
  return entry.cited;
}

function sprintName(sprints: ReadonlyMap<number, SprintInfo>, id: number | undefined): string | null {
  if (id === undefined) return null;
  return sprints.get(id)?.name ?? String(id);
}
