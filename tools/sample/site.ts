// The engine shared by the acme sample and the benchmark generator: from a SiteSpec to the snapshot's
// files. Issues are simulated and rendered one at a time on iteration, so a 50k-issue site never sits in
// memory as JSON; only small per-issue glances and epic progress are kept between the two passes.
import type { JiraBoard, JiraField, JiraIssue, JiraSprint, JiraStatus } from '../../src/jira/schemas';
import type { SiteInfo } from '../../src/jira/site';
import { isoTime } from './calendar';
import { fieldList, statusList } from './catalogue';
import { planSite } from './plan';
import { renderIssue, type RenderContext } from './render';
import { type EpicProgress, type SimContext, simulate } from './simulate';
import type { SiteSpec } from './spec';
import { planSprints, sprintJson } from './sprints';
import { glance, type IssueGlance } from './timeline';

/** permissions.json of a snapshot. */
export interface PermissionsFile {
  accounts: Record<string, { displayName: string; projects: string[]; securityLevels?: string[] }>;
}

export interface Generated {
  site: SiteInfo;
  fields: JiraField[];
  statuses: JiraStatus[];
  boards: JiraBoard[];
  sprints: Record<string, JiraSprint[]>;
  /** null: no permissions.json (everyone browses everything). */
  permissions: PermissionsFile | null;
  issueCount: number;
  /** Simulates and renders the issues in creation order; deterministic, may be iterated again. */
  issues(): Generator<JiraIssue>;
}

function boardJson(spec: SiteSpec, squad: SiteSpec['squads'][number]): JiraBoard {
  const p = squad.project;
  return {
    id: p.boardId,
    self: `${spec.baseUrl}/rest/agile/1.0/board/${p.boardId}`,
    name: `${p.key} board`,
    type: 'scrum',
    location: {
      projectId: Number(p.id),
      displayName: `${p.name} (${p.key})`,
      projectName: p.name,
      projectKey: p.key,
      projectTypeKey: 'software',
      avatarURI: `${spec.baseUrl}/rest/api/2/universal_avatar/view/type/project/avatar/10400?size=small`,
      name: `${p.name} (${p.key})`,
    },
  };
}

export function buildSite(spec: SiteSpec): Generated {
  const sprintPlans = planSprints(spec);
  const plans = planSite(spec, sprintPlans);
  const ctx: SimContext = { spec, plans, sprints: sprintPlans, epicProgress: new Map() };
  const glances = new Map<number, IssueGlance>();

  // First pass: what parents need from their children (epic progress) and what every issue shows of itself.
  let prepared = false;
  const prepare = () => {
    if (prepared) return;
    prepared = true;
    const children = new Map<number, { started: number[]; done: number[]; count: number }>();
    for (const plan of plans) {
      if (plan.type === 'Epic') continue;
      const sim = simulate(ctx, plan);
      glances.set(plan.index, glance(sim));
      if (plan.type === 'Subtask' || plan.epic === undefined) continue;
      const c = children.get(plan.epic) ?? { started: [], done: [], count: 0 };
      c.count++;
      if (sim.timing?.startAt != null) c.started.push(sim.timing.startAt);
      if (sim.timing?.doneAt != null) c.done.push(sim.timing.doneAt);
      children.set(plan.epic, c);
    }
    for (const plan of plans) {
      if (plan.type !== 'Epic') continue;
      const c = children.get(plan.index);
      const progress: EpicProgress = {
        firstStart: c && c.started.length > 0 ? c.started.reduce((a, b) => Math.min(a, b)) : null,
        allDoneAt:
          c && c.count > 0 && c.done.length === c.count ? c.done.reduce((a, b) => Math.max(a, b)) : null,
      };
      ctx.epicProgress.set(plan.index, progress);
      glances.set(plan.index, glance(simulate(ctx, plan)));
    }
  };

  const renderCtx: RenderContext = {
    spec,
    plans,
    glanceOf: (index) => {
      const g = glances.get(index);
      if (!g) throw new Error(`No glance of issue ${index}`);
      return g;
    },
  };

  const permissions: PermissionsFile | null = spec.permissions
    ? {
        accounts: Object.fromEntries(
          [...spec.permissions].map(([p, projects]) => {
            const securityLevels = spec.securityLevels?.get(p);
            return [
              p.accountId,
              { displayName: p.displayName, projects, ...(securityLevels ? { securityLevels } : {}) },
            ];
          }),
        ),
      }
    : null;

  return {
    site: {
      baseUrl: spec.baseUrl,
      recordedAt: isoTime(spec.recordedAt),
      projects: spec.squads.map((s) => ({ key: s.project.key, name: s.project.name, id: s.project.id })),
    },
    fields: fieldList(),
    statuses: statusList(spec.baseUrl),
    boards: spec.squads.map((s) => boardJson(spec, s)),
    sprints: Object.fromEntries(
      [...sprintPlans].map(([boardId, list]) => [
        String(boardId),
        list
          .filter((s) => s.start <= spec.recordedAt)
          .map((s) => sprintJson(spec.baseUrl, s, spec.recordedAt)),
      ]),
    ),
    permissions,
    issueCount: plans.length,
    *issues() {
      prepare();
      for (const plan of plans) yield renderIssue(renderCtx, simulate(ctx, plan)).issue;
    },
  };
}
