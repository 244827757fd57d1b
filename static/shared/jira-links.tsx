// Links from a Custom UI to Jira. Forge draws Custom UI in a sandboxed iframe where a plain <a href> does not
// navigate, so every link opens through the bridge router (a new tab), keeping a real href for copy and hover.
import { router } from '@forge/bridge';
import type { ReactNode } from 'react';

export { issueUrl, jqlUrl, keysJql } from './jira-urls';

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
