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

/**
 * Gives a slab's memory back now rather than at the next full collection. A slab lives as long as the read, so
 * its Buffer is in the old generation: let go of, its 40 MB stayed mapped until a mark-compact, which at 50,000
 * issues came only after the replay, with the normalised site already built beside it. Transferring the
 * ArrayBuffer detaches it and hands its memory to a new, young one that nothing holds, which the next scavenge
 * (a few MB of allocation away) frees.
 */
function release(slab: Buffer): void {
  structuredClone(slab.buffer, { transfer: [slab.buffer] });
}

export class CompressedIssues {
  private kept: Kept[] = [];
  private slabs: (Buffer | undefined)[] = [];
  /** Bytes used in the last slab. */
  private used: number;
  private deflatedBytes = 0;

  /** `slabBytes`: tests make slabs small to see them let go of; a job keeps the 40 MB that makes each a mapping. */
  constructor(private readonly slabBytes = SLAB_BYTES) {
    this.used = slabBytes;
  }

  add(record: StoredIssue): void {
    const deflated = deflateRawSync(Buffer.from(JSON.stringify(record), 'utf8'), { level: LEVEL });
    const at = this.place(deflated);
    this.kept.push({ key: record.key, id: record.id, histories: record.histories.length, ...at });
    this.deflatedBytes += deflated.length;
  }

  /** Copies bytes to the end of the last slab, or to a new one when they do not fit. */
  private place(bytes: Buffer): { slab: number; offset: number; length: number } {
    if (this.used + bytes.length > this.slabBytes) {
      // A record larger than a slab gets a slab of its own size.
      this.slabs.push(Buffer.allocUnsafeSlow(Math.max(this.slabBytes, bytes.length)));
      this.used = 0;
    }
    const slab = this.slabs.length - 1;
    bytes.copy(this.slabs[slab] as Buffer, this.used);
    const offset = this.used;
    this.used += bytes.length;
    return { slab, offset, length: bytes.length };
  }

  get size(): number {
    return this.kept.length;
  }

  /** Bytes deflated (held until the last read), for the bench. */
  get bytes(): number {
    return this.deflatedBytes;
  }

  /** Slabs still held, for tests. */
  get heldSlabs(): number {
    return this.slabs.filter((slab) => slab !== undefined).length;
  }

  /**
   * Lays the records out again in the order they will be read, if they came in another (the store reads a scope
   * project by project in id order, the analysis wants key order; a copy read twice is dropped here). Only then
   * does the replay finish with each slab in turn and let it go: read out of order, every slab held a record the
   * end of the replay still needed, so all of them (80 MB at 50,000 issues) stayed until the normalised site was
   * built. The copy is made before the analysis holds anything, and the old slabs are let go of once it is done.
   */
  private inReadOrder(unique: Kept[]): Kept[] {
    let ordered = unique.length === this.kept.length;
    for (let i = 1; i < unique.length && ordered; i++) {
      const a = unique[i - 1] as Kept;
      const b = unique[i] as Kept;
      ordered = a.slab < b.slab || (a.slab === b.slab && a.offset < b.offset);
    }
    if (ordered) return unique;
    const old = this.slabs;
    this.slabs = [];
    this.used = this.slabBytes;
    this.deflatedBytes = 0;
    const laidOut = unique.map((kept) => {
      const slab = old[kept.slab] as Buffer;
      this.deflatedBytes += kept.length;
      return { ...kept, ...this.place(slab.subarray(kept.offset, kept.offset + kept.length)) };
    });
    for (const slab of old) if (slab !== undefined) release(slab);
    this.kept = laidOut;
    return laidOut;
  }

  /**
   * The issues as normalise() reads them: one per key, in key order, the same rule as for an array. After the
   * last read the records are let go of: the source, and these issues, are then empty.
   */
  source(): IssueSource {
    const unique = this.inReadOrder(uniqueIssues(this.kept, (kept) => kept));
    return {
      forEach: (visit, last) => {
        const unread = this.slabs.map(() => 0);
        for (const kept of unique) unread[kept.slab] = (unread[kept.slab] as number) + 1;
        for (const kept of unique) {
          const slab = this.slabs[kept.slab] as Buffer;
          const bytes = inflateRawSync(slab.subarray(kept.offset, kept.offset + kept.length));
          if (last && (unread[kept.slab] = (unread[kept.slab] as number) - 1) === 0) {
            this.slabs[kept.slab] = undefined;
            release(slab);
          }
          // Our own serialisation of a record the store's read already checked; unpackIssue checks its fields.
          visit(unpackIssue(JSON.parse(bytes.toString('utf8')) as StoredIssue));
        }
        if (last) {
          unique.length = 0;
          this.kept = [];
          this.slabs = [];
          this.used = this.slabBytes;
        }
      },
    };
  }
}
