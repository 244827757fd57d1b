// The site plan: every issue's type, project, creation time, key, epic, subtasks and the sprint it is
// planned into, decided up front with the site's seed. Planning is cheap (numbers only); the changelog of
// each issue is simulated later, one issue at a time, from the plan and the issue's own seed.
import { addWorkingDays, DAY, toWorkingTime } from './calendar';
import type { IssueTypeName } from './catalogue';
import { mixSeed, Random } from './random';
import type { SiteSpec, SquadSpec } from './spec';
import type { SprintPlan } from './sprints';

export interface PlannedIssue {
  /** Position in creation order across the site. */
  index: number;
  id: string;
  key: string;
  squad: SquadSpec;
  type: IssueTypeName;
  created: number;
  /** Index of the epic this issue belongs to. */
  epic?: number;
  /** Epic link set by a later save (a refinement event), in one of the two shapes Cloud records. */
  parentLater: 'association' | 'parent' | null;
  /** Index of the parent story (subtasks). */
  parent?: number;
  subtasks: number[];
  /** Sprint (position on the board) the issue is planned into; null = it stays in the backlog. */
  sprintOrdinal: number | null;
  /** Added to a sprint that had already started. */
  scopeChange: boolean;
  seed: number;
  slips?: number;
  staleAfter?: number;
  acceptedAfterSprint?: boolean;
}

interface Draft {
  squad: SquadSpec;
  type: IssueTypeName;
  created: number;
  epic?: Draft;
  parent?: Draft;
  parentLater: 'association' | 'parent' | null;
  subtasks: Draft[];
  sprintOrdinal: number | null;
  scopeChange: boolean;
  order: number;
  slips?: number;
  staleAfter?: number;
  acceptedAfterSprint?: boolean;
}

/** Creation times spread evenly over a window, with jitter, in working hours, ascending. */
function spread(rng: Random, count: number, from: number, until: number): number[] {
  const step = (until - from) / Math.max(count, 1);
  const times: number[] = [];
  for (let i = 0; i < count; i++)
    times.push(toWorkingTime(from + step * (i + rng.float(0.05, 0.95)), rng.next()));
  return times.sort((a, b) => a - b);
}

const EPIC_LINK_CHANCE: Record<'Story' | 'Task' | 'Bug', number> = { Story: 0.92, Task: 0.7, Bug: 0.3 };

