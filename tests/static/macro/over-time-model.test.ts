// The "Ownership over time" strip's shaping: scopes and the default one, bands in the map's row order with an
// owner, share and colour per period, handovers on the new owner's first period, the changes in words, the empty
// case, and the short axis labels.
import { TEAM_ID } from '../../../src/contract/analysis';
import {
  axisLabels,
  changeByKey,
  defaultOverTimeScope,
  overTimeScopes,
  overTimeView,
} from '../../../static/macro/src/map/over-time-model';
import { IDS, overTimeFixture } from './fixture';

/** A formatter that shows which date was formatted, whatever the machine's locale. */
const formatDate = (iso: string) => `<${iso.slice(0, 10)}>`;

describe('scope chooser', () => {
  test('offers the whole site, then every board of the map', () => {
    expect(overTimeScopes(overTimeFixture())).toEqual([
      { boardId: null, label: 'Whole site' },
      { boardId: 7, label: 'CHK board' },
      { boardId: 8, label: 'PAY board' },
    ]);
  });

  test('opens on the whole site for several boards, on the board for one, on the site for none', () => {
    const result = overTimeFixture();
    expect(defaultOverTimeScope(result)).toBeNull();
    result.scope.boards = [{ id: 8, name: 'PAY board' }];
    expect(defaultOverTimeScope(result)).toBe(8);
    result.scope.boards = [];
    expect(defaultOverTimeScope(result)).toBeNull();
  });
});

describe('bands', () => {
  test('follow the map’s row order and say who owned each period with what share', () => {
    const view = overTimeView(overTimeFixture(), null, formatDate);
    expect(view.bands.map((b) => b.row)).toEqual(['roadmap', 'prioritization', 'acceptance']);
    expect(view.bands[0]!.label).toBe('Sets roadmap items');
    expect(view.bands.map((b) => b.cells.map((c) => c?.description))).toEqual([
      ['Jan 2026: Pat Manager, 100%', 'Feb 2026: Pat Manager, 90%', 'Mar 2026: Pat Manager, 87%'],
      ['Jan 2026: no clear owner', 'Feb 2026: Pat Manager, 60%', 'Mar 2026: Pat Manager, 70%'],
      ['Jan 2026: no clear owner', 'Feb 2026: no clear owner', 'Mar 2026: Pat Manager, 55%'],
    ]);
    expect(view.axis.map((p) => p.short)).toEqual(['Jan', 'Feb', 'Mar']);
    expect(view.axisCommon).toBe('2026');
    expect(view.hasOwner).toBe(true);
  });

  test('give each owner shown their own colour, in order of first appearance, and the team a neutral one', () => {
    const view = overTimeView(overTimeFixture(), 7, formatDate);
    expect(view.owners).toEqual([
      { id: IDS.pm, name: 'Pat Manager', look: 'blue', inactive: false },
      { id: IDS.po, name: 'Olga, "the PO"', look: 'purple', inactive: true },
      { id: IDS.eng, name: 'Eve Engineer', look: 'teal', inactive: false },
      { id: TEAM_ID, name: 'Team (2 people)', look: 'team', inactive: false },
    ]);
    const refinement = view.bands.find((b) => b.row === 'refinement')!;
    expect(refinement.cells.map((c) => c?.owner?.look)).toEqual(['purple', 'purple', 'teal']);
    expect(view.bands.find((b) => b.row === 'acceptance')!.cells[0]!.description).toBe(
      'CHK Sprint 1: Team (2 people), 90%',
    );
    // The colours depend on who is shown, not on the rest of the site: Pat is blue on every scope.
    expect(overTimeView(overTimeFixture(), null, formatDate).owners.map((o) => o.look)).toEqual(['blue']);
  });

  test('mark a handover on the first period of its new owner, and nowhere else', () => {
    const view = overTimeView(overTimeFixture(), 7, formatDate);
    const marked = view.bands.flatMap((band) =>
      band.cells.flatMap((cell) => (cell?.handover ? [[band.row, cell.period.label]] : [])),
    );
    expect(marked).toEqual([['refinement', 'CHK Sprint 3']]);
    const handover = view.bands.find((b) => b.row === 'refinement')!.cells[2]!.handover!;
    expect(handover.kind === 'handover' && handover.label).toBe(
      'Handover of “Refines stories” from Olga, "the PO" to Eve Engineer since CHK Sprint 3',
    );
  });

  test('without a single owned period the scope has nothing to show', () => {
    const view = overTimeView(overTimeFixture(), 8, formatDate);
    expect(view.hasOwner).toBe(false);
    expect(view.owners).toEqual([]);
    expect(view.changes).toEqual([]);
    expect(view.axisCommon).toBe('PAY Sprint');
  });

  test('a board without any timeline has no bands and no owner', () => {
    const view = overTimeView(overTimeFixture(), 99, formatDate);
    expect(view.bands).toEqual([]);
    expect(view.hasOwner).toBe(false);
  });
});

