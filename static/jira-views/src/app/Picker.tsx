// One labelled choice of the Jira views' toolbars (board, window, sprint) as an Atlaskit Select, Jira's own control,
// instead of a browser select. Options may come in groups (sprints by board). The wrapper carries the picker's name
// and the chosen value, so the page (and its tests) can read the choice without knowing Select's inner markup.
import Select from '@atlaskit/select';

export interface PickerOption {
  label: string;
  value: string;
}
export interface PickerGroup {
  label: string;
  options: PickerOption[];
}

export function Picker({
  name,
  label,
  value,
  options,
  onChange,
}: {
  /** "board", "window", "sprint": the wrapper's data-picker, and the input's id (picker-<name>). */
  name: string;
  label: string;
  value: string;
  options: readonly PickerOption[] | readonly PickerGroup[];
  onChange: (value: string) => void;
}) {
  const flat: PickerOption[] = options.flatMap((o) => ('options' in o ? o.options : [o]));
  const selected = flat.find((o) => o.value === value) ?? null;
  const inputId = `picker-${name}`;
  return (
    <div className="jv-field jv-picker" data-picker={name} data-value={value}>
      <label htmlFor={inputId}>{label}</label>
      <Select<PickerOption, false>
        inputId={inputId}
        classNamePrefix="jv-picker"
        options={options}
        value={selected}
        isSearchable={flat.length > 8}
        spacing="compact"
        onChange={(option) => {
          if (option !== null) onChange(option.value);
        }}
        // In the menu's own layer, so a short frame or a scrolling toolbar never clips it.
        menuPortalTarget={document.body}
        styles={{ menuPortal: (base) => ({ ...base, zIndex: 9999 }) }}
      />
    </div>
  );
}
