// The Jira views: reads where Jira opened them (project page or a sprint's action menu), lets the viewer pick the
// board and the window, loads the project analysis once for all tabs, and shows loading, errors and data gaps.
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import Button from '@atlaskit/button/default/button';
import { view } from '@forge/bridge';
import { useEffect, useMemo, useState } from 'react';
import type { AnalysisWindow } from '../../../../src/ownership/config';
import { DateField } from '../../../shared/date-field';
import { useResolver } from '../../../shared/invoke';
import { progressText, useElapsedSeconds } from '../../../shared/progress';
import { DataGapsNotice, ErrorState, LoadingState } from '../../../shared/states';
import { Freshness } from '../../../shared/sync';
import { AcceptanceView } from '../acceptance/AcceptanceView';
import { BandwidthView } from '../bandwidth/BandwidthView';
import { OverTimeView } from '../over-time/OverTimeView';
import { readJiraViewContext, type JiraViewContext } from '../model/jira-context';
import { datedWindow, WINDOW_PRESETS } from '../model/window-choice';
import { Picker } from './Picker';
import { HowCalculated } from '../../../shared/how-calculated';

const TABS = ['bandwidth', 'acceptance', 'over-time'] as const;
const DEFAULT_WINDOW: AnalysisWindow = { kind: 'sprints', lastSprints: 12 };
type TabId = (typeof TABS)[number];

function WindowPicker({ value, onChange }: { value: AnalysisWindow; onChange: (w: AnalysisWindow) => void }) {
  const presetId =
    WINDOW_PRESETS.find((p) => JSON.stringify(p.window) === JSON.stringify(value))?.id ?? 'dates';
  const [choosingDates, setChoosingDates] = useState(presetId === 'dates');
  const [from, setFrom] = useState(value.kind === 'dates' ? value.from : '');
  const [to, setTo] = useState(value.kind === 'dates' ? value.to : '');
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Picker
        name="window"
        label="Window"
        value={choosingDates ? 'dates' : presetId}
        options={[
          ...WINDOW_PRESETS.map((p) => ({ value: p.id, label: p.label })),
          { value: 'dates', label: 'Between dates…' },
        ]}
        onChange={(id) => {
          const preset = WINDOW_PRESETS.find((p) => p.id === id);
          setError(null);
          if (preset) {
            setChoosingDates(false);
            onChange(preset.window);
          } else setChoosingDates(true);
        }}
      />
      {choosingDates ? (
        <form
          className="jv-toolbar"
          style={{ margin: 0 }}
          onSubmit={(event) => {
            event.preventDefault();
            const chosen = datedWindow(from, to);
            if ('error' in chosen) setError(chosen.error);
            else {
              setError(null);
              onChange(chosen.window);
            }
          }}
        >
          <label className="jv-field" htmlFor="jv-window-from">
            From
            <DateField id="jv-window-from" testId="window-from" value={from} onChange={setFrom} />
          </label>
          <label className="jv-field" htmlFor="jv-window-to">
            To
            <DateField id="jv-window-to" testId="window-to" value={to} onChange={setTo} />
          </label>
          <Button type="submit">Apply</Button>
          {error === null ? null : (
            <span role="alert" style={{ color: 'var(--ds-text-danger, #AE2E24)' }}>
              {error}
            </span>
          )}
        </form>
      ) : null}
    </>
  );
}

