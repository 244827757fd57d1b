import {
  CONSULTED_COMMENT_ISSUES,
  CONSULTED_COMMENT_SHARE,
  ThresholdsSchema,
} from '../../src/ownership/config';
import { AUTOMATION_ID } from '../../src/ownership/model';
import { computeRaci, computeRaciByBoard, computeRaciMaps } from '../../src/ownership/raci';
import { comment, ev, many } from './events';

const T = ThresholdsSchema.parse({});
const letters = (raci: ReturnType<typeof computeRaci>, row: keyof typeof raci) =>
  Object.fromEntries(raci[row].cells.map((c) => [c.personId, c.letter]));

describe('RACI letters', () => {
  it('A is the largest share at or above 35 %; R at or above 15 %; C at or above 2 %; shares of human weight', () => {
    // 35 / 15 / 2 / 48 of 100: every threshold hit exactly.
    const events = [
      ...many(35, 'refinement', 'ann'),
      ...many(15, 'refinement', 'bob'),
      ...many(2, 'refinement', 'cat'),
      ...many(48, 'refinement', 'dan'),
    ];
    const raci = computeRaci(events, [], T);
    expect(raci.refinement.accountableId).toBe('dan');
    expect(letters(raci, 'refinement')).toEqual({ dan: 'A', ann: 'R', bob: 'R', cat: 'C' });
    expect(raci.refinement.cells.map((c) => [c.personId, c.share])).toEqual([
      ['dan', 0.48],
      ['ann', 0.35],
      ['bob', 0.15],
      ['cat', 0.02],
    ]);
  });

  it('just below each threshold gives the next letter down (34.9 % no A, 14.9 % C, 1.9 % I)', () => {
    // 1000 events of weight 1: shares are exactly count / 1000.
    const events = [
      ...many(349, 'roadmap', 'a'),
      ...many(340, 'roadmap', 'd'),
      ...many(149, 'roadmap', 'b'),
      ...many(143, 'roadmap', 'e'),
      ...many(19, 'roadmap', 'c'),
    ];
    const raci = computeRaci(events, [], T);
    expect(raci.roadmap.accountableId).toBeNull();
    expect(letters(raci, 'roadmap')).toEqual({ a: 'R', d: 'R', b: 'C', e: 'C', c: 'I' });
    expect(raci.roadmap.cells.map((c) => c.share)).toEqual([0.349, 0.34, 0.149, 0.143, 0.019]);
  });

  it('no A when the largest share is 34.99 % even though it is clearly the largest', () => {
    const events = [
      ...many(3499, 'acceptance', 'ann'),
      ...many(3251, 'acceptance', 'bob'),
      ...many(3250, 'acceptance', 'cat'),
    ];
    const raci = computeRaci(events, [], T);
    expect(raci.acceptance.accountableId).toBeNull();
    expect(letters(raci, 'acceptance')).toEqual({ ann: 'R', bob: 'R', cat: 'R' });
  });

  it('a tie for the largest share is broken by person id (smaller id is A), deterministically', () => {
    const raci = computeRaci([...many(5, 'roadmap', 'zed'), ...many(5, 'roadmap', 'amy')], [], T);
    expect(raci.roadmap.accountableId).toBe('amy');
    expect(letters(raci, 'roadmap')).toEqual({ amy: 'A', zed: 'R' });
  });

  it('automation weight is reported per row but never holds a letter or dilutes shares', () => {
    const raci = computeRaci(
      [...many(9, 'acceptance', AUTOMATION_ID), ...many(1, 'acceptance', 'ann')],
      [],
      T,
    );
    expect(raci.acceptance).toMatchObject({
      totalWeight: 1,
      automationWeight: 9,
      eventCount: 10,
      accountableId: 'ann',
    });
    expect(raci.acceptance.cells.map((c) => c.personId)).toEqual(['ann']);
  });

  it('a single comment makes nobody consulted (I), nor does one someone only seen there (assignee)', () => {
    const events = [
      ev('refinement', 'ann', 1, { issueKey: 'P-1' }),
      ev('delivery', 'dev', 1, { issueKey: 'P-2' }),
    ];
    const raci = computeRaci(
      events,
      [comment('sam', 'P-1'), comment('sam', 'P-1'), comment('sue', 'P-2')],
      T,
      new Map([['P-1', ['asa']]]),
    );
    expect(letters(raci, 'refinement')).toEqual({ ann: 'A', asa: 'I', sam: 'I' });
    // Two comments on one issue are one issue commented on.
    expect(raci.refinement.cells.find((c) => c.personId === 'sam')).toMatchObject({
      weight: 0,
      commented: true,
      commentedIssues: 1,
    });
  });

  it("comments make C on at least 10 % of the row's issues and at least 3 of them (DOMAIN.md)", () => {
    // 30 refinement issues: 3 is exactly 10 %. 40 issues: 3 is 7.5 %, and 2 of 20 is 10 % but under 3.
    const onIssues = (n: number) =>
      Array.from({ length: n }, (_, i) => ev('refinement', 'ann', 1, { issueKey: `P-${i + 1}` }));
    const commentsOn = (who: string, n: number) =>
      Array.from({ length: n }, (_, i) => comment(who, `P-${i + 1}`));
    expect(letters(computeRaci(onIssues(30), commentsOn('sam', 3), T), 'refinement')).toEqual({
      ann: 'A',
      sam: 'C',
    });
    expect(letters(computeRaci(onIssues(40), commentsOn('sam', 3), T), 'refinement').sam).toBe('I');
    expect(letters(computeRaci(onIssues(20), commentsOn('sam', 2), T), 'refinement').sam).toBe('I');
    expect(CONSULTED_COMMENT_SHARE).toBe(0.1);
    expect(CONSULTED_COMMENT_ISSUES).toBe(3);
  });

  it('people with an event of another row on the same issue are I', () => {
    const events = [
      ev('refinement', 'ann', 1, { issueKey: 'P-1' }),
      ev('delivery', 'dev', 1, { issueKey: 'P-1' }),
    ];
    expect(letters(computeRaci(events, [], T), 'refinement')).toEqual({ ann: 'A', dev: 'I' });
  });

  it('thresholds are configurable', () => {
    const events = [...many(3, 'roadmap', 'ann'), ...many(7, 'roadmap', 'bob')];
    const strict = ThresholdsSchema.parse({ accountableShare: 0.8, responsibleShare: 0.5 });
    expect(letters(computeRaci(events, [], strict), 'roadmap')).toEqual({ bob: 'R', ann: 'C' });
  });

  it('every cell keeps the events behind it, and their ids', () => {
    const events = many(3, 'roadmap', 'ann');
    const cell = computeRaci(events, [], T).roadmap.cells[0];
    expect(cell?.events).toEqual(events);
    expect(cell?.eventIds).toEqual(events.map((e) => e.id));
  });

  it('the overall map and the board maps come from one pass and agree with separate computations', () => {
    const events = [
      ...many(4, 'refinement', 'ann', 1, { boardIds: [1], issueKey: 'P-1' }),
      ...many(2, 'refinement', 'bob', 1, { boardIds: [2], issueKey: 'P-2' }),
    ];
    const comments = [comment('sam', 'P-2')];
    const maps = computeRaciMaps(events, comments, T, [1, 2]);
    // Sam commented on one of the row's issues: seen there (I), not consulted, overall and on board 2.
    expect(letters(maps.overall, 'refinement')).toEqual({ ann: 'A', bob: 'R', sam: 'I' });
    expect(letters(maps.byBoard.get(1) as typeof maps.overall, 'refinement')).toEqual({ ann: 'A' });
    expect(letters(maps.byBoard.get(2) as typeof maps.overall, 'refinement')).toEqual({ bob: 'A', sam: 'I' });
    expect(maps.byBoard.get(2)?.refinement.cells.find((c) => c.personId === 'sam')?.commentedIssues).toBe(1);
    expect(maps.overall.refinement.totalWeight).toBe(computeRaci(events, comments, T).refinement.totalWeight);
  });

  it('per board, each board sees only the events on its issues; boards without events still get a map', () => {
    const events = [
      ...many(3, 'acceptance', 'ann', 1, { boardIds: [1] }),
      ...many(3, 'acceptance', 'bob', 1, { boardIds: [2] }),
      ...many(1, 'acceptance', 'cat', 1, { boardIds: [1, 2] }),
    ];
    const byBoard = computeRaciByBoard(events, [], T, [1, 2, 3]);
    expect([...byBoard.keys()]).toEqual([1, 2, 3]);
    expect(byBoard.get(1)?.acceptance.accountableId).toBe('ann');
    expect(byBoard.get(2)?.acceptance.accountableId).toBe('bob');
    expect(byBoard.get(1)?.acceptance.cells.find((c) => c.personId === 'cat')?.share).toBe(0.25);
    expect(byBoard.get(3)?.acceptance.cells).toEqual([]);
  });
});
