// The stored form of one Jira issue: everything the analysis reads of it, packed, and nothing it does not read.
//
// Why the analysis' input and not its output (events with row and weight): rows, weights, acceptance statuses,
// status mapping and field overrides are each macro's config, and one installation's store serves every macro and
// project page. Storing the events would freeze one config into the store; storing what they are computed from
// keeps one store per installation, and the analysis over it equals the analysis over Jira by construction
// (tests/store/records.test.ts holds that on the sample, the real Apache samples and a generated site).
//
// Packed: a history is a tuple, a change item is a tuple, the authors of an issue's histories are a table the
// histories point into; links (`self`), avatar and icon URLs are left out everywhere. Nothing else is dropped.
import { z } from 'zod';
import {
  IssueFieldsSchema,
  type ChangeHistory,
  type ChangeItem,
  type JiraIssue,
  type JiraUser,
} from '../jira/schemas';

export const STORED_ISSUE_VERSION = 1;

const text = z.string().nullable();

/** [accountId, displayName, active, accountType, name (Server-era), key (Server-era)]. */
const StoredUserSchema = z.tuple([text, text, z.boolean().nullable(), text, text, text]);

/** [field, fieldId, fieldtype, from, fromString, to, toString]. */
const StoredItemSchema = z.tuple([z.string(), text, text, text, text, text, text]);

/** [history id, created, index of the author in `users` (-1: none), items]. */
const StoredHistorySchema = z.tuple([z.string(), z.string(), z.number().int(), z.array(StoredItemSchema)]);

export const StoredIssueSchema = z.object({
  v: z.literal(STORED_ISSUE_VERSION),
  id: z.string(),
  key: z.string(),
  project: z.string(),
  /** The issue's `updated`, for the sync's watermark. */
  updated: z.string().nullable(),
  /** The issue's fields as the search returned them, links and avatars left out. */
  fields: z.record(z.string(), z.unknown()),
  users: z.array(StoredUserSchema),
  histories: z.array(StoredHistorySchema),
});
export type StoredIssue = z.infer<typeof StoredIssueSchema>;
type StoredUser = z.infer<typeof StoredUserSchema>;
type StoredItem = z.infer<typeof StoredItemSchema>;

/** Keys of Jira's answers that no rule reads: links back to the REST API and image URLs. */
const LEFT_OUT = new Set(['self', 'avatarUrls', 'iconUrl', 'expand']);

function withoutLinks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLinks);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!LEFT_OUT.has(key) && inner !== undefined) out[key] = withoutLinks(inner);
  }
  return out;
}

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

function packUser(user: JiraUser): StoredUser {
  return [
    orNull(user.accountId),
    orNull(user.displayName),
    orNull(user.active),
    orNull(user.accountType),
    orNull(user.name),
    orNull(user.key),
  ];
}

function unpackUser([accountId, displayName, active, accountType, name, key]: StoredUser): JiraUser {
  const user: JiraUser = {};
  if (accountId !== null) user.accountId = accountId;
  if (displayName !== null) user.displayName = displayName;
  if (active !== null) user.active = active;
  if (accountType !== null) user.accountType = accountType;
  if (name !== null) user.name = name;
  if (key !== null) user.key = key;
  return user;
}

/** `toString` is also Object.prototype's: read it as an own string only. */
function ownText(item: ChangeItem, key: 'toString' | 'fromString'): string | null {
  const value: unknown = Object.prototype.hasOwnProperty.call(item, key) ? item[key] : undefined;
  return typeof value === 'string' ? value : null;
}

function packItem(item: ChangeItem): StoredItem {
  return [
    item.field,
    orNull(item.fieldId),
    orNull(item.fieldtype),
    orNull(item.from),
    ownText(item, 'fromString'),
    orNull(item.to),
    ownText(item, 'toString'),
  ];
}

function unpackItem([field, fieldId, fieldtype, from, fromString, to, toString]: StoredItem): ChangeItem {
  const item: ChangeItem = { field, from, fromString, to, toString };
  if (fieldId !== null) item.fieldId = fieldId;
  if (fieldtype !== null) item.fieldtype = fieldtype;
  return item;
}

export function packIssue(issue: JiraIssue): StoredIssue {
  const users: StoredUser[] = [];
  const userIndex = new Map<string, number>();
  const indexOf = (author: JiraUser | null | undefined): number => {
    if (author === null || author === undefined) return -1;
    const packed = packUser(author);
    const id = JSON.stringify(packed);
    let index = userIndex.get(id);
    if (index === undefined) {
      index = users.length;
      users.push(packed);
      userIndex.set(id, index);
    }
    return index;
  };
  const histories = (issue.changelog?.histories ?? []).map((history): z.infer<typeof StoredHistorySchema> => [
    history.id,
    history.created,
    indexOf(history.author),
    history.items.map(packItem),
  ]);
  return {
    v: STORED_ISSUE_VERSION,
    id: issue.id,
    key: issue.key,
    project: issue.fields.project.key,
    updated: orNull(issue.fields.updated),
    fields: withoutLinks(issue.fields) as Record<string, unknown>,
    users,
    histories,
  };
}

export function unpackIssue(stored: StoredIssue): JiraIssue {
  const histories: ChangeHistory[] = stored.histories.map(([id, created, author, items]) => {
    const history: ChangeHistory = { id, created, items: items.map(unpackItem) };
    const user = stored.users[author];
    if (user !== undefined) history.author = unpackUser(user);
    return history;
  });
  return {
    id: stored.id,
    key: stored.key,
    // Read back from storage: checked again as the search's answer was, not trusted.
    fields: IssueFieldsSchema.parse(stored.fields),
    changelog: { histories, total: histories.length },
  };
}
