// People of a generated site and how Jira Cloud renders them (author, assignee, reporter, comment author).
// Cloud users carry accountId and accountType, never an e-mail address.
import { hashString, Random } from './random';

export interface Person {
  accountId: string;
  displayName: string;
  active: boolean;
  accountType: 'atlassian' | 'app';
  /** Windows (epoch ms, end excluded) when the person does nothing: holidays. */
  away?: { from: number; until: number }[];
}

/** A deterministic Cloud-style account id ("712020:uuid") derived from a name. */
export function cloudAccountId(name: string): string {
  const rng = new Random(hashString(name));
  const hex = (n: number) =>
    Array.from({ length: n }, () => '0123456789abcdef'[rng.int(0, 15)] as string).join('');
  return `712020:${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(0, 3)]}${hex(3)}-${hex(12)}`;
}

/** The older 24-hex account id format that long-standing Cloud users still have. */
export function legacyAccountId(name: string): string {
  const rng = new Random(hashString(`legacy:${name}`));
  return Array.from({ length: 24 }, () => '0123456789abcdef'[rng.int(0, 15)] as string).join('');
}

/** A person; by default with the 24-hex account id most long-standing Cloud users have. */
export function person(displayName: string, options: Partial<Omit<Person, 'displayName'>> = {}): Person {
  return {
    accountId: options.accountId ?? legacyAccountId(displayName),
    displayName,
    active: options.active ?? true,
    accountType: options.accountType ?? 'atlassian',
    ...(options.away ? { away: options.away } : {}),
  };
}

/** The app account Automation for Jira uses on every Cloud site. */
export const AUTOMATION_FOR_JIRA: Person = person('Automation for Jira', {
  accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
  accountType: 'app',
});

export function isAway(p: Person, at: number): boolean {
  return (p.away ?? []).some((w) => at >= w.from && at < w.until);
}

/** The end of the away window covering `at`, or `at` itself when the person is around. */
export function backFrom(p: Person, at: number): number {
  const w = (p.away ?? []).find((x) => at >= x.from && at < x.until);
  return w ? w.until : at;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

export function userJson(p: Person) {
  // One avatar size (Cloud sends four) keeps the bundled sample under 5 MB: a user is in every history.
  return {
    accountId: p.accountId,
    avatarUrls: { '48x48': `https://avatar.atl-paas.net/${initials(p.displayName)}-48.png` },
    displayName: p.displayName,
    active: p.active,
    accountType: p.accountType,
  };
}
