// What of the stored scope this viewer may see, asked of Jira as the viewer on every view: the projects they may
// browse, and which of the stored issues that carry a security level they may open. One bulk permission check
// answers both (by id); a project whose id the store does not know yet (no issue stored) is asked by key.
import type { JiraClient } from '../jira/client';
import type { ProjectSyncState } from '../sync/state';

export interface ViewerAccess {
  /** Scope projects the viewer may browse, in scope order. */
  projects: string[];
  /** Scope projects the viewer may not browse, in scope order. */
  hiddenProjects: string[];
  /** Stored issues with a security level the viewer may not open (ids), in projects they may browse. */
  hiddenIssues: Set<string>;
}

export async function viewerAccess(
  client: JiraClient,
  states: readonly ProjectSyncState[],
): Promise<ViewerAccess> {
  const projectIds = states.flatMap((state) => (state.projectId === undefined ? [] : [state.projectId]));
  const secured = states.flatMap((state) => Object.keys(state.secured ?? {}));
  const granted =
    projectIds.length > 0 || secured.length > 0
      ? await client.browsableOf({ projectIds, issueIds: secured })
      : { projects: new Set<string>(), issues: new Set<string>() };
  const projects: string[] = [];
  const hiddenProjects: string[] = [];
  for (const state of states) {
    const may =
      state.projectId === undefined
        ? await client.canBrowse(state.project)
        : granted.projects.has(state.projectId);
    (may ? projects : hiddenProjects).push(state.project);
  }
  const visible = new Set(projects);
  const hiddenIssues = new Set<string>();
  for (const state of states) {
    if (!visible.has(state.project)) continue;
    for (const id of Object.keys(state.secured ?? {})) if (!granted.issues.has(id)) hiddenIssues.add(id);
  }
  return { projects, hiddenProjects, hiddenIssues };
}
