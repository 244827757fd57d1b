import { JQL_KEY_CAP } from '../../../src/contract/analysis';
import { compareIssueKeys } from '../../../src/ownership/issue-keys';
import {
  CellEvidence,
  cellEvidence,
  issueSet,
  wireEvidence,
} from '../../../src/ownership/present/cell-evidence';
import { ev } from '../events';

describe('cell evidence', () => {
  it('keeps the 20 newest events, newest first, whatever order they come in', () => {
    const cell = new CellEvidence();
    const events = Array.from({ length: 50 }, (_, i) =>
      ev('acceptance', 'otto', 1, { issueKey: `P-${i}`, at: 1000 + i }),
    );
    for (const e of [...events].reverse()) cell.add(e);
    expect(cell.recent.map((e) => e.at)).toEqual(Array.from({ length: 20 }, (_, i) => 1049 - i));
    expect(cell.issues.size).toBe(50);
  });

  it("finds each issue's latest event whether or not the events come grouped by issue", () => {
    const at = (key: string, t: number) => ev('refinement', 'otto', 1, { issueKey: key, at: t });
    const grouped = cellEvidence([at('P-1', 5), at('P-1', 9), at('P-2', 3), at('P-10', 4)]);
    expect([...grouped.issues]).toEqual([
      ['P-1', 9],
      ['P-2', 3],
      ['P-10', 4],
    ]);
    const mixed = cellEvidence([at('P-2', 3), at('P-1', 5), at('P-2', 8), at('P-1', 2)]);
    expect(new Map(mixed.issues)).toEqual(
      new Map([
        ['P-1', 5],
        ['P-2', 8],
      ]),
    );
    expect(mixed.recent.map((e) => e.at)).toEqual([8, 5, 3, 2]);
  });

  it('counts the same issues when the order breaks off mid-way, after a run, and after close', () => {
    const at = (key: string, t: number) => ev('refinement', 'otto', 1, { issueKey: key, at: t });
    const cell = new CellEvidence();
    for (const e of [at('P-1', 5), at('P-2', 7), at('P-3', 1), at('P-2', 9), at('P-4', 2)]) cell.push(e);
    cell.close();
    expect(cell.issueCount).toBe(4);
    expect(new Map(cell.issues)).toEqual(
      new Map([
        ['P-1', 5],
        ['P-2', 9],
        ['P-3', 1],
        ['P-4', 2],
      ]),
    );
    // Grouped all along, then one more event after close on an issue already counted.
    const grouped = cellEvidence([at('P-1', 5), at('P-2', 7)]);
    expect(grouped.issueCount).toBe(2);
    grouped.push(at('P-1', 8));
    grouped.close();
    expect(grouped.issueCount).toBe(2);
    expect(grouped.issues.get('P-1')).toBe(8);
  });

  it('a JQL lists every issue up to the cap, in natural key order', () => {
    const set = issueSet(
      new Map([
        ['P-10', 1],
        ['P-2', 2],
        ['Q-1', 3],
      ]),
    );
    expect(set).toEqual({ jql: 'key in (P-2, P-10, Q-1)', issueCount: 3, complete: true });
    expect(issueSet(new Map())).toBeNull();
  });

  it('over the cap, the JQL names the most recently touched issues and says it is not complete', () => {
    const issues = new Map(Array.from({ length: 250 }, (_, i) => [`P-${i + 1}`, i] as [string, number]));
    const set = issueSet(issues);
    expect(set?.complete).toBe(false);
    expect(set?.issueCount).toBe(250);
    const keys = set?.jql.replace(/^key in \(|\)$/g, '').split(', ') ?? [];
    expect(keys).toHaveLength(JQL_KEY_CAP);
    expect(keys[0]).toBe('P-51');
    expect(keys[keys.length - 1]).toBe('P-250');
  });

  it('cuts long evidence texts for the wire', () => {
    const long = 'x'.repeat(500);
    const wire = wireEvidence({ issueKey: 'P-1', at: 't', field: 'description', from: null, to: long });
    expect(wire.to).toHaveLength(200);
    expect(wire.from).toBeNull();
  });

  it('orders issue keys naturally: project, then number', () => {
    expect(['P-10', 'AB-2', 'P-2', 'A-100', 'P-1'].sort(compareIssueKeys)).toEqual([
      'A-100',
      'AB-2',
      'P-1',
      'P-2',
      'P-10',
    ]);
  });
});
