// What `npm run lint:forge` prints for a report, and when it fails.
import type { ForgeLintReport } from '../../../tools/forge-lint/lint';
import { describeReport } from '../../../tools/forge-lint/report-text';

const clean: ForgeLintReport = {
  problems: [],
  scannedFiles: ['src/index.ts', 'src/jira/search.ts'],
  missingResourcePaths: [],
};

describe('describeReport', () => {
  it('says OK for both sides and passes when there are no problems', () => {
    expect(describeReport(clean)).toEqual({
      lines: ['Forge manifest: OK', 'Forge scopes: OK (2 source files checked)'],
      ok: true,
    });
  });

  it('prints each problem as file:line:col message under its side and fails', () => {
    const report: ForgeLintReport = {
      ...clean,
      problems: [
        {
          source: 'manifest',
          severity: 'error',
          file: 'manifest.yml',
          line: 35,
          column: 11,
          message: "missing resource 'static/macro/dist' is being referenced by 'macro' in resources",
        },
        {
          source: 'scopes',
          severity: 'error',
          file: 'src/jira/search.ts',
          line: 19,
          column: 37,
          message: 'Jira endpoint: POST /rest/api/3/search/jql requires "read:jira-work" scope',
        },
        { source: 'scopes', severity: 'warning', file: '', line: 0, column: 0, message: 'a linter failed' },
      ],
      missingResourcePaths: ['static/macro/dist'],
    };
    expect(describeReport(report)).toEqual({
      lines: [
        'Forge manifest: 1 problem',
        "manifest.yml:35:11 missing resource 'static/macro/dist' is being referenced by 'macro' in resources",
        'Forge scopes: 2 problems',
        'src/jira/search.ts:19:37 Jira endpoint: POST /rest/api/3/search/jql requires "read:jira-work" scope',
        'warning: a linter failed',
        'Note: static/macro/dist does not exist. If it is build output, run `npm run build` first.',
      ],
      ok: false,
    });
  });

  it('names the file without a position when the tool gave none', () => {
    const report: ForgeLintReport = {
      ...clean,
      problems: [
        { source: 'manifest', severity: 'error', file: 'manifest.yml', line: 0, column: 0, message: 'gone' },
      ],
    };
    expect(describeReport(report).lines).toEqual([
      'Forge manifest: 1 problem',
      'manifest.yml: gone',
      'Forge scopes: OK (2 source files checked)',
    ]);
  });

  it('fails on a warning alone', () => {
    const report: ForgeLintReport = {
      ...clean,
      problems: [
        {
          source: 'manifest',
          severity: 'warning',
          file: 'manifest.yml',
          line: 28,
          column: 11,
          message: 'old',
        },
      ],
    };
    expect(describeReport(report).ok).toBe(false);
  });
});
