// Rich-text values as plain text (Cloud's ADF documents or Server wiki strings), and whether a description holds
// an acceptance-criteria section.
/** Plain text of a string or an Atlassian Document Format node (text nodes joined by line breaks). */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const parts: string[] = [];
  collectText(value, 0, parts);
  return parts.join('\n');
}

function collectText(node: unknown, depth: number, parts: string[]): void {
  if (depth > 64 || node === null || typeof node !== 'object') return;
  const n = node as { text?: unknown; content?: unknown };
  if (typeof n.text === 'string') parts.push(n.text);
  if (Array.isArray(n.content)) for (const child of n.content) collectText(child, depth + 1, parts);
}

/** True when the value carries any non-blank text. */
export function hasText(value: unknown): boolean {
  return plainText(value).trim() !== '';
}

// A heading or label such as "Acceptance criteria", "h3. Acceptance Criteria", "AC:" at the start of a line.
const CRITERIA_SECTION = /acceptance[\s_-]*criteria|(^|\n)\s*(\*|#+|h\d\.)?\s*AC\s*:/i;

export function hasCriteriaSection(value: unknown): boolean {
  const text = plainText(value);
  return text !== '' && CRITERIA_SECTION.test(text);
}
