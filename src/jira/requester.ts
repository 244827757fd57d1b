// Which `requestJira` to use for an invocation: plain asUser() where Jira invoked us, and asUser().withContext(jira
// context ARI) where Confluence did (the macro): from a Confluence context a plain requestJira is refused with
// RequestProductNotAllowedError. Views always read as the user, never asApp: the map shows only what the viewer may
// see. Only background work, which has no user, reads as the app (appRequester), and what it reads is stored, not shown.
import api, { getAppContext } from '@forge/api';
import { JiraError, notInstalledOnJira } from './errors';
import type { JiraRequester } from './request';

/**
 * The parts of a Forge function context this module reads. @forge/resolver builds it from the invocation:
 * `installContext` (the ARI of the product context that invoked us, e.g. "ari:cloud:confluence::site/<cloudId>"),
 * `extension.type` (e.g. "macro") and `installation.contexts` (one entry per product the app is installed on:
 * `{ cloudId, workspaceId?, resourceOwner?, toString() -> full ARI }`, plain strings after a JSON round trip).
 */
export interface InvocationContextLike {
  installContext?: unknown;
  extension?: unknown;
  installation?: unknown;
}

const CONFLUENCE_ARI = /^ari:cloud:confluence:/;
/**
 * A Jira product context, in either form the platform uses: the site (`ari:cloud:jira::site/<cloudId>`, as the
 * docs show) or the workspace (`ari:cloud:jira:<cloudId>:workspace/<activationId>`, as Atlassian's CLI builds
 * install contexts). Whichever was given is passed to withContext unchanged: the platform matches it exactly.
 */
const JIRA_CONTEXT_ARI = /^ari:cloud:jira:[^:/]*:(site|workspace)\/[^/]+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** True when the invocation came from Confluence (the macro and its config), by its install context or module type. */
export function isConfluenceInvocation(context: InvocationContextLike): boolean {
  if (typeof context.installContext === 'string') return CONFLUENCE_ARI.test(context.installContext);
  const type = isRecord(context.extension) ? context.extension.type : undefined;
  return typeof type === 'string' && (type === 'macro' || type.startsWith('confluence:'));
}

/** The full ARI of one installation context entry, however it arrived (ContextAri object, plain object, string). */
function contextAriOf(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!isRecord(entry)) return undefined;
  if (typeof entry.ari === 'string') return entry.ari;
  // ContextAri objects carry the ARI in toString(); a JSON round trip leaves Object.prototype.toString instead.
  if (typeof entry.toString === 'function' && entry.toString !== Object.prototype.toString) {
    const text = String(entry);
    if (text.startsWith('ari:')) return text;
  }
  const owner = entry.resourceOwner ?? entry.product;
  if (typeof owner === 'string' && typeof entry.cloudId === 'string' && owner.toLowerCase() === 'jira') {
    return typeof entry.workspaceId === 'string'
      ? `ari:cloud:jira:${entry.cloudId}:workspace/${entry.workspaceId}`
      : `ari:cloud:jira::site/${entry.cloudId}`;
  }
  return undefined;
}

/** The installation's product contexts as ARIs (they carry ids, never secrets), for messages to a site admin. */
export function installationContextAris(context: InvocationContextLike): string[] {
  const entries = [...installationContexts(context.installation), ...runtimeInstallationContexts()];
  const aris = entries.map(contextAriOf).filter((ari): ari is string => ari !== undefined);
  return [...new Set(aris)];
}

function installationContexts(installation: unknown): unknown[] {
  if (!isRecord(installation) || !Array.isArray(installation.contexts)) return [];
  return installation.contexts;
}

/** The runtime's own view of the installation, when running inside Forge (the resolver context may lack it). */
function runtimeInstallationContexts(): unknown[] {
  try {
    return installationContexts(getAppContext().installation);
  } catch {
    return []; // not inside a Forge invocation (tests, CLI, preview)
  }
}

/** The Jira context ARI among the installation's contexts, or undefined when the app is not installed on Jira. */
export function jiraContextAri(context: InvocationContextLike): string | undefined {
  return installationContextAris(context).find((ari) => JIRA_CONTEXT_ARI.test(ari));
}

/**
 * The app's own requester, for background work that has no user (the sync in a queue consumer or a scheduled
 * trigger, where asUser() is refused). What it reads is stored, never shown as it is: every view filters it to what
 * its viewer may browse.
 */
export function appRequester(): JiraRequester {
  return api.asApp().requestJira;
}

/**
 * The requester for this invocation. Without a context (CLI, tests) or from Jira: `api.asUser().requestJira`.
 * From Confluence: `api.asUser().withContext(jiraContextAri).requestJira`; if the app has no Jira installation,
 * every request rejects with JiraError 'not-installed' (a value the resolver returns, not a crash), naming the
 * contexts the app is installed on so a site admin can see what is missing.
 */
export function jiraRequester(context?: InvocationContextLike): JiraRequester {
  if (context === undefined || !isConfluenceInvocation(context)) return api.asUser().requestJira;
  const ari = jiraContextAri(context);
  if (ari === undefined) {
    const present = installationContextAris(context);
    return async () => {
      throw new JiraError('not-installed', notInstalledOnJira(present), { details: present });
    };
  }
  return api.asUser().withContext(ari).requestJira;
}
