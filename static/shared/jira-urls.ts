// Addresses of Jira pages, as pure functions (no bridge), so exports and tests can build them too.

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
