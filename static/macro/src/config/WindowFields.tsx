// The time window the map covers: the last N sprints, two dates, or all time.
import Textfield from '@atlaskit/textfield';
import { DateField } from '../../../shared/date-field';
import { Field, FieldError, describedBy } from './Field';
import type { ConfigDraft, FieldErrors, WindowKind } from './config-draft';

const KINDS: { kind: WindowKind; label: string }[] = [
  { kind: 'sprints', label: 'Last sprints' },
  { kind: 'dates', label: 'Between two dates' },
  { kind: 'all', label: 'All time' },
];

export function WindowFields({
  window,
  errors,
  onChange,
}: {
  window: ConfigDraft['window'];
  errors: FieldErrors;
  onChange: (window: ConfigDraft['window']) => void;
}) {
  const sprintsError = errors['window.lastSprints'];
  const fromError = errors['window.from'];
  const toError = errors['window.to'] ?? errors.window;
  return (
    <section className="config-section" aria-labelledby="window-heading">
      <h3 id="window-heading">Time window</h3>
      <Field id="window-kind" label="Read events from" labelAs="legend">
        <div className="radios">
          {KINDS.map((option) => (
            <label key={option.kind} className="radio">
              <input
                type="radio"
                name="window-kind"
                value={option.kind}
                checked={window.kind === option.kind}
                onChange={() => onChange({ ...window, kind: option.kind })}
              />
              {option.label}
            </label>
          ))}
        </div>
      </Field>
      {window.kind === 'sprints' ? (
        <Field
          id="window-sprints"
          label="Number of sprints"
          help="The most recent sprints of the chosen boards, the active one included."
          error={sprintsError}
        >
          <Textfield
            id="window-sprints"
            name="window-sprints"
            inputMode="numeric"
            width="small"
            value={window.lastSprints}
            isInvalid={Boolean(sprintsError)}
            aria-describedby={describedBy('window-sprints', true, sprintsError)}
            onChange={(event) => onChange({ ...window, lastSprints: event.currentTarget.value })}
          />
        </Field>
      ) : null}
      {window.kind === 'dates' ? (
        <div className="field-row">
          <Field id="window-from" label="From" error={fromError}>
            <DateField
              id="window-from"
              testId="window-from"
              value={window.from}
              isInvalid={Boolean(fromError)}
              describedBy={describedBy('window-from', false, fromError)}
              onChange={(from) => onChange({ ...window, from })}
            />
          </Field>
          <Field id="window-to" label="To" error={errors['window.to']}>
            <DateField
              id="window-to"
              testId="window-to"
              value={window.to}
              isInvalid={Boolean(toError)}
              describedBy={describedBy('window-to', false, toError)}
              onChange={(to) => onChange({ ...window, to })}
            />
          </Field>
        </div>
      ) : null}
      {window.kind === 'dates' && errors.window ? <FieldError id="window" message={errors.window} /> : null}
    </section>
  );
}
