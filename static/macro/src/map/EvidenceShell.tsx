// The frame every evidence panel of the macro shares (a letter of the map, a change over time): a title that takes
// the focus when the panel opens, a Close button, a line of figures, the Jira events and how many more there are.
import Button from '@atlaskit/button/default/button';
import { useEffect, useRef, type ReactNode } from 'react';
import type { AnalysisResult } from '../../../../src/contract/analysis';
import { EvidenceList } from './EvidenceList';

type Evidence = AnalysisResult['rows'][number]['cells'][number]['evidence'];

export function EvidenceShell({
  id,
  titleId = `${id}-title`,
  testId,
  title,
  summary,
  evidence,
  evidenceTotal,
  emptyText,
  siteUrl,
  onClose,
  focusKey,
  footerExtra,
  attributes,
}: {
  id: string;
  /** The title's id (default `${id}-title`): it takes the focus when the panel opens. */
  titleId?: string;
  testId: string;
  title: ReactNode;
  summary: ReactNode;
  evidence: Evidence;
  evidenceTotal: number;
  /** What to say when there is no event to list. */
  emptyText: string;
  siteUrl: string;
  onClose: () => void;
  /** The focus moves to the title again whenever this changes (another letter or change opened in place). */
  focusKey: unknown;
  footerExtra?: ReactNode;
  attributes?: Record<`data-${string}`, string>;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves into the panel so keyboard and screen-reader users land on what they opened.
  useEffect(() => {
    heading.current?.focus();
  }, [focusKey]);

  const more = evidenceTotal - evidence.length;
  return (
    <section
      id={id}
      className="evidence-panel"
      aria-labelledby={titleId}
      data-testid={testId}
      {...attributes}
    >
      <header className="evidence-header">
        <h3 id={titleId} tabIndex={-1} ref={heading}>
          {title}
        </h3>
        <Button appearance="subtle" onClick={onClose} aria-label="Close the evidence (Escape)">
          Close
        </Button>
      </header>
      <p className="evidence-summary">{summary}</p>
      {evidence.length > 0 ? (
        <EvidenceList evidence={evidence} siteUrl={siteUrl} />
      ) : (
        <p className="evidence-summary">{emptyText}</p>
      )}
      {more > 0 || footerExtra ? (
        <footer className="evidence-footer">
          {more > 0 ? (
            <span data-testid="evidence-more">
              {more} more {more === 1 ? 'event' : 'events'} not shown (the {evidence.length} most recent are
              listed).
            </span>
          ) : null}
          {footerExtra}
        </footer>
      ) : null}
    </section>
  );
}
