// normalise(): raw SiteData → the NormalisedSite every rule computes on (people, product events over the whole
// history, comments, per-issue timelines, boards, sprints). Pure and independent of input order.
import type { JiraIssue } from '../../jira/schemas';
import type { SiteData } from '../../jira/site';
import type { AnalysisConfig } from '../config';
import type { IssueTimeline, NormalisedSite } from '../model';
import { compareIssueKeys, sortByIssueKey } from '../issue-keys';
import { Attributions } from './events';
import { fieldLookup } from './fields';
import { replayIssue, UNREADABLE_ISSUE, type ReplayEnv, type ReplaySink } from './issue';
import { CURRENT, PeopleRegistry } from './people';
import {
  boardInfos,
  boardsOfIssue,
  byNumber,
  parseSprintField,
  SprintCatalogue,
  type SprintSighting,
} from './sprints';
import { SharedTexts } from './shared-texts';
import { statusLookup } from './statuses';
import { UnreadableDates } from './unreadable';

const sprintIdOf = (s: SprintSighting): number => s.id;

/**
 * The issues normalise() reads, one at a time and twice (a first pass, then the replay), each time in the same
 * order: unique keys in key order. An array is one; the store's prepare job is another, which keeps each record
 * compressed and unpacks it only while it is read, so 50,000 issues never sit in memory as Jira's JSON at once.
 * `last` is set on the replay: nothing reads the source after it, so it may let go of what it holds.
 */
export interface IssueSource {
  forEach(visit: (issue: JiraIssue) => void, last: boolean): void;
}

/** What identifies a copy of an issue for uniqueIssues: its key, its id and how much history it carries. */
export interface IssueIdentity {
  key: string;
  id: string;
  histories: number;
}

/** One issue per key, in key order; if a key came twice, the copy with more history wins (then the larger id). */
export function uniqueIssues<T>(issues: readonly T[], identity: (issue: T) => IssueIdentity): T[] {
  // Snapshots usually list issues in key order already: then every key is distinct and nothing needs sorting.
  let ordered = true;
  for (let i = 1; i < issues.length && ordered; i++) {
    ordered = compareIssueKeys(identity(issues[i - 1] as T).key, identity(issues[i] as T).key) < 0;
  }
  if (ordered) return [...issues];
  const byKey = new Map<string, { issue: T; id: IssueIdentity }>();
  for (const issue of issues) {
    const id = identity(issue);
    const seen = byKey.get(id.key)?.id;
    if (
      seen === undefined ||
      id.histories > seen.histories ||
      (id.histories === seen.histories && id.id > seen.id)
    ) {
      byKey.set(id.key, { issue, id });
    }
  }
  return sortByIssueKey([...byKey.values()], (entry) => entry.id.key).map((entry) => entry.issue);
}

const identityOf = (issue: JiraIssue): IssueIdentity => ({
  key: issue.key,
  id: issue.id,
  histories: issue.changelog?.histories.length ?? 0,
});

export function normalise(site: SiteData, config: AnalysisConfig): NormalisedSite {
  const issues = uniqueIssues(site.issues, identityOf);
  // An array keeps its issues whatever `last` says: they are the caller's.
  return normaliseFrom(site, { forEach: (visit) => issues.forEach((issue) => visit(issue)) }, config);
}

/** normalise() over any IssueSource: `site` gives everything but the issues. */
export function normaliseFrom(
  site: Omit<SiteData, 'issues'>,
  issues: IssueSource,
  config: AnalysisConfig,
): NormalisedSite {
  const fields = fieldLookup(site.fields);
  const statuses = statusLookup(site.statuses, config.acceptanceStatuses, config.statusMapping);
  const people = new PeopleRegistry();
  const sprints = new SprintCatalogue(site.sprints);
  const boards = boardInfos(site.boards);

  // First pass: the issues' user fields and every sprint an issue mentions, so board membership does not depend
  // on which issue came first (history and comment authors are seen during the replay).
  // Each issue's current sprint ids are kept for the replay (read once: Server-era sprint strings are costly).
  const sprintFieldId = fields.product.sprint?.id;
  const currentSprints: number[][] = [];
  issues.forEach((issue) => {
    const f = issue.fields;
    people.see(f.creator, CURRENT);
    people.see(f.reporter, CURRENT);
    people.see(f.assignee, CURRENT);
    const sightings = sprintFieldId === undefined ? [] : parseSprintField(f[sprintFieldId]);
    for (const s of sightings) sprints.see(s);
    currentSprints.push(sightings.map(sprintIdOf).sort(byNumber));
  }, false);

  const knownBoards = new Set(boards.map((b) => b.id));
  const boardsByProject = new Map<string, number[]>();
  for (const b of boards) {
    if (b.projectKey === undefined) continue;
    const list = boardsByProject.get(b.projectKey) ?? [];
    list.push(b.id);
    boardsByProject.set(b.projectKey, list);
  }
  const interned = new Map<string, number[]>();
  const scopeProjects = new Set(config.scope.projects);
  const scopeBoards = new Set(config.scope.boards);
  const env: ReplayEnv = {
    fields,
    statuses,
    people,
    sprints,
    weights: config.weights,
    attributions: new Attributions(),
    texts: new SharedTexts(),
    boardsOf(projectKey, sprintIds) {
      const ids = boardsOfIssue(projectKey, sprintIds, boardsByProject, sprints, knownBoards);
      const key = ids.join(',');
      const shared = interned.get(key);
      if (shared) return shared;
      interned.set(key, ids);
      return ids;
    },
    inScope(projectKey, boardIds) {
      if (scopeProjects.size === 0 && scopeBoards.size === 0) return true;
      return scopeProjects.has(projectKey) || boardIds.some((b) => scopeBoards.has(b));
    },
  };

  const sink: ReplaySink = {
    events: [],
    comments: [],
    ignoredByField: new Map(),
    totalItems: 0,
    ignoredItems: 0,
    eventsFromItems: 0,
    histories: 0,
    eventIdsMayCollide: false,
    unreadable: new UnreadableDates(),
  };
  const timelines = new Map<string, IssueTimeline>();
  let outOfScope = 0;
  let i = 0;
  issues.forEach((issue) => {
    const timeline = replayIssue(issue, currentSprints[i++] as number[], env, sink);
    if (timeline === null) outOfScope += 1;
    else if (timeline !== UNREADABLE_ISSUE) timelines.set(issue.key, timeline);
  }, true);

  // Assignees written in change items are raw values until now: resolve them through the aliases seen.
  for (const timeline of timelines.values()) {
    for (const entry of timeline.assignees) entry.accountId = people.resolve(entry.accountId);
  }

  const ignoredByField: Record<string, number> = {};
  for (const name of [...sink.ignoredByField.keys()].sort()) {
    ignoredByField[name] = sink.ignoredByField.get(name) as number;
  }
  return {
    baseUrl: site.baseUrl,
    people: people.people(),
    events: sink.events,
    comments: sink.comments,
    issues: timelines,
    boards,
    sprints: sprints.list(),
    ignoredItems: sink.ignoredItems,
    totalItems: sink.totalItems,
    ignoredByField,
    eventsFromItems: sink.eventsFromItems,
    histories: sink.histories,
    issuesOutOfScope: outOfScope,
    uniqueEventIds: !sink.eventIdsMayCollide,
    // What could not be read faithfully: unreadable dates, statuses the site does not list, ambiguous names.
    gaps: [...sink.unreadable.gaps(), ...statuses.gaps(), ...fields.gaps()],
  };
}
