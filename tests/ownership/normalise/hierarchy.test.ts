import { categoryByName, statusLookup } from '../../../src/ownership/normalise/statuses';
import { isStoryLike, levelByName } from '../../../src/ownership/normalise/issue-types';
import { item, person, SiteBuilder, STATUSES } from '../build';
import { norm, only } from './helpers';

const pam = person('pam', 'Pam PM');

describe('status categories and hierarchy', () => {
  it('statuses missing from the list fall back by name', () => {
    expect(['Closed', 'Resolved', 'Done'].map(categoryByName)).toEqual(['done', 'done', 'done']);
    expect(['Open', 'Reopened', 'To Do', 'Backlog'].map(categoryByName)).toEqual([
      'new',
      'new',
      'new',
      'new',
    ]);
    expect(['Patch Available', 'Testing'].map(categoryByName)).toEqual(['indeterminate', 'indeterminate']);
  });

  it('the status list wins over the name: an id or name in the list uses its category', () => {
    const lookup = statusLookup(STATUSES, []);
    expect(lookup.categoryOf('10002', 'whatever')).toBe('new');
    expect(lookup.categoryOf(null, 'ready for dev')).toBe('new');
    expect(lookup.categoryOf('unknown', 'Closed')).toBe('done');
  });

  it('the level comes from hierarchyLevel; the type name only when it is missing', () => {
    expect(levelByName('Epic')).toBe(1);
    expect(levelByName('Initiative')).toBe(2);
    expect(levelByName('Sub-task')).toBe(-1);
    expect(levelByName('Technical task', true)).toBe(-1);
    expect(levelByName('Story')).toBe(0);
    const s = new SiteBuilder();
    // A custom "Feature" type configured at level 1 on the site: roadmap, whatever its name says.
    s.issue('P-1', { type: 'Feature', level: 1, created: '2026-02-20', by: pam });
    // Server-era epic without hierarchyLevel: found by name.
    s.issue('P-2', { type: 'Epic', level: null, created: '2026-02-20', by: pam });
    const site = norm(s);
    expect(only(site, 'roadmap').map((e) => [e.issueKey, e.weight])).toEqual([
      ['P-1', 3],
      ['P-2', 3],
    ]);
  });

  it('story-like types are level-0 stories, tasks, features, improvements; not bugs', () => {
    expect(isStoryLike('Story', 0)).toBe(true);
    expect(isStoryLike('New Feature', 0)).toBe(true);
    expect(isStoryLike('Bug', 0)).toBe(false);
    expect(isStoryLike('Task', -1)).toBe(false);
  });

  it('an issue turned from story into epic is judged by the type it had at each change', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { type: 'Epic', created: '2026-02-20', by: pam })
      .change('2026-02-21', pam, item.summary('Still a story'))
      .change(
        '2026-02-22',
        pam,
        item.raw({ field: 'issuetype', fieldId: 'issuetype', fromString: 'Story', toString: 'Epic' }),
      )
      .change('2026-02-23', pam, item.summary('Now an epic'));
    // The builder writes histories in order; the first issuetype item's "from" is the type at creation.
    const site = norm(s);
    expect(site.events.map((e) => [e.row, e.evidence.to ?? null])).toEqual([
      ['story-writing', 'Story'],
      ['refinement', 'Still a story'],
      ['roadmap', 'Now an epic'],
    ]);
  });
});
