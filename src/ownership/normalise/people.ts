// Who did it: turns Jira users (Cloud accountId, or Server-era name/key) into Person ids, never e-mail addresses.
// Apps and missing authors collapse into AUTOMATION_ID; inactive users keep their id and show as inactive.
import type { JiraUser } from '../../jira/schemas';
import { AUTOMATION_ID, type Person } from '../model';

/** An occurrence in the current issue fields is the freshest view of a user; histories carry their own time. */
export const CURRENT = Number.MAX_SAFE_INTEGER;

interface Sighting {
  /** The person id, one string shared by every event of that person (later look-ups compare it by reference). */
  id: string;
  displayName: string;
  /** The display name as Jira gave it (before e-mail stripping), for the fast path in `see`. */
  raw?: string;
  active: boolean;
  at: number;
}

/** FNV-1a, enough to turn an address-like login into a stable opaque id. */
function opaque(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `user-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/** Some Server sites use e-mail addresses as logins: those never become ids or names. */
function safeId(raw: string): string {
  return raw.includes('@') ? opaque(raw) : raw;
}

function safeName(raw: string): string {
  const at = raw.indexOf('@');
  return at > 0 ? raw.slice(0, at) : at === 0 ? 'Unknown user' : raw;
}

/**
 * Independent of input order: sightings keep the freshest name whatever order they come in, and ids written
 * inside change items (Server-era assignee keys or names) are resolved through `resolve` only once every user
 * object has been seen, i.e. after all issues were replayed.
 */
export class PeopleRegistry {
  private readonly sightings = new Map<string, Sighting>();
  /** Raw change-item values and the display names beside them; a real user object always wins over them. */
  private readonly itemSightings = new Map<string, Sighting>();
  /** Server-era changelogs name users by key or by name; both lead to the same id. */
  private readonly aliases = new Map<string, string>();
  private automationSeen = false;
  /** The last author `see` found, and the raw id it was found by (consecutive histories often share one). */
  private lastRaw: string | undefined;
  private lastSeen: Sighting | undefined;

  /**
   * First pass: remember the user's id, aliases, freshest display name and active flag. Returns the user's
   * sighting (none for apps and users without an identity).
   */
  see(user: JiraUser | null | undefined, at: number): Sighting | undefined {
    if (!user || user.accountType === 'app') return undefined;
    // Fast path: the same author on many histories (often several in a row), already seen under the same name.
    const raw = user.accountId ?? user.name;
    if (raw !== undefined && user.accountId !== undefined) {
      const known = raw === this.lastRaw ? this.lastSeen : this.sightings.get(raw);
      if (known !== undefined) {
        // Cloud users have no name or key, so no aliases to record.
        const plain = user.name === undefined && user.key === undefined;
        this.lastRaw = raw;
        this.lastSeen = known;
        // An older sighting changes nothing, whatever name it carries (the name need not even be read).
        if (plain && at < known.at) return known;
        if (known.raw === user.displayName && (user.active ?? true) === known.active) {
          if (known.at >= at) return known;
          // A fresher sighting of the same name: only its time changes.
          if (plain) {
            known.at = at;
            return known;
          }
        }
      }
    }
    const id = idOf(user);
    if (id === null) return undefined;
    if (user.name !== undefined && user.name !== '') this.aliases.set(user.name, id);
    if (user.key !== undefined && user.key !== '') this.aliases.set(user.key, id);
    return remember(this.sightings, id, user.displayName ?? id, user.active ?? true, at);
  }

  /**
   * A history or comment author: remembered, and their id (or AUTOMATION_ID) returned. The id is the string as
   * first seen rather than this history's own copy: a million events then share a few hundred strings, and every
   * map keyed by person compares them by reference.
   */
  author(user: JiraUser | null | undefined, at: number): string {
    return this.see(user, at)?.id ?? this.actorOf(user);
  }

  /** The id events are attributed to: AUTOMATION_ID for no author, an app account, or a user with no identity. */
  actorOf(user: JiraUser | null | undefined): string {
    const id = user && user.accountType !== 'app' ? idOf(user) : null;
    if (id === null) {
      this.automationSeen = true;
      return AUTOMATION_ID;
    }
    return id;
  }

  /** A person id for a user field (assignee, reporter); null when nobody (or an app) holds it. */
  personOf(user: JiraUser | null | undefined): string | null {
    if (!user || user.accountType === 'app') return null;
    return idOf(user);
  }

  /**
   * A user written inside a change item (assignee from/to) with the display name Jira wrote beside it. Returns
   * the raw value; turn it into a person id with `resolve` once every issue has been replayed.
   */
  itemValue(
    value: string | null | undefined,
    displayName: string | null | undefined,
    at: number,
  ): string | null {
    if (value === null || value === undefined || value === '') return null;
    remember(this.itemSightings, value, displayName ?? value, true, at);
    return value;
  }

  /** The person id of a raw change-item value: through a user's name or key when one was seen, else itself. */
  resolve(value: string | null): string | null {
    if (value === null) return null;
    return this.aliases.get(value) ?? safeId(value);
  }

  /** Everyone seen, by id (sorted, so iteration order is stable), plus Automation when any automation acted. */
  people(): Map<string, Person> {
    // Ids known only from change items, resolved now that every alias is known.
    const fromItems = new Map<string, Sighting>();
    for (const [raw, s] of this.itemSightings) {
      const id = this.resolve(raw) as string;
      if (!this.sightings.has(id)) remember(fromItems, id, s.raw ?? s.displayName, s.active, s.at);
    }
    const out = new Map<string, Person>();
    const ids = [...new Set([...this.sightings.keys(), ...fromItems.keys()])].sort();
    for (const id of ids) {
      if (id === AUTOMATION_ID) continue;
      const s = (this.sightings.get(id) ?? fromItems.get(id)) as Sighting;
      out.set(id, { id, displayName: s.displayName, active: s.active, isAutomation: false });
    }
    if (this.automationSeen) {
      out.set(AUTOMATION_ID, {
        id: AUTOMATION_ID,
        displayName: 'Automation',
        active: true,
        isAutomation: true,
      });
    }
    return out;
  }
}

/** Cloud: accountId. Server-era: name, else key (DOMAIN.md: never an e-mail address). */
function idOf(user: JiraUser): string | null {
  const raw = user.accountId ?? user.name ?? user.key;
  return raw === undefined || raw === '' ? null : safeId(raw);
}

/** The freshest sighting wins; equal times fall back to the name, so input order never matters. */
function remember(
  into: Map<string, Sighting>,
  id: string,
  displayName: string,
  active: boolean,
  at: number,
): Sighting {
  const previous = into.get(id);
  const name = safeName(displayName);
  if (
    previous === undefined ||
    at > previous.at ||
    (at === previous.at && (name < previous.displayName || (name === previous.displayName && !active)))
  ) {
    if (previous === undefined) {
      const sighting = { id, displayName: name, raw: displayName, active, at };
      into.set(id, sighting);
      return sighting;
    }
    // Updated in place: an author seen on every history of a big site would otherwise cost an object each time.
    previous.displayName = name;
    previous.raw = displayName;
    previous.active = active;
    previous.at = at;
  }
  return previous;
}
