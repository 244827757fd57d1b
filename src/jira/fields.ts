// The site's field list, and which custom fields carry the product signals (sprint, rank, estimate, targets, criteria).
// Custom field ids differ per site, so they are found by schema.custom (a plugin's type key), names only as a fallback.
import { route } from '@forge/api';
import type { JiraRequestLayer } from './request';
import { FieldListSchema, type JiraField } from './schemas';

export async function getFields(layer: JiraRequestLayer): Promise<JiraField[]> {
  return layer.json(route`/rest/api/3/field`, { schema: FieldListSchema });
}

export const PRODUCT_FIELD_KEYS = [
  'sprint',
  'rank',
  'storyPoints',
  'epicLink',
  'parentLink',
  'targetStart',
  'targetEnd',
  'startDate',
  'acceptanceCriteria',
] as const;
export type ProductFieldKey = (typeof PRODUCT_FIELD_KEYS)[number];

/** A resolved field: its id (matches changelog `fieldId` and issue `fields` keys) and its site name (matches `field`). */
export interface ProductField {
  id: string;
  name: string;
}

export interface ProductFields {
  sprint?: ProductField;
  rank?: ProductField;
  storyPoints?: ProductField;
  epicLink?: ProductField;
  /** Advanced Roadmaps' Parent Link. */
  parentLink?: ProductField;
  /** Advanced Roadmaps' Target start / Target end. */
  targetStart?: ProductField;
  targetEnd?: ProductField;
  /** Cloud's "Start date" (a date picker), used next to duedate on roadmap items. */
  startDate?: ProductField;
  acceptanceCriteria?: ProductField;
  /** Every field that matched each key, best first: two fields of one name are common; the user may pick another. */
  candidates: Record<ProductFieldKey, ProductField[]>;
}

export type ProductFieldOverrides = Partial<Record<ProductFieldKey, string>>;

const GREENHOPPER = 'com.pyxis.greenhopper.jira:';
const JPO = 'com.atlassian.jpo:';
const SYSTEM_TYPES = 'com.atlassian.jira.plugin.system.customfieldtypes:';

type FieldRule = (field: JiraField) => boolean;

const customIs =
  (key: string): FieldRule =>
  (field) =>
    field.schema?.custom === key;
const nameIs =
  (...names: string[]): FieldRule =>
  (field) =>
    names.includes(field.name.trim().toLowerCase());
const both =
  (...rules: FieldRule[]): FieldRule =>
  (field) =>
    rules.every((rule) => rule(field));
const isNumber: FieldRule = (field) =>
  field.schema?.type === 'number' || field.schema?.custom === `${SYSTEM_TYPES}float`;
const isDate: FieldRule = (field) => field.schema?.type === 'date' || field.schema?.type === 'datetime';
const isTextarea: FieldRule = (field) => field.schema?.custom === `${SYSTEM_TYPES}textarea`;
const isJpo: FieldRule = (field) => field.schema?.custom?.startsWith(JPO) ?? false;
const nameMatches =
  (pattern: RegExp): FieldRule =>
  (field) =>
    pattern.test(field.name);

/** Per key, rules from the most to the least trustworthy; the first rule that matches anything wins. */
const RULES: Record<ProductFieldKey, FieldRule[]> = {
  sprint: [customIs(`${GREENHOPPER}gh-sprint`)],
  rank: [customIs(`${GREENHOPPER}gh-lexo-rank`)],
  storyPoints: [
    customIs(`${GREENHOPPER}jsw-story-points`),
    both(isNumber, nameIs('story points', 'story point estimate')),
  ],
  epicLink: [customIs(`${GREENHOPPER}gh-epic-link`)],
  parentLink: [customIs(`${JPO}jpo-custom-field-parent`), both(isJpo, nameIs('parent link'))],
  targetStart: [customIs(`${JPO}jpo-custom-field-baseline-start`), both(isJpo, nameMatches(/target start/i))],
  targetEnd: [customIs(`${JPO}jpo-custom-field-baseline-end`), both(isJpo, nameMatches(/target end/i))],
  startDate: [both(isDate, nameIs('start date'))],
  acceptanceCriteria: [
    both(isTextarea, nameMatches(/acceptance[\s_-]*criteria/i)),
    nameMatches(/acceptance[\s_-]*criteria/i),
  ],
};

/** Older fields (lower custom id) first: the newer twin of a field is usually the accidental one. */
function byAge(a: JiraField, b: JiraField): number {
  const ageA = a.schema?.customId ?? Number.MAX_SAFE_INTEGER;
  const ageB = b.schema?.customId ?? Number.MAX_SAFE_INTEGER;
  return ageA - ageB || a.id.localeCompare(b.id);
}

const toProductField = (field: JiraField): ProductField => ({ id: field.id, name: field.name });

/** Pure: finds the product fields in a GET /rest/api/3/field list; `overrides` (field ids) win when they exist. */
export function resolveProductFields(
  fields: readonly JiraField[],
  overrides: ProductFieldOverrides = {},
): ProductFields {
  const candidates = {} as Record<ProductFieldKey, ProductField[]>;
  const resolved: ProductFields = { candidates };
  for (const key of PRODUCT_FIELD_KEYS) {
    const ordered: JiraField[] = [];
    for (const rule of RULES[key]) {
      for (const field of fields.filter(rule).sort(byAge)) {
        if (!ordered.includes(field)) ordered.push(field);
      }
    }
    candidates[key] = ordered.map(toProductField);
    const overrideId = overrides[key];
    const chosen =
      (overrideId === undefined ? undefined : fields.find((f) => f.id === overrideId)) ?? ordered[0];
    if (chosen !== undefined) resolved[key] = toProductField(chosen);
  }
  return resolved;
}

/** The system fields the analysis reads from an issue. */
export const SYSTEM_ISSUE_FIELDS = [
  'summary',
  'description',
  'issuetype',
  'status',
  'resolution',
  'project',
  'created',
  'updated',
  'resolutiondate',
  'duedate',
  'assignee',
  'reporter',
  'creator',
  'priority',
  'labels',
  'components',
  'fixVersions',
  'parent',
  // Commenters are C (consulted) on the issue's rows.
  'comment',
  // The issue security level: a secured issue is seen only by those who hold its level.
  'security',
] as const;

/** The `fields` list for a search: the system fields plus every resolved product field, nothing else. */
/**
 * The fields the background sync stores: the resolved ones and every other candidate of the same role, because
 * the store serves every config and a config may choose another field of the same name (fieldOverrides).
 */
export function syncFieldsToRequest(productFields: ProductFields): string[] {
  const ids = issueFieldsToRequest(productFields);
  for (const key of PRODUCT_FIELD_KEYS) {
    for (const candidate of productFields.candidates[key] ?? [])
      if (!ids.includes(candidate.id)) ids.push(candidate.id);
  }
  return ids;
}

export function issueFieldsToRequest(productFields: ProductFields): string[] {
  const ids: string[] = [...SYSTEM_ISSUE_FIELDS];
  for (const key of PRODUCT_FIELD_KEYS) {
    const field = productFields[key];
    if (field !== undefined && !ids.includes(field.id)) ids.push(field.id);
  }
  return ids;
}
