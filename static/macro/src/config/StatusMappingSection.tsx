// Statuses the site no longer lists (a deleted or renamed workflow status): the map cannot tell what moving an
// issue there meant, says so, and asks for a category here. Collapsed until there is a mapping or a problem.
import Button from '@atlaskit/button/default/button';
import Textfield from '@atlaskit/textfield';
import { DisclosureSection } from './Disclosure';
import { Field, describedBy } from './Field';
import { STATUS_CHOICES, type ConfigDraft, type FieldErrors, type StatusChoice } from './config-draft';

const CHOICE_LABELS: Record<StatusChoice, string> = {
  done: 'Done (counts as acceptance)',
  'in progress': 'In progress',
  'to do': 'To do',
};

export function StatusMappingSection({
  draft,
  errors,
  onChange,
}: {
  draft: ConfigDraft;
  errors: FieldErrors;
  onChange: (statuses: ConfigDraft['statuses']) => void;
}) {
  const invalid = Object.keys(errors).some((path) => path.startsWith('statusMapping'));
  const set = (index: number, change: Partial<ConfigDraft['statuses'][number]>) =>
    onChange(draft.statuses.map((status, i) => (i === index ? { ...status, ...change } : status)));
  return (
    <DisclosureSection
      id="statuses"
      title={`Statuses Jira no longer lists${draft.statuses.length > 0 ? ` (${draft.statuses.length} mapped)` : ''}`}
      initiallyOpen={draft.statuses.length > 0}
      forceOpen={invalid}
    >
      <p className="field-help">
        When the map says a status is not one of this site&apos;s statuses, name it here exactly as the map
        does and say what it meant. Statuses Jira still lists keep their own category.
      </p>
      <ul className="status-mapping" aria-label="Mapped statuses">
        {draft.statuses.map((status, index) => {
          const id = `status-${index}`;
          const error = errors[`statusMapping.${index}`];
          return (
            <li key={index} className="status-mapping-row">
              <Field id={`${id}-name`} label={`Status ${index + 1}`} error={error}>
                <Textfield
                  id={`${id}-name`}
                  value={status.name}
                  placeholder="e.g. Accepted by PO"
                  isInvalid={Boolean(error)}
                  aria-describedby={describedBy(`${id}-name`, false, error)}
                  onChange={(event) => set(index, { name: event.currentTarget.value })}
                />
              </Field>
              <Field id={`${id}-category`} label="Counts as">
                <select
                  id={`${id}-category`}
                  className="native-select"
                  value={status.category}
                  onChange={(event) => set(index, { category: event.currentTarget.value as StatusChoice })}
                >
                  {STATUS_CHOICES.map((choice) => (
                    <option key={choice} value={choice}>
                      {CHOICE_LABELS[choice]}
                    </option>
                  ))}
                </select>
              </Field>
              <Button
                appearance="subtle"
                aria-label={`Remove status ${index + 1}`}
                onClick={() => onChange(draft.statuses.filter((_, i) => i !== index))}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
      <Button onClick={() => onChange([...draft.statuses, { name: '', category: 'done' }])}>
        Add a status
      </Button>
    </DisclosureSection>
  );
}
