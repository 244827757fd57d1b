// Simulates one issue's life from the plan and the squad's habits: who writes, refines, ranks, plans,
// builds and accepts it, and when. Deterministic: the issue's own seed decides every draw, so an issue can
// be simulated again (a second pass, a parent looking up its child) and come out the same.
import {
  addWorkingDays,
  addWorkingHours,
  DAY,
  HOUR,
  isoDate,
  MINUTE,
  previousWorkingTime,
  toWorkingTime,
} from './calendar';
import type { PriorityName } from './catalogue';
import { AUTOMATION_FOR_JIRA, backFrom, isAway, type Person } from './people';
import type { PlannedIssue } from './plan';
import { Random } from './random';
import type { AcceptorPick, Pick, SiteSpec, VersionSpec } from './spec';
import type { SprintPlan } from './sprints';
import { commentFor, criteriaFor, descriptionFor, descriptionWithCriteria, summaryFor } from './texts';
import type { Change, CommentPlan, Intent, IssueSimulation, WorkTiming } from './timeline';

export interface EpicProgress {
  firstStart: number | null;
  /** When the last child was done, if every child is done. */
  allDoneAt: number | null;
}

export interface SimContext {
  spec: SiteSpec;
  plans: PlannedIssue[];
  sprints: Map<number, SprintPlan[]>;
  /** Filled by the engine's first pass, before any epic is simulated. */
  epicProgress: Map<number, EpicProgress>;
}

function onDuty(p: Pick, at: number): boolean {
  if (p.weight <= 0) return false;
  if (p.from !== undefined && at < p.from) return false;
  if (p.until !== undefined && at >= p.until) return false;
  return !(p.who && isAway(p.who, at));
}

/** Who does it at `at`; if nobody with the habit is around, the first one back does it when they return. */
export function pickAt(rng: Random, picks: Pick[], at: number): { who: Person | null; at: number } {
  const present = picks.filter((p) => onDuty(p, at));
  if (present.length > 0) {
    return { who: rng.weighted(present.map((p) => ({ value: p.who, weight: p.weight }))), at };
  }
  let best: { who: Person | null; at: number } | null = null;
  for (const p of picks) {
    if (p.weight <= 0) continue;
    let t = Math.max(at, p.from ?? at);
    if (p.who) t = backFrom(p.who, t);
    if (p.until !== undefined && t >= p.until) continue;
    if (!best || t < best.at) best = { who: p.who, at: toWorkingTime(t) };
  }
  if (!best) throw new Error('Nobody has this habit at any time');
  return best;
}

/** A working instant in [from, until): the next working morning, else the previous evening, else (a window
 * that is all night or weekend) the raw instant. */
function between(rng: Random, from: number, until: number): number {
  const raw = from + rng.next() * Math.max(until - from, 0);
  const later = toWorkingTime(raw, rng.next());
  if (later < until) return later;
  const earlier = previousWorkingTime(raw) - rng.int(0, 50) * MINUTE;
  return earlier >= from ? earlier : raw;
}

function versionAfter(versions: VersionSpec[], date: string): VersionSpec | undefined {
  return versions.find((v) => v.releaseDate >= date) ?? versions.at(-1);
}

class Recorder {
  readonly intents: Intent[] = [];
  add(at: number, author: Person | null, changes: Change[]): void {
    this.intents.push({ at, author, changes });
  }
  /** Oldest first (stable for equal times) and nothing after the snapshot was recorded. */
  finish(recordedAt: number): Intent[] {
    return this.intents
      .map((intent, i) => ({ intent, i }))
      .filter((x) => x.intent.at < recordedAt)
      .sort((a, b) => a.intent.at - b.intent.at || a.i - b.i)
      .map((x) => x.intent);
  }
}

function pickPerson(rng: Random, picks: Pick[], at: number, fallback: Person): Person {
  return pickAt(rng, picks, at).who ?? fallback;
}

