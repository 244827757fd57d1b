import { AUTOMATION_ID } from '../../../src/ownership/model';
import { APP, config, item, person, serverUser, SiteBuilder } from '../build';
import { normalise } from '../../../src/ownership/normalise';
import type { SiteData } from '../../../src/jira/site';
import { norm } from './helpers';

const norm2 = (data: SiteData) => normalise(data, config());

const otto = person('otto', 'Otto PO');

describe('people', () => {
  it('changes by an app account or with no author go to Automation, never to a person', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto })
      .change('2026-03-02', APP, item.status('In Progress'))
      .change('2026-03-03', null, item.status('Done'));
    const site = norm(s);
    expect(site.events.filter((e) => e.row !== 'story-writing').map((e) => e.actorId)).toEqual([
      AUTOMATION_ID,
      AUTOMATION_ID,
    ]);
    expect(site.people.get(AUTOMATION_ID)).toEqual({
      id: AUTOMATION_ID,
      displayName: 'Automation',
      active: true,
      isAutomation: true,
    });
    expect(site.people.has('app-automation')).toBe(false);
  });

  it('inactive users keep their id and show as inactive', () => {
    const gone = person('gone-1', 'Former Colleague', { active: false });
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: gone });
    const site = norm(s);
    expect(site.events[0]?.actorId).toBe('gone-1');
    expect(site.people.get('gone-1')).toMatchObject({ displayName: 'Former Colleague', active: false });
  });

  it('Server-era users are identified by name (no accountId), and assignee items by key resolve to the same id', () => {
    const s = new SiteBuilder({ serverEra: true });
    const ann = { name: 'ann', key: 'JIRAUSER10001', displayName: 'Ann Analyst', active: true };
    s.issue('P-1', { created: '2026-02-20', by: serverUser('otto', 'Otto PO') })
      .change('2026-03-01', ann, item.status('In Progress'))
      .change(
        '2026-03-02',
        serverUser('otto', 'Otto PO'),
        item.raw({ field: 'assignee', from: null, to: 'JIRAUSER10001', toString: 'Ann Analyst' }),
      );
    const site = norm(s);
    expect(site.events.map((e) => e.actorId)).toEqual(['otto', 'ann']);
    expect(site.issues.get('P-1')?.assignees.map((a) => a.accountId)).toEqual([null, 'ann']);
    expect([...site.people.keys()]).toEqual(['ann', 'otto']);
  });

  it('an assignee written by key resolves to the user seen in another issue, whatever the issue order', () => {
    const bea = { name: 'bea', key: 'JIRAUSER10002', displayName: 'Bea Builder', active: true };
    const build = (reverse: boolean) => {
      const s = new SiteBuilder({ serverEra: true });
      const otto = serverUser('otto', 'Otto PO');
      s.issue('P-1', { created: '2026-02-20', by: otto }).change(
        '2026-03-01',
        otto,
        item.raw({ field: 'assignee', from: null, to: 'JIRAUSER10002', toString: 'Bea B.' }),
      );
      s.issue('P-2', { created: '2026-02-20', by: otto }).change(
        '2026-03-02',
        bea,
        item.status('In Progress'),
      );
      const data = s.build();
      if (reverse) data.issues.reverse();
      return norm2(data);
    };
    for (const site of [build(false), build(true)]) {
      expect(site.issues.get('P-1')?.assignees.map((a) => a.accountId)).toEqual([null, 'bea']);
      expect(site.people.get('bea')?.displayName).toBe('Bea Builder');
      expect(site.people.has('JIRAUSER10002')).toBe(false);
    }
  });

  it('e-mail addresses never become ids or names', () => {
    const s = new SiteBuilder({ serverEra: true });
    s.issue('P-1', { created: '2026-02-20', by: serverUser('jane@example.org', 'jane@example.org') });
    const site = norm(s);
    const json = JSON.stringify({ people: [...site.people.values()], events: site.events });
    expect(json).not.toContain('@');
    expect([...site.people.values()][0]).toMatchObject({
      id: expect.stringMatching(/^user-[0-9a-f]{8}$/),
      displayName: 'jane',
    });
  });

  it('comments become comment events of their author', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-02-20', by: otto }).comment(
      '2026-03-02',
      person('sam', 'Sam Stakeholder'),
      'c1',
    );
    expect(norm(s).comments).toEqual([
      { actorId: 'sam', at: Date.parse('2026-03-02T09:00:00Z'), issueKey: 'P-1', commentId: 'c1' },
    ]);
  });
});
