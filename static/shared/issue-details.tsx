// The evidence's issues as the viewer sees them now: type icon, key (a link), summary and status, fetched from Jira
// as the viewer (getIssueDetails) for the keys a list shows, when it is shown, and kept per key for the page's life.
// Until the details arrive the keys show alone; when they cannot be read the keys stay and one line says why.
import Lozenge from '@atlaskit/lozenge';
import { useEffect, useState } from 'react';
import { MAX_ISSUE_DETAIL_KEYS, type IssueDetail, type IssueDetails } from '../../src/contract/issue-details';
import { callResolver, RESOLVERS, type ResolverError } from './invoke';
import { JiraLink, issueUrl } from './jira-links';
import './issue-details.css';

/** What the page knows of each key: its details, or that the viewer may not open it. Failures are not kept. */
const known = new Map<string, IssueDetail | 'hidden'>();
/** Keys being fetched, so two lists showing the same issue ask Jira once. */
const pending = new Map<string, Promise<ResolverError | undefined>>();

function remember({ issues, hidden }: IssueDetails): void {
  for (const issue of issues) known.set(issue.key, issue);
  for (const key of hidden) known.set(key, 'hidden');
}

/** Fetches what the page does not know yet of `keys`; answers the first error met, if any. */
async function loadIssueDetails(keys: readonly string[]): Promise<ResolverError | undefined> {
  const missing = keys.filter((key) => !known.has(key) && !pending.has(key));
  for (let at = 0; at < missing.length; at += MAX_ISSUE_DETAIL_KEYS) {
    const batch = missing.slice(at, at + MAX_ISSUE_DETAIL_KEYS);
    const call = callResolver(RESOLVERS.issueDetails, { keys: batch }).then((result) => {
      if (result.ok) remember(result.data);
      for (const key of batch) pending.delete(key);
      return result.ok ? undefined : result.error;
    });
    for (const key of batch) pending.set(key, call);
  }
  const calls = new Set(keys.flatMap((key) => pending.get(key) ?? []));
  const errors = await Promise.all(calls);
  return errors.find((error) => error !== undefined);
}

export interface ShownIssues {
  /** The details of a key, once known. */
  detailOf(key: string): IssueDetail | undefined;
  /** Keys the viewer may no longer open: lists leave them out. */
  hidden: ReadonlySet<string>;
  /** Why the details could not be read; the keys are shown alone. */
  error?: string;
}

/** The details of the issues a list shows, fetched when the list is shown (mounted). */
export function useIssueDetails(keys: readonly string[]): ShownIssues {
  const wanted = [...new Set(keys)];
  const wantedKey = wanted.join(' ');
  const [, setLoaded] = useState(0);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let shown = true;
    setError(undefined);
    void loadIssueDetails(wantedKey === '' ? [] : wantedKey.split(' ')).then((failure) => {
      if (!shown) return;
      setError(failure?.message);
      setLoaded((n) => n + 1);
    });
    return () => {
      shown = false;
    };
  }, [wantedKey]);

  const hidden = new Set(wanted.filter((key) => known.get(key) === 'hidden'));
  return {
    detailOf: (key) => {
      const detail = known.get(key);
      return detail === 'hidden' ? undefined : detail;
    },
    hidden,
    ...(error === undefined ? {} : { error }),
  };
}

const LOZENGE: Record<IssueDetail['status']['category'], 'success' | 'inprogress' | 'default'> = {
  done: 'success',
  indeterminate: 'inprogress',
  new: 'default',
  undefined: 'default',
};

function TypeIcon({ type }: { type: IssueDetail['type'] | undefined }) {
  const [failed, setFailed] = useState(false);
  // The slot is there before the details arrive, so the key does not move when the icon appears.
  if (type === undefined) return <span className="issue-type-icon" aria-hidden="true" />;
  if (type.iconUrl === undefined || failed) {
    // Jira's icon could not be shown (none given, or the page may not load it): the type's initial in its place,
    // named in full for the pointer and for screen readers.
    return (
      <span className="issue-type-icon issue-type-letter" role="img" aria-label={type.name} title={type.name}>
        {type.name.charAt(0).toUpperCase()}
      </span>
    );
  }
  return (
    <img
      className="issue-type-icon"
      src={type.iconUrl}
      alt={type.name}
      title={type.name}
      width={16}
      height={16}
      onError={() => setFailed(true)}
    />
  );
}

/** One issue of a list: type icon, key linking to it in Jira, then (once read) its summary and status. */
export function IssueRef({
  issueKey,
  detail,
  siteUrl,
}: {
  issueKey: string;
  detail: IssueDetail | undefined;
  siteUrl: string;
}) {
  return (
    <span className="issue-ref" data-issue-ref={issueKey}>
      <TypeIcon type={detail?.type} />
      <JiraLink href={issueUrl(siteUrl, issueKey)} label={`Open ${issueKey} in Jira`}>
        {issueKey}
      </JiraLink>
      {detail === undefined ? null : (
        <>
          <span className="issue-summary" title={detail.summary}>
            {detail.summary}
          </span>
          <span className="issue-status" data-status-category={detail.status.category}>
            <Lozenge appearance={LOZENGE[detail.status.category]}>{detail.status.name}</Lozenge>
          </span>
        </>
      )}
    </span>
  );
}

/** The lines under a list: how many of its issues are hidden, and why details are missing. */
export function IssueDetailsNotes({ shown }: { shown: ShownIssues }) {
  const count = shown.hidden.size;
  return (
    <>
      {count > 0 ? (
        <p className="issue-details-note" data-testid="issues-hidden">
          {count === 1 ? '1 issue is hidden' : `${count} issues are hidden`}: you can no longer open{' '}
          {count === 1 ? 'it' : 'them'} in Jira.
        </p>
      ) : null}
      {shown.error === undefined ? null : (
        <p className="issue-details-note" role="status" data-testid="issue-details-error">
          Issue details could not be loaded: {shown.error}
        </p>
      )}
    </>
  );
}
