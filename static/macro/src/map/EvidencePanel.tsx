// The evidence behind one letter of the map: who, which letter of which row, the share, the most recent events
// (each linking to its issue), how many more there are, and one link that opens every issue in Jira's search.
import Button from '@atlaskit/button/default/button';
import { useEffect, useRef } from 'react';
import type { ResultCell } from '../../../../src/contract/analysis';
import { percent } from '../../../shared/format';
import { JiraLink, jqlUrl } from '../../../shared/jira-links';
import { EvidenceList } from './EvidenceList';
import { LETTER_MEANING } from './map-model';

export function EvidencePanel({
  personName,
  rowLabel,
  cell,
  siteUrl,
  onClose,
}: {
  personName: string;
  rowLabel: string;
  cell: ResultCell;
  siteUrl: string;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves into the panel so keyboard and screen-reader users land on what they opened.
  useEffect(() => {
    heading.current?.focus();
  }, [cell]);

  const more = cell.evidenceTotal - cell.evidence.length;
  const issues = cell.issues;
  return (
    <section
      id="evidence-panel"
      className="evidence-panel"
      aria-labelledby="evidence-title"
      data-testid="evidence-panel"
    >
      <header className="evidence-header">
        <h3 id="evidence-title" tabIndex={-1} ref={heading}>
          Why {personName} is {cell.letter} ({LETTER_MEANING[cell.letter]}) for “{rowLabel}”
        </h3>
        <Button appearance="subtle" onClick={onClose} aria-label="Close the evidence (Escape)">
          Close
        </Button>
      </header>
      <p className="evidence-summary">
        {percent(cell.share)} of this row&apos;s activity · {cell.eventCount}{' '}
        {cell.eventCount === 1 ? 'event' : 'events'}
        {cell.members !== undefined ? ` by ${cell.members} ${cell.members === 1 ? 'person' : 'people'}` : ''}
        {cell.commented ? ' · commented on its issues' : ''}
      </p>
      {cell.evidence.length > 0 ? (
        <EvidenceList evidence={cell.evidence} siteUrl={siteUrl} />
      ) : (
        <p className="evidence-summary">
          No change events: this letter comes from comments on, or presence in, the row&apos;s issues.
        </p>
      )}
      <footer className="evidence-footer">
        {more > 0 ? (
          <span data-testid="evidence-more">
            {more} more {more === 1 ? 'event' : 'events'} not shown (the {cell.evidence.length} most recent
            are listed).
          </span>
        ) : null}
        {issues !== null && issues.issueCount > 0 ? (
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
        ) : null}
      </footer>
    </section>
  );
}
