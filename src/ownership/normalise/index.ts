// normalise(): raw SiteData → the NormalisedSite every rule computes on (people, product events over the whole
// history, comments, per-issue timelines, boards, sprints). Pure and independent of input order.
import type { JiraIssue } from '../../jira/schemas';
import type { SiteData } from '../../jira/site';
import type { AnalysisConfig } from '../config';
import type { IssueTimeline, NormalisedSite } from '../model';
import { compareIssueKeys } from '../issue-keys';
import { fieldLookup } from './fields';
import { replayIssue, type ReplayEnv, type ReplaySink } from './issue';
import { CURRENT, PeopleRegistry } from './people';
import { boardInfos, boardsOfIssue, parseSprintField, SprintCatalogue } from './sprints';
import { statusLookup } from './statuses';

function historyCount(issue: JiraIssue): number {
  return issue.changelog?.histories.length ?? 0;
}

/** One issue per key, in key order; if a key came twice, the copy with more history wins (then the larger id). */
function uniqueIssues(issues: readonly JiraIssue[]): JiraIssue[] {
  const byKey = new Map<string, JiraIssue>();
  for (const issue of issues) {
    const seen = byKey.get(issue.key);
    if (
      seen === undefined ||
      historyCount(issue) > historyCount(seen) ||
      (historyCount(issue) === historyCount(seen) && issue.id > seen.id)
    ) {
      byKey.set(issue.key, issue);
    }
  }
  return [...byKey.values()].sort((a, b) => compareIssueKeys(a.key, b.key));
}

export function normalise(site: SiteData, config: AnalysisConfig): NormalisedSite {
  const fields = fieldLookup(site.fields);
  const statuses = statusLookup(site.statuses, config.acceptanceStatuses);
  const people = new PeopleRegistry();
  const sprints = new SprintCatalogue(site.sprints);
  const boards = boardInfos(site.boards);
  const issues = uniqueIssues(site.issues);

  // First pass: the issues' user fields and every sprint an issue mentions, so board membership does not depend
  // on which issue came first (history and comment authors are seen during the replay).
  const sprintFieldId = fields.product.sprint?.id;
  for (const issue of issues) {
    const f = issue.fields;
    people.see(f.creator, CURRENT);
    people.see(f.reporter, CURRENT);
    people.see(f.assignee, CURRENT);
    if (sprintFieldId !== undefined) for (const s of parseSprintField(f[sprintFieldId])) sprints.see(s);
  }

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
  };
  const timelines = new Map<string, IssueTimeline>();
  let outOfScope = 0;
  for (const issue of issues) {
    const timeline = replayIssue(issue, env, sink);
    if (timeline === null) outOfScope += 1;
    else timelines.set(issue.key, timeline);
  }

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
  };
}