function planSquad(spec: SiteSpec, squad: SquadSpec, sprints: SprintPlan[], counter: { n: number }): Draft[] {
  const rng = new Random(mixSeed(spec.seed, squad.project.boardId, 17));
  const drafts: Draft[] = [];
  const make = (type: IssueTypeName, created: number): Draft => {
    const d: Draft = {
      squad,
      type,
      created,
      parentLater: null,
      subtasks: [],
      sprintOrdinal: null,
      scopeChange: false,
      order: counter.n++,
    };
    drafts.push(d);
    return d;
  };

  const epics = spread(rng, squad.epics, spec.epicWindow.from, spec.epicWindow.until).map((t) =>
    make('Epic', t),
  );
  const mix = squad.typeMix;
  const standard = spread(rng, squad.issues, spec.issueWindow.from, spec.issueWindow.until).map((t) =>
    make(
      rng.weighted<IssueTypeName>([
        { value: 'Story', weight: mix.Story },
        { value: 'Task', weight: mix.Task },
        { value: 'Bug', weight: mix.Bug },
      ]),
      t,
    ),
  );

  // Epic links: an issue joins one of the few epics most recently started before it, like a roadmap in flight.
  for (const d of standard) {
    if (!rng.chance(EPIC_LINK_CHANCE[d.type as 'Story' | 'Task' | 'Bug'])) continue;
    const open = epics.filter((e) => e.created < d.created - 2 * DAY).slice(-4);
    if (open.length === 0) continue;
    d.epic = rng.pick(open);
    if (rng.chance(0.35)) d.parentLater = rng.chance(0.6) ? 'association' : 'parent';
  }

  // Sprint slots: each sprint takes a fair share of the squad's issues, oldest first; the rest wait in the backlog.
  const capacity = Math.ceil((squad.issues * 0.9) / sprints.length) + 1;
  const filled = sprints.map(() => 0);
  for (const d of standard) {
    const readyBy = addWorkingDays(d.created, 3);
    const active = sprints.find((s) => s.start < readyBy && readyBy < s.end - 3 * DAY);
    if (active && rng.chance(squad.habits.pScopeChange)) {
      d.sprintOrdinal = active.ordinal;
      d.scopeChange = true;
      continue;
    }
    const slot = sprints.find((s) => s.planningFrom >= readyBy && (filled[s.ordinal] ?? 0) < capacity);
    if (slot) {
      d.sprintOrdinal = slot.ordinal;
      filled[slot.ordinal] = (filled[slot.ordinal] ?? 0) + 1;
    }
  }

  // Subtasks: engineers split some stories the day after they are written.
  for (const d of standard) {
    if (d.type !== 'Story' || !rng.chance(squad.habits.pSubtasks)) continue;
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i++) {
      const st = make('Subtask', addWorkingDays(d.created, 1) + i * 17 * 60_000);
      st.parent = d;
      st.sprintOrdinal = null;
      d.subtasks.push(st);
    }
  }

  const scenarios = spec.scenarios;
  const key = squad.project.key;
  if (scenarios.slippingEpic?.project === key) {
    // An epic from the second half of the roadmap, so its stories are still in flight when it slips.
    const e = epics[Math.floor((epics.length * 2) / 3)];
    if (e) e.slips = scenarios.slippingEpic.slips;
  }
  if (scenarios.staleEpic?.project === key) {
    const limit = scenarios.staleEpic.lastEditBefore;
    const e = epics.filter((x) => x.created < limit - 40 * DAY && x.slips === undefined).at(-1);
    if (e) {
      e.staleAfter = limit;
      // Nothing of a stale epic gets going: its stories wait in the backlog.
      for (const d of standard) {
        if (d.epic !== e) continue;
        d.sprintOrdinal = null;
        d.scopeChange = false;
        d.parentLater = null;
        for (const st of d.subtasks) drafts.splice(drafts.indexOf(st), 1);
        d.subtasks = [];
      }
    }
  }
  if (scenarios.acceptedAfterSprint?.project === key) {
    const ordinal = scenarios.acceptedAfterSprint.sprintOrdinal;
    const d = standard.find(
      (x) => x.type === 'Story' && x.sprintOrdinal === ordinal && !x.scopeChange && x.subtasks.length === 0,
    );
    if (d) d.acceptedAfterSprint = true;
  }
  return drafts;
}

export function planSite(spec: SiteSpec, sprints: Map<number, SprintPlan[]>): PlannedIssue[] {
  const counter = { n: 0 };
  const drafts = spec.squads.flatMap((squad) =>
    planSquad(spec, squad, sprints.get(squad.project.boardId) ?? [], counter),
  );
  drafts.sort((a, b) => a.created - b.created || a.order - b.order);
  const indexOf = new Map<Draft, number>(drafts.map((d, i) => [d, i]));
  const keyCounters = new Map<string, number>();
  return drafts.map((d, index) => {
    const projectKey = d.squad.project.key;
    const n = (keyCounters.get(projectKey) ?? 0) + 1;
    keyCounters.set(projectKey, n);
    return {
      index,
      id: String(10001 + index),
      key: `${projectKey}-${n}`,
      squad: d.squad,
      type: d.type,
      created: d.created,
      ...(d.epic ? { epic: indexOf.get(d.epic) as number } : {}),
      parentLater: d.parentLater,
      ...(d.parent ? { parent: indexOf.get(d.parent) as number } : {}),
      subtasks: d.subtasks.map((s) => indexOf.get(s) as number),
      sprintOrdinal: d.sprintOrdinal,
      scopeChange: d.scopeChange,
      seed: mixSeed(spec.seed, index, 91),
      ...(d.slips !== undefined ? { slips: d.slips } : {}),
      ...(d.staleAfter !== undefined ? { staleAfter: d.staleAfter } : {}),
      ...(d.acceptedAfterSprint ? { acceptedAfterSprint: true } : {}),
    };
  });
}
