// Advanced settings, collapsed by default: the thresholds in groups (letters, roles, each family of warnings), each
// with a plain name, its unit, one line on what it decides and its default (empty = the default); shares are
// entered in %. Then whether people who only deliver get their own columns.
import Textfield from '@atlaskit/textfield';
import { ThresholdsSchema } from '../../../../src/ownership/config';
import { DisclosureSection } from './Disclosure';
import { Field, describedBy } from './Field';
import { percentText, type ConfigDraft, type FieldErrors } from './config-draft';
import { THRESHOLD_FIELDS, THRESHOLD_GROUPS, type ThresholdField } from './field-labels';

const DEFAULTS = ThresholdsSchema.parse({});

/** The default as the field takes it: "35" for a share of 0.35. */
function defaultText(field: ThresholdField): string {
  const fallback = DEFAULTS[field.key];
  return field.kind === 'share' ? percentText(fallback) : String(fallback);
}

function ThresholdInput({
  field,
  value,
  error,
  onChange,
}: {
  field: ThresholdField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = `threshold-${field.key}`;
  const fallback = defaultText(field);
  return (
    <Field
      id={id}
      label={field.label}
      help={`${field.help} Default ${fallback}${field.unit === '%' ? ' %' : ` ${field.unit}`}.`}
      error={error}
    >
      <Textfield
        id={id}
        name={field.key}
        inputMode="decimal"
        width="small"
        placeholder={fallback}
        value={value}
        isInvalid={Boolean(error)}
        aria-describedby={describedBy(id, true, error)}
        elemAfterInput={<span className="threshold-unit">{field.unit}</span>}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </Field>
  );
}

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
        Leave a field empty to use its default. Shares are percentages of the activity seen in Jira.
      </p>
      {THRESHOLD_GROUPS.map((group) => (
        <fieldset key={group.id} className="threshold-group" data-threshold-group={group.id}>
          <legend className="threshold-group-title">{group.title}</legend>
          <div className="threshold-grid">
            {group.fields.map((field) => (
              <ThresholdInput
                key={field.key}
                field={field}
                value={draft.thresholds[field.key] ?? ''}
                error={errors[`thresholds.${field.key}`]}
                onChange={(value) => onThreshold(field.key, value)}
              />
            ))}
          </div>
        </fieldset>
      ))}
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
