// What every export of an incomplete result says first: that the data is incomplete and which gaps made it so,
// in the words the UI uses. One wording for the Jira views' downloads and every `npm run report` format.
import type { AnalysisResult } from '../contract/analysis';

export type Completeness = AnalysisResult['completeness'];

export const INCOMPLETE_LABEL = 'Incomplete data';

/** Complete data: what an export assumes when its caller names no completeness. */
export const COMPLETE_DATA: Completeness = { complete: true, gaps: [] };

/** "2 gaps: You cannot browse project ABC in Jira. …", or null when the data is complete. */
export function incompleteDetail(completeness: Completeness): string | null {
  if (completeness.complete) return null;
  const count = completeness.gaps.length;
  if (count === 0) return 'Jira did not return everything this result covers.';
  const messages = completeness.gaps.map((gap) => gap.message.trim()).join(' ');
  return `${count} ${count === 1 ? 'gap' : 'gaps'}: ${messages}`;
}

/** The notice as one line ("Incomplete data: 2 gaps: …"), or null when the data is complete. */
export function incompleteNotice(completeness: Completeness): string | null {
  const detail = incompleteDetail(completeness);
  return detail === null ? null : `${INCOMPLETE_LABEL}: ${detail}`;
}

/** The CSV line before the header: "#" marks it as a note for readers that skip comment lines. */
export function incompleteCsvNotice(completeness: Completeness): string | null {
  const notice = incompleteNotice(completeness);
  return notice === null ? null : `# ${notice}`;
}

/** The Markdown paragraph that opens an export, with a blank line after it; "" when the data is complete. */
export function incompleteMarkdown(completeness: Completeness): string {
  const detail = incompleteDetail(completeness);
  return detail === null ? '' : `**${INCOMPLETE_LABEL}:** ${detail.replace(/\r\n|\r|\n/g, ' ')}\n\n`;
}
