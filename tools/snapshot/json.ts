// The JSON text of every snapshot file, written and read without e-mail addresses. The product never shows an
// e-mail address, so a snapshot must not store one: Jira Cloud puts `emailAddress` on user objects (authors,
// assignees, reporters, user-picker values…) wherever the reader's profile settings allow, and one recording of a
// real site held 1,687 of them. Both directions drop the key at any depth: the recorder never writes one, and
// the reader drops those an older snapshot still holds, so none reaches the local Jira server's answers or SiteData.

/** The key of a user's e-mail address in Jira's user objects. */
export const EMAIL_ADDRESS_KEY = 'emailAddress';

function withoutEmailAddress(key: string, value: unknown): unknown {
  return key === EMAIL_ADDRESS_KEY ? undefined : value;
}

/** JSON text of a value, with every `emailAddress` key left out, at any depth. */
export function snapshotJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, withoutEmailAddress, indent);
}

/** Parses JSON text, dropping every `emailAddress` key, at any depth. Throws SyntaxError like JSON.parse. */
export function parseSnapshotJson(text: string): unknown {
  // A reviver makes parsing about three times slower (it is called for every value), and a bench snapshot has a
  // million histories: text that cannot hold the key, not even spelt with \u escapes, is parsed plainly.
  const mayHoldKey = text.includes(EMAIL_ADDRESS_KEY) || text.includes('\\u');
  return mayHoldKey ? (JSON.parse(text, withoutEmailAddress) as unknown) : (JSON.parse(text) as unknown);
}
