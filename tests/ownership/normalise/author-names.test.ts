// An author's name is the one on their freshest change, however the issues and histories are ordered, and every
// event of one person carries the same id string.
import { normalise } from '../../../src/ownership/normalise';
import { config, item, person, SiteBuilder } from '../build';

function site(reverse: boolean) {
  const s = new SiteBuilder();
  const creator = person('otto', 'Otto PO');
  // Ann was renamed between March and May; P-1's changes are newer than P-2's, P-2 is replayed after P-1.
  const issues = [
    () =>
      s
        .issue('P-1', { created: '2026-02-01', by: creator })
        .change('2026-05-01', person('ann', 'Ann Married'), item.rank())
        .change('2026-05-02', person('ann', 'Ann Married'), item.rank()),
    () =>
      s
        .issue('P-2', { created: '2026-02-01', by: creator })
        .change('2026-03-01', person('ann', 'Ann Maiden'), item.rank())
        .change('2026-03-02', person('ann', 'Ann Maiden', { active: false }), item.rank()),
  ];
  for (const make of reverse ? [...issues].reverse() : issues) make();
  return normalise(s.build(), config());
}

describe('authors', () => {
  it('are named by their freshest change, whatever order the issues come in', () => {
    for (const reverse of [false, true]) {
      const people = site(reverse).people;
      expect(people.get('ann')).toMatchObject({ displayName: 'Ann Married', active: true });
    }
  });

  it('share one id string across all their events', () => {
    const events = site(false).events.filter((e) => e.actorId === 'ann');
    expect(events).toHaveLength(4);
    for (const e of events) expect(e.actorId).toBe(events[0]?.actorId);
  });
});
