// What the Jira views read from view.getContext(): the site (for issue links), which module opened them and on
// what. jira:projectPage gives extension.project {id, key, type}; jira:sprintAction gives extension.sprint.id and
// extension.board.id (ids may arrive as numbers or strings) and usually the project too. Anything else is ignored.
export type JiraViewModule = 'project-page' | 'sprint-action';

export interface JiraViewContext {
  module: JiraViewModule;
  siteUrl: string;
  projectKey?: string;
  boardId?: number;
  sprintId?: number;
}

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const inner = (value as Record<string, unknown>)[key];
  return inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>) : undefined;
}

function positiveId(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function readJiraViewContext(context: unknown): JiraViewContext {
  const extension = objectAt(context, 'extension');
  const siteUrl = (context as { siteUrl?: unknown } | null)?.siteUrl;
  const key = objectAt(extension, 'project')?.key;
  const sprintId = positiveId(objectAt(extension, 'sprint')?.id);
  const boardId = positiveId(objectAt(extension, 'board')?.id);
  const type = extension?.type;
  const module: JiraViewModule =
    type === 'jira:sprintAction' || (type === undefined && sprintId !== undefined)
      ? 'sprint-action'
      : 'project-page';
  return {
    module,
    siteUrl: typeof siteUrl === 'string' ? siteUrl : '',
    ...(typeof key === 'string' && key !== '' ? { projectKey: key } : {}),
    ...(boardId === undefined ? {} : { boardId }),
    ...(sprintId === undefined ? {} : { sprintId }),
  };
}
