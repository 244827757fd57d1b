import type { Evidence } from '../../../src/ownership/model';
import { evidenceList } from '../../../src/ownership/warnings/evidence-list';

const item = (issueKey: string, at: string, historyId = '1'): Evidence => ({ issueKey, at, historyId });

describe('evidence lists', () => {
  it('orders by the instant, not the text, across time-zone offsets', () => {
    const list = evidenceList([
      item('P-1', '2026-03-02T10:00:00.000+0000'),
      item('P-2', '2026-03-02T11:00:00.000+0200'),
    ]);
    expect(list.evidence.map((e) => e.issueKey)).toEqual(['P-2', 'P-1']);
  });

  it('keeps the 20 oldest of 50, whatever order they arrive in, and counts all of them once', () => {
    const items = Array.from({ length: 50 }, (_, i) =>
      item(`P-${i}`, new Date(Date.UTC(2026, 2, 2) + i * 3_600_000).toISOString()),
    );
    const shuffled = [...items].reverse().concat(items.slice(0, 5));
    const list = evidenceList(shuffled);
    expect(list.evidenceTotal).toBe(50);
    expect(list.evidence).toEqual(items.slice(0, 20));
  });
});
