// The macro on the page: loads the map for the saved configuration and shows it with everything around it — when
// its data is from and "Refresh now", what data is missing, the warnings and the split advice, the map, the
// evidence of the letter the viewer opened, and the ownership over time below it. Every other outcome gets its
// own state (loading, empty, errors).
import Button from '@atlaskit/button/default/button';
import ButtonGroup from '@atlaskit/button/button-group';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnalysisResult } from '../../../../src/contract/analysis';
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
  squadGrid,
  squadLabel,
  warningTarget,
  warningsBySeverity,
  windowLabel,
} from './map-model';
import { OverTimeStrip } from './OverTimeStrip';
import { changeByKey } from './over-time-model';
import { useSessionChoice } from './session-choice';
import { SquadTable, type SquadRef } from './SquadTable';
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
      </div>
      {result ? <HowCalculated settings={result.settings} /> : null}
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

const VIEWS = ['person', 'squad'] as const;
type MapViewKind = (typeof VIEWS)[number];
const VIEW_LABEL: Record<MapViewKind, string> = { person: 'By person', squad: 'By squad' };

/** By person (responsibilities × people) or by squad (responsibilities × boards); the choice is announced. */
function ViewToggle({ view, onChange }: { view: MapViewKind; onChange: (view: MapViewKind) => void }) {
  return (
    <div className="map-views">
      <ButtonGroup label="Show the map">
        {VIEWS.map((kind) => (
          <Button
            key={kind}
            spacing="compact"
            isSelected={kind === view}
            aria-pressed={kind === view}
            data-view={kind}
            onClick={() => onChange(kind)}
          >
            {VIEW_LABEL[kind]}
          </Button>
        ))}
      </ButtonGroup>
      <span className="visually-hidden" role="status">
        {view === 'squad'
          ? 'Showing the map by squad: responsibilities by board.'
          : 'Showing the map by person: responsibilities by person.'}
      </span>
    </div>
  );
}

/** A letter opened for its evidence: a cell of the map by person, or a squad's owner of a row. */
type OpenedLetter = { view: 'person'; ref: CellRef } | { view: 'squad'; ref: SquadRef };

function sameLetter(a: OpenedLetter | null, b: OpenedLetter): boolean {
  if (a === null || a.view !== b.view || a.ref.rowId !== b.ref.rowId) return false;
  return a.view === 'person' && b.view === 'person'
    ? a.ref.personId === b.ref.personId
    : a.view === 'squad' && b.view === 'squad' && a.ref.boardId === b.ref.boardId;
}

/** What the evidence panel shows for an opened letter; undefined when the result no longer has it. */
function openedEvidence(result: AnalysisResult, opened: OpenedLetter) {
  const row = result.rows.find((r) => r.key === opened.ref.rowId);
  if (row === undefined) return undefined;
  if (opened.view === 'person') {
    const { personId } = opened.ref;
    const cell = row.cells.find((c) => c.personId === personId);
    return cell && { personName: displayNameOf(result, personId), rowLabel: row.label, cell };
  }
  const { boardId } = opened.ref;
  const board = result.boards.find((b) => b.id === boardId);
  const cell = board?.rows.find((r) => r.key === row.key)?.ownerCell ?? undefined;
  return (
    board &&
    cell && {
      personName: displayNameOf(result, cell.personId),
      rowLabel: row.label,
      boardLabel: squadLabel(board),
      cell,
    }
  );
}

/** The button that opened a letter, where focus returns when its evidence closes. */
function openerOf(opened: OpenedLetter): HTMLElement | null {
  const row = `[data-row="${CSS.escape(opened.ref.rowId)}"]`;
  const column =
    opened.view === 'person'
      ? `[data-person="${CSS.escape(opened.ref.personId)}"]`
      : `[data-board="${opened.ref.boardId}"]`;
  return document.querySelector<HTMLElement>(`button${row}${column}`);
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
  const squads = useMemo(() => squadGrid(result), [result]);
  // Without boards in scope there is no squad to show the map by.
  const [chosenView, setView] = useSessionChoice<MapViewKind>('ownership-map:view', VIEWS, 'person');
  const view = squads.columns.length > 0 ? chosenView : 'person';
  const warnings = useMemo(() => warningsBySeverity(result.warnings), [result]);
  const [selected, setSelected] = useState<OpenedLetter | null>(null);
  // The open warning (its index in `warnings`): its rows and cells are marked in the map.
  const [warning, setWarning] = useState<number | null>(null);
  const chosen = warning === null ? undefined : warnings[warning];
  const highlight = useMemo(
    () => (chosen === undefined ? null : warningTarget(result, chosen, columns)),
    [result, chosen, columns],
  );
  // A handover or accretion of the strip below the map; one panel is open at a time, a letter's or a change's.
  const [change, setChange] = useState<{ key: string; opener: HTMLElement } | null>(null);

  const evidence = selected === null ? undefined : openedEvidence(result, selected);

  const close = useCallback(() => {
    if (change !== null) {
      // Focus goes back to the marker or line that opened it.
      setChange(null);
      if (change.opener.isConnected) change.opener.focus();
      return;
    }
    if (selected === null) return;
    // Focus goes back to the letter that opened the panel.
    const button = openerOf(selected);
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

  // Opening the open letter again closes it; one panel is open at a time.
  const open = (letter: OpenedLetter) => {
    setChange(null);
    setSelected((current) => (sameLetter(current, letter) ? null : letter));
  };

  // A refresh that drops the opened cell (or change) closes its panel.
  useEffect(() => {
    if (selected !== null && evidence === undefined) setSelected(null);
  }, [selected, evidence]);
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
      {squads.columns.length > 0 ? (
        <ViewToggle
          view={view}
          onChange={(next) => {
            // The opened letter belongs to the grid being left.
            if (next !== view) setSelected(null);
            setView(next);
          }}
        />
      ) : null}
      {view === 'person' ? (
        <>
          <Legend showInformed={showInformed} onToggle={() => setShowInformed((shown) => !shown)} />
          <MapTable
            columns={columns}
            groups={groups}
            highlight={highlight}
            selected={selected?.view === 'person' ? selected.ref : null}
            onSelect={(ref) => open({ view: 'person', ref })}
          />
        </>
      ) : (
        <>
          <p className="legend subtle">
            Each cell names who is accountable for the responsibility on that board, with their share of its
            activity there (not time spent). Open a name to see the events behind it.
          </p>
          <SquadTable
            grid={squads}
            selected={selected?.view === 'squad' ? selected.ref : null}
            onSelect={(ref) => open({ view: 'squad', ref })}
          />
        </>
      )}
      {selected && evidence ? <EvidencePanel {...evidence} siteUrl={siteUrl} onClose={close} /> : null}
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
