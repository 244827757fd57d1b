import type { IssueTimeline } from '../../../src/ownership/model';
import { vagueStories } from '../../../src/ownership/warnings/vague-stories';
import { Scenario, at, sprintChange } from './scenario';

const PLANNED = '2026-03-02T10:00';

/** A story added to `sprint` at PLANNED, with criteria and an estimate set before it unless told otherwise. */
function story(
  s: Scenario,
  key: string,
  opts: { criteria?: boolean; estimate?: boolean; sprint?: number } = {},
) {
  const before = at('2026-02-20');
  const partial: Partial<IssueTimeline> = {
    boardIds: [1],
    sprintChanges: [sprintChange(at(PLANNED), `h-${key}`, [], [opts.sprint ?? 10])],
    currentSprints: [opts.sprint ?? 10],
    criteria: opts.criteria === false ? [] : [{ at: before, present: true }],
    estimate: opts.estimate === false ? [] : [{ at: before, present: true }],
  };
  s.issue(key, partial);
}

function board(): Scenario {
  return new Scenario()
    .person('priya', 'Priya Natarajan')
    .board(1, 'Phoenix')
    .sprint(10, 1, '2026-03-02', '2026-03-13')
    .event('refinement', 'priya', '2026-02-20', { boardIds: [1], count: 2 });
}

describe('vague-stories', () => {
  it('fires when 3 of 10 stories (30 %) entered a sprint without criteria or an estimate', () => {
    const s = board();
    story(s, 'P-1', { criteria: false });
    story(s, 'P-2', { criteria: false });
    story(s, 'P-3', { estimate: false });
    for (let i = 4; i <= 10; i++) story(s, `P-${i}`);
    const [w, ...rest] = vagueStories(s.context());
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({
      id: 'vague-stories',
      severity: 'medium',
      boardId: 1,
      people: ['priya'],
      figures: { vagueShare: 0.3, vagueStories: 3, stories: 10, withoutCriteria: 2, withoutEstimate: 1 },
      thresholds: { vagueStoriesShare: 0.3 },
      evidenceTotal: 3,
    });
    expect(w?.evidence.map((e) => e.issueKey)).toEqual(['P-1', 'P-2', 'P-3']);
    expect(w?.evidence[0]).toMatchObject({ field: 'Sprint', historyId: 'h-P-1', to: 'Sprint 10' });
    expect(w?.message).toBe(
      'On board Phoenix, 3 stories of 10 (30 %) entered a sprint without acceptance criteria or an estimate ' +
        '(threshold 30 %): 2 without criteria, 1 without an estimate. Refinement there is led by Priya ' +
        'Natarajan. Consider refining stories before sprint planning, so each has criteria and an estimate ' +
        'when it is committed.',
    );
  });

  it('stays silent at 2 of 10 (20 %)', () => {
    const s = board();
    story(s, 'P-1', { criteria: false });
    story(s, 'P-2', { estimate: false });
    for (let i = 3; i <= 10; i++) story(s, `P-${i}`);
    expect(vagueStories(s.context())).toEqual([]);
  });

  it('judges the story at the moment it entered: criteria added later do not help', () => {
    const s = board();
    s.issue('P-1', {
      boardIds: [1],
      sprintChanges: [sprintChange(at(PLANNED), 'h1', [], [10])],
      criteria: [{ at: at('2026-03-03'), present: true }],
      estimate: [{ at: at('2026-02-01'), present: true }],
    });
    expect(vagueStories(s.context())[0]?.figures).toMatchObject({ vagueStories: 1, withoutCriteria: 1 });
  });

  it('counts criteria removed before planning as absent, and a change in the same instant as present', () => {
    const s = board();
    s.issue('P-1', {
      boardIds: [1],
      sprintChanges: [sprintChange(at(PLANNED), 'h1', [], [10])],
      criteria: [
        { at: at('2026-02-01'), present: true },
        { at: at('2026-02-10'), present: false },
      ],
      estimate: [{ at: at(PLANNED), present: true }],
    });
    expect(vagueStories(s.context())[0]?.figures).toMatchObject({ withoutCriteria: 1, withoutEstimate: 0 });
  });

  it('treats a story created inside a sprint as entering it at creation', () => {
    const s = board();
    s.issue('P-1', { boardIds: [1], created: at('2026-03-03'), currentSprints: [10] });
    const [w] = vagueStories(s.context());
    expect(w?.figures).toMatchObject({ stories: 1, withoutCriteria: 1, withoutEstimate: 1 });
    expect(w?.evidence[0]).toMatchObject({ issueKey: 'P-1', field: 'Sprint', to: 'Sprint 10' });
  });

  it('counts a story once, judged at its first sprint even when refined before the next', () => {
    const s = new Scenario({ thresholds: { vagueStoriesShare: 0.2 } })
      .board(1, 'Phoenix')
      .sprint(10, 1, '2026-03-02', '2026-03-13')
      .sprint(11, 1, '2026-03-16', '2026-03-27');
    s.issue('P-1', {
      boardIds: [1],
      sprintChanges: [
        sprintChange(at(PLANNED), 'h1', [], [10]),
        sprintChange(at('2026-03-16'), 'h2', [10], [11]),
      ],
      criteria: [{ at: at('2026-03-10'), present: true }],
      estimate: [{ at: at('2026-03-01'), present: true }],
    });
    for (let i = 2; i <= 4; i++) story(s, `P-${i}`);
    const [w] = vagueStories(s.context());
    expect(w?.figures).toMatchObject({ stories: 4, vagueStories: 1, vagueShare: 0.25 });
    expect(w?.evidence[0]).toMatchObject({ historyId: 'h1', to: 'Sprint 10' });
  });

  it('ignores stories whose first sprint entry lies before the window', () => {
    const s = board();
    story(s, 'P-1', { criteria: false });
    s.window = { kind: 'dates', from: at('2026-03-03'), to: s.now, sprintIds: [] };
    expect(vagueStories(s.context())).toEqual([]);
  });

  it('counts only story-like standard issues', () => {
    const s = board();
    s.issue('E-1', { hierarchyLevel: 1, storyLike: false, boardIds: [1], currentSprints: [10] });
    s.issue('B-1', { storyLike: false, typeName: 'Bug', boardIds: [1], currentSprints: [10] });
    s.issue('T-1', { hierarchyLevel: -1, boardIds: [1], currentSprints: [10] });
    story(s, 'P-1');
    expect(vagueStories(s.context())).toEqual([]);
  });

  it('judges each board on its own stories and names the board', () => {
    const s = board().board(2, 'Atlas').sprint(20, 2, '2026-03-02', '2026-03-13');
    story(s, 'P-1');
    story(s, 'P-2');
    story(s, 'A-1', { sprint: 20, estimate: false });
    story(s, 'A-2', { sprint: 20 });
    const warnings = vagueStories(s.context());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ boardId: 2, people: [], figures: { vagueShare: 0.5 } });
    expect(warnings[0]?.message).toContain('On board Atlas, 1 story of 2 (50 %)');
    expect(warnings[0]?.message).toContain('Nobody clearly owns refinement there.');
  });

  it('judges the whole scope when the data has no boards', () => {
    const s = new Scenario();
    s.issue('P-1', { currentSprints: [10] });
    s.issue('P-2', {
      currentSprints: [10],
      criteria: [{ at: 0, present: true }],
      estimate: [{ at: 0, present: true }],
    });
    const [w] = vagueStories(s.context());
    expect(w?.boardId).toBeUndefined();
    expect(w?.message.startsWith('1 story of 2 (50 %) entered a sprint')).toBe(true);
  });
});