describe('changes in words', () => {
  test('a handover names the row, both people with their shares, the sprint and its start date', () => {
    const [change] = overTimeView(overTimeFixture(), 7, formatDate).changes;
    expect(change!.sentence).toBe(
      'CHK board: “Refines stories” passed from Olga, "the PO" (72 %) to Eve Engineer (54 %) in CHK Sprint 3 (<2026-02-02>).',
    );
    expect(change!.summary).toContain(`Olga, "the PO"'s in CHK Sprint 2, the last period they owned the row`);
    expect(change!.summary).toContain("Eve Engineer's in CHK Sprint 3");
    expect(change!.evidence.map((e) => e.issueKey)).toEqual(['CHK-21']);
    expect(change!.evidenceTotal).toBe(3);
  });

  test('an accretion names what was taken on, since when, and what was kept, on the whole site', () => {
    const changes = overTimeView(overTimeFixture(), null, formatDate).changes;
    expect(changes.map((c) => c.sentence)).toEqual([
      'Whole site: Pat Manager took on “Accepts sprint work” in Mar 2026 (<2026-03-01>), keeping “Sets roadmap items” and “Orders the backlog”.',
    ]);
    expect(changes[0]!.summary).toContain('Pat Manager held 55% of this row');
  });

  test('each scope lists only its own changes, and a change is found again by its key', () => {
    const result = overTimeFixture();
    const [handover] = overTimeView(result, 7, formatDate).changes;
    const [accretion] = overTimeView(result, null, formatDate).changes;
    expect(handover!.kind).toBe('handover');
    expect(accretion!.kind).toBe('accretion');
    expect(changeByKey(result, handover!.key, formatDate)?.sentence).toBe(handover!.sentence);
    expect(changeByKey(result, accretion!.key, formatDate)?.sentence).toBe(accretion!.sentence);
    result.handovers = [];
    expect(changeByKey(result, handover!.key, formatDate)).toBeUndefined();
  });
});

describe('axis labels', () => {
  test('say the shared words once: a sprint’s board and "Sprint", a month’s year', () => {
    expect(axisLabels(['PAY Sprint 1', 'PAY Sprint 2', 'PAY Sprint 10'])).toEqual({
      common: 'PAY Sprint',
      short: ['1', '2', '10'],
    });
    expect(axisLabels(['Nov 2026', 'Dec 2026'])).toEqual({ common: '2026', short: ['Nov', 'Dec'] });
  });

  test('keep the full labels when nothing is shared, or when shortening would leave one empty', () => {
    expect(axisLabels(['Dec 2025', 'Jan 2026'])).toEqual({ common: '', short: ['Dec 2025', 'Jan 2026'] });
    expect(axisLabels(['Sprint 1'])).toEqual({ common: '', short: ['Sprint 1'] });
    expect(axisLabels(['Sprint 1', 'Sprint 1 extra'])).toEqual({
      common: '',
      short: ['Sprint 1', 'Sprint 1 extra'],
    });
    expect(axisLabels([])).toEqual({ common: '', short: [] });
  });
});
