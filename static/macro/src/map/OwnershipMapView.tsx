// The macro on the page: loads the map for the saved configuration and shows it with everything around it — when
// its data is from and "Refresh now", what data is missing, the warnings and the split advice, the map, the
// evidence of the letter the viewer opened, and the ownership over time below it. Every other outcome gets its
// own state (loading, empty, errors).
import Button from '@atlaskit/button/default/button';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { TEAM_ID, type AnalysisResult } from '../../../../src/contract/analysis';
import { formatDate } from '../../../shared/format';
import { useResolver } from '../../../shared/invoke';
import { progressText, scopeText, useElapsedSeconds } from '../../../shared/progress';
import { DataGapsNotice, EmptyState, ErrorState, LoadingState } from '../../../shared/states';
import { Freshness } from '../../../shared/sync';
import { settingProblem } from '../config/field-labels';
import { NotConfigured } from '../NotConfigured';
import { EvidencePanel } from './EvidencePanel';
import { MapTable, type CellRef } from './MapTable';
import {
  displayNameOf,
  hasActivity,
  mapColumns,
  mapGroups,
  warningTarget,
  warningsBySeverity,
  windowLabel,
} from './map-model';
import { OverTimeStrip } from './OverTimeStrip';
import { changeByKey } from './over-time-model';
import { Advice, Warnings } from './Warnings';
import { HowCalculated } from '../../../shared/how-calculated';

function scopeLabel(result: AnalysisResult): string {
  // Projects name the scope; boards only when the map was set up on boards alone.
  const parts =
    result.scope.projects.length > 0 ? result.scope.projects : result.scope.boards.map((board) => board.name);
  return parts.length === 0 ? 'No scope' : parts.join(', ');
}

function Header({ result, onUpdated }: { result: AnalysisResult | undefined; onUpdated: () => void }) {
  return (
    <header className="map-header">
      <div className="map-title">
        <h2>PM/PO ownership map</h2>
        {result ? (
          <p className="subtle">
            {scopeLabel(result)} · {windowLabel(result.window, formatDate)}
            {result.served === undefined ? null : (
              <>
                {' · '}
                <Freshness served={result.served} onUpdated={onUpdated} />
              </>
            )}
          </p>
        ) : null}
        {result ? <HowCalculated settings={result.settings} /> : null}
      </div>
    </header>
  );
}

function Legend({ showInformed, onToggle }: { showInformed: boolean; onToggle: () => void }) {
  return (
    <p className="legend subtle">
      <span className="letter letter-A legend-letter" aria-hidden="true">
        A
      </span>{' '}
      accountable ·{' '}
      <span className="letter letter-R legend-letter" aria-hidden="true">
        R
      </span>{' '}
      responsible ·{' '}
      <span className="letter letter-C legend-letter" aria-hidden="true">
        C
      </span>{' '}
      consulted ·{' '}
      <span className="letter letter-I legend-letter" aria-hidden="true">
        I
      </span>{' '}
      informed. Letters come from each person&apos;s share of activity in Jira (not time spent). Open a letter
      to see the events behind it.{' '}
      <Button
        appearance="subtle"
        spacing="compact"
        isSelected={showInformed}
        aria-pressed={showInformed}
        onClick={onToggle}
      >
        {showInformed ? 'Hide informed (I)' : 'Show informed (I)'}
      </Button>
    </p>
  );
}

/** The saved scope in words for the progress line, before the first answer names it ("CHK, PAY (2 projects)"). */
function savedScopeText(config: Record<string, unknown> | undefined): string {
  const scope = config?.scope;
  const part = (key: 'projects' | 'boards'): unknown[] => {
    if (scope === null || typeof scope !== 'object') return [];
    const value = (scope as Record<string, unknown>)[key];
    return Array.isArray(value) ? value : [];
  };
  return scopeText(
    part('projects').filter((p): p is string => typeof p === 'string'),
    part('boards').length,
  );
}

