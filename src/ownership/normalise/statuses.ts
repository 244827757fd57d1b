// Status categories (new / indeterminate / done) from GET /status, by id then name; statuses missing from the
// list fall back by name. Also which statuses the user counts as acceptance.
import type { JiraStatus } from '../../jira/schemas';
import type { StatusCategory } from '../model';

const DONE_NAMES = new Set(['closed', 'resolved', 'done']);
const NEW_NAMES = new Set(['open', 'reopened', 'to do', 'backlog']);

/** Only for statuses the site's list does not have (deleted workflows, Server-era histories). */
export function categoryByName(name: string): StatusCategory {
  const lower = name.trim().toLowerCase();
  if (DONE_NAMES.has(lower)) return 'done';
  if (NEW_NAMES.has(lower)) return 'new';
  return 'indeterminate';
}

function asCategory(key: string | undefined): StatusCategory | null {
  return key === 'new' || key === 'indeterminate' || key === 'done' ? key : null;
}

export interface StatusLookup {
  /** Category of a status given its id and/or name, as a changelog item or an issue field carries them. */
  categoryOf(id: string | null | undefined, name: string | null | undefined): StatusCategory;
  /** Category of an issue's current `fields.status`: the list by id, else its own statusCategory, else the name. */
  categoryOfField(status: { id?: string; name?: string; statusCategory?: { key: string } }): StatusCategory;
  /** Into category done, or one of the user's acceptance statuses (by id or name, case-insensitive). */
  isAcceptance(id: string | null | undefined, name: string | null | undefined): boolean;
}

export function statusLookup(
  statuses: readonly JiraStatus[],
  acceptanceStatuses: readonly string[],
): StatusLookup {
  const byId = new Map<string, StatusCategory>();
  const byName = new Map<string, StatusCategory>();
  // Sorted so that two statuses of one name always resolve the same way whatever the list order.
  const sorted = [...statuses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const status of sorted) {
    const category = asCategory(status.statusCategory.key);
    if (category === null) continue;
    byId.set(status.id, category);
    const name = status.name.trim().toLowerCase();
    if (!byName.has(name)) byName.set(name, category);
  }
  const accepted = new Set(acceptanceStatuses.map((s) => s.trim().toLowerCase()));
  const categoryOf = (id: string | null | undefined, name: string | null | undefined): StatusCategory => {
    const fromId = id ? byId.get(id) : undefined;
    if (fromId !== undefined) return fromId;
    if (!name) return 'indeterminate';
    return byName.get(name.trim().toLowerCase()) ?? categoryByName(name);
  };
  return {
    categoryOf,
    categoryOfField(status) {
      const fromId = status.id ? byId.get(status.id) : undefined;
      if (fromId !== undefined) return fromId;
      return asCategory(status.statusCategory?.key) ?? categoryOf(undefined, status.name);
    },
    isAcceptance(id, name) {
      if (categoryOf(id, name) === 'done') return true;
      if (accepted.size === 0) return false;
      return (!!id && accepted.has(id.toLowerCase())) || (!!name && accepted.has(name.trim().toLowerCase()));
    },
  };
}
