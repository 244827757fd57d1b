// Which issue fields a response carries, as Jira's `fields` parameter chooses them, and the issue JSON itself.
// Search never returns the changelog: on Jira Cloud it holds only the newest entries there (see DOMAIN.md).
import type { IndexedIssue, SiteIndex } from './site-index';

export interface FieldSelection {
  /** Every field (`*all`, `*navigable`, or the agile default). */
  all: boolean;
  include: Set<string>;
  exclude: Set<string>;
}

/** Names that select nothing beyond the id, key and self every issue carries. */
const IDENTITY_NAMES = new Set(['id', 'key', 'self']);

/**
 * Reads a `fields` value: an array of names and/or comma-separated lists; `*all`, `*navigable`, `-name` to
 * exclude. `whenAbsent` applies when nothing was asked: search answers ids only, the agile lists all fields.
 */
export function fieldSelection(requested: unknown, whenAbsent: 'none' | 'all'): FieldSelection {
  const names: string[] = [];
  const items = Array.isArray(requested)
    ? requested
    : requested === undefined || requested === null
      ? []
      : [requested];
  for (const item of items) {
    if (typeof item === 'string')
      names.push(
        ...item
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n !== ''),
      );
  }
  const selection: FieldSelection = {
    all: names.length === 0 && whenAbsent === 'all',
    include: new Set(),
    exclude: new Set(),
  };
  for (const name of names) {
    if (name === '*all' || name === '*navigable') selection.all = true;
    else if (name.startsWith('-')) selection.exclude.add(name.slice(1));
    else if (!IDENTITY_NAMES.has(name)) selection.include.add(name);
  }
  if (!selection.all && selection.include.size === 0 && names.some((n) => n.startsWith('-'))) {
    // "-description" alone means "the navigable fields except description".
    selection.all = true;
  }
  return selection;
}

/** True when the selection asks for any real field; Jira then caps search pages lower. */
export function selectsFields(selection: FieldSelection): boolean {
  return selection.all || selection.include.size > 0;
}

/** The issue's chosen fields as JSON text, or undefined when none are chosen. */
function fieldsJsonOf(issue: IndexedIssue, selection: FieldSelection, index: SiteIndex): string | undefined {
  if (!selectsFields(selection)) return undefined;
  if (selection.all && selection.exclude.size === 0) return issue.fieldsJson;
  const fields = JSON.parse(issue.fieldsJson) as Record<string, unknown>;
  const chosen: Record<string, unknown> = {};
  if (selection.all) {
    for (const [name, value] of Object.entries(fields))
      if (!selection.exclude.has(name)) chosen[name] = value;
  } else {
    for (const name of selection.include) {
      if (selection.exclude.has(name)) continue;
      // A field the site has but the issue does not carry comes back as null, as in Jira; an unknown name is left out.
      if (name in fields) chosen[name] = fields[name];
      else if (index.fieldById.has(name)) chosen[name] = null;
    }
  }
  return JSON.stringify(chosen);
}

/** One issue as search and the agile lists return it: id, self, key and the chosen fields. */
export function issueJson(
  issue: IndexedIssue,
  selection: FieldSelection,
  index: SiteIndex,
  baseUrl: string,
): string {
  const head = `{"id":${JSON.stringify(issue.id)},"self":${JSON.stringify(`${baseUrl}/rest/api/3/issue/${issue.id}`)},"key":${JSON.stringify(issue.key)}`;
  const fields = fieldsJsonOf(issue, selection, index);
  return fields === undefined ? `${head}}` : `${head},"fields":${fields}}`;
}
