// Paging loops for Jira's two schemes (nextPageToken, startAt/total): always bounded, never silently looping.
// A loop that has to stop early says so with a DataGap; the caller passes it on instead of claiming completeness.
import type { DataGap } from './site';

/** What a stopped list was about, for the gap's sentence and its pointers (project, board, issue). */
export interface PagingSubject {
  /** Plural noun phrase, e.g. "issues of TEZ", "the changelog of TEZ-12". */
  what: string;
  project?: string;
  boardId?: number;
  issueKey?: string;
}

export interface Paged<T> {
  items: T[];
  /** Requests made (pages read). */
  pages: number;
  /** Set when the list stopped before Jira said it was complete. */
  gap?: DataGap;
}

export interface TokenPage<T> {
  items: T[];
  nextPageToken?: string | null;
  isLast?: boolean;
}

export interface OffsetPage<T> {
  items: T[];
  startAt: number;
  total?: number;
  isLast?: boolean;
}

function gap(kind: DataGap['kind'], message: string, subject: PagingSubject): DataGap {
  const found: DataGap = { kind, message };
  if (subject.project !== undefined) found.project = subject.project;
  if (subject.boardId !== undefined) found.boardId = subject.boardId;
  if (subject.issueKey !== undefined) found.issueKey = subject.issueKey;
  return found;
}

function cappedGap(subject: PagingSubject, maxPages: number): DataGap {
  return gap(
    'capped',
    `Only the first ${maxPages} pages of ${subject.what} were read; the rest is not included.`,
    subject,
  );
}

/**
 * Pages through a nextPageToken list. Complete only when Jira says so: isLast true, or (endpoints that have no
 * isLast, like the bulk changelog) no next token. A page that says isLast: false but gives no token, a repeated
 * token and maxPages stop the loop with a gap.
 */
export async function collectTokenPages<T>(
  fetchPage: (nextPageToken: string | undefined) => Promise<TokenPage<T>>,
  subject: PagingSubject,
  maxPages: number,
  onPage: (itemsSoFar: number) => void = () => {},
): Promise<Paged<T>> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pages = 1; ; pages += 1) {
    const page = await fetchPage(token);
    items.push(...page.items);
    onPage(items.length);
    const next = page.nextPageToken ?? undefined;
    if (page.isLast === true) return { items, pages };
    if (next === undefined || next === '') {
      if (page.isLast !== false) return { items, pages };
      return {
        items,
        pages,
        gap: gap(
          'truncated',
          `Jira said more of ${subject.what} follow but gave no way to read them, so reading stopped after ${items.length}; the list is incomplete.`,
          subject,
        ),
      };
    }
    if (seen.has(next) || next === token) {
      return {
        items,
        pages,
        gap: gap(
          'truncated',
          `Jira repeated a page while listing ${subject.what}, so reading stopped there; the list may be incomplete.`,
          subject,
        ),
      };
    }
    if (pages >= maxPages) return { items, pages, gap: cappedGap(subject, maxPages) };
    seen.add(next);
    token = next;
  }
}

/** Pages through a startAt/maxResults list; stops on isLast, total reached, an empty page, no progress, or maxPages. */
export async function collectOffsetPages<T>(
  fetchPage: (startAt: number) => Promise<OffsetPage<T>>,
  subject: PagingSubject,
  maxPages: number,
  onPage: (itemsSoFar: number) => void = () => {},
): Promise<Paged<T>> {
  const items: T[] = [];
  let startAt = 0;
  for (let pages = 1; ; pages += 1) {
    const page = await fetchPage(startAt);
    const next = page.startAt + page.items.length;
    if (page.items.length > 0 && page.startAt !== startAt) {
      // Jira ignored the offset and served another window: taking it would repeat or skip items.
      return {
        items,
        pages,
        gap: gap(
          'truncated',
          `Jira returned the wrong page while listing ${subject.what}, so reading stopped there; the list may be incomplete.`,
          subject,
        ),
      };
    }
    items.push(...page.items);
    onPage(items.length);
    if (page.isLast === true) return { items, pages };
    if (page.total !== undefined && next >= page.total) return { items, pages };
    if (page.items.length === 0) {
      const moreExpected = page.isLast === false || (page.total !== undefined && next < page.total);
      if (!moreExpected) return { items, pages };
      return {
        items,
        pages,
        gap: gap(
          'truncated',
          `Jira returned an empty page before the end of ${subject.what}, so reading stopped there; the list may be incomplete.`,
          subject,
        ),
      };
    }
    if (pages >= maxPages) return { items, pages, gap: cappedGap(subject, maxPages) };
    startAt = next;
  }
}
