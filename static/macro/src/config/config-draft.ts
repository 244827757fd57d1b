// The configuration form's state and its checks, without React: the saved config as an editable draft (numbers
// kept as typed), the config input the draft stands for, and AnalysisConfigSchema's verdict as one message per
// field path — the same schema the resolver applies, so what the panel accepts the map accepts.
import type { z } from 'zod';
import { AnalysisConfigSchema } from '../../../../src/contract/requests';
import type { RaciLetter, Thresholds } from '../../../../src/ownership/config';
import { THRESHOLD_FIELDS, settingProblem } from './field-labels';

export type Layer = 'strategic' | 'tactical';
export type WindowKind = 'sprints' | 'dates' | 'all';

export interface DraftRow {
  label: string;
  layer: Layer;
  people: { accountId: string; letter: RaciLetter }[];
}

/** The categories a status the site no longer lists can be mapped to (AnalysisConfigSchema.statusMapping). */
export const STATUS_CHOICES = ['done', 'in progress', 'to do'] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

export interface ConfigDraft {
  projects: string[];
  boards: number[];
  window: { kind: WindowKind; lastSprints: string; from: string; to: string };
  pm: string | null;
  po: string | null;
  rows: DraftRow[];
  /** Overrides as typed (shares in %); a missing or empty entry means "use the default". */
  thresholds: Partial<Record<keyof Thresholds, string>>;
  showDeliveryPeople: boolean;
  /** Statuses the site no longer lists, mapped to a category, in the order the user added them. */
  statuses: { name: string; category: StatusChoice }[];
  /** Display names of the people picked, so a reopened panel shows names rather than account ids. */
  names: Record<string, string>;
  /** Saved settings the panel does not edit (acceptance statuses, weights), kept as they were. */
  untouched: Record<string, unknown>;
}

/** The key under which the panel keeps display names next to the settings (the analysis ignores unknown keys). */
export const NAMES_KEY = 'displayNames';
const EDITED_KEYS = [
  'scope',
  'window',
  'declared',
  'thresholds',
  'showDeliveryPeople',
  'statusMapping',
  NAMES_KEY,
];
const isStatusChoice = (value: unknown): value is StatusChoice =>
  typeof value === 'string' && (STATUS_CHOICES as readonly string[]).includes(value);

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
const text = (value: unknown) =>
  typeof value === 'number' || typeof value === 'string' ? String(value) : '';

/** The saved config (or nothing) as a draft; whatever is malformed in it stays visible so the user can fix it. */
export function draftFromSaved(saved: Record<string, unknown> | undefined): ConfigDraft {
  const config = record(saved);
  const scope = record(config.scope);
  const window = record(config.window);
  const declared = record(config.declared);
  const thresholds = record(config.thresholds);
  const kind: WindowKind = window.kind === 'sprints' || window.kind === 'dates' ? window.kind : 'all';
  const untouched: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) if (!EDITED_KEYS.includes(key)) untouched[key] = value;
  const names: Record<string, string> = {};
  for (const [id, name] of Object.entries(record(config[NAMES_KEY])))
    if (typeof name === 'string') names[id] = name;
  return {
    projects: strings(scope.projects),
    boards: Array.isArray(scope.boards) ? scope.boards.filter((b): b is number => typeof b === 'number') : [],
    window: {
      kind,
      lastSprints: kind === 'sprints' ? text(window.lastSprints) : '6',
      from: kind === 'dates' ? text(window.from) : '',
      to: kind === 'dates' ? text(window.to) : '',
    },
    pm: typeof declared.pm === 'string' ? declared.pm : null,
    po: typeof declared.po === 'string' ? declared.po : null,
    rows: (Array.isArray(declared.rows) ? declared.rows : []).map((raw) => {
      const row = record(raw);
      return {
        label: text(row.label),
        layer: row.layer === 'tactical' ? 'tactical' : 'strategic',
        people: (Array.isArray(row.people) ? row.people : []).map((p) => {
          const entry = record(p);
          const letter = entry.letter;
          return {
            accountId: text(entry.accountId),
            letter: letter === 'A' || letter === 'R' || letter === 'C' || letter === 'I' ? letter : 'R',
          };
        }),
      };
    }),
    thresholds: Object.fromEntries(
      THRESHOLD_FIELDS.flatMap((field) => {
        const value = thresholds[field.key];
        if (value === undefined) return [];
        return [
          [field.key, field.kind === 'share' && typeof value === 'number' ? percentText(value) : text(value)],
        ];
      }),
    ),
    showDeliveryPeople: config.showDeliveryPeople === true,
    statuses: Object.entries(record(config.statusMapping)).map(([name, category]) => ({
      name,
      category: isStatusChoice(category) ? category : 'in progress',
    })),
    names,
    untouched,
  };
}

