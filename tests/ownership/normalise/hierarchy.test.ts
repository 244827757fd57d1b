import { statusLookup } from '../../../src/ownership/normalise/statuses';
import { isStoryLike, levelByName } from '../../../src/ownership/normalise/issue-types';
import { item, person, SiteBuilder, STATUSES } from '../build';
import { norm, only } from './helpers';

const pam = person('pam', 'Pam PM');

describe('status categories and hierarchy', () => {
  it('a status the list does not have is not guessed from its name: in progress, reported, until mapped', () => {
    const lookup = statusLookup(STATUSES, []);
    expect(lookup.categoryOf('99999', 'Accepted by PO')).toBe('indeterminate');
    lookup.sawTransitionInto('99999', 'Accepted by PO');
    lookup.sawTransitionInto('99999', 'Accepted by PO');
    lookup.sawTransitionInto('10002', 'whatever'); // listed: not reported
    expect(lookup.gaps()).toEqual([
      {
        kind: 'unreadable',
        message:
          'Status "Accepted by PO" (id 99999) is not one of this site\'s statuses (a deleted or renamed workflow status?): ' +
          '2 histories move issues into it, counted as in progress. Map it to done, in progress or to do in the settings.',
      },
    ]);
    const mapped = statusLookup(STATUSES, [], { 'accepted by po': 'done', '88888': 'to do' });
    expect(mapped.categoryOf('99999', 'Accepted by PO')).toBe('done');
    expect(mapped.isAcceptance('99999', 'Accepted by PO')).toBe(true);
    expect(mapped.categoryOf('88888', undefined)).toBe('new');
    mapped.sawTransitionInto('99999', 'Accepted by PO');
    expect(mapped.gaps()).toEqual([]);
  });

  it('the status list wins over the name: an id or name in the list uses its category', () => {
    const lookup = statusLookup(STATUSES, []);
    expect(lookup.categoryOf('10002', 'whatever')).toBe('new');
    expect(lookup.categoryOf(null, 'ready for dev')).toBe('new');
    expect(lookup.categoryOf('unknown', 'Done')).toBe('done');
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
