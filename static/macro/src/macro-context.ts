// What the macro needs from the Forge context: whether it is drawn as the config panel or on the page, its saved
// config, the site to link to, and the viewer. Read once at start (view.getContext), tolerant of missing parts.
import { view } from '@forge/bridge';

export interface MacroContext {
  /** Drawn in the macro's configuration panel (the same resource serves both). */
  configuring: boolean;
  /** extension.config: what the config panel last saved; undefined when the macro was never configured. */
  config: Record<string, unknown> | undefined;
  /** The Atlassian site (Confluence and Jira share its host): where /browse/KEY and /issues/?jql= live. */
  siteUrl: string;
  accountId: string | undefined;
}

function objectOr(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Confluence marks the config panel in `extension.macro.isConfiguring`; `extension.isConfig` and an
 * `entryPoint` of "config" are accepted too, as other Forge hosts and older versions name it that way.
 */
export function isConfiguring(extension: Record<string, unknown> | undefined): boolean {
  if (extension === undefined) return false;
  const macro = objectOr(extension.macro);
  return macro?.isConfiguring === true || extension.isConfig === true || extension.entryPoint === 'config';
}

/** A config counts as saved when it has at least one setting (Confluence sends {} or nothing before the first save). */
export function savedConfig(
  extension: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const config = objectOr(extension?.config);
  return config === undefined || Object.keys(config).length === 0 ? undefined : config;
}

export function macroContextOf(context: unknown): MacroContext {
  const full = objectOr(context) ?? {};
  const extension = objectOr(full.extension);
  return {
    configuring: isConfiguring(extension),
    config: savedConfig(extension),
    siteUrl: typeof full.siteUrl === 'string' ? full.siteUrl : window.location.origin,
    accountId: typeof full.accountId === 'string' ? full.accountId : undefined,
  };
}

export async function readMacroContext(): Promise<MacroContext> {
  return macroContextOf(await view.getContext());
}
