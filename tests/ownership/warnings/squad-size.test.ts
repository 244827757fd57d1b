import { squadSize } from '../../../src/ownership/warnings/squad-size';
import { Scenario } from './scenario';

/** Board 1 "Atlas": Priya orders the backlog; `size` other people deliver on it. */
function squad(size: number, config = {}): Scenario {
  const s = new Scenario(config)
    .person('priya', 'Priya Natarajan')
    .board(1, 'Atlas')
    .event('prioritization', 'priya', '2026-03-02', { boardIds: [1], count: 3 });
  for (let i = 1; i <= size; i++)
    s.person(`dev${i}`, `Dev ${i}`).event('delivery', `dev${i}`, '2026-03-03', { boardIds: [1] });
  return s;
}

describe('squad-size', () => {
  it('fires when a PO-like person serves 9 delivering people', () => {
    const [w, ...rest] = squadSize(squad(9).context());
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({
      id: 'squad-size',
      severity: 'medium',
      boardId: 1,
      people: ['priya'],
      figures: { deliveryPeople: 9 },
      thresholds: { maxSquadSize: 8 },
      evidenceTotal: 3,
    });
    expect(w?.message).toBe(
      'On board Atlas, Priya Natarajan (backlog order) serves 9 delivering people (threshold 8). One product ' +
        'owner per squad of up to 8 keeps refinement and acceptance timely; consider splitting the squad or ' +
        'adding a product owner.',
    );
  });

  it('stays silent at 8 delivering people', () => {
    expect(squadSize(squad(8).context())).toEqual([]);
  });

  it('does not count the PO-like person, nor automation, among the squad', () => {
    const s = squad(8)
      .event('delivery', 'priya', '2026-03-04', { boardIds: [1] })
      .event('delivery', 'automation', '2026-03-04', { boardIds: [1] });
    expect(squadSize(s.context())).toEqual([]);
  });

  it('stays silent on a board where nobody owns a tactical row', () => {
    const s = new Scenario().board(1, 'Atlas');
    for (let i = 1; i <= 20; i++)
      s.person(`dev${i}`, `Dev ${i}`).event('delivery', `dev${i}`, '2026-03-03', { boardIds: [1] });
    expect(squadSize(s.context())).toEqual([]);
  });

  it('names every PO-like person of the board and judges boards separately', () => {
    const s = squad(9)
      .person('bob', 'Bob Stone')
      .event('acceptance', 'bob', '2026-03-05', { boardIds: [1] })
      .board(2, 'Borealis')
      .event('acceptance', 'priya', '2026-03-05', { boardIds: [2] })
      .event('delivery', 'dev1', '2026-03-05', { boardIds: [2] });
    const warnings = squadSize(s.context());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.people).toEqual(['bob', 'priya']);
    expect(warnings[0]?.message).toContain(
      'Bob Stone (acceptance) and Priya Natarajan (backlog order) serve 9 delivering people',
    );
  });

  it('follows a changed threshold', () => {
    expect(squadSize(squad(6, { thresholds: { maxSquadSize: 5 } }).context())).toHaveLength(1);
    expect(squadSize(squad(5, { thresholds: { maxSquadSize: 5 } }).context())).toEqual([]);
  });
});
