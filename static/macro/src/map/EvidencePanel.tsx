// The evidence behind one letter of the map (by person, or a squad's owner): who, which letter of which row (on
// which board), the share, the most recent events (each linking to its issue), how many more there are, and one
// link that opens every issue in Jira's search.
import type { ResultCell } from '../../../../src/contract/analysis';
import { percent } from '../../../shared/format';
import { JiraLink, jqlUrl } from '../../../shared/jira-links';
import { EvidenceShell } from './EvidenceShell';
import { LETTER_MEANING } from './map-model';

export function EvidencePanel({
  personName,
  rowLabel,
  boardLabel,
  cell,
  siteUrl,
  onClose,
}: {
  personName: string;
  rowLabel: string;
  /** The squad the letter is on ("CHK"), for a cell of the map by squad; absent for the whole scope's map. */
  boardLabel?: string;
  cell: ResultCell;
  siteUrl: string;
  onClose: () => void;
}) {
  const issues = cell.issues;
  return (
    <EvidenceShell
      id="evidence-panel"
      titleId="evidence-title"
      testId="evidence-panel"
      title={
        <>
          Why {personName} is {cell.letter} ({LETTER_MEANING[cell.letter]}) for “{rowLabel}”
          {boardLabel === undefined ? null : ` on ${boardLabel}`}
        </>
      }
      summary={
        <>
          {percent(cell.share)} of this row&apos;s activity
          {boardLabel === undefined ? '' : ` on ${boardLabel}`} · {cell.eventCount}{' '}
          {cell.eventCount === 1 ? 'event' : 'events'}
          {cell.members !== undefined
            ? ` by ${cell.members} ${cell.members === 1 ? 'person' : 'people'}`
            : ''}
          {cell.commented ? ' · commented on its issues' : ''}
        </>
      }
      evidence={cell.evidence}
      evidenceTotal={cell.evidenceTotal}
      emptyText="No change events: this letter comes from comments on, or presence in, the row's issues."
      siteUrl={siteUrl}
      onClose={onClose}
      focusKey={cell}
      footerExtra={
        issues !== null && issues.issueCount > 0 ? (
          <span>
            <JiraLink href={jqlUrl(siteUrl, issues.jql)}>
              {issues.complete
                ? `Open all ${issues.issueCount} ${issues.issueCount === 1 ? 'issue' : 'issues'} in Jira`
                : 'Open the issues in Jira'}
            </JiraLink>
            {issues.complete ? null : (
              <span className="subtle"> (the link names the most recent of {issues.issueCount} issues)</span>
            )}
          </span>
        ) : null
      }
    />
  );
}
