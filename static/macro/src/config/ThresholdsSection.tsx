// Advanced settings, collapsed by default: each threshold with its default shown (empty = the default), and
// whether people who only deliver get their own columns.
import Textfield from '@atlaskit/textfield';
import { ThresholdsSchema } from '../../../../src/ownership/config';
import { percent } from '../../../shared/format';
import { DisclosureSection } from './Disclosure';
import { Field, describedBy } from './Field';
import type { ConfigDraft, FieldErrors } from './config-draft';
import { THRESHOLD_FIELDS } from './field-labels';

const DEFAULTS = ThresholdsSchema.parse({});

export function ThresholdsSection({
  draft,
  errors,
  onThreshold,
  onShowDeliveryPeople,
}: {
  draft: ConfigDraft;
  errors: FieldErrors;
  onThreshold: (key: keyof ConfigDraft['thresholds'], value: string) => void;
  onShowDeliveryPeople: (show: boolean) => void;
}) {
  const invalid = THRESHOLD_FIELDS.some((field) => errors[`thresholds.${field.key}`]);
  const overridden = THRESHOLD_FIELDS.filter(
    (field) => (draft.thresholds[field.key] ?? '').trim() !== '',
  ).length;
  return (
    <DisclosureSection
      id="advanced"
      title={`Advanced: thresholds${overridden > 0 ? ` (${overridden} changed)` : ''}`}
      initiallyOpen={overridden > 0}
      forceOpen={invalid}
    >
      <p className="field-help">
        Leave a field empty to use its default. Shares are fractions from 0 to 1 (0.35 = 35% of the activity).
      </p>
      <div className="threshold-grid">
        {THRESHOLD_FIELDS.map((field) => {
          const id = `threshold-${field.key}`;
          const error = errors[`thresholds.${field.key}`];
          const fallback = DEFAULTS[field.key];
          const defaultText =
            field.kind === 'share' ? `Default ${fallback} (${percent(fallback)})` : `Default ${fallback}`;
          return (
            <Field
              key={field.key}
              id={id}
              label={field.label}
              help={`${field.help} ${defaultText}.`}
              error={error}
            >
              <Textfield
                id={id}
                name={field.key}
                inputMode="decimal"
                width="small"
                placeholder={String(fallback)}
                value={draft.thresholds[field.key] ?? ''}
                isInvalid={Boolean(error)}
                aria-describedby={describedBy(id, true, error)}
                onChange={(event) => onThreshold(field.key, event.currentTarget.value)}
              />
            </Field>
          );
        })}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.showDeliveryPeople}
          onChange={(event) => onShowDeliveryPeople(event.currentTarget.checked)}
        />
        Show people who only deliver as their own columns (by default they are one &quot;Team&quot; column:
        the map is about roles, not about ranking engineers)
      </label>
    </DisclosureSection>
  );
}
