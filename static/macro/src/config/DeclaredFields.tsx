// What the user declares rather than what Jira shows: the titled PM and PO (compared with the evidence by the
// declared-mismatch warning), and rows Jira cannot see (market research, pricing…) with a person per letter.
import Button from '@atlaskit/button/default/button';
import Textfield from '@atlaskit/textfield';
import type { RaciLetter } from '../../../../src/ownership/config';
import { Field, FieldError, describedBy } from './Field';
import { PeoplePicker, type PersonChoice } from './PeoplePicker';
import { errorsUnder, type ConfigDraft, type DraftRow, type FieldErrors } from './config-draft';

const LETTERS: { letter: RaciLetter; label: string }[] = [
  { letter: 'A', label: 'A — accountable' },
  { letter: 'R', label: 'R — responsible' },
  { letter: 'C', label: 'C — consulted' },
  { letter: 'I', label: 'I — informed' },
];

export function DeclaredRolesFields({
  draft,
  errors,
  onPick,
}: {
  draft: ConfigDraft;
  errors: FieldErrors;
  onPick: (role: 'pm' | 'po', choice: PersonChoice | null) => void;
}) {
  return (
    <section className="config-section" aria-labelledby="declared-heading">
      <h3 id="declared-heading">Declared roles (optional)</h3>
      <p className="field-help">
        Who holds the titles. The map warns when the evidence names someone else as accountable for that
        role&apos;s work.
      </p>
      <div className="field-row">
        <Field id="declared-pm" label="Product manager" error={errors['declared.pm']}>
          <PeoplePicker
            inputId="declared-pm"
            value={draft.pm}
            names={draft.names}
            invalid={Boolean(errors['declared.pm'])}
            describedBy={describedBy('declared-pm', false, errors['declared.pm'])}
            onChange={(choice) => onPick('pm', choice)}
          />
        </Field>
        <Field id="declared-po" label="Product owner" error={errors['declared.po']}>
          <PeoplePicker
            inputId="declared-po"
            value={draft.po}
            names={draft.names}
            invalid={Boolean(errors['declared.po'])}
            describedBy={describedBy('declared-po', false, errors['declared.po'])}
            onChange={(choice) => onPick('po', choice)}
          />
        </Field>
      </div>
    </section>
  );
}

function DeclaredRowEditor({
  index,
  row,
  names,
  errors,
  onChange,
  onRemove,
  onName,
}: {
  index: number;
  row: DraftRow;
  names: Record<string, string>;
  errors: FieldErrors;
  onChange: (row: DraftRow) => void;
  onRemove: () => void;
  onName: (choice: PersonChoice) => void;
}) {
  const base = `declared.rows.${index}`;
  const id = `declared-row-${index}`;
  const labelError = errors[`${base}.label`];
  // Row-level people problems (e.g. two A's) sit under the people list; per-person ones next to each person.
  const peopleError = errors[`${base}.people`];
  return (
    <fieldset className="declared-row" data-declared-row={index}>
      <legend className="field-label">Declared row {index + 1}</legend>
      <div className="field-row">
        <Field id={`${id}-label`} label="Responsibility" error={labelError}>
          <Textfield
            id={`${id}-label`}
            value={row.label}
            placeholder="e.g. Talks to customers"
            isInvalid={Boolean(labelError)}
            aria-describedby={describedBy(`${id}-label`, false, labelError)}
            onChange={(event) => onChange({ ...row, label: event.currentTarget.value })}
          />
        </Field>
        <Field id={`${id}-layer`} label="Layer">
          <select
            id={`${id}-layer`}
            className="native-select"
            value={row.layer}
            onChange={(event) => onChange({ ...row, layer: event.currentTarget.value as DraftRow['layer'] })}
          >
            <option value="strategic">Strategic</option>
            <option value="tactical">Tactical</option>
          </select>
        </Field>
      </div>
      <ul className="declared-people" aria-label={`People of declared row ${index + 1}`}>
        {row.people.map((person, p) => {
          const personError = errorsUnder(errors, `${base}.people.${p}`)[0];
          const personId = `${id}-person-${p}`;
          return (
            <li key={p} className="declared-person">
              <div className="declared-person-picker">
                <PeoplePicker
                  inputId={personId}
                  ariaLabel={`Person ${p + 1}`}
                  value={person.accountId}
                  names={names}
                  clearable={false}
                  invalid={Boolean(personError)}
                  describedBy={describedBy(personId, false, personError)}
                  onChange={(choice) => {
                    if (choice) onName(choice);
                    const people = row.people.map((x, i) =>
                      i === p ? { ...x, accountId: choice?.accountId ?? '' } : x,
                    );
                    onChange({ ...row, people });
                  }}
                />
                <FieldError id={personId} message={personError} />
              </div>
              <select
                aria-label={`Letter of person ${p + 1}`}
                className="native-select"
                value={person.letter}
                onChange={(event) => {
                  const letter = event.currentTarget.value as RaciLetter;
                  onChange({ ...row, people: row.people.map((x, i) => (i === p ? { ...x, letter } : x)) });
                }}
              >
                {LETTERS.map((l) => (
                  <option key={l.letter} value={l.letter}>
                    {l.label}
                  </option>
                ))}
              </select>
              <Button
                appearance="subtle"
                aria-label={`Remove person ${p + 1} from declared row ${index + 1}`}
                onClick={() => onChange({ ...row, people: row.people.filter((_, i) => i !== p) })}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
      <FieldError id={`${id}-people`} message={peopleError} />
      <div className="row-actions">
        <Button
          onClick={() =>
            onChange({
              ...row,
              people: [...row.people, { accountId: '', letter: row.people.length ? 'R' : 'A' }],
            })
          }
        >
          Add a person
        </Button>
        <Button appearance="subtle" onClick={onRemove}>
          Remove this row
        </Button>
      </div>
    </fieldset>
  );
}

export function DeclaredRowsFields({
  draft,
  errors,
  onChange,
  onName,
}: {
  draft: ConfigDraft;
  errors: FieldErrors;
  onChange: (rows: DraftRow[]) => void;
  onName: (choice: PersonChoice) => void;
}) {
  return (
    <section className="config-section" aria-labelledby="rows-heading">
      <h3 id="rows-heading">Declared rows (optional)</h3>
      <p className="field-help">
        Responsibilities Jira cannot see — market research, pricing, stakeholder updates. The map draws them
        apart from what Jira shows and never mixes the two.
      </p>
      {draft.rows.map((row, index) => (
        <DeclaredRowEditor
          key={index}
          index={index}
          row={row}
          names={draft.names}
          errors={errors}
          onName={onName}
          onChange={(next) => onChange(draft.rows.map((r, i) => (i === index ? next : r)))}
          onRemove={() => onChange(draft.rows.filter((_, i) => i !== index))}
        />
      ))}
      <FieldError id="declared-rows" message={errors['declared.rows']} />
      <Button onClick={() => onChange([...draft.rows, { label: '', layer: 'strategic', people: [] }])}>
        Add a declared row
      </Button>
    </section>
  );
}
