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
import type { Evidence, IssueTimeline, NormalisedSite } from '../model';
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
  evidence: Evidence;
}

export function vagueStories(ctx: WarningContext): Warning[] {
  const entries: SprintEntry[] = [];
  for (const timeline of [...ctx.site.issues.values()]) {
    if (timeline.hierarchyLevel !== 0 || !timeline.storyLike) continue;
    const entry = firstSprintEntry(ctx.site, timeline);
    if (!entry || !inWindow(ctx.window, entry.at)) continue;
    entries.push(entry);
  }
  entries.sort((a, b) => (a.issueKey < b.issueKey ? -1 : a.issueKey > b.issueKey ? 1 : 0));

  const boards = boardIds(ctx.site);
  if (boards.length === 0) return fire(ctx, entries, undefined);
  return boards.flatMap((board) =>
    fire(
      ctx,
      entries.filter((e) => e.boards.includes(board)),
      board,
    ),
  );
}

function fire(ctx: WarningContext, entries: SprintEntry[], board: number | undefined): Warning[] {
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
      ...evidenceList(vague.map((e) => e.evidence)),
    },
  ];
}

function firstSprintEntry(site: NormalisedSite, t: IssueTimeline): SprintEntry | null {
  const atCreation = t.initialSprints;
  let at: number;
  let sprintId: number | undefined;
  let evidence: Evidence;
  if (atCreation.length > 0) {
    at = t.created;
    sprintId = atCreation[0];
    evidence = timelineEvidence(t.key, at, { field: 'Sprint', to: sprintName(site, sprintId) });
  } else {
    const added = t.sprintChanges.find((c) => c.added.length > 0);
    if (!added) return null;
    at = added.at;
    sprintId = added.added[0];
    evidence =
      eventsOfIssue(site, t.key).find(
        (e) => e.row === 'sprint-planning' && e.evidence.historyId === added.historyId,
      )?.evidence ??
      timelineEvidence(t.key, at, {
        historyId: added.historyId,
        field: 'Sprint',
        to: sprintName(site, sprintId),
      });
  }
  const sprint = site.sprints.find((s) => s.id === sprintId);
  return {
    issueKey: t.key,
    at,
    boards: sprint ? [sprint.boardId] : t.boardIds,
    noCriteria: !criteriaAt(t, at),
    noEstimate: !estimateAt(t, at),
    evidence,
  };
}

function sprintName(site: NormalisedSite, id: number | undefined): string | null {
  if (id === undefined) return null;
  return site.sprints.find((s) => s.id === id)?.name ?? String(id);
}
