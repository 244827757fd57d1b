// Status categories (new / indeterminate / done) from GET /status, by id then name. A status the site does not
// list and whose name matches no listed status (a deleted or renamed workflow status) cannot be classified
// (DOMAIN.md "Data that cannot be read faithfully"): it takes the category the user mapped it to in the settings,
// and until then it is counted as in progress and reported, with how many histories move into it, as a gap.
// Also which statuses the user counts as acceptance.
import type { DataGap } from '../../jira/site';
import type { JiraStatus } from '../../jira/schemas';
import type { AnalysisConfig } from '../config';
import type { StatusCategory } from '../model';

const MAPPED: Record<AnalysisConfig['statusMapping'][string], StatusCategory> = {
  done: 'done',
  'in progress': 'indeterminate',
  'to do': 'new',
};

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
  /** Counts one history that moved an issue into this status (only unknown statuses are kept). */
  sawTransitionInto(id: string | null | undefined, name: string | null | undefined): void;
  /** One gap per unknown, unmapped status that histories moved issues into. */
  gaps(): DataGap[];
}

export function statusLookup(
  statuses: readonly JiraStatus[],
  acceptanceStatuses: readonly string[],
  mapping: AnalysisConfig['statusMapping'] = {},
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
  const mapped = new Map(
    Object.entries(mapping).map(([key, category]) => [key.trim().toLowerCase(), MAPPED[category]]),
  );
  const accepted = new Set(acceptanceStatuses.map((s) => s.trim().toLowerCase()));
  /** Unknown statuses by "id|name": what the histories call them and how many moves went into them. */
  const unknown = new Map<string, { id?: string; name?: string; histories: number }>();

  const listed = (id: string | null | undefined, name: string | null | undefined) =>
    (id ? byId.get(id) : undefined) ?? (name ? byName.get(name.trim().toLowerCase()) : undefined);
  const mappedCategory = (id: string | null | undefined, name: string | null | undefined) =>
    (id ? mapped.get(id.toLowerCase()) : undefined) ??
    (name ? mapped.get(name.trim().toLowerCase()) : undefined);

  const categoryOf = (id: string | null | undefined, name: string | null | undefined): StatusCategory =>
    listed(id, name) ?? mappedCategory(id, name) ?? 'indeterminate';

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
    sawTransitionInto(id, name) {
      if (listed(id, name) !== undefined || mappedCategory(id, name) !== undefined) return;
      if (!id && !name) return;
      const key = `${id ?? ''}|${name ?? ''}`;
      const seen = unknown.get(key) ?? {
        ...(id ? { id } : {}),
        ...(name ? { name } : {}),
        histories: 0,
      };
      seen.histories += 1;
      unknown.set(key, seen);
    },
    gaps() {
      return [...unknown.values()]
        .sort((a, b) => b.histories - a.histories || (a.name ?? '').localeCompare(b.name ?? ''))
        .map((status) => {
          const label = `"${status.name ?? status.id}"${status.id && status.name ? ` (id ${status.id})` : ''}`;
          const moves = `${status.histories} ${status.histories === 1 ? 'history moves' : 'histories move'}`;
          return {
            kind: 'unreadable',
            message:
              `Status ${label} is not one of this site's statuses (a deleted or renamed workflow status?): ` +
              `${moves} issues into it, counted as in progress. Map it to done, in progress or to do in the settings.`,
          };
        });
    },
  };
}
