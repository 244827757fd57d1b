// analyse(): the whole pure pipeline, SiteData → AnalysisResult. normalise → window → RACI (overall and per board)
// → observed roles → acceptance records → warnings → advice → bandwidth → acceptance review → the wire shape.
// No I/O and no clock: `now` is an input.
import {
  ANALYSIS_VERSION,
  OTHERS_ID,
  TEAM_ID,
  type AnalysisResult,
  type ResultPerson,
} from '../contract/analysis';
import type { DataGap, SiteData } from '../jira/site';
import { reviewAcceptance } from './acceptance';
import { acceptancesIn } from './acceptance-records';
import { adviseSplit } from './advice';
import { computeBandwidth } from './bandwidth';
import { columnOf, foldOf, type FoldedGroup } from './columns';
import type { AnalysisConfig } from './config';
import {
  AUTOMATION_ID,
  type IssueTimeline,
  type NormalisedSite,
  type ProductEvent,
  type RaciMap,
  type SprintInfo,
} from './model';
import { normalise, normaliseFrom, type IssueSource } from './normalise';
import { presentAcceptance } from './present/acceptance';
import { presentBandwidth } from './present/bandwidth';
import { presentBoards } from './present/boards';
import { presentOverTime } from './present/over-time';
import { ownershipOverTime } from './over-time/timeline';
import { distinctNames } from './present/names';
import { iso, round2, share4 } from './present/numbers';
import { presentRows } from './present/rows';
import { computeRaciMaps, issuePeopleOf } from './raci';
import { OBSERVED_ROLE_LABELS, observeRoles, observeRolesByBoard } from './roles';
import type { WarningContext } from './warnings/context';
import { evaluateWarnings } from './warnings/index';
import { applyWindow, resolveWindow, scopeBoardIds, startedSprints, type ResolvedWindow } from './window';

/** Everything analyse() computes before shaping the result; tests and the bench may look inside. */
export interface Analysis {
  site: NormalisedSite;
  context: WarningContext;
  /** Who folds into which column of a map (null: their own column), over the scope or one board's map. */
  foldOn: (raci: RaciMap, deliveryPeople: ReadonlySet<string>) => (personId: string) => FoldedGroup | null;
}

/**
 * Who delivers: a human who moved an issue into an indeterminate status in the window (delivery event), or who
 * was the assignee of an issue in scope at some time inside the window. Per board through the issue's boards.
 */
export function deliveryPeopleOf(
  events: readonly ProductEvent[],
  issues: ReadonlyMap<string, IssueTimeline>,
  window: ResolvedWindow,
): { all: Set<string>; byBoard: Map<number, Set<string>> } {
  const all = new Set<string>();
  const byBoard = new Map<number, Set<string>>();
  const add = (id: string, boards: readonly number[]) => {
    if (id === AUTOMATION_ID) return;
    all.add(id);
    for (const b of boards) {
      let set = byBoard.get(b);
      if (set === undefined) {
        set = new Set();
        byBoard.set(b, set);
      }
      set.add(id);
    }
  };
  // An indexed loop: this runs once over a million events (for-of would allocate a step object for each).
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ProductEvent;
    if (e.row === 'delivery') add(e.actorId, e.boardIds);
  }
  const from = window.from ?? -Infinity;
  for (const issue of issues.values()) {
    const a = issue.assignees;
    for (let i = 0; i < a.length; i++) {
      const entry = a[i] as (typeof a)[number];
      if (entry.accountId === null) continue;
      const until = a[i + 1]?.at ?? Infinity;
      if (entry.at <= window.to && until > from) add(entry.accountId, issue.boardIds);
    }
  }
  return { all, byBoard };
}

/** Boards any issue in scope belongs to, in id order. */
function boardsInPlay(site: NormalisedSite): number[] {
  const ids = new Set<number>();
  for (const issue of site.issues.values()) for (const b of issue.boardIds) ids.add(b);
  return [...ids].sort((a, b) => a - b);
}

