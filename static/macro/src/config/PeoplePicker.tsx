// Picks one Jira person by name: an async search through the searchPeople resolver (display names only, never
// e-mail addresses). Reports the account id and the display name, so the panel can show names when reopened.
import { AsyncSelect } from '@atlaskit/select';
import { callResolver } from '../../../shared/invoke';

export interface PersonChoice {
  accountId: string;
  displayName: string;
}

interface Option {
  label: string;
  value: string;
}

/** Options for a query; a failed search shows as no options (the picker says so in its empty message). */
async function searchOptions(query: string): Promise<Option[]> {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  const result = await callResolver('searchPeople', { query: trimmed.slice(0, 100) });
  if (!result.ok) return [];
  return result.data.map((person) => ({
    value: person.accountId,
    label: person.active ? person.displayName : `${person.displayName} (inactive)`,
  }));
}

export function PeoplePicker({
  inputId,
  value,
  names,
  onChange,
  invalid,
  describedBy,
  ariaLabel,
  clearable = true,
}: {
  inputId: string;
  value: string | null;
  names: Record<string, string>;
  onChange: (choice: PersonChoice | null) => void;
  invalid?: boolean;
  describedBy?: string;
  ariaLabel?: string;
  clearable?: boolean;
}) {
  const selected =
    value === null || value === '' ? null : { value, label: names[value] ?? `Person ${value}` };
  return (
    <AsyncSelect<Option, false>
      inputId={inputId}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      cacheOptions
      defaultOptions={false}
      loadOptions={searchOptions}
      value={selected}
      isClearable={clearable}
      isInvalid={invalid}
      placeholder="Search people by name"
      noOptionsMessage={({ inputValue }) =>
        inputValue.trim() === '' ? 'Type a name' : 'Nobody found by that name'
      }
      onChange={(option) => onChange(option ? { accountId: option.value, displayName: option.label } : null)}
      menuPortalTarget={document.body}
      styles={{ menuPortal: (base) => ({ ...base, zIndex: 9999 }) }}
    />
  );
}
