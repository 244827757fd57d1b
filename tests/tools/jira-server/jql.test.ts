// The JQL subset the local server understands, and the 400s for everything else.
import { parseJql } from '../../../tools/jira-server/jql';
import { JiraRequestError } from '../../../tools/jira-server/reply';

function refusal(jql: string): string {
  try {
    parseJql(jql);
  } catch (error) {
    if (error instanceof JiraRequestError && error.status === 400) return error.message;
    throw error;
  }
  throw new Error(`expected a 400 for ${jql}`);
}

describe('parseJql', () => {
  it('reads the queries the client sends', () => {
    expect(parseJql('project in (A, "B") AND updated >= "2024-03-01" ORDER BY key ASC')).toEqual({
      projectClauses: [['A', 'B']],
      issueKeyClauses: [],
      dateBounds: [{ field: 'updated', operator: '>=', at: Date.UTC(2024, 2, 1) }],
      orderBy: [{ field: 'key', direction: 'ASC' }],
      relative: false,
    });
    expect(parseJql("project = 'A' order by created asc").orderBy).toEqual([
      { field: 'created', direction: 'ASC' },
    ]);
    expect(parseJql('issuekey IN (A-1,A-2)').issueKeyClauses).toEqual([['A-1', 'A-2']]);
    expect(parseJql('key = A-1').issueKeyClauses).toEqual([['A-1']]);
    // The evidence's details: a list of keys, ANDed with the other clauses.
    const details = parseJql('key in (A-1, B-2) AND project = A AND updated >= "2024-03-01"');
    expect(details.issueKeyClauses).toEqual([['A-1', 'B-2']]);
    expect(details.projectClauses).toEqual([['A']]);
    expect(details.dateBounds).toHaveLength(1);
    // The client quotes every value and escapes quotes and backslashes inside.
    expect(parseJql('project in ("A", "B\\"C\\\\")').projectClauses).toEqual([['A', 'B"C\\']]);
  });

  it('reads dates relative to now, as the sync asks for what changed since its watermark', () => {
    const now = Date.UTC(2026, 10, 16, 9, 0);
    const query = parseJql('project = A AND updated >= "-90m"', now);
    expect(query.relative).toBe(true);
    expect(query.dateBounds).toEqual([{ field: 'updated', operator: '>=', at: now - 90 * 60_000 }]);
    expect(parseJql('updated >= -2h', now).dateBounds[0]?.at).toBe(now - 2 * 3_600_000);
    expect(parseJql('updated >= "-1w"', now).dateBounds[0]?.at).toBe(now - 7 * 86_400_000);
  });

  it('reads dates with a time and slashes, and several sort keys', () => {
    const query = parseJql('created < "2024/03/01 13:30" AND project = A ORDER BY updated DESC, key');
    expect(query.dateBounds).toEqual([{ field: 'created', operator: '<', at: Date.UTC(2024, 2, 1, 13, 30) }]);
    expect(query.orderBy).toEqual([
      { field: 'updated', direction: 'DESC' },
      { field: 'key', direction: 'ASC' },
    ]);
  });

  it('refuses what it does not support, saying what it does', () => {
    expect(refusal('project = A OR project = B')).toMatch(
      /not supported here: 'OR' after a clause.*supports `project = X`/,
    );
    expect(refusal('project != A')).toMatch(/operator '!=' on project/);
    expect(refusal('status = Done')).toMatch(/the field 'status'/);
    expect(refusal('project in (A, B')).toMatch(/Expecting '\)'/);
    expect(refusal('project = "A')).toMatch(/not closed/);
    expect(refusal('')).toMatch(/Unbounded/);
    expect(refusal('order by key')).toMatch(/Unbounded/);
  });
});