export function analyseSite(site: SiteData, config: AnalysisConfig, now: Date): Analysis {
  return analyseNormalised(normalise(site, config), config, now);
}

function analyseNormalised(full: NormalisedSite, config: AnalysisConfig, now: Date): Analysis {
  const nowMs = now.getTime();
  const window = resolveWindow(full, config, nowMs);
  const windowed = applyWindow(full, window);
  const issuePeople = issuePeopleOf(windowed.issues);
  const thresholds = config.thresholds;
  const { overall: raci, byBoard: raciByBoard } = computeRaciMaps(
    windowed.events,
    windowed.comments,
    thresholds,
    boardsInPlay(windowed),
    issuePeople,
  );
  const delivery = deliveryPeopleOf(windowed.events, windowed.issues, window);
  const roles = observeRoles(windowed.events, thresholds);
  const acceptances = acceptancesIn(windowed, window);
  // Roles, not rankings: people without an A or R or a product role whose activity is mostly delivery form one
  // Team column (DOMAIN.md "Columns of the map"); the Team everywhere else (bandwidth, over time) is the same.
  const declaredHolders = new Set<string>();
  for (const d of config.declared.rows) {
    for (const p of d.people) if (p.letter === 'A' || p.letter === 'R') declaredHolders.add(p.accountId);
  }
  const foldOn = (map: RaciMap, deliveryPeople: ReadonlySet<string>) =>
    foldOf({ raci: map, roles, deliveryPeople, declaredHolders });
  const fold = foldOn(raci, delivery.all);
  const team = new Set<string>();
  for (const id of [...delivery.all, ...roles.keys()]) if (fold(id) === 'team') team.add(id);
  const present = (id: string) => (!config.showDeliveryPeople && team.has(id) ? TEAM_ID : id);
  const sprintsByBoard = new Map<number, SprintInfo[]>();
  for (const b of scopeBoardIds(full, config)) sprintsByBoard.set(b, startedSprints(full, [b], window.to));
  const overTime = ownershipOverTime({
    events: windowed.events,
    window,
    sprintsByBoard,
    accountableShare: thresholds.accountableShare,
    present,
  });
  const context: WarningContext = {
    site: windowed,
    config,
    now: nowMs,
    window,
    raci,
    raciByBoard,
    deliveryPeople: delivery.all,
    deliveryPeopleByBoard: delivery.byBoard,
    roles,
    acceptances,
    team,
    present,
    overTime,
  };
  return { site: full, context, foldOn };
}

export function analyse(site: SiteData, config: AnalysisConfig, now: Date): AnalysisResult {
  return resultOf(site.gaps, analyseSite(site, config, now), config, now);
}

/**
 * The rules alone, over a site normalise() made: what analyse() computes once Jira's records are events. The bench
 * times this stage on its own, with Jira's records no longer held (as in the store's prepare job).
 */
export function analyseEvents(
  normalised: NormalisedSite,
  readGaps: readonly DataGap[],
  config: AnalysisConfig,
  now: Date,
): AnalysisResult {
  return resultOf(readGaps, analyseNormalised(normalised, config, now), config, now);
}

/**
 * analyse() over any IssueSource (unique keys in key order): the store's prepare job reads its records this way,
 * one at a time, and gets the result analyse() gives for the same issues as an array.
 */
export function analyseFrom(
  site: Omit<SiteData, 'issues'>,
  issues: IssueSource,
  config: AnalysisConfig,
  now: Date,
): AnalysisResult {
  return analyseEvents(normaliseFrom(site, issues, config), site.gaps, config, now);
}