function Views({ context }: { context: JiraViewContext }) {
  const fromSprint = context.module === 'sprint-action';
  // The board the page was opened on is the first choice; "all" is a choice too, sent as such so that it wins
  // over the board in the page's context.
  const [boardId, setBoardId] = useState<number | 'all'>(context.boardId ?? 'all');
  // The last 12 sprints: sprint periods for the trend and the sprints the review lists (its cap is 12 too). A board
  // without sprints falls back to the whole history in weeks, and the views say so.
  const [window, setWindow] = useState<AnalysisWindow>(DEFAULT_WINDOW);
  const [tab, setTab] = useState<TabId>(fromSprint ? 'acceptance' : 'bandwidth');
  const [boards, setBoards] = useState<{ id: number; name: string }[]>([]);
  const payload = useMemo(() => ({ boardId, window }), [boardId, window]);
  const { state, reload } = useResolver('getProjectAnalysis', payload);
  const seconds = useElapsedSeconds(state.status === 'loading');
  const scopeName = context.projectKey ?? (boardId === 'all' ? 'this project' : `board ${boardId}`);

  const result = state.status === 'ok' ? state.data : state.status === 'loading' ? state.previous : undefined;
  // The board list comes from the broadest answer seen (every board of the project), not from a filtered one.
  useEffect(() => {
    if (state.status !== 'ok') return;
    const listed = state.data.scope.boards.map((b) => ({ id: b.id, name: b.name }));
    setBoards((current) => (listed.length > current.length ? listed : current));
  }, [state]);

  const fileStem = (context.projectKey ?? `board-${boardId}`).toLowerCase();
  const boardPicker =
    fromSprint || boards.length === 0 ? null : (
      <Picker
        name="board"
        label="Board"
        value={boardId === 'all' ? 'all' : String(boardId)}
        options={[
          { value: 'all', label: `All boards of ${context.projectKey ?? 'the project'}` },
          ...boards.map((b) => ({ value: String(b.id), label: b.name })),
        ]}
        onChange={(value) => setBoardId(value === 'all' ? 'all' : Number(value))}
      />
    );

  return (
    // No heading of its own: Jira titles the project page (and the sprint action's dialog) with the module's title.
    <main className="jv-page" aria-busy={state.status === 'loading'}>
      <div className="jv-toolbar">
        {boardPicker}
        {fromSprint && boards.length > 0 ? (
          <div className="jv-field">
            Board
            <span
              style={{
                minHeight: 32,
                display: 'flex',
                alignItems: 'center',
                color: 'var(--ds-text, #172B4D)',
              }}
            >
              {boards.find((b) => b.id === boardId)?.name ?? `Board ${boardId}`}
            </span>
          </div>
        ) : null}
        <WindowPicker value={window} onChange={setWindow} />
      </div>

      {state.status === 'loading' ? <LoadingState label={progressText(scopeName, seconds)} /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : null}

      {result === undefined || state.status === 'error' ? null : (
        <div
          className={state.status === 'loading' ? 'jv-busy' : undefined}
          data-window-kind={result.window.kind}
          data-window-from={result.window.from ?? ''}
          data-loading={state.status === 'loading' ? 'true' : 'false'}
        >
          {result.served === undefined ? null : (
            <p className="jv-note">
              <Freshness served={result.served} onUpdated={reload} />
            </p>
          )}
          {result.window.note ? <p className="jv-note">{result.window.note}</p> : null}
          <HowCalculated settings={result.settings} />
          {result.completeness.complete ? null : (
            <DataGapsNotice gaps={result.completeness.gaps} subject="analysis" />
          )}
          <Tabs
            id="jira-views-tabs"
            selected={TABS.indexOf(tab)}
            onChange={(index) => setTab(TABS[index] ?? 'bandwidth')}
          >
            <TabList>
              <Tab testId="tab-bandwidth">Bandwidth</Tab>
              <Tab testId="tab-acceptance">Sprint acceptance</Tab>
              <Tab testId="tab-over-time">Over time</Tab>
            </TabList>
            <TabPanel>
              <div style={{ width: '100%', minWidth: 0 }}>
                <BandwidthView result={result} fileStem={fileStem} />
              </div>
            </TabPanel>
            <TabPanel>
              <div style={{ width: '100%', minWidth: 0 }}>
                <AcceptanceView
                  result={result}
                  baseUrl={context.siteUrl}
                  preferredSprintId={context.sprintId}
                  fileStem={fileStem}
                />
              </div>
            </TabPanel>
            <TabPanel>
              <div style={{ width: '100%', minWidth: 0 }}>
                <OverTimeView result={result} baseUrl={context.siteUrl} fileStem={fileStem} />
              </div>
            </TabPanel>
          </Tabs>
        </div>
      )}
    </main>
  );
}

export function App() {
  const [context, setContext] = useState<JiraViewContext | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    view
      .getContext()
      .then((raw) => setContext(readJiraViewContext(raw)))
      .catch((error: unknown) =>
        setFailed(error instanceof Error && error.message ? error.message : 'No answer from Jira.'),
      );
  }, []);
  if (failed !== null) {
    return (
      <main className="jv-page">
        <ErrorState
          error={{
            code: 'internal',
            message: `This view could not read where Jira opened it (${failed}). Reload the page.`,
          }}
        />
      </main>
    );
  }
  if (context === null) return <LoadingState label="Opening…" />;
  return <Views context={context} />;
}
