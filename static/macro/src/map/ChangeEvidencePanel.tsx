// The evidence behind a handover or an accretion of the "Ownership over time" strip: the change in words (who, which
// row, to whom, since when, both shares), then the map's own list of Jira events and how many more there are, in
// the same frame as the evidence of a letter.
import { EvidenceShell } from './EvidenceShell';
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
  return (
    <EvidenceShell
      id={CHANGE_PANEL_ID}
      testId="change-evidence"
      attributes={{ 'data-change': change.kind }}
      title={change.sentence}
      summary={change.summary}
      evidence={change.evidence}
      evidenceTotal={change.evidenceTotal}
      emptyText="No change events are listed for this period."
      siteUrl={siteUrl}
      onClose={onClose}
      focusKey={change.key}
    />
  );
}
