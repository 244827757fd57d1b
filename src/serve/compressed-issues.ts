// The stored issues of a scope as the analysis job reads them: each record kept deflated in memory and unpacked
// only while normalise() reads it. At 50,000 issues (1 M histories) the records as Jira's JSON objects are about
// 1 GB of heap, twice a Forge function's default memory; deflated they are 80 MB (docs/decisions.md), and
// normalise() reads each issue twice (a first pass, then the replay) without the store being read twice.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { uniqueIssues, type IssueSource } from '../ownership/normalise';
import { unpackIssue, type StoredIssue } from '../store/records';

interface Kept {
  key: string;
  id: string;
  histories: number;
  deflated: Buffer;
}

/** Level 1: the records compress well enough at the fastest level, and a 50k-issue job deflates a million histories. */
const LEVEL = 1;

export class CompressedIssues {
  private readonly kept: Kept[] = [];
  private deflatedBytes = 0;

  add(record: StoredIssue): void {
    // A copy of exactly its size: zlib's answer is a view into its whole output chunk (tens of KB), which the
    // view would keep alive for a 2 KB record.
    const deflated = Buffer.from(
      deflateRawSync(Buffer.from(JSON.stringify(record), 'utf8'), { level: LEVEL }),
    );
    this.deflatedBytes += deflated.length;
    this.kept.push({ key: record.key, id: record.id, histories: record.histories.length, deflated });
  }

  get size(): number {
    return this.kept.length;
  }

  /** Bytes held, for the bench. */
  get bytes(): number {
    return this.deflatedBytes;
  }

  /** The issues as normalise() reads them: one per key, in key order, the same rule as for an array. */
  source(): IssueSource {
    const unique = uniqueIssues(this.kept, (kept) => kept);
    return {
      forEach(visit) {
        for (const kept of unique) {
          // Our own serialisation of a record the store's read already checked; unpackIssue checks its fields.
          visit(unpackIssue(JSON.parse(inflateRawSync(kept.deflated).toString('utf8')) as StoredIssue));
        }
      },
    };
  }
}