function comments(rng: Random, ctx: SimContext, picks: Pick[], from: number, until: number, chance: number) {
  const out: CommentPlan[] = [];
  if (picks.length === 0 || !rng.chance(chance)) return out;
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) {
    const at = between(rng, from + HOUR, Math.min(until, ctx.spec.recordedAt - HOUR));
    const { who } = pickAt(rng, picks, at);
    if (who && at < ctx.spec.recordedAt) out.push({ at, author: who, text: commentFor(rng) });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Benchmarks ask for a number of histories per issue: pad with backlog ranks and description edits. */
function pad(rng: Random, ctx: SimContext, plan: PlannedIssue, rec: Recorder, until: number, text: string) {
  const target = ctx.spec.historiesPerIssue;
  if (target === undefined) return;
  const h = plan.squad.habits;
  const recordedAt = ctx.spec.recordedAt;
  const extra = Math.min(target, 990) - rec.intents.filter((i) => i.at < recordedAt).length;
  for (let i = 0; i < extra; i++) {
    const at = between(rng, plan.created + MINUTE, Math.max(until, plan.created + 2 * MINUTE));
    if (i % 2 === 0 && h.rankers.length > 0) {
      rec.add(at, pickAt(rng, h.rankers, at).who, [{ kind: 'rank', higher: rng.chance(0.6) }]);
    } else {
      rec.add(at, pickAt(rng, h.refiners, at).who, [{ kind: 'description', to: `${text} (rev ${i + 1})` }]);
    }
  }
}

/** A story, task or bug: backlog refinement, sprint planning, work, acceptance, carry-over. */
export function simulateStandard(ctx: SimContext, plan: PlannedIssue): IssueSimulation {
  const rng = new Random(plan.seed);
  const { squad } = plan;
  const h = squad.habits;
  const project = squad.project;
  const recordedAt = ctx.spec.recordedAt;
  const sprints = ctx.sprints.get(project.boardId) ?? [];
  const summary = summaryFor(rng, plan.type, project.topics);
  const description = descriptionFor(rng, summary);
  const engineer = rng.pick(squad.engineers);
  const creator = pickPerson(
    rng,
    plan.type === 'Story' ? h.storyWriters : h.otherWriters,
    plan.created,
    engineer,
  );
  const priority: PriorityName =
    plan.type === 'Bug' ? rng.pick<PriorityName>(['High', 'Medium', 'Medium']) : 'Medium';
  const rec = new Recorder();

  if (plan.type === 'Bug' && h.bugLabeller) {
    rec.add(plan.created + 2 * MINUTE, h.bugLabeller, [{ kind: 'labelAdd', label: 'needs-triage' }]);
  }

  // When it enters its sprint, and when refinement ends before that.
  const sprint = plan.sprintOrdinal !== null ? sprints[plan.sprintOrdinal] : undefined;
  let entryAt: number | null = null;
  if (sprint) {
    entryAt = plan.scopeChange
      ? toWorkingTime(
          Math.max(addWorkingDays(plan.created, 2), addWorkingDays(sprint.start, 1)) +
            rng.int(0, 300) * MINUTE,
        )
      : sprint.planningFrom + rng.int(5, 55) * MINUTE;
  }
  let readyAt: number;
  if (entryAt !== null) {
    readyAt = toWorkingTime(entryAt - rng.float(1, 8) * DAY, rng.next());
    if (readyAt >= entryAt - 2 * MINUTE) readyAt = entryAt - 5 * MINUTE;
    if (readyAt <= plan.created) readyAt = plan.created + (entryAt - plan.created) / 2;
  } else {
    readyAt = Math.min(addWorkingDays(plan.created, rng.float(1, 8)), recordedAt - HOUR);
  }
  const windowFrom = Math.max(plan.created + 5 * MINUTE, readyAt - 12 * DAY);
  const middle = windowFrom + (readyAt - windowFrom) / 2;
  const refinable = readyAt > windowFrom;

  // Refinement, first half: shape the story (epic link, summary, description).
  let currentDescription = description;
  if (refinable) {
    const act = (picks: Pick[], from: number, until: number, changes: (who: Person | null) => Change[]) => {
      const r = pickAt(rng, picks, between(rng, from, until));
      if (r.at < readyAt) rec.add(r.at, r.who, changes(r.who));
    };
    if (plan.parentLater && plan.epic !== undefined) {
      const style = plan.parentLater;
      act(h.refiners, windowFrom, middle, () => [{ kind: 'parent', parent: plan.epic as number, style }]);
    }
    if (rng.chance(h.pSummaryEdit)) {
      const to = `${summary} (${rng.pick(['MVP', 'phase 1', 'web', 'API'])})`;
      act(h.refiners, windowFrom, middle, () => [{ kind: 'summary', to }]);
    }
    if (rng.chance(h.pDescriptionEdit)) {
      currentDescription = `${description} Scope agreed with the team.`;
      const to = currentDescription;
      act(h.refiners, windowFrom, middle, () => [{ kind: 'description', to }]);
    }
    // Second half: estimate, criteria, labels, components, odd fields.
    if (rng.chance(h.pEstimate)) {
      const to = rng.pick([1, 2, 3, 3, 5, 5, 8]);
      act(h.estimators, middle, readyAt, () => [{ kind: 'points', to }]);
    }
    if (rng.chance(h.pCriteria)) {
      const criteria = criteriaFor(rng, project.topics);
      const inDescription = rng.chance(h.pCriteriaInDescription);
      const to = descriptionWithCriteria(currentDescription, criteria);
      act(h.criteriaWriters, middle, readyAt, () => [
        inDescription ? { kind: 'description', to } : { kind: 'criteria', to: criteria },
      ]);
    }
    if (rng.chance(h.pLabels)) {
      const label = rng.pick(['ux', 'tech-debt', 'customer', 'quick-win', 'compliance']);
      act(h.refiners, middle, readyAt, () => [{ kind: 'labelAdd', label }]);
    }
    if (rng.chance(h.pComponent) && project.components.length > 0) {
      const component = rng.pick(project.components);
      act(h.refiners, middle, readyAt, () => [{ kind: 'component', component }]);
    }
    if (rng.chance(h.pDecoyEdit)) {
      const to = rng.pick(['S', 'M', 'L']);
      act(h.estimators, middle, readyAt, () => [{ kind: 'decoyPoints', to }]);
    }
    if (rng.chance(h.pSegmentEdit)) {
      const to = rng.pick([
        { id: '10200', name: 'Enterprise' },
        { id: '10201', name: 'SMB' },
      ]);
      act(h.refiners, windowFrom, readyAt, () => [{ kind: 'segment', to }]);
    }
    const ranks = rng.int(h.ranks[0], h.ranks[1]);
    for (let i = 0; i < ranks; i++) {
      const higher = rng.chance(0.6);
      act(h.rankers, windowFrom, readyAt, () => [{ kind: 'rank', higher }]);
    }
    if (rng.chance(h.pPriorityChange)) {
      const to = rng.pick<PriorityName>(priority === 'High' ? ['Highest', 'Medium'] : ['High', 'Low']);
      act(h.prioritizers, windowFrom, readyAt, () => [{ kind: 'priority', to }]);
    }
    if (rng.chance(h.pFixVersion)) {
      const version = versionAfter(project.versions, isoDate(readyAt + 14 * DAY));
      if (version) act(h.releasePlanners, windowFrom, readyAt, () => [{ kind: 'fixVersion', version }]);
    }
    if (h.useReady && (sprint !== undefined || rng.chance(0.4))) {
      const r = pickAt(rng, h.refiners, readyAt);
      if (entryAt === null || r.at < entryAt) rec.add(r.at, r.who, [{ kind: 'status', to: 'ready' }]);
    }
  }
  const hasFixVersion = rec.intents.some((i) => i.changes.some((c) => c.kind === 'fixVersion'));

  // Sprint, work, acceptance and carry-over.
  const timing: WorkTiming = { engineer, startAt: null, reviewAt: null, doneAt: null };
  if (sprint && entryAt !== null) {
    const planner = pickAt(rng, plan.scopeChange ? h.scopeChangers : h.planners, entryAt);
    rec.add(planner.at, planner.who, [{ kind: 'sprintAdd', sprint }]);
    const begin = Math.max(planner.at, sprint.start);
    const startAt = addWorkingHours(begin, rng.float(0.2, plan.acceptedAfterSprint ? 4 : 48));
    const reviewAt = plan.acceptedAfterSprint
      ? sprint.end - 3 * HOUR
      : addWorkingDays(startAt, rng.float(h.workDays[0], h.workDays[1]));
    // The engineer takes the issue on the transition screen: assignee and status in one save.
    rec.add(startAt, engineer, [
      { kind: 'assignee', to: engineer },
      { kind: 'status', to: 'inProgress' },
    ]);
    rec.add(reviewAt, engineer, [{ kind: 'status', to: 'inReview' }]);
    const acceptors = h.acceptors.filter((a) => !a.types || a.types.includes(plan.type));
    const acceptor = rng.weighted<AcceptorPick>(acceptors.map((a) => ({ value: a, weight: a.weight })));
    const peers = squad.engineers.filter((e) => e !== engineer);
    const actor =
      acceptor.who === 'assignee' ? engineer : acceptor.who === 'peer' ? rng.pick(peers) : acceptor.who;
    let doneAt = addWorkingDays(reviewAt, rng.float(acceptor.waitDays[0], acceptor.waitDays[1]));
    if (plan.acceptedAfterSprint && sprint.complete !== null) {
      doneAt = addWorkingDays(sprint.complete, rng.float(3, 4));
    }
    if (isAway(actor, doneAt)) doneAt = addWorkingHours(backFrom(actor, doneAt), rng.float(0.5, 6));
    const done: Change[] = [{ kind: 'status', to: 'done' }];
    if (!hasFixVersion && rng.chance(h.pFixVersionAtDone)) {
      const version = versionAfter(project.versions, isoDate(doneAt));
      if (version) done.push({ kind: 'fixVersion', version });
    }
    rec.add(doneAt, actor, done);
    Object.assign(timing, {
      startAt: startAt < recordedAt ? startAt : null,
      reviewAt: reviewAt < recordedAt ? reviewAt : null,
      doneAt: doneAt < recordedAt ? doneAt : null,
    });

    // Completing a sprint moves its unfinished issues into the next one (the closed sprint stays listed).
    let current = sprint;
    while (!plan.acceptedAfterSprint && current.complete !== null && current.complete < doneAt) {
      const next = sprints[current.ordinal + 1];
      if (!next) break;
      const completer = pickAt(rng, h.completers, current.complete);
      rec.add(completer.at, completer.who, [{ kind: 'sprintAdd', sprint: next }]);
      current = next;
    }
  } else if (h.staleLabeller) {
    const last = rec.intents.reduce((max, i) => Math.max(max, i.at), plan.created);
    const at = toWorkingTime(last + 60 * DAY, rng.next());
    rec.add(at, null, [{ kind: 'labelAdd', label: 'stale' }]);
  }

  const end = timing.doneAt ?? recordedAt;
  pad(rng, ctx, plan, rec, Math.min(end, recordedAt) - MINUTE, currentDescription);
  return {
    plan,
    type: plan.type,
    initial: {
      summary,
      description,
      priority,
      creator,
      ...(plan.epic !== undefined && !plan.parentLater ? { parent: plan.epic } : {}),
    },
    intents: rec.finish(recordedAt),
    comments: comments(rng, ctx, h.commenters, plan.created, end, h.pComment),
    timing,
  };
}

/** A subtask: its story's engineer splits the story, works the part during the story's work and closes it. */
export function simulateSubtask(ctx: SimContext, plan: PlannedIssue): IssueSimulation {
  const rng = new Random(plan.seed);
  const parentPlan = ctx.plans[plan.parent as number] as PlannedIssue;
  const parent = simulateStandard(ctx, parentPlan).timing as WorkTiming;
  const engineer = parent.engineer;
  const summary = summaryFor(rng, 'Subtask', plan.squad.project.topics);
  const rec = new Recorder();
  let doneAt: number | null = null;
  let startAt: number | null = null;
  if (parent.startAt !== null) {
    const until = parent.reviewAt ?? addWorkingDays(parent.startAt, 3);
    startAt = toWorkingTime(parent.startAt + rng.float(0.05, 0.5) * (until - parent.startAt));
    rec.add(startAt, engineer, [
      { kind: 'assignee', to: engineer },
      { kind: 'status', to: 'inProgress' },
    ]);
    doneAt = Math.max(startAt + 5 * MINUTE, startAt + rng.float(0.3, 0.95) * (until - startAt));
    rec.add(doneAt, engineer, [{ kind: 'status', to: 'done' }]);
  }
  const recordedAt = ctx.spec.recordedAt;
  pad(rng, ctx, plan, rec, Math.min(doneAt ?? recordedAt, recordedAt) - MINUTE, summary);
  return {
    plan,
    type: 'Subtask',
    initial: {
      summary,
      description: descriptionFor(rng, summary),
      priority: 'Medium',
      creator: engineer,
      parent: plan.parent as number,
    },
    intents: rec.finish(recordedAt),
    comments: [],
    timing: {
      engineer,
      startAt: startAt !== null && startAt < recordedAt ? startAt : null,
      reviewAt: null,
      doneAt: doneAt !== null && doneAt < recordedAt ? doneAt : null,
    },
  };
}

/** An epic: the roadmap owner creates it, sets and moves its target dates; automation follows its stories. */
export function simulateEpic(ctx: SimContext, plan: PlannedIssue): IssueSimulation {
  const rng = new Random(plan.seed);
  const h = plan.squad.habits;
  const project = plan.squad.project;
  const recordedAt = ctx.spec.recordedAt;
  const created = pickAt(rng, h.epicOwners, plan.created);
  const owner = created.who ?? AUTOMATION_FOR_JIRA;
  const summary = summaryFor(rng, 'Epic', project.topics);
  const description = descriptionFor(rng, summary);
  const rec = new Recorder();
  const human = (at: number, changes: Change[]) => {
    const r = pickAt(rng, h.epicOwners, at);
    rec.add(r.at, r.who, changes);
  };
  const limit = plan.staleAfter ?? recordedAt;

  const datesAt = addWorkingHours(plan.created, rng.float(2, 24));
  const startDay = plan.created + rng.int(14, 35) * DAY;
  let targetEnd = startDay + rng.int(49, 91) * DAY;
  human(datesAt, [
    { kind: 'date', field: 'targetStart', to: isoDate(startDay) },
    { kind: 'date', field: 'targetEnd', to: isoDate(targetEnd) },
    { kind: 'date', field: 'duedate', to: isoDate(targetEnd) },
  ]);
  if (rng.chance(0.3)) {
    const version = versionAfter(project.versions, isoDate(targetEnd));
    if (version) human(addWorkingDays(datesAt, rng.float(1, 5)), [{ kind: 'fixVersion', version }]);
  }
  if (plan.slips) {
    // Each slip moves the target end and the due date later together, in one save.
    const first = datesAt + 14 * DAY;
    const step = (Math.min(limit, recordedAt) - 14 * DAY - first) / plan.slips;
    for (let i = 0; i < plan.slips; i++) {
      const at = between(rng, first + i * step, first + (i + 1) * step);
      targetEnd += rng.int(14, 28) * DAY;
      human(at, [
        { kind: 'date', field: 'targetEnd', to: isoDate(targetEnd) },
        { kind: 'date', field: 'duedate', to: isoDate(targetEnd) },
      ]);
    }
  } else if (rng.chance(0.35)) {
    // At most one move of one date: a pull-in, or a single small slip of the target end.
    const at = between(rng, datesAt + 3 * DAY, Math.min(limit, recordedAt) - DAY);
    const pullIn = rng.chance(0.5) && targetEnd - 14 * DAY > startDay;
    targetEnd += (pullIn ? -rng.int(7, 14) : 7) * DAY;
    human(at, [{ kind: 'date', field: 'targetEnd', to: isoDate(targetEnd) }]);
  }
  if (rng.chance(0.2)) {
    human(between(rng, datesAt + HOUR, limit - HOUR), [
      { kind: 'description', to: `${description} Updated scope.` },
    ]);
  }

  const progress = ctx.epicProgress.get(plan.index) ?? { firstStart: null, allDoneAt: null };
  if (progress.firstStart !== null) {
    rec.add(progress.firstStart + MINUTE, AUTOMATION_FOR_JIRA, [{ kind: 'status', to: 'inProgress' }]);
  }
  const closed = progress.allDoneAt !== null && plan.staleAfter === undefined;
  if (closed)
    rec.add((progress.allDoneAt as number) + MINUTE, AUTOMATION_FOR_JIRA, [{ kind: 'status', to: 'done' }]);

  const open = !closed || (progress.allDoneAt as number) + MINUTE >= recordedAt;
  if (plan.staleAfter !== undefined) {
    rec.add(between(rng, recordedAt - 40 * DAY, recordedAt - 20 * DAY), null, [
      { kind: 'labelAdd', label: 'stale' },
    ]);
  } else if (open) {
    // An epic in flight gets looked at: the roadmap owner touches it at least once in the last 80 days.
    const recent = recordedAt - 80 * DAY;
    const touched = rec.intents.some(
      (i) => i.at >= recent && i.author !== null && i.author.accountType !== 'app',
    );
    if (!touched) {
      const at = between(rng, Math.max(datesAt + HOUR, recordedAt - 75 * DAY), recordedAt - 2 * HOUR);
      human(at, [{ kind: 'description', to: `${description} Reviewed at the roadmap check-in.` }]);
    }
  }
  pad(rng, ctx, plan, rec, recordedAt - MINUTE, description);
  return {
    plan,
    type: 'Epic',
    initial: { summary, description, priority: 'Medium', creator: owner },
    intents: rec.finish(recordedAt),
    comments: comments(rng, ctx, h.commenters, plan.created, recordedAt, h.pComment),
    timing: null,
  };
}

export function simulate(ctx: SimContext, plan: PlannedIssue): IssueSimulation {
  if (plan.type === 'Epic') return simulateEpic(ctx, plan);
  if (plan.type === 'Subtask') return simulateSubtask(ctx, plan);
  return simulateStandard(ctx, plan);
}
