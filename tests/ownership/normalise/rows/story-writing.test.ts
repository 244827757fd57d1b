import { person, SiteBuilder } from '../../build';
import { norm, only } from '../helpers';

const otto = person('otto', 'Otto PO');
const quinn = person('quinn', 'Quinn QA');

describe('story-writing row', () => {
  it('creating a story, task or improvement is story writing by its creator', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { type: 'Story', created: '2026-03-02', by: otto });
    s.issue('P-2', { type: 'Task', created: '2026-03-02', by: otto });
    s.issue('P-3', { type: 'Improvement', created: '2026-03-02', by: otto });
    expect(only(norm(s), 'story-writing').map((e) => [e.issueKey, e.actorId, e.weight])).toEqual([
      ['P-1', 'otto', 1],
      ['P-2', 'otto', 1],
      ['P-3', 'otto', 1],
    ]);
  });

  it('creating a bug or a sub-task is not story writing', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { type: 'Bug', created: '2026-03-02', by: quinn });
    s.issue('P-2', { type: 'Sub-task', created: '2026-03-02', by: otto });
    expect(norm(s).events).toHaveLength(0);
  });

  it('the creator comes from fields.creator, else the reporter, else Automation', () => {
    const s = new SiteBuilder();
    s.issue('P-1', { created: '2026-03-02', by: null, reporter: quinn });
    s.issue('P-2', { created: '2026-03-02', by: null, reporter: null });
    const site = norm(s);
    expect(only(site, 'story-writing').map((e) => e.actorId)).toEqual(['quinn', 'automation']);
  });
});
