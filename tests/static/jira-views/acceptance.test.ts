import { COMPLETE_DATA } from '../../../src/export/completeness';
import {
  acceptanceCsv,
  acceptanceMarkdown,
  acceptanceSummary,
} from '../../../static/jira-views/src/export/acceptance-export';
import { issueUrl } from '../../../static/shared/jira-urls';
import {
  acceptanceReview,
  defaultSprint,
  sprintOptions,
} from '../../../static/jira-views/src/model/acceptance-table';
import { analysisFixture, parseCsv } from './fixture';

const BASE = 'https://acme.atlassian.net/';

describe('sprint picker', () => {
  test('lists every reviewed sprint newest first, saying whether it is closed', () => {
    expect(sprintOptions(analysisFixture()).map((o) => o.label)).toEqual([
      'Sprint 3 (active)',
      'Sprint 2 (closed 2026-02-02)',
      'Sprint 1 (closed 2026-01-19)',
    ]);
    expect(sprintOptions(analysisFixture())[0]!.boardName).toBe('CHK board');
  });

  test('opens on the last closed sprint, or on the sprint the action came from', () => {
    const result = analysisFixture();
    expect(defaultSprint(result)).toEqual({ sprintId: 2, missing: false });
    expect(defaultSprint(result, 1)).toEqual({ sprintId: 1, missing: false });
    expect(defaultSprint(result, 3)).toEqual({ sprintId: 3, missing: false });
  });

  test('says so when the sprint the action came from is not in the review', () => {
    expect(defaultSprint(analysisFixture(), 42)).toEqual({ sprintId: 2, missing: true });
  });

  test('falls back to the most recent sprint when none is closed, and to none without sprints', () => {
    const result = analysisFixture();
    result.acceptance.sprints = result.acceptance.sprints.map((s) => ({ ...s, complete: null }));
    expect(defaultSprint(result).sprintId).toBe(3);
    result.acceptance.sprints = [];
    expect(defaultSprint(result).sprintId).toBeNull();
  });
});

describe('acceptance review of one sprint', () => {
  const review = acceptanceReview(analysisFixture(), 2)!;

  test('names acceptors and assignees, automation included, and rounds waits to a tenth', () => {
    expect(review.issues.map((i) => [i.issueKey, i.acceptorName, i.assigneeName, i.waitDays])).toEqual([
      ['CHK-10', 'Dev One', 'Dev One', 0.3],
      ['CHK-11', 'Pat Manager', null, 4.5],
      ['CHK-12', 'Automation', 'Dev Two', 0],
    ]);
  });

  test('has the header figures: self-acceptance rate, concentration and median wait per acceptor', () => {
    expect(review.completedCount).toBe(3);
    expect(review.selfAccepted).toBe(1);
    expect(review.selfAcceptanceRate).toBeCloseTo(1 / 3, 10);
    expect(review.topAcceptor).toEqual({ personId: 'acc-dev1', name: 'Dev One', share: 0.3333 });
    expect(review.acceptors.map((a) => [a.name, a.count, a.medianWaitDays])).toEqual([
      ['Dev One', 1, 0.3],
      ['Pat Manager', 1, 4.5],
      ['Automation', 1, 0],
    ]);
    expect([review.withoutCriteria, review.acceptedAfterEnd]).toEqual([1, 1]);
  });

  test('names the sprint each carried-over issue went to', () => {
    expect(review.carriedOver).toEqual([{ issueKey: 'CHK-13', toSprintId: 3, toSprintName: 'Sprint 3' }]);
  });

  test("keeps only the acceptance warnings of the sprint's board", () => {
    expect(review.warnings.map((w) => w.title)).toEqual(['Work is accepted by whoever built it']);
  });

  test('counts every acceptance and carry-over even when the lists are capped, and the Markdown says so', () => {
    const result = analysisFixture();
    const sprint = result.acceptance.sprints[1]!;
    sprint.completedTotal = 60;
    sprint.selfAccepted = 12;
    sprint.carriedOverTotal = 55;
    const capped = acceptanceReview(result, 2)!;
    expect([capped.issues.length, capped.completedCount, capped.selfAcceptanceRate]).toEqual([3, 60, 0.2]);
    expect([capped.carriedOver.length, capped.carriedOverCount]).toEqual([1, 55]);
    const text = acceptanceMarkdown(capped, BASE, COMPLETE_DATA);
    expect(text).toContain('The 3 most recent of 60 completed issues are listed.');
    expect(text).toContain('1 of 55 carried-over issues are listed.');
    expect(text).toContain('60 completed, 12 self-accepted (20 %)');
  });

  test('is null for a sprint the review does not hold', () => {
    expect(acceptanceReview(analysisFixture(), 42)).toBeNull();
  });

  test('an open sprint with nothing completed has no self-acceptance rate', () => {
    const open = acceptanceReview(analysisFixture(), 3)!;
    expect([open.closed, open.completedCount, open.selfAcceptanceRate, open.topAcceptor]).toEqual([
      false,
      0,
      null,
      null,
    ]);
  });
});

