import { readJiraViewContext } from '../../../static/jira-views/src/model/jira-context';
import { datedWindow, windowLabel } from '../../../static/jira-views/src/model/window-choice';
import { dateOf, daysOf, formatDays, formatPercent } from '../../../static/jira-views/src/model/format';
import { progressText, scopeText } from '../../../static/shared/progress';

describe('Forge context of the Jira views', () => {
  test('a project page gives the project key and the site', () => {
    expect(
      readJiraViewContext({
        siteUrl: 'https://acme.atlassian.net',
        extension: { type: 'jira:projectPage', project: { id: '10000', key: 'CHK', type: 'software' } },
      }),
    ).toEqual({ module: 'project-page', siteUrl: 'https://acme.atlassian.net', projectKey: 'CHK' });
  });

  test('a sprint action gives the sprint and the board, whether the ids are numbers or strings', () => {
    expect(
      readJiraViewContext({
        siteUrl: 'https://acme.atlassian.net',
        extension: {
          type: 'jira:sprintAction',
          sprint: { id: '11' },
          board: { id: 1 },
          project: { key: 'CHK' },
        },
      }),
    ).toEqual({
      module: 'sprint-action',
      siteUrl: 'https://acme.atlassian.net',
      projectKey: 'CHK',
      boardId: 1,
      sprintId: 11,
    });
  });

  test('ignores what it cannot use instead of failing', () => {
    expect(readJiraViewContext(null)).toEqual({ module: 'project-page', siteUrl: '' });
    expect(
      readJiraViewContext({ extension: { sprint: { id: 'x1' }, board: { id: -3 }, project: { key: 7 } } }),
    ).toEqual({ module: 'project-page', siteUrl: '' });
  });
});

describe('window choice', () => {
  test('a dated window needs two ISO dates in order', () => {
    expect(datedWindow('2026-01-01', '2026-02-01')).toEqual({
      window: { kind: 'dates', from: '2026-01-01', to: '2026-02-01' },
    });
    expect(datedWindow('', '2026-02-01')).toEqual({ error: 'Enter both dates, like 2026-06-01.' });
    expect(datedWindow('2026-03-01', '2026-02-01')).toEqual({
      error: 'The window must start before it ends.',
    });
  });

  test('labels say what the window is', () => {
    expect(windowLabel({ kind: 'all' })).toBe('All history');
    expect(windowLabel({ kind: 'sprints', lastSprints: 6 })).toBe('Last 6 sprints');
    expect(windowLabel({ kind: 'sprints', lastSprints: 5 })).toBe('Last 5 sprints');
    expect(windowLabel({ kind: 'dates', from: '2026-01-01', to: '2026-02-01' })).toBe(
      '2026-01-01 to 2026-02-01',
    );
  });
});

describe('figures as the views write them', () => {
  test('whole percents, working days to a tenth, UTC dates', () => {
    expect(formatPercent(0.935)).toBe('94 %');
    expect(daysOf(4.46)).toBe(4.5);
    expect(formatDays(1)).toBe('1.0 working day');
    expect(formatDays(0.64)).toBe('0.6 working days');
    expect(dateOf('2026-10-12T23:30:00.000-02:00')).toBe('2026-10-13');
    expect(dateOf(null)).toBe('');
  });
});

describe('progress of a long analysis', () => {
  test('names the scope, then counts seconds, then explains the wait', () => {
    expect(progressText('CHK', 1)).toBe('Reading CHK from Jira: issues and their full change history…');
    expect(progressText('CHK', 5)).toBe('Reading CHK from Jira: issues and their full change history… 5 s');
    expect(progressText('CHK', 12)).toMatch(/… 12 s\. Large projects take longer; Jira allows up to 25 s\.$/);
  });

  test("the macro's progress names its scope with how many projects and boards it reads", () => {
    expect(scopeText(['CHK', 'PAY', 'SRCH'], 0)).toBe('CHK, PAY, SRCH (3 projects)');
    expect(scopeText(['CHK'], 2)).toBe('CHK (1 project) and 2 boards');
    expect(scopeText([], 1)).toBe('1 board');
  });
});
