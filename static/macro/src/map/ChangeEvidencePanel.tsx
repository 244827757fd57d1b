// The evidence behind a handover or an accretion of the "Ownership over time" strip: the change in words (who, which
// row, to whom, since when, both shares), then the map's own list of Jira events and how many more there are. It
// looks like, and sits in the same place in the flow as, the map's EvidencePanel for a letter.
import Button from '@atlaskit/button/default/button';
import { useEffect, useRef } from 'react';
import { EvidenceList } from './EvidenceList';
import type { OverTimeChange } from './over-time-model';

export const CHANGE_PANEL_ID = 'over-time-evidence';

export function ChangeEvidencePanel({
  change,
  siteUrl,
  onClose,
}: {
  change: OverTimeChange;
  siteUrl: string;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves into the panel so keyboard and screen-reader users land on what they opened.
  useEffect(() => {
    heading.current?.focus();
  }, [change.key]);

  const more = change.evidenceTotal - change.evidence.length;
  return (
    <section
      id={CHANGE_PANEL_ID}
      className="evidence-panel"
      aria-labelledby={`${CHANGE_PANEL_ID}-title`}
      data-testid="change-evidence"
      data-change={change.kind}
    >
      <header className="evidence-header">
        <h3 id={`${CHANGE_PANEL_ID}-title`} tabIndex={-1} ref={heading}>
          {change.sentence}
        </h3>
        <Button appearance="subtle" onClick={onClose} aria-label="Close the evidence (Escape)">
          Close
        </Button>
      </header>
      <p className="evidence-summary">{change.summary}</p>
      {change.evidence.length > 0 ? (
        <EvidenceList evidence={change.evidence} siteUrl={siteUrl} />
      ) : (
        <p className="evidence-summary">No change events are listed for this period.</p>
      )}
      {more > 0 ? (
        <footer className="evidence-footer">
          <span data-testid="evidence-more">
            {more} more {more === 1 ? 'event' : 'events'} not shown (the {change.evidence.length} most recent
            are listed).
          </span>
        </footer>
      ) : null}
    </section>
  );
}
