// The result as JSON: exactly the AnalysisResult the resolvers return, so scripts can parse it with the contract's
// schema. An incomplete result gets one more field, first of all, `incomplete`, with the notice and its gaps: the
// same facts as `completeness`, where nobody reading the top of the file can miss them.
import type { AnalysisResult } from '../../src/contract/analysis';
import { incompleteNotice } from '../../src/export/completeness';

export function formatJson(result: AnalysisResult): string {
  const notice = incompleteNotice(result.completeness);
  const output =
    notice === null ? result : { incomplete: { message: notice, gaps: result.completeness.gaps }, ...result };
  return `${JSON.stringify(output, null, 2)}\n`;
}