function MapBody({ result, siteUrl }: { result: AnalysisResult; siteUrl: string }) {
  const columns = useMemo(() => mapColumns(result), [result]);
  const [showInformed, setShowInformed] = useState(false);
  const groups = useMemo(() => mapGroups(result, { showInformed }), [result, showInformed]);
  const warnings = useMemo(() => warningsBySeverity(result.warnings), [result]);
  const [selected, setSelected] = useState<CellRef | null>(null);
  // The open warning (its index in `warnings`): its rows and cells are marked in the map.
  const [warning, setWarning] = useState<number | null>(null);
  const chosen = warning === null ? undefined : warnings[warning];
  const highlight = useMemo(
    () => (chosen === undefined ? null : warningTarget(result, chosen, columns)),
    [result, chosen, columns],
  );
  // A handover or accretion of the strip below the map; one panel is open at a time, a letter's or a change's.
  const [change, setChange] = useState<{ key: string; opener: HTMLElement } | null>(null);

  const selectedRow = selected ? result.rows.find((row) => row.key === selected.rowId) : undefined;
  const selectedCell = selected
    ? selectedRow?.cells.find((cell) => cell.personId === selected.personId)
    : undefined;

  const close = useCallback(() => {
    if (change !== null) {
      // Focus goes back to the marker or line that opened it.
      setChange(null);
      if (change.opener.isConnected) change.opener.focus();
      return;
    }
    if (selected === null) return;
    // Focus goes back to the letter that opened the panel.
    const button = document.querySelector<HTMLElement>(
      `button[data-row="${CSS.escape(selected.rowId)}"][data-person="${CSS.escape(selected.personId)}"]`,
    );
    setSelected(null);
    button?.focus();
  }, [selected, change]);

  useEffect(() => {
    if (selected === null && change === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selected, change, close]);

  // A refresh that drops the opened cell (or change) closes its panel.
  useEffect(() => {
    if (selected !== null && selectedCell === undefined) setSelected(null);
  }, [selected, selectedCell]);
  useEffect(() => {
    if (change !== null && changeByKey(result, change.key, formatDate) === undefined) setChange(null);
  }, [result, change]);
  useEffect(() => {
    if (warning !== null && chosen === undefined) setWarning(null);
  }, [warning, chosen]);

  return (
    <>
      <Warnings
        result={result}
        warnings={warnings}
        siteUrl={siteUrl}
        selected={chosen === undefined ? null : warning}
        onSelect={setWarning}
      />
      <Advice result={result} />
      <Legend showInformed={showInformed} onToggle={() => setShowInformed((shown) => !shown)} />
      <MapTable
        columns={columns}
        groups={groups}
        highlight={highlight}
        selected={selected}
        onSelect={(ref) => {
          setChange(null);
          setSelected((current) =>
            current?.rowId === ref.rowId && current.personId === ref.personId ? null : ref,
          );
        }}
      />
      {selected && selectedRow && selectedCell ? (
        <EvidencePanel
          personName={
            selected.personId === TEAM_ID ? result.team.label : displayNameOf(result, selected.personId)
          }
          rowLabel={selectedRow.label}
          cell={selectedCell}
          siteUrl={siteUrl}
          onClose={close}
        />
      ) : null}
      <OverTimeStrip
        result={result}
        siteUrl={siteUrl}
        opened={change?.key ?? null}
        onOpen={(key, opener) => {
          setSelected(null);
          // Activating the open change's marker again closes it, as a letter does.
          setChange((current) => (current?.key === key ? null : { key, opener }));
        }}
        onClose={close}
        onDismiss={() => setChange(null)}
      />
    </>
  );
}

export function OwnershipMapView({
  siteUrl,
  config,
}: {
  siteUrl: string;
  config: Record<string, unknown> | undefined;
}) {
  const { state, reload } = useResolver('getOwnershipMap', {});
  const result = state.status === 'ok' ? state.data : state.status === 'loading' ? state.previous : undefined;
  const seconds = useElapsedSeconds(state.status === 'loading');

  if (state.status === 'error' && state.error.code === 'not-configured') return <NotConfigured />;

  return (
    <div className="map-view" data-state={state.status === 'ok' ? 'map' : undefined}>
      <Header result={result} onUpdated={reload} />
      {state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={reload} describeField={settingProblem} />
      ) : result === undefined ? (
        <LoadingState label={progressText(savedScopeText(config), seconds)} />
      ) : (
        <>
          {result.completeness.complete ? null : (
            <DataGapsNotice gaps={result.completeness.gaps} subject="map" />
          )}
          {hasActivity(result) ? (
            <MapBody result={result} siteUrl={siteUrl} />
          ) : (
            <EmptyState title="No activity in this window">
              <p style={{ margin: 0 }}>
                Jira shows no product events in {scopeLabel(result)} for{' '}
                {windowLabel(result.window, formatDate).toLowerCase()}
                {result.window.note ? ` (${result.window.note})` : ''}. Widen the time window or pick other
                projects or boards in the macro settings.
              </p>
            </EmptyState>
          )}
        </>
      )}
    </div>
  );
}