/** The wire shape of an analysis; `readGaps`: what the read of the site missed. */
function resultOf(
  readGaps: readonly DataGap[],
  analysis: Analysis,
  config: AnalysisConfig,
  now: Date,
): AnalysisResult {
  const { site: full, context, foldOn } = analysis;
  const { site: windowed, window, raci, raciByBoard, roles, acceptances, team, present } = context;
  const thresholds = config.thresholds;
  const show = config.showDeliveryPeople;

  const warnings = evaluateWarnings(context);
  const advice = adviseSplit({ raci, raciByBoard, roles, people: full.people, thresholds });

  const shown = (id: string) => show || !team.has(id);

  const scopeBoards = scopeBoardIds(full, config);
  const sprintsByBoard = new Map<number, SprintInfo[]>();
  for (const b of scopeBoards) sprintsByBoard.set(b, startedSprints(full, [b], window.to));
  const overTime = presentOverTime(context.overTime, present);
  const bandwidth = computeBandwidth({
    events: windowed.events,
    window,
    sprintsByBoard,
    roles,
    thresholds,
    roadmapOwnerId: raci.roadmap.accountableId,
  });
  const from = window.from ?? -Infinity;
  const reviewed = startedSprints(full, scopeBoards, window.to).filter(
    (s) => (s.complete ?? s.end ?? Infinity) >= from,
  );
  const review = reviewAcceptance(windowed, acceptances, reviewed);

  const acceptance = presentAcceptance(review);
  const bandwidthOut = presentBandwidth(bandwidth, full.people, shown);

  // Everyone the result names.
  const named = new Set<string>();
  for (const id of roles.keys()) named.add(id);
  for (const row of Object.values(raci)) for (const c of row.cells) named.add(c.personId);
  for (const w of warnings) for (const id of w.people) named.add(id);
  for (const a of advice) named.add(a.personId);
  for (const s of acceptance.sprints) {
    for (const c of s.completed) {
      named.add(c.acceptorId);
      if (c.assigneeId !== null) named.add(c.assigneeId);
    }
  }
  for (const d of config.declared.rows) for (const p of d.people) named.add(p.accountId);
  for (const t of overTime.timeline) for (const p of t.periods) if (p.ownerId !== null) named.add(p.ownerId);
  for (const h of overTime.handovers) named.add(h.fromId).add(h.toId);
  if (config.declared.pm) named.add(config.declared.pm);
  if (config.declared.po) named.add(config.declared.po);
  for (const id of team) named.add(id);
  named.delete(TEAM_ID);
  named.delete(AUTOMATION_ID);

  const fold = foldOn(raci, context.deliveryPeople);
  const others = [...named].filter((id) => fold(id) === 'others').sort();
  // Per board only where there are several: on one board the site role is the board's.
  const boardIds = boardsInPlay(windowed);
  const rolesByBoard =
    boardIds.length > 1 ? observeRolesByBoard(windowed.events, boardIds, thresholds) : undefined;
  const boardRolesOf = (id: string) =>
    rolesByBoard === undefined || columnOf(fold(id), show) !== 'own'
      ? []
      : boardIds.flatMap((boardId) => {
          const role = rolesByBoard.get(boardId)?.get(id);
          return role === undefined
            ? []
            : [{ boardId, observedRole: role, roleLabel: OBSERVED_ROLE_LABELS[role] }];
        });
  const names = distinctNames(
    [...named].map((id) => ({ id, displayName: full.people.get(id)?.displayName ?? 'Unknown person' })),
  );
  const people: ResultPerson[] = [...named]
    .map((id) => {
      const person = full.people.get(id);
      const role = roles.get(id);
      const inTeam = team.has(id);
      const hide = inTeam && !show;
      const figure = (x: number | undefined) => (hide ? null : share4(x ?? 0));
      const displayName = person?.displayName ?? 'Unknown person';
      return {
        id,
        displayName,
        distinctName: names.get(id) ?? displayName,
        column: columnOf(fold(id), show),
        active: person?.active ?? true,
        observedRole: role?.role ?? 'none',
        roleLabel: OBSERVED_ROLE_LABELS[role?.role ?? 'none'],
        boardRoles: boardRolesOf(id),
        inTeam,
        strategicShare: figure(role?.strategicShare),
        tacticalShare: figure(role?.tacticalShare),
        deliveryShare: figure(role?.deliveryShare),
      };
    })
    .sort((a, b) =>
      a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.id < b.id ? -1 : 1,
    );

  let automationEvents = 0;
  let automationWeight = 0;
  for (let i = 0; i < windowed.events.length; i++) {
    const e = windowed.events[i] as ProductEvent;
    if (e.actorId === AUTOMATION_ID) {
      automationEvents += 1;
      automationWeight += e.weight;
    }
  }
  // The window usually keeps every event (the same list): then nothing needs counting twice.
  let allAutomation = windowed.events === full.events ? automationEvents : 0;
  if (windowed.events !== full.events) {
    for (let i = 0; i < full.events.length; i++) {
      if ((full.events[i] as ProductEvent).actorId === AUTOMATION_ID) allAutomation += 1;
    }
  }

  const teamIds = [...team].sort();
  const groupLabel = (name: string, count: number) =>
    `${name} (${count} ${count === 1 ? 'person' : 'people'})`;
  const teamLabel = groupLabel('Team', teamIds.length);
  const othersLabel = groupLabel('Others', others.length);
  const nameOf = (shownId: string) =>
    shownId === TEAM_ID ? teamLabel : shownId === OTHERS_ID ? othersLabel : (names.get(shownId) ?? shownId);
  // Delivery people shown one by one keep their own column; Others always fold.
  const shownFold =
    (f: (id: string) => FoldedGroup | null) =>
    (id: string): FoldedGroup | null => {
      const group = f(id);
      return group === 'team' && show ? null : group;
    };
  const mapFold = shownFold(fold);
  const shownId = (id: string) => {
    const group = mapFold(id);
    return group === null ? id : group === 'team' ? TEAM_ID : OTHERS_ID;
  };
  const rows = presentRows(raci, mapFold, thresholds.accountableShare, { shownId, nameOf });
  // What the read missed, then what the analysis could not understand of what was read.
  const gaps = [...readGaps, ...(full.gaps ?? [])];
  return {
    version: ANALYSIS_VERSION,
    generatedAt: now.toISOString(),
    scope: {
      projects: [...config.scope.projects],
      boards: scopeBoards.map((id) => {
        const b = full.boards.find((x) => x.id === id);
        return b?.projectKey === undefined
          ? { id, name: b?.name ?? `Board ${id}` }
          : { id, name: b.name, projectKey: b.projectKey };
      }),
    },
    window: {
      kind: window.kind,
      from: window.from === null ? null : iso(window.from),
      to: iso(window.to),
      sprintIds: window.sprintIds,
      ...(window.note === undefined ? {} : { note: window.note }),
    },
    completeness: { complete: gaps.length === 0, gaps },
    settings: { thresholds, weights: config.weights, showDeliveryPeople: show },
    people,
    team: { label: teamLabel, count: teamIds.length, memberIds: teamIds, shownIndividually: show },
    others: { label: othersLabel, count: others.length, memberIds: others },
    automation: { eventCount: automationEvents, weight: round2(automationWeight) },
    rows,
    declaredRows: config.declared.rows.map((d) => ({
      label: d.label,
      layer: d.layer,
      people: d.people.map((p) => ({ personId: p.accountId, letter: p.letter })),
    })),
    boards: presentBoards(
      full.boards,
      raciByBoard,
      context.deliveryPeopleByBoard,
      {
        foldOn: (boardId, map) =>
          shownFold(foldOn(map, context.deliveryPeopleByBoard.get(boardId) ?? new Set<string>())),
        nameOf,
      },
      thresholds.accountableShare,
    ),
    warnings,
    advice,
    bandwidth: bandwidthOut,
    acceptance,
    ...overTime,
    stats: {
      issues: full.issues.size,
      issuesOutOfScope: full.issuesOutOfScope,
      histories: full.histories,
      items: full.totalItems,
      eventsFromItems: full.eventsFromItems,
      ignoredItems: full.ignoredItems,
      ignoredByField: full.ignoredByField,
      events: full.events.length,
      eventsInWindow: windowed.events.length,
      comments: full.comments.length,
      automationEvents: allAutomation,
    },
  };
}