describe('acceptance exports', () => {
  const review = acceptanceReview(analysisFixture(), 2)!;

  test('the CSV has one row per completed issue, then one per carried-over issue, with Jira links', () => {
    const records = parseCsv(acceptanceCsv(review, BASE, COMPLETE_DATA));
    expect(records[0]).toEqual([
      'Sprint',
      'Issue',
      'Link',
      'Outcome',
      'Accepted by',
      'Assignee',
      'Self-accepted',
      'Acceptance criteria at acceptance',
      'Wait in last status (working days)',
      'Accepted after sprint end',
      'Accepted on',
    ]);
    expect(records.slice(1)).toEqual([
      [
        'Sprint 2',
        'CHK-10',
        'https://acme.atlassian.net/browse/CHK-10',
        'Completed',
        'Dev One',
        'Dev One',
        'yes',
        'no',
        '0.3',
        'no',
        '2026-01-28',
      ],
      [
        'Sprint 2',
        'CHK-11',
        'https://acme.atlassian.net/browse/CHK-11',
        'Completed',
        'Pat Manager',
        '',
        'no',
        'yes',
        '4.5',
        'yes',
        '2026-02-04',
      ],
      [
        'Sprint 2',
        'CHK-12',
        'https://acme.atlassian.net/browse/CHK-12',
        'Completed',
        'Automation',
        'Dev Two',
        'no',
        'yes',
        '0',
        'no',
        '2026-01-30',
      ],
      [
        'Sprint 2',
        'CHK-13',
        'https://acme.atlassian.net/browse/CHK-13',
        'Carried over to Sprint 3',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ]);
  });

  test('the Markdown has the header figures, the warning, a linked issues table and the carry-over', () => {
    const text = acceptanceMarkdown(review, BASE, COMPLETE_DATA);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '**Sprint 2** (CHK board): 3 completed, 1 self-accepted (33 %), 1 without acceptance criteria, ' +
        '1 accepted after the sprint ended, 1 carried over, top acceptor Dev One (33 % of acceptances).',
    );
    expect(lines[1]).toBe(
      'Acceptors: Dev One: 1 (33 %), median wait 0.3 d; Pat Manager: 1 (33 %), median wait 4.5 d; ' +
        'Automation: 1 (33 %), median wait 0.0 d.',
    );
    expect(lines[2]).toMatch(/^> \*\*Work is accepted by whoever built it\.\*\* On board CHK board/);
    expect(lines).toContain(
      '| [CHK-10](https://acme.atlassian.net/browse/CHK-10) | Dev One | Dev One | **yes** | no | 0.3 | no |',
    );
    expect(lines.at(-1)).toBe('Carried over: [CHK-13](https://acme.atlassian.net/browse/CHK-13) → Sprint 3.');
  });

  test('the summary sentence leaves out the rate when nothing was completed', () => {
    expect(acceptanceSummary(acceptanceReview(analysisFixture(), 3)!)).toBe(
      '0 completed, 0 without acceptance criteria, 0 accepted after the sprint ended, 0 carried over',
    );
  });

  test('issue links drop a trailing slash of the site and encode the key', () => {
    expect(issueUrl('https://x.atlassian.net//', 'AB-1')).toBe('https://x.atlassian.net/browse/AB-1');
  });
});
