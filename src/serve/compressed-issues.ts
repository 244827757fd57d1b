// The stored issues of a scope as the analysis job reads them: each record kept deflated in memory and unpacked
// only while normalise() reads it. At 50,000 issues (1 M histories) the records as Jira's JSON objects are about
// 1 GB of heap, twice a Forge function's default memory; deflated they are 80 MB (docs/decisions.md), and
// normalise() reads each issue twice (a first pass, then the replay) without the store being read twice.
//
// The deflated bytes sit in slabs of 40 MB rather than a Buffer each. Small Buffers come out of Node's pools and
// malloc's heap, which once freed stay in the process' memory (measured: ~100 MB of a 50k job's peak); an
// allocation above glibc's largest mmap threshold (32 MB) is a mapping of its own, which the system takes back as
// soon as it is let go of, and whose untouched pages cost nothing. During the replay (the last read) each slab is
// let go of once its last record was read, so the rules that run on the normalised site have that memory to
// themselves.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { uniqueIssues, type IssueSource } from '../ownership/normalise';
import { unpackIssue, type StoredIssue } from '../store/records';

interface Kept {
  key: string;
  id: string;
  histories: number;
  slab: number;
  offset: number;
  length: number;
}

/** Level 1: the records compress well enough at the fastest level, and a 50k-issue job deflates a million histories. */
const LEVEL = 1;
const SLAB_BYTES = 40 << 20;

export class CompressedIssues {
  private kept: Kept[] = [];
  private slabs: (Buffer | undefined)[] = [];
  /** Bytes used in the last slab. */
  private used = SLAB_BYTES;
  private deflatedBytes = 0;

  add(record: StoredIssue): void {
    const deflated = deflateRawSync(Buffer.from(JSON.stringify(record), 'utf8'), { level: LEVEL });
    if (this.used + deflated.length > SLAB_BYTES) {
      // A record larger than a slab gets a slab of its own size.
      this.slabs.push(Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, deflated.length)));
      this.used = 0;
    }
    const slab = this.slabs.length - 1;
    deflated.copy(this.slabs[slab] as Buffer, this.used);
    this.kept.push({
      key: record.key,
      id: record.id,
      histories: record.histories.length,
      slab,
      offset: this.used,
      length: deflated.length,
    });
    this.used += deflated.length;
    this.deflatedBytes += deflated.length;
  }

  get size(): number {
    return this.kept.length;
  }

  /** Bytes deflated (held until the last read), for the bench. */
  get bytes(): number {
    return this.deflatedBytes;
  }

  /**
   * The issues as normalise() reads them: one per key, in key order, the same rule as for an array. After the
   * last read the records are let go of: the source, and these issues, are then empty.
   */
  source(): IssueSource {
    const unique = uniqueIssues(this.kept, (kept) => kept);
    return {
      forEach: (visit, last) => {
        const unread = this.slabs.map(() => 0);
        for (const kept of unique) unread[kept.slab] = (unread[kept.slab] as number) + 1;
        for (const kept of unique) {
          const slab = this.slabs[kept.slab] as Buffer;
          const bytes = inflateRawSync(slab.subarray(kept.offset, kept.offset + kept.length));
          if (last && (unread[kept.slab] = (unread[kept.slab] as number) - 1) === 0) {
            this.slabs[kept.slab] = undefined;
          }
          // Our own serialisation of a record the store's read already checked; unpackIssue checks its fields.
          visit(unpackIssue(JSON.parse(bytes.toString('utf8')) as StoredIssue));
        }
        if (last) {
          unique.length = 0;
          this.kept = [];
          this.slabs = [];
          this.used = SLAB_BYTES;
        }
      },
    };
  }
}