/** "0.5" → 0.5; "" → undefined (the default); anything else → NaN, which the schema rejects with its message. */
export function numberFromText(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const normalised = value.trim().replace(',', '.');
  return /^-?\d*\.?\d+$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/**
 * Shares are stored as fractions (0.35) and entered as percentages (35): these two are the only place the UI
 * converts, rounded so that 0.35 reads "35", not "35.00000000000001", and 87.35 % is kept as 0.8735.
 */
export function percentText(fraction: number): string {
  return String(Math.round(fraction * 1e6) / 1e4);
}
export function fractionOf(percentage: number): number {
  return Math.round(percentage * 1e4) / 1e6;
}

/** The settings the draft stands for: only what the user set, so defaults stay the analysis's own. */
export function configInputOf(draft: ConfigDraft): Record<string, unknown> {
  const window =
    draft.window.kind === 'sprints'
      ? { kind: 'sprints', lastSprints: numberFromText(draft.window.lastSprints) ?? Number.NaN }
      : draft.window.kind === 'dates'
        ? { kind: 'dates', from: draft.window.from, to: draft.window.to }
        : { kind: 'all' };
  const thresholds: Record<string, number> = {};
  for (const field of THRESHOLD_FIELDS) {
    const value = numberFromText(draft.thresholds[field.key]);
    if (value !== undefined) thresholds[field.key] = field.kind === 'share' ? fractionOf(value) : value;
  }
  const declared: Record<string, unknown> = {
    rows: draft.rows.map((row) => ({ label: row.label, layer: row.layer, people: row.people })),
  };
  if (draft.pm !== null) declared.pm = draft.pm;
  if (draft.po !== null) declared.po = draft.po;
  return {
    ...draft.untouched,
    scope: { projects: draft.projects, boards: draft.boards },
    window,
    declared,
    ...(Object.keys(thresholds).length > 0 ? { thresholds } : {}),
    ...(draft.showDeliveryPeople ? { showDeliveryPeople: true } : {}),
    // Unnamed entries are the draft's own problem (validateDraft names them); the schema sees the named ones.
    ...(draft.statuses.some((s) => s.name.trim() !== '')
      ? {
          statusMapping: Object.fromEntries(
            draft.statuses.filter((s) => s.name.trim() !== '').map((s) => [s.name.trim(), s.category]),
          ),
        }
      : {}),
  };
}

/** What view.submit saves: the settings plus the names of the people they mention. */
export function submittedConfig(draft: ConfigDraft): Record<string, unknown> {
  const input = configInputOf(draft);
  const mentioned = new Set<string>();
  if (draft.pm) mentioned.add(draft.pm);
  if (draft.po) mentioned.add(draft.po);
  for (const row of draft.rows) for (const person of row.people) mentioned.add(person.accountId);
  const names: Record<string, string> = {};
  for (const id of mentioned) if (draft.names[id] !== undefined) names[id] = draft.names[id]!;
  return Object.keys(names).length > 0 ? { ...input, [NAMES_KEY]: names } : input;
}

export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

/** A union's failure, reduced to the branch the user chose (the one whose `kind` matched). */
function flatten(issues: readonly Issue[], prefix: PropertyKey[] = []): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const chosen =
        issue.errors.find((branch) => !branch.some((i) => i.path[0] === 'kind')) ?? issue.errors[0]!;
      out.push(...flatten(chosen, path));
      continue;
    }
    out.push({ path: path.map(String).join('.'), message: issue.message });
  }
  return out;
}

/** Every problem with the draft, keyed by settings path (the first message per path); empty when it can be saved. */
export function validateDraft(draft: ConfigDraft): FieldErrors {
  const parsed = AnalysisConfigSchema.safeParse(configInputOf(draft));
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  draft.statuses.forEach((status, index) => {
    const name = status.name.trim().toLowerCase();
    if (name === '') errors[`statusMapping.${index}`] = 'Name the status as the map names it.';
    else if (seen.has(name)) errors[`statusMapping.${index}`] = 'This status is already mapped above.';
    seen.add(name);
  });
  if (parsed.success) return errors;
  for (const { path, message } of flatten(parsed.error.issues)) {
    if (!(path in errors)) errors[path] = settingProblem({ path, message });
  }
  return errors;
}

/** Messages for a path and everything under it (e.g. a declared row and its people). */
export function errorsUnder(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .map(([, message]) => message);
}
