// Turns a Forge check report into the lines `npm run lint:forge` prints and whether the check passed.
import type { ForgeLintProblem, ForgeLintReport, ForgeLintSource } from './lint';

const HEADINGS: Record<ForgeLintSource, string> = {
  manifest: 'Forge manifest',
  scopes: 'Forge scopes',
};

/** One heading per side ("Forge manifest: OK"), each problem as `file:line:col message`, then hints. */
export function describeReport(report: ForgeLintReport): { lines: string[]; ok: boolean } {
  const lines: string[] = [];
  for (const source of ['manifest', 'scopes'] as const) {
    const problems = report.problems.filter((p) => p.source === source);
    if (problems.length === 0) {
      const detail =
        source === 'scopes' ? ` (${countOf(report.scannedFiles.length, 'source file')} checked)` : '';
      lines.push(`${HEADINGS[source]}: OK${detail}`);
      continue;
    }
    lines.push(`${HEADINGS[source]}: ${countOf(problems.length, 'problem')}`);
    lines.push(...problems.map(problemLine));
  }
  for (const missing of report.missingResourcePaths) {
    lines.push(`Note: ${missing} does not exist. If it is build output, run \`npm run build\` first.`);
  }
  return { lines, ok: report.problems.length === 0 };
}

export function problemLine(problem: ForgeLintProblem): string {
  // Without a position (line 0) the file alone is named, e.g. "manifest.yml: missing manifest".
  const position = problem.line > 0 ? `:${problem.line}:${problem.column}` : ':';
  const where = problem.file ? `${problem.file}${position} ` : '';
  const level = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}${level}${problem.message}`;
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
