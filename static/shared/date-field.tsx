// Atlaskit's DatePicker as every date field of the app uses it: shown in the viewer's locale, typed either in that
// locale or as an ISO date (2026-04-01, the form Jira's JQL and exports use, so the one people paste), and handed on
// as the ISO date the resolvers take.
import { DatePicker } from '@atlaskit/datetime-picker';
import { createLocalizationProvider } from '@atlaskit/locale';
import { useMemo } from 'react';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function viewerLocale(): string {
  return navigator.language || 'en-US';
}

export function DateField({
  id,
  value,
  onChange,
  isInvalid = false,
  describedBy,
  testId,
}: {
  /** The input's id, for the field's <label htmlFor>. */
  id: string;
  /** ISO date, or '' when none. */
  value: string;
  onChange: (isoDate: string) => void;
  isInvalid?: boolean;
  describedBy?: string;
  /** data-testid prefix: `${testId}--input` is the hidden input holding the ISO value. */
  testId: string;
}) {
  const locale = viewerLocale();
  const l10n = useMemo(() => createLocalizationProvider(locale), [locale]);
  return (
    <DatePicker
      id={id}
      value={value}
      locale={locale}
      isInvalid={isInvalid}
      {...(describedBy === undefined ? {} : { 'aria-describedby': describedBy })}
      testId={testId}
      parseInputValue={(text) => {
        const iso = ISO_DATE.exec(text.trim());
        return iso === null
          ? l10n.parseDate(text)
          : new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
      }}
      onChange={onChange}
    />
  );
}
