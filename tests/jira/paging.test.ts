// Paging loops: they end where Jira says, and stop with a gap (never loop, never claim completeness) when it misbehaves.
import { collectOffsetPages, collectTokenPages } from '../../src/jira/paging';

const subject = { what: 'the issues of ABC', project: 'ABC' };

describe('token paging', () => {
  test('follows tokens until isLast, one request per page', async () => {
    const pages: Record<string, { items: number[]; nextPageToken?: string; isLast: boolean }> = {
      start: { items: [1, 2], nextPageToken: 't1', isLast: false },
      t1: { items: [3, 4], nextPageToken: 't2', isLast: false },
      t2: { items: [5], isLast: true },
    };
    const asked: (string | undefined)[] = [];
    const result = await collectTokenPages(
      async (token) => {
        asked.push(token);
        return pages[token ?? 'start'] ?? { items: [], isLast: true };
      },
      subject,
      10,
    );
    expect(result).toEqual({ items: [1, 2, 3, 4, 5], pages: 3 });
    expect(asked).toEqual([undefined, 't1', 't2']);
  });

  test('a missing token ends the list even without isLast', async () => {
    const result = await collectTokenPages(async () => ({ items: ['a'], nextPageToken: null }), subject, 10);
    expect(result).toEqual({ items: ['a'], pages: 1 });
  });

  test('isLast: false without a token is not the end: the list stops with a gap saying it is incomplete', async () => {
    const result = await collectTokenPages(
      async () => ({ items: ['a', 'b'], nextPageToken: null, isLast: false }),
      subject,
      10,
    );
    expect(result.items).toEqual(['a', 'b']);
    expect(result.gap).toEqual({
      kind: 'truncated',
      message:
        'Jira said more of the issues of ABC follow but gave no way to read them, so reading stopped after 2; the list is incomplete.',
      project: 'ABC',
    });
  });

  test('an empty page that promises more (isLast: false, no token) is a gap too', async () => {
    const pages = [
      { items: [1, 2], nextPageToken: 't1', isLast: false },
      { items: [], isLast: false },
    ];
    let at = 0;
    const result = await collectTokenPages(async () => pages[at++]!, subject, 10);
    expect(result.items).toEqual([1, 2]);
    expect(result.gap?.kind).toBe('truncated');
  });

  test('a repeated token stops the loop with a truncated gap naming the list', async () => {
    let requests = 0;
    const result = await collectTokenPages(
      async () => {
        requests += 1;
        return { items: [requests], nextPageToken: 'same', isLast: false };
      },
      subject,
      1000,
    );
    expect(requests).toBe(2);
    expect(result.items).toEqual([1, 2]);
    expect(result.gap).toEqual({
      kind: 'truncated',
      message: expect.stringContaining('the issues of ABC') as string,
      project: 'ABC',
    });
  });

  test('a token cycling back to an earlier one is caught too', async () => {
    const next: Record<string, string> = { start: 'a', a: 'b', b: 'a' };
    let requests = 0;
    const result = await collectTokenPages(
      async (token) => {
        requests += 1;
        return { items: [token ?? 'start'], nextPageToken: next[token ?? 'start'] };
      },
      subject,
      1000,
    );
    expect(requests).toBe(3);
    expect(result.gap?.kind).toBe('truncated');
  });

  test('maxPages caps the loop with a capped gap', async () => {
    let requests = 0;
    const result = await collectTokenPages(
      async () => {
        requests += 1;
        return { items: [requests], nextPageToken: `t${requests}` };
      },
      subject,
      4,
    );
    expect(requests).toBe(4);
    expect(result.gap).toEqual({
      kind: 'capped',
      message: 'Only the first 4 pages of the issues of ABC were read; the rest is not included.',
      project: 'ABC',
    });
  });
});

describe('offset paging', () => {
  const all = Array.from({ length: 7 }, (_, i) => i);

  test('reads until total, following short pages by their real length', async () => {
    const asked: number[] = [];
    const result = await collectOffsetPages(
      async (startAt) => {
        asked.push(startAt);
        // serves at most 2 even though more were asked: Jira may cap page sizes
        return { items: all.slice(startAt, startAt + 2), startAt, total: all.length };
      },
      subject,
      100,
    );
    expect(result).toEqual({ items: all, pages: 4 });
    expect(asked).toEqual([0, 2, 4, 6]);
  });

  test('isLast ends the loop without a trailing empty request', async () => {
    let requests = 0;
    const result = await collectOffsetPages(
      async (startAt) => {
        requests += 1;
        return { items: all.slice(startAt, startAt + 5), startAt, isLast: startAt + 5 >= all.length };
      },
      subject,
      100,
    );
    expect(requests).toBe(2);
    expect(result.items).toEqual(all);
    expect(result.gap).toBeUndefined();
  });

  test('an empty page before the total is a truncated gap, not a silent end', async () => {
    const result = await collectOffsetPages(
      async (startAt) => ({ items: startAt === 0 ? [0, 1] : [], startAt, total: 10 }),
      subject,
      100,
    );
    expect(result.items).toEqual([0, 1]);
    expect(result.gap?.kind).toBe('truncated');
  });

  test('a server that ignores startAt (repeats the first window) is stopped after one repeat', async () => {
    let requests = 0;
    const result = await collectOffsetPages(
      async () => {
        requests += 1;
        return { items: [0, 1], startAt: 0, total: 10 };
      },
      subject,
      100,
    );
    expect(requests).toBe(2);
    expect(result.items).toEqual([0, 1]);
    expect(result.gap?.kind).toBe('truncated');
  });

  test('maxPages caps an endless offset list', async () => {
    let requests = 0;
    const result = await collectOffsetPages(
      async (startAt) => {
        requests += 1;
        return { items: [startAt], startAt };
      },
      { what: 'boards' },
      3,
    );
    expect(requests).toBe(3);
    expect(result.gap).toEqual({
      kind: 'capped',
      message: 'Only the first 3 pages of boards were read; the rest is not included.',
    });
  });
});
