// Macro: the ownership map for the scope saved in the macro's configuration.
import type { Request } from '@forge/resolver';
import type { AnalysisResult } from '../contract/analysis';
import { OwnershipMapRequestSchema } from '../contract/requests';
import type { ResolverResult } from '../contract/result';
import { AnalysisConfigSchema } from '../ownership/config';
import { forgeContextOf, savedMacroConfig } from './context';
import { answer, badConfig, toResolverError } from './error-result';
import type { Invocation } from './invocation';
import { runAnalysis } from './run-analysis';

export function getOwnershipMap(
  request: Request,
  invocation: Invocation,
): Promise<ResolverResult<AnalysisResult>> {
  return answer(async () => {
    const payload = OwnershipMapRequestSchema.safeParse(request.payload ?? {});
    if (!payload.success) return { ok: false, error: toResolverError(payload.error) };
    const context = forgeContextOf(request.context);
    const saved = savedMacroConfig(context);
    if (saved === undefined) {
      return {
        ok: false,
        error: {
          code: 'not-configured',
          message: 'Choose the Jira projects or boards this map should read: edit the macro to configure it.',
        },
      };
    }
    const config = AnalysisConfigSchema.safeParse(saved);
    if (!config.success) return { ok: false, error: badConfig(config.error) };
    return runAnalysis(context, config.data, invocation);
  });
}
