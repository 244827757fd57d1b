// What computeRaciMaps keeps beside the letters so the result never walks the event stream again: each overall
// cell's evidence, each overall row's issue count, and board cells that find their events when asked.
import { ThresholdsSchema } from '../../src/ownership/config';
import { cellEvidence } from '../../src/ownership/cell-evidence';
import { AUTOMATION_ID, type ProductEvent } from '../../src/ownership/model';
import { presentRows } from '../../src/ownership/present/rows';
import { computeRaciMaps } from '../../src/ownership/raci';
import { ROW_KEYS } from '../../src/ownership/rows';
import { ev } from './events';

const T = ThresholdsSchema.parse({});
const base = Date.parse('2026-03-02T09:00:00Z');

/** Events over a few issues, boards and people, some by automation, not grouped by issue. */
function mixedEvents(): ProductEvent[] {
  const out: ProductEvent[] = [];
  for (let i = 0; i < 120; i++) {
    const row = ROW_KEYS[i % ROW_KEYS.length] as (typeof ROW_KEYS)[number];
    const actor = i % 9 === 0 ? AUTOMATION_ID : ['ann', 'bob', 'cat'][i % 3];
    const boardIds = i % 4 === 0 ? [1, 2] : i % 4 === 1 ? [2] : i % 4 === 2 ? [1, 1] : [];
    out.push(
      ev(row, actor as string, 1, {
        issueKey: `P-${(i * 5) % 13}`,
        at: base + ((i * 37) % 50) * 1000,
        boardIds,
      }),
    );
  }
  return out;
}

describe('RACI cells', () => {
  it('carry the evidence cellEvidence would find in their events (overall map)', () => {
    const { overall } = computeRaciMaps(mixedEvents(), [], T, [1, 2]);
    for (const row of ROW_KEYS) {
      for (const cell of overall[row].cells) {
        const fresh = cellEvidence(cell.events ?? []);
        expect(cell.evidence?.recent ?? []).toEqual(fresh.recent);
        expect([...(cell.evidence?.issues ?? new Map())]).toEqual([...fresh.issues]);
      }
    }
  });

  it("count a row's issues as the union of its cells' issues (automation-only issues left out)", () => {
    const { overall } = computeRaciMaps(mixedEvents(), [], T, [1, 2]);
    for (const row of ROW_KEYS) {
      const union = new Set(overall[row].cells.flatMap((c) => (c.events ?? []).map((e) => e.issueKey)));
      expect(overall[row].issueCount).toBe(union.size);
    }
    const own = () => null;
    const names = { shownId: (id: string) => id, nameOf: (id: string) => id };
    const rows = presentRows(overall, own, T.accountableShare, names);
    const stripped = Object.fromEntries(
      ROW_KEYS.map((row) => [
        row,
        {
          ...overall[row],
          issueCount: undefined,
          cells: overall[row].cells.map((c) => ({ ...c, evidence: undefined })),
        },
      ]),
    ) as typeof overall;
    expect(presentRows(stripped, own, T.accountableShare, names)).toEqual(rows);
  });

  it("on a board, hold the person's events on that board, once per listing, in stream order", () => {
    const events = mixedEvents();
    const { byBoard } = computeRaciMaps(events, [], T, [1, 2]);
    for (const board of [1, 2]) {
      const raci = byBoard.get(board) as NonNullable<ReturnType<typeof byBoard.get>>;
      for (const row of ROW_KEYS) {
        for (const cell of raci[row].cells) {
          const expected = events.flatMap((e) =>
            e.row === row && e.actorId === cell.personId
              ? e.boardIds.filter((b) => b === board).map(() => e)
              : [],
          );
          expect(cell.events).toEqual(expected);
          expect(cell.eventCount).toBe(expected.length);
          expect(cell.eventIds).toEqual(expected.map((e) => e.id));
          expect(cell.weight).toBe(expected.length);
        }
      }
    }
  });
});
