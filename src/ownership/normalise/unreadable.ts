// What normalise() leaves out because its date cannot be read: an issue whose `created` no parser understands,
// a changelog history or a comment with such a `created`. None of them can be placed in time, so none can be in
// a window, a sprint or an order; each is counted by issue and reported as one gap per kind, so the result says
// it is incomplete instead of quietly losing them (DOMAIN.md, "Data that cannot be read faithfully").
import type { DataGap } from '../../jira/site';

/** At most this many issues are named in one gap's message; the rest are counted. */
const NAMED_ISSUES = 10;

/** Counts by issue key, in the order issues were replayed (key order). */
export class UnreadableDates {
  readonly #issues: string[] = [];
  readonly #histories = new Map<string, number>();
  readonly #comments = new Map<string, number>();

  issue(issueKey: string): void {
    this.#issues.push(issueKey);
  }

  histories(issueKey: string, count: number): void {
    this.#histories.set(issueKey, (this.#histories.get(issueKey) ?? 0) + count);
  }

  comments(issueKey: string, count: number): void {
    this.#comments.set(issueKey, (this.#comments.get(issueKey) ?? 0) + count);
  }

  /** One gap per kind of record that was left out, in the order issues, histories, comments. */
  gaps(): DataGap[] {
    const gaps: DataGap[] = [];
    if (this.#issues.length > 0) {
      const keys = this.#issues;
      const which =
        keys.length === 1 ? `Issue ${keys[0]} has` : `${keys.length} issues (${named(keys)}) have`;
      gaps.push(
        gap(
          `${which} a creation date that cannot be read, so the analysis leaves ` +
            `${keys.length === 1 ? 'it' : 'them'} out; everything else is analysed.`,
          keys,
        ),
      );
    }
    if (this.#histories.size > 0) {
      gaps.push(
        gap(
          `${countOf(sum(this.#histories), 'change')} in the history of ${counted(this.#histories)} ` +
            `${sum(this.#histories) === 1 ? 'has' : 'have'} a date that cannot be read, so the analysis leaves ` +
            `${sum(this.#histories) === 1 ? 'it' : 'them'} out; everything else is analysed.`,
          [...this.#histories.keys()],
        ),
      );
    }
    if (this.#comments.size > 0) {
      gaps.push(
        gap(
          `${countOf(sum(this.#comments), 'comment')} on ${counted(this.#comments)} ` +
            `${sum(this.#comments) === 1 ? 'has' : 'have'} a date that cannot be read, so the analysis leaves ` +
            `${sum(this.#comments) === 1 ? 'it' : 'them'} out; everything else is analysed.`,
          [...this.#comments.keys()],
        ),
      );
    }
    return gaps;
  }
}

function gap(message: string, issueKeys: readonly string[]): DataGap {
  return {
    kind: 'unreadable',
    message,
    ...(issueKeys.length === 1 && issueKeys[0] !== undefined ? { issueKey: issueKeys[0] } : {}),
  };
}

function sum(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "GORA-3, GORA-9 and 4 more". */
function named(keys: readonly string[]): string {
  const shown = keys.slice(0, NAMED_ISSUES);
  const more = keys.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "GORA-3" for one issue, "2 issues (GORA-3: 2, GORA-9: 1)" for several. */
function counted(counts: ReadonlyMap<string, number>): string {
  const keys = [...counts.keys()];
  if (keys.length === 1) return keys[0] as string;
  const shown = keys.slice(0, NAMED_ISSUES).map((key) => `${key}: ${counts.get(key)}`);
  const more = keys.length - shown.length;
  return `${keys.length} issues (${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}
