import { spanOfControl } from '../../../src/ownership/warnings/span-of-control';
import { Scenario } from './scenario';

const NAMES = ['Atlas', 'Borealis', 'Comet', 'Delta', 'Echo', 'Fjord'];

/** Priya owns acceptance on the first `boards` boards; Bob refines on every one. */
function squads(boards: number, config = {}): Scenario {
  const s = new Scenario(config).person('priya', 'Priya Natarajan').person('bob', 'Bob Stone');
  NAMES.forEach((name, i) => {
    const id = i + 1;
    s.board(id, name);
    if (i < boards) s.event('acceptance', 'priya', '2026-03-02', { boardIds: [id], count: 2 });
    s.event('refinement', 'bob', '2026-03-03', { boardIds: [id] });
  });
  return s;
}

describe('span-of-control', () => {
  it('fires when one person owns tactical work on 5 boards, one more than the threshold', () => {
    const warnings = spanOfControl(squads(5).context());
    const priya = warnings.filter((w) => w.people.includes('priya'));
    expect(priya).toHaveLength(1);
    expect(priya[0]).toMatchObject({
      id: 'span-of-control',
      severity: 'medium',
      people: ['priya'],
      figures: { boards: 5 },
      thresholds: { maxBoardsPerOwner: 4 },
      evidenceTotal: 10,
    });
    expect(priya[0]?.boardId).toBeUndefined();
    expect(priya[0]?.message).toBe(
      'Priya Natarajan is accountable for tactical work on 5 boards (threshold 4): board Atlas (acceptance), ' +
        'board Borealis (acceptance), board Comet (acceptance), board Delta (acceptance) and board Echo ' +
        '(acceptance). Past 4 squads, strategy gets thin; consider a dedicated product owner for some of these ' +
        'squads.',
    );
  });

  it('stays silent at exactly 4 boards', () => {
    const warnings = spanOfControl(squads(4).context());
    expect(warnings.filter((w) => w.people.includes('priya'))).toEqual([]);
  });

  it('warns about each person past the limit, in id order', () => {
    const warnings = spanOfControl(squads(6).context());
    expect(warnings.map((w) => w.people[0])).toEqual(['bob', 'priya']);
    expect(warnings[0]?.message).toContain('Bob Stone is accountable for tactical work on 6 boards');
  });

  it('lists every tactical row the person owns on a board', () => {
    const s = squads(5).event('sprint-planning', 'priya', '2026-03-04', { boardIds: [1], count: 3 });
    const [w] = spanOfControl(s.context()).filter((x) => x.people.includes('priya'));
    expect(w?.message).toContain('board Atlas (sprint planning and acceptance)');
  });

  it('does not count the strategic roadmap row', () => {
    const s = squads(4).event('roadmap', 'priya', '2026-03-04', { boardIds: [5, 6] });
    expect(spanOfControl(s.context()).filter((w) => w.people.includes('priya'))).toEqual([]);
  });

  it('follows a changed threshold', () => {
    const warnings = spanOfControl(squads(3, { thresholds: { maxBoardsPerOwner: 2 } }).context());
    expect(warnings.find((w) => w.people.includes('priya'))?.figures.boards).toBe(3);
  });
});
