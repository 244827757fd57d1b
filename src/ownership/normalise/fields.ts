// Which product signal a changelog item carries: by `fieldId` when present, else by the `field` name (older and
// Server-era histories have no fieldId; names are localised, so the site's own field names are tried first).
// Custom fields are found through src/jira/fields.ts (by schema.custom), never by display name alone. A name
// matches a site field only when exactly one field has it (DOMAIN.md): an item without fieldId whose name two
// fields of its type share, meaning different things, is left out and reported as unreadable.
import { resolveProductFields, type ProductFields } from '../../jira/fields';
import type { JiraField } from '../../jira/schemas';
import type { DataGap } from '../../jira/site';

/** What identifies a changelog item's field. */
export interface ItemName {
  field: string;
  fieldId?: string;
  /** "jira" for a system field, "custom" for a custom field (Server-era and Cloud histories both carry it). */
  fieldtype?: string;
}

export const FIELD_KINDS = [
  'status',
  'resolution',
  'assignee',
  'reporter',
  'issuetype',
  'summary',
  'description',
  'duedate',
  'startDate',
  'targetStart',
  'targetEnd',
  'parent',
  'epicLink',
  'fixVersion',
  'rank',
  'priority',
  'estimate',
  'components',
  'labels',
  'sprint',
  'acceptanceCriteria',
  'other',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** System fields by the id Jira writes in `fieldId` (and as the issue `fields` key). */
const SYSTEM_IDS: Record<string, FieldKind> = {
  status: 'status',
  resolution: 'resolution',
  assignee: 'assignee',
  reporter: 'reporter',
  issuetype: 'issuetype',
  summary: 'summary',
  description: 'description',
  duedate: 'duedate',
  parent: 'parent',
  fixVersions: 'fixVersion',
  priority: 'priority',
  components: 'components',
  labels: 'labels',
};

/** English changelog names, the fallback when an item has no fieldId (lower case). */
const DEFAULT_NAMES: Record<string, FieldKind> = {
  status: 'status',
  resolution: 'resolution',
  assignee: 'assignee',
  reporter: 'reporter',
  issuetype: 'issuetype',
  summary: 'summary',
  description: 'description',
  duedate: 'duedate',
  'due date': 'duedate',
  'start date': 'startDate',
  'target start': 'targetStart',
  'target end': 'targetEnd',
  parent: 'parent',
  issueparentassociation: 'parent',
  'parent link': 'parent',
  'epic link': 'epicLink',
  'fix version': 'fixVersion',
  'fix version/s': 'fixVersion',
  fixversions: 'fixVersion',
  rank: 'rank',
  priority: 'priority',
  'story points': 'estimate',
  'story point estimate': 'estimate',
  component: 'components',
  components: 'components',
  'component/s': 'components',
  labels: 'labels',
  sprint: 'sprint',
  'acceptance criteria': 'acceptanceCriteria',
};

const PRODUCT_KIND: Record<keyof Omit<ProductFields, 'candidates'>, FieldKind> = {
  sprint: 'sprint',
  rank: 'rank',
  storyPoints: 'estimate',
  epicLink: 'epicLink',
  parentLink: 'parent',
  targetStart: 'targetStart',
  targetEnd: 'targetEnd',
  startDate: 'startDate',
  acceptanceCriteria: 'acceptanceCriteria',
};

/** The kind of a name that several site fields share: it cannot be told which field an item meant. */
const AMBIGUOUS = 'ambiguous';

export interface FieldLookup {
  /** The chosen product fields (ids and site names), e.g. to read the Sprint value of an issue. */
  product: ProductFields;
  /** Every story-points candidate id: an estimate in any of them counts (sites often have two). */
  estimateIds: string[];
  kindOf(item: ItemName): FieldKind;
  /** Which estimate field an estimate item changed (items without fieldId are matched by name). */
  estimateIdOf(item: ItemName): string;
  /** One gap per field name that items without fieldId carried while several site fields have that name. */
  gaps(): DataGap[];
}

export function fieldLookup(fields: readonly JiraField[]): FieldLookup {
  const product = resolveProductFields(fields);
  const byId = new Map<string, FieldKind>(Object.entries(SYSTEM_IDS));
  const byName = new Map<string, FieldKind>(Object.entries(DEFAULT_NAMES));
  for (const key of Object.keys(PRODUCT_KIND) as (keyof typeof PRODUCT_KIND)[]) {
    const kind = PRODUCT_KIND[key];
    for (const candidate of product.candidates[key]) {
      if (!byId.has(candidate.id)) byId.set(candidate.id, kind);
      // The site's own (possibly localised) name, e.g. "Rang" for Rank.
      byName.set(candidate.name.trim().toLowerCase(), kind);
    }
  }
  const estimateIds = product.candidates.storyPoints.map((f) => f.id);
  // The site's fields by name: an item without fieldId can only be matched to a name that one field holds.
  const siteFieldsByName = new Map<string, string[]>();
  for (const field of fields) {
    const name = field.name.trim().toLowerCase();
    siteFieldsByName.set(name, [...(siteFieldsByName.get(name) ?? []), field.id]);
  }
  /** Names of items without fieldId that several site fields share, with how many items carried them. */
  const ambiguous = new Map<string, { name: string; fields: number; items: number }>();
  /** The site fields an item without fieldId may mean: those of its name, of its type (system or custom). */
  const holdersOf = (lower: string, fieldtype: string | undefined): string[] => {
    const holders = siteFieldsByName.get(lower) ?? [];
    if (fieldtype === 'custom') return holders.filter((id) => id.startsWith('customfield_'));
    if (fieldtype === 'jira') return holders.filter((id) => !id.startsWith('customfield_'));
    return holders;
  };
  // Histories repeat a handful of names a million times: remember each raw name's kind once.
  const byRawName = new Map<string, FieldKind | typeof AMBIGUOUS>();
  const kindOfName = (name: string, fieldtype: string | undefined): FieldKind | typeof AMBIGUOUS => {
    const cacheKey = `${fieldtype ?? ''}|${name}`;
    let kind = byRawName.get(cacheKey);
    if (kind === undefined) {
      const lower = name.trim().toLowerCase();
      const kinds = new Set(holdersOf(lower, fieldtype).map((id) => kindOfId(id, name)));
      // Several fields of one name matter only when they would mean different things: two unrelated fields
      // named "Hadoop Flags" are both ignored anyway; "Story Points" as an estimate and as a text field are not.
      kind = kinds.size > 1 ? AMBIGUOUS : kinds.size === 1 ? [...kinds][0]! : (byName.get(lower) ?? 'other');
      byRawName.set(cacheKey, kind);
    }
    return kind;
  };
  // Custom field ids ("customfield_10020") are too long for JSON.parse to share one string per value, so every
  // item would hash its own copy: remember the kind per field name (short, shared) and check the id beside it.
  const byFieldName = new Map<string, { fieldId: string; kind: FieldKind }>();
  function kindOfId(fieldId: string, name: string): FieldKind {
    const kind = byId.get(fieldId);
    if (kind !== undefined) return kind;
    // A custom field we do not resolve is not a product signal even if its name looks like one.
    if (fieldId.startsWith('customfield_')) return 'other';
    return byName.get(name.trim().toLowerCase()) ?? 'other';
  }
  const estimateByName = new Map<string, string>();
  for (const candidate of product.candidates.storyPoints) {
    const name = candidate.name.trim().toLowerCase();
    if (!estimateByName.has(name)) estimateByName.set(name, candidate.id);
  }
  return {
    product,
    estimateIds,
    gaps(): DataGap[] {
      return [...ambiguous.values()]
        .sort((a, b) => b.items - a.items || a.name.localeCompare(b.name))
        .map((entry) => ({
          kind: 'unreadable',
          message:
            `${entry.items} ${entry.items === 1 ? 'change' : 'changes'} to a field named "${entry.name}" carry no ` +
            `field id, and this site has ${entry.fields} fields of that name, so they are left out.`,
        }));
    },
    estimateIdOf(item: ItemName): string {
      return (
        item.fieldId ??
        estimateByName.get(item.field.trim().toLowerCase()) ??
        product.storyPoints?.id ??
        item.field
      );
    },
    kindOf(item: ItemName): FieldKind {
      const fieldId = item.fieldId;
      if (fieldId === undefined) {
        const kind = kindOfName(item.field, item.fieldtype);
        if (kind !== AMBIGUOUS) return kind;
        const lower = item.field.trim().toLowerCase();
        const seen = ambiguous.get(lower) ?? {
          name: item.field.trim(),
          fields: siteFieldsByName.get(lower)?.length ?? 0,
          items: 0,
        };
        seen.items += 1;
        ambiguous.set(lower, seen);
        return 'other';
      }
      const known = byFieldName.get(item.field);
      if (known !== undefined && known.fieldId === fieldId) return known.kind;
      const kind = kindOfId(fieldId, item.field);
      byFieldName.set(item.field, { fieldId, kind });
      return kind;
    },
  };
}
