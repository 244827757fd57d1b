// Data that cannot be read faithfully (DOMAIN.md) never changes the analysis silently: histories into statuses the
// site does not list, and change items whose field name two site fields share, make the result incomplete and name
// what was left out; a status mapping in the settings puts the statuses back.
import path from 'node:path';
import type { AnalysisResult } from '../../src/contract/analysis';
import type { JiraField } from '../../src/jira/schemas';
import type { SiteData } from '../../src/jira/site';
import { analyse } from '../../src/ownership/analyse';
import { AnalysisConfigSchema, type AnalysisConfigInput } from '../../src/ownership/config';
import { readSnapshot, snapshotToSiteData } from '../../tools/snapshot/read';

const ACME = path.resolve(__dirname, '../../samples/acme');
const PRIYA = '8bd7b81342e3c818e496b63f';
const DONE_ID = '10003';

let acme: SiteData;
beforeAll(async () => {
  acme = snapshotToSiteData(await readSnapshot(ACME), { accountId: PRIYA });
});

function run(site: SiteData, settings: Partial<AnalysisConfigInput> = {}): AnalysisResult {
  const config = AnalysisConfigSchema.parse({ scope: { projects: ['CHK', 'PAY', 'SRCH'] }, ...settings });
  return analyse(site, config, new Date('2026-11-16T09:00:00.000Z'));
}

const acceptances = (result: AnalysisResult) =>
  result.rows.find((row) => row.key === 'acceptance')?.eventCount;

/** How many histories move an issue into the status `id`. */
function movesInto(site: SiteData, id: string): number {
  let count = 0;
  for (const issue of site.issues) {
    for (const history of issue.changelog?.histories ?? []) {
      if (history.items.some((i) => (i.fieldId === 'status' || i.field === 'status') && i.to === id))
        count += 1;
    }
  }
  return count;
}

describe('a status the site no longer lists', () => {
  test('makes the result incomplete, names the status and its histories, and is counted once mapped', () => {
    const whole = run(acme);
    expect(whole.completeness.complete).toBe(true);
    expect(acceptances(whole)).toBeGreaterThan(400);

    // The site's "Done" status was deleted from its workflow: it is no longer in GET /status.
    const deleted = { ...acme, statuses: acme.statuses.filter((s) => s.id !== DONE_ID) };
    const moves = movesInto(acme, DONE_ID);
    const partial = run(deleted);
    expect(partial.completeness.complete).toBe(false);
    expect(partial.completeness.gaps).toEqual([
      {
        kind: 'unreadable',
        message:
          `Status "Done" (id ${DONE_ID}) is not one of this site's statuses (a deleted or renamed workflow status?): ` +
          `${moves} histories move issues into it, counted as in progress. Map it to done, in progress or to do in the settings.`,
      },
    ]);
    expect(acceptances(partial)).toBe(0);

    for (const key of ['Done', DONE_ID]) {
      const mapped = run(deleted, { statusMapping: { [key]: 'done' } });
      expect(mapped.completeness).toEqual({ complete: true, gaps: [] });
      expect(acceptances(mapped)).toBe(acceptances(whole));
    }
  });

  test('a mapping that is not a category is refused with the field named', () => {
    const parsed = AnalysisConfigSchema.safeParse({
      scope: { projects: ['CHK'] },
      statusMapping: { Done: 'finished' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['statusMapping.Done', 'Map a status to done, in progress or to do.'],
    ]);
  });
});

describe('change items without fieldId, matched by name', () => {
  // samples/acme's estimate is "Story point estimate"; its "Story Points" is an unrelated text field.
  const POINTS_FIELD: JiraField = {
    id: 'customfield_19999',
    name: 'Story Points',
    custom: true,
    schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' },
  } as JiraField;

  /** Seven edits of a field named "Story Points", the way Server-era histories carry them: no fieldId. */
  function withNamedEdits(site: SiteData, fields: JiraField[]): SiteData {
    const issues = site.issues.map((issue, index) => {
      if (index >= 7 || issue.changelog === undefined) return issue;
      const [first, ...rest] = issue.changelog.histories;
      if (first === undefined) return issue;
      const edit = {
        field: 'Story Points',
        fieldtype: 'custom',
        from: null,
        fromString: null,
        to: null,
        toString: '5',
      };
      return {
        ...issue,
        changelog: { ...issue.changelog, histories: [{ ...first, items: [...first.items, edit] }, ...rest] },
      };
    });
    return { ...site, fields, issues };
  }

  test('match the one field of that name: edits of the unrelated "Story Points" text field are not estimates', () => {
    const baseline = run(acme);
    const edited = run(withNamedEdits(acme, acme.fields));
    expect(edited.completeness.complete).toBe(true);
    expect(edited.stats.eventsFromItems).toBe(baseline.stats.eventsFromItems);
    expect(edited.stats.ignoredItems).toBe(baseline.stats.ignoredItems + 7);
  });

  test('when two fields of that name mean different things, are left out and reported', () => {
    const baseline = run(acme);
    const ambiguous = run(withNamedEdits(acme, [...acme.fields, POINTS_FIELD]));
    expect(ambiguous.completeness.gaps).toEqual([
      {
        kind: 'unreadable',
        message:
          '7 changes to a field named "Story Points" carry no field id, and this site has 2 fields of that name, so they are left out.',
      },
    ]);
    expect(ambiguous.stats.eventsFromItems).toBe(baseline.stats.eventsFromItems);
    expect(ambiguous.stats.ignoredItems).toBe(baseline.stats.ignoredItems + 7);
  });
});
