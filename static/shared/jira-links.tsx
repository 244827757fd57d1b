// Links from a Custom UI to Jira. Forge draws Custom UI in a sandboxed iframe where a plain <a href> does not
// navigate, so every link opens through the bridge router (a new tab), keeping a real href for copy and hover.
import { router } from '@forge/bridge';
import type { ReactNode } from 'react';

function siteRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** `${baseUrl}/browse/KEY`: the issue itself. */
export function issueUrl(baseUrl: string, issueKey: string): string {
  return `${siteRoot(baseUrl)}/browse/${encodeURIComponent(issueKey)}`;
}

/** `${baseUrl}/issues/?jql=…`: Jira's issue search for a set of issues. */
export function jqlUrl(baseUrl: string, jql: string): string {
  return `${siteRoot(baseUrl)}/issues/?jql=${encodeURIComponent(jql)}`;
}

/** `key in (A-1, A-2)`: the JQL for a list of issue keys (duplicates dropped, order kept). */
export function keysJql(issueKeys: readonly string[]): string {
  return `key in (${[...new Set(issueKeys)].join(', ')})`;
}

/** Opens `url` in a new tab through the host; falls back to window.open when there is no host router. */
export async function openInNewTab(url: string): Promise<void> {
  try {
    await router.open(url);
  } catch {
    window.open(url, '_blank', 'noopener,noreferrer');
  }
}

export function JiraLink({
  href,
  children,
  label,
}: {
  href: string;
  children: ReactNode;
  /** Accessible name when the visible text alone is not enough (e.g. "Open CHK-12 in Jira"). */
  label?: string;
}) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      aria-label={label}
      onClick={(event) => {
        // Modifier clicks keep the browser's own behaviour where the sandbox allows it.
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        void openInNewTab(href);
      }}
    >
      {children}
    </a>
  );
}
