// Hand-written product events for the RACI, roles and bandwidth tests (no SiteData needed).
import type { CommentEvent, ProductEvent } from '../../src/ownership/model';
import type { RowKey } from '../../src/ownership/rows';

let seq = 0;

export function ev(
  row: RowKey,
  actorId: string,
  weight = 1,
  opts: { issueKey?: string; at?: number; boardIds?: number[] } = {},
): ProductEvent {
  seq += 1;
  const issueKey = opts.issueKey ?? 'P-1';
  const at = opts.at ?? Date.parse('2026-03-02T09:00:00Z') + seq * 1000;
  return {
    id: `${issueKey}/${seq}/0`,
    row,
    actorId,
    at,
    issueKey,
    projectKey: 'P',
    boardIds: opts.boardIds ?? [],
    weight,
    evidence: { issueKey, historyId: String(seq), at: new Date(at).toISOString(), field: row },
  };
}

/** `n` events of one row by one person. */
export function many(
  n: number,
  row: RowKey,
  actorId: string,
  weight = 1,
  opts: Parameters<typeof ev>[3] = {},
) {
  return Array.from({ length: n }, () => ev(row, actorId, weight, opts));
}

export function comment(actorId: string, issueKey = 'P-1'): CommentEvent {
  seq += 1;
  return { actorId, issueKey, at: Date.parse('2026-03-02T09:00:00Z') + seq * 1000, commentId: `c${seq}` };
}
