// The background sync's progress for the scope of the view asking (the macro's saved scope, the project page's
// project): how much of each project is stored, when it last synced, when it runs next, what stopped it. Only
// projects the viewer may browse are named: a project key is Jira data too.
import type { Request } from '@forge/resolver';
import { SyncProgressRequestSchema } from '../contract/requests';
import type { ResolverResult } from '../contract/result';
import type { SyncProgress } from '../contract/sync';
import { JiraClient } from '../jira/client';
import type { Clock } from '../jira/clock';
import { AnalysisConfigSchema } from '../ownership/config';
import { Storage } from '../store/storage';
import { syncProgress } from '../sync/progress';
import { forgeContextOf, savedMacroConfig } from './context';
import { answer, badConfig, toResolverError } from './error-result';
import type { Invocation } from './invocation';

export function getSyncProgress(
  request: Request,
  invocation: Invocation,
  clock: Clock,
): Promise<ResolverResult<SyncProgress>> {
  return answer(async () => {
    const payload = SyncProgressRequestSchema.safeParse(request.payload ?? {});
    if (!payload.success) return { ok: false, error: toResolverError(payload.error) };
    const context = forgeContextOf(request.context);
    const projects = new Set<string>();
    const pageProject = context.extension?.project?.key;
    if (pageProject !== undefined) projects.add(pageProject);
    const saved = savedMacroConfig(context);
    if (saved !== undefined) {
      const config = AnalysisConfigSchema.safeParse(saved);
      if (!config.success) return { ok: false, error: badConfig(config.error) };
      for (const project of config.data.scope.projects) projects.add(project);
    }
    const client = new JiraClient({ context, deadline: invocation.deadline, retry: invocation.retry });
    const browsable: string[] = [];
    for (const project of [...projects].sort()) if (await client.canBrowse(project)) browsable.push(project);
    if (payload.data.refresh === true && browsable.length > 0) await invocation.store.requestSync('refresh');
    return { ok: true, data: await syncProgress(new Storage(clock), browsable, clock.now()) };
  });
}
