// Where a handover is drawn on a band, for both surfaces that draw bands (the macro's strip, the Jira tab): on
// the first period of the new owner, the period whose start is the handover's `since` (by label as a fallback,
// should the period list and the handover ever disagree on a time).
import type { Handover, TimelinePeriod } from '../../src/contract/analysis';

export function handoverStartingIn<H extends Pick<Handover, 'since' | 'sincePeriod'>>(
  handovers: readonly H[],
  period: Pick<TimelinePeriod, 'start' | 'label'>,
): H | undefined {
  return (
    handovers.find((h) => h.since === period.start) ?? handovers.find((h) => h.sincePeriod === period.label)
  );
}
