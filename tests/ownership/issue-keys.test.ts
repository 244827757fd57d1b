import { compareIssueKeys, sortByIssueKey } from '../../src/ownership/issue-keys';

describe('sorting by issue key', () => {
  it('gives the order compareIssueKeys gives, for odd keys too', () => {
    const keys = [
      'P-10',
      'P-2',
      'AB-2',
      'A-100',
      'P-1',
      'PA-1',
      'P',
      'P-',
      'P-x',
      'P-01',
      'P-1',
      'Q-3',
      'B-10',
      'B-9',
      'LONGPROJECT-7',
      'LONG-7',
      'A-B-3',
      'A-B-12',
      'A-10',
      '',
      'p-1',
    ];
    const items = keys.map((key, i) => ({ key, i }));
    const expected = [...items].sort((a, b) => compareIssueKeys(a.key, b.key));
    expect(sortByIssueKey(items, (x) => x.key)).toEqual(expected);
  });

  it('keeps equal keys in their input order and never mutates the input', () => {
    const items = [
      { key: 'P-2', n: 1 },
      { key: 'P-1', n: 2 },
      { key: 'P-2', n: 3 },
    ];
    const copy = items.map((x) => ({ ...x }));
    expect(sortByIssueKey(items, (x) => x.key).map((x) => x.n)).toEqual([2, 1, 3]);
    expect(items).toEqual(copy);
  });
});
