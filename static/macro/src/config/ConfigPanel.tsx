// The macro's configuration panel (custom config, same resource as the map): scope, window, declared roles and
// rows, statuses Jira no longer lists, threshold overrides. The host's dialog gives it its one title. Every change is checked against AnalysisConfigSchema; problems show next to their
// field and Save stays disabled until there are none. Save hands the settings to the host with view.submit.
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { view } from '@forge/bridge';
import { useMemo, useState } from 'react';
import { useResolver } from '../../../shared/invoke';
import { DeclaredRolesFields, DeclaredRowsFields } from './DeclaredFields';
import { ScopeFields } from './ScopeFields';
import { StatusMappingSection } from './StatusMappingSection';
import { ThresholdsSection } from './ThresholdsSection';
import { WindowFields } from './WindowFields';
import { draftFromSaved, submittedConfig, validateDraft, type ConfigDraft } from './config-draft';
import { settingLabel } from './field-labels';
import type { PersonChoice } from './PeoplePicker';

export function ConfigPanel({ saved }: { saved: Record<string, unknown> | undefined }) {
  const [draft, setDraft] = useState<ConfigDraft>(() => draftFromSaved(saved));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const options = useResolver('getConfigOptions', {});
  const errors = useMemo(() => validateDraft(draft), [draft]);
  const problems = Object.entries(errors);

  const update = (change: Partial<ConfigDraft>) => setDraft((current) => ({ ...current, ...change }));
  const remember = (choice: PersonChoice) =>
    setDraft((current) => ({
      ...current,
      names: { ...current.names, [choice.accountId]: choice.displayName },
    }));

  async function save() {
    if (problems.length > 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      await view.submit({ config: submittedConfig(draft) });
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : 'The settings could not be saved. Try again.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="config-panel"
      data-state="config"
      aria-label="Ownership map settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        // Enter in a field (a search, a threshold) picks or confirms there and never submits, so the dialog closes
        // only from Save. The pickers handle their own Enter before it reaches the form.
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
      }}
    >
      <ScopeFields
        options={options.state}
        onRetry={options.reload}
        projects={draft.projects}
        boards={draft.boards}
        errors={errors}
        onChange={(scope) => update(scope)}
      />
      <WindowFields window={draft.window} errors={errors} onChange={(window) => update({ window })} />
      <DeclaredRolesFields
        draft={draft}
        errors={errors}
        onPick={(role, choice) => {
          if (choice) remember(choice);
          update({ [role]: choice?.accountId ?? null });
        }}
      />
      <DeclaredRowsFields
        draft={draft}
        errors={errors}
        onChange={(rows) => update({ rows })}
        onName={remember}
      />
      <StatusMappingSection draft={draft} errors={errors} onChange={(statuses) => update({ statuses })} />
      <ThresholdsSection
        draft={draft}
        errors={errors}
        onThreshold={(key, value) =>
          setDraft((current) => ({ ...current, thresholds: { ...current.thresholds, [key]: value } }))
        }
        onShowDeliveryPeople={(showDeliveryPeople) => update({ showDeliveryPeople })}
      />
      {saveError ? (
        <SectionMessage appearance="error" title="Not saved">
          <p style={{ margin: 0 }}>{saveError}</p>
        </SectionMessage>
      ) : null}
      <footer className="config-footer">
        <p className="subtle" aria-live="polite" data-testid="config-status">
          {problems.length === 0
            ? 'Ready to save.'
            : `Fix ${problems.length === 1 ? 'this' : `these ${problems.length}`} to save: ${problems
                .map(([path]) => settingLabel(path))
                .join(', ')}.`}
        </p>
        <div className="config-actions">
          <Button appearance="subtle" onClick={() => void view.close().catch(() => undefined)}>
            Cancel
          </Button>
          <Button
            type="submit"
            appearance="primary"
            isDisabled={problems.length > 0 || saving}
            isLoading={saving}
          >
            Save
          </Button>
        </div>
      </footer>
    </form>
  );
}
