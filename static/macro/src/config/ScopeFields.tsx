// Which Jira data the map reads: projects and / or boards, chosen from the lists the viewer can see.
import Select from '@atlaskit/select';
import type { ConfigOptions } from '../../../../src/contract/requests';
import type { LoadState } from '../../../shared/invoke';
import { ErrorState } from '../../../shared/states';
import { Field, describedBy } from './Field';
import { errorsUnder, type FieldErrors } from './config-draft';

interface Option<T> {
  label: string;
  value: T;
}

export function ScopeFields({
  options,
  onRetry,
  projects,
  boards,
  errors,
  onChange,
}: {
  options: LoadState<ConfigOptions>;
  onRetry: () => void;
  projects: string[];
  boards: number[];
  errors: FieldErrors;
  onChange: (scope: { projects: string[]; boards: number[] }) => void;
}) {
  const data = options.status === 'ok' ? options.data : undefined;
  const loading = options.status === 'loading';
  const projectOptions: Option<string>[] = (data?.projects ?? []).map((p) => ({
    value: p.key,
    label: `${p.name} (${p.key})`,
  }));
  const boardOptions: Option<number>[] = (data?.boards ?? []).map((b) => ({
    value: b.id,
    label: b.projectKey ? `${b.name} — ${b.projectKey}` : b.name,
  }));
  // Saved choices the viewer cannot see (any more) stay visible, so saving does not drop them silently; until the
  // lists have arrived nothing is known to be out of sight, so a saved choice reads as its bare key.
  const unseen = data === undefined ? '' : ' (not visible to you)';
  const projectValue = projects.map(
    (key) => projectOptions.find((o) => o.value === key) ?? { value: key, label: `${key}${unseen}` },
  );
  const boardValue = boards.map(
    (id) => boardOptions.find((o) => o.value === id) ?? { value: id, label: `Board ${id}${unseen}` },
  );
  const scopeError = errors.scope;
  const projectsError = errorsUnder(errors, 'scope.projects')[0];
  const boardsError = errorsUnder(errors, 'scope.boards')[0];

  return (
    <section className="config-section" aria-labelledby="scope-heading">
      <h3 id="scope-heading">Jira scope</h3>
      <p className="field-help">Pick at least one project or board. Boards also bring in their sprints.</p>
      {options.status === 'error' ? <ErrorState error={options.error} onRetry={onRetry} /> : null}
      <Field id="scope-projects" label="Projects" error={projectsError}>
        <Select<Option<string>, true>
          inputId="scope-projects"
          isMulti
          isLoading={loading}
          options={projectOptions}
          value={projectValue}
          isInvalid={Boolean(projectsError || scopeError)}
          aria-describedby={describedBy('scope-projects', false, projectsError)}
          placeholder={loading ? 'Loading projects…' : 'Choose projects'}
          onChange={(chosen) => onChange({ projects: chosen.map((o) => o.value), boards })}
        />
      </Field>
      <Field id="scope-boards" label="Boards" error={boardsError}>
        <Select<Option<number>, true>
          inputId="scope-boards"
          isMulti
          isLoading={loading}
          options={boardOptions}
          value={boardValue}
          isInvalid={Boolean(boardsError || scopeError)}
          aria-describedby={describedBy('scope-boards', false, boardsError)}
          placeholder={loading ? 'Loading boards…' : 'Choose boards'}
          onChange={(chosen) => onChange({ projects, boards: chosen.map((o) => o.value) })}
        />
      </Field>
      {scopeError ? (
        <p className="field-error" id="scope-error" data-error-for="scope">
          <span aria-hidden="true">⚠ </span>
          {scopeError}
        </p>
      ) : null}
      {data && data.notes.length > 0 ? (
        <ul className="field-help">
          {data.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
