// Dates that cannot be read (DOMAIN.md, "Data that cannot be read faithfully"): a history, a comment or an issue
// whose `created` no parser understands cannot be placed in time. It is left out and counted, the result says it
// is incomplete and names the issues, and everything else is analysed exactly as without it.
import type { JiraIssue } from '../../../src/jira/schemas';
import type { SiteData } from '../../../src/jira/site';
import { analyse } from '../../../src/ownership/analyse';
import { normalise } from '../../../src/ownership/normalise';
import { config, item, person, SiteBuilder } from '../build';

const otto = person('otto', 'Otto PO');
const dev = person('dev', 'Dana Dev');
const NOW = new Date('2026-04-01T00:00:00.000Z');

/** Two issues with three and two histories, each with a comment. */
function site(): SiteData {
  const s = new SiteBuilder();
  s.issue('P-1', { created: '2026-02-20', by: otto })
    .change('2026-03-01', dev, item.status('In Progress'))
    .change('2026-03-02', otto, item.status('Done'))
    .change('2026-03-03', otto, item.rank())
    .comment('2026-03-04', otto);
  s.issue('P-2', { created: '2026-02-21', by: otto })
    .change('2026-03-05', dev, item.status('In Progress'))
    .change('2026-03-06', otto, item.rank())
    .comment('2026-03-07', dev);
  return s.build();
}

function issue(data: SiteData, key: string): JiraIssue {
  const found = data.issues.find((i) => i.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}

function historiesOf(data: SiteData, key: string) {
  return issue(data, key).changelog?.histories ?? [];
}

function commentsOf(data: SiteData, key: string): { created: string }[] {
  return (issue(data, key).fields.comment as { comments: { created: string }[] }).comments;
}

describe('a history whose date cannot be read', () => {
  it('is left out of the replay and counted, by issue, in one gap', () => {
    const data = site();
    (historiesOf(data, 'P-1')[1] as { created: string }).created = 'not a date';
    (historiesOf(data, 'P-2')[0] as { created: string }).created = '2026-13-45T99:00:00.000+0000';
    const normalised = normalise(data, config());
    expect(normalised.gaps).toEqual([
      {
        kind: 'unreadable',
        message:
          '2 changes in the history of 2 issues (P-1: 1, P-2: 1) have a date that cannot be read, so the ' +
          'analysis leaves them out; everything else is analysed.',
      },
    ]);
    // The readable histories are replayed in order; nothing carries a NaN time.
    expect(normalised.histories).toBe(3);
    expect(normalised.issues.get('P-1')?.statusChanges.map((c) => c.toStatus)).toEqual(['In Progress']);
    expect(normalised.issues.get('P-2')?.statusChanges).toEqual([]);
    expect(normalised.events.every((e) => Number.isFinite(e.at))).toBe(true);
    expect(normalised.comments).toHaveLength(2);
  });

  it('makes the result incomplete, naming the issue and the count; the rest of the analysis is unchanged', () => {
    const clean = site();
    const withoutIt = site();
    historiesOf(withoutIt, 'P-1').splice(1, 2);
    const broken = site();
    for (const h of historiesOf(broken, 'P-1').slice(1)) (h as { created: string }).created = '';
    const expected = analyse(withoutIt, config(), NOW);
    const result = analyse(broken, config(), NOW);

    expect(analyse(clean, config(), NOW).completeness).toEqual({ complete: true, gaps: [] });
    expect(result.completeness).toEqual({
      complete: false,
      gaps: [
        {
          kind: 'unreadable',
          message:
            '2 changes in the history of P-1 have a date that cannot be read, so the analysis leaves them out; ' +
            'everything else is analysed.',
          issueKey: 'P-1',
        },
      ],
    });
    expect({ ...result, completeness: null }).toEqual({ ...expected, completeness: null });
  });

  it('comes after what the read itself missed', () => {
    const data = site();
    data.gaps.push({ kind: 'no-access', message: 'You cannot browse project Q in Jira.', project: 'Q' });
    (historiesOf(data, 'P-2')[1] as { created: string }).created = 'soon';
    const { completeness } = analyse(data, config(), NOW);
    expect(completeness.complete).toBe(false);
    expect(completeness.gaps.map((g) => [g.kind, g.issueKey ?? g.project])).toEqual([
      ['no-access', 'Q'],
      ['unreadable', 'P-2'],
    ]);
  });

  it('of an issue outside the scope is not a gap: that issue is not analysed anyway', () => {
    const data = site();
    (historiesOf(data, 'P-1')[0] as { created: string }).created = 'never';
    expect(normalise(data, config({ scope: { projects: ['OTHER'] } })).gaps).toEqual([]);
  });
});

describe('a comment whose date cannot be read', () => {
  it('is left out and counted, naming the issue', () => {
    const data = site();
    (commentsOf(data, 'P-2')[0] as { created: string }).created = '31/02/2026';
    const normalised = normalise(data, config());
    expect(normalised.comments.map((c) => c.issueKey)).toEqual(['P-1']);
    expect(normalised.gaps).toEqual([
      {
        kind: 'unreadable',
        message:
          '1 comment on P-2 has a date that cannot be read, so the analysis leaves it out; everything else is analysed.',
        issueKey: 'P-2',
      },
    ]);
  });
});

describe('an issue whose creation date cannot be read', () => {
  it('is left out whole and named; the other issues are analysed as without it', () => {
    const data = site();
    issue(data, 'P-2').fields.created = 'sometime';
    const withoutIt = site();
    withoutIt.issues = withoutIt.issues.filter((i) => i.key !== 'P-2');
    const normalised = normalise(data, config());
    expect([...normalised.issues.keys()]).toEqual(['P-1']);
    expect(normalised.issuesOutOfScope).toBe(0);
    expect(normalised.gaps).toEqual([
      {
        kind: 'unreadable',
        message:
          'Issue P-2 has a creation date that cannot be read, so the analysis leaves it out; everything else is analysed.',
        issueKey: 'P-2',
      },
    ]);
    const result = analyse(data, config(), NOW);
    expect(result.completeness.complete).toBe(false);
    expect({ ...result, completeness: null }).toEqual({
      ...analyse(withoutIt, config(), NOW),
      completeness: null,
    });
  });

  it('names at most ten issues and counts the rest', () => {
    const s = new SiteBuilder();
    for (let n = 1; n <= 12; n++) s.issue(`P-${n}`, { created: '2026-02-20', by: otto });
    const data = s.build();
    for (const i of data.issues) i.fields.created = 'unknown';
    expect((normalise(data, config()).gaps ?? []).map((g) => g.message)).toEqual([
      '12 issues (P-1, P-2, P-3, P-4, P-5, P-6, P-7, P-8, P-9, P-10 and 2 more) have a creation date that ' +
        'cannot be read, so the analysis leaves them out; everything else is analysed.',
    ]);
  });
});
