// The views' side of the app's store: the freshness line under every result ("Data as of 10:42 · refreshes
// hourly · Refresh now") with its refresh, which queues a sync and loads the view again once it has landed, and
// the state a large scope shows while its first read runs — progress per project, never a blank page or a
// timeout — which loads the view as soon as the read is done.
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { useCallback, useEffect, useState } from 'react';
import type { SyncProgress } from '../../src/contract/sync';
import { formatMoment } from './format';
import { callResolver } from './invoke';
import {
  POLL_INTERVAL_MS,
  REFRESH_PATIENCE_MS,
  baselineOf,
  everyProjectStored,
  readShare,
  readingText,
  refreshLanded,
  refreshingText,
  servedText,
  syncProblems,
  type RefreshBaseline,
  type Served,
} from './sync-model';
import { colors, radius, space } from './theme';

type RefreshState =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | {
      kind: 'waiting';
      baseline: RefreshBaseline;
      progress: SyncProgress;
      since: number;
      /** The last time asking how it goes failed (the wait goes on: the sync itself may be fine). */
      problem: string | null;
    }
  | { kind: 'updated' }
  | { kind: 'slow' }
  | { kind: 'failed'; message: string };

/** "Refresh now": queues a sync, asks how it goes every few seconds, and calls `onLanded` once it has landed. */
function useRefreshNow(onLanded: () => void) {
  const [state, setState] = useState<RefreshState>({ kind: 'idle' });
  const start = useCallback(() => {
    setState({ kind: 'asking' });
    void callResolver('getSyncProgress', { refresh: true }).then((answer) =>
      setState(
        answer.ok
          ? {
              kind: 'waiting',
              baseline: baselineOf(answer.data),
              progress: answer.data,
              since: Date.now(),
              problem: null,
            }
          : { kind: 'failed', message: answer.error.message },
      ),
    );
  }, []);
  useEffect(() => {
    if (state.kind !== 'waiting') return;
    let stopped = false;
    const timer = setTimeout(() => {
      void callResolver('getSyncProgress', {}).then((answer) => {
        if (stopped) return;
        if (answer.ok && refreshLanded(state.baseline, answer.data)) {
          setState({ kind: 'updated' });
          onLanded();
        } else if (Date.now() - state.since > REFRESH_PATIENCE_MS) setState({ kind: 'slow' });
        else if (answer.ok) setState({ ...state, progress: answer.data, problem: null });
        else setState({ ...state, problem: answer.error.message });
      });
    }, POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [state, onLanded]);
  return { state, start };
}

function refreshWords(state: RefreshState): string | null {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'asking':
      return 'Refreshing…';
    case 'waiting':
      return refreshingText(state.baseline, state.progress);
    case 'updated':
      return 'Updated';
    case 'slow':
      return 'The refresh is taking longer than usual; the new data will be here the next time this page is opened.';
    case 'failed':
      return `The refresh could not be started: ${state.message}`;
  }
}

/**
 * When the result's data is from and how it stays fresh, with "Refresh now". `onUpdated` loads the view again
 * (its own resolver call) once the refresh has landed.
 */
export function Freshness({ served, onUpdated }: { served: Served; onUpdated: () => void }) {
  const { state, start } = useRefreshNow(onUpdated);
  // The previous map is shown while the newer one is prepared in the background: ask again until it is there.
  useEffect(() => {
    if (served.updating !== true) return undefined;
    const timer = setTimeout(onUpdated, POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [served, onUpdated]);
  const busy = state.kind === 'asking' || state.kind === 'waiting';
  const words = refreshWords(state);
  const problems =
    state.kind === 'waiting'
      ? [...syncProblems(state.progress), ...(state.problem === null ? [] : [state.problem])]
      : [];
  return (
    // Inline, so a view can end its subtitle line with it ("CHK · All time · Data as of 10:42 · …").
    <span className="freshness" data-testid="freshness" data-served={served.from} data-refresh={state.kind}>
      <time dateTime={served.asOf}>{servedText(served, formatMoment)}</time> ·{' '}
      <Button appearance="subtle" spacing="compact" onClick={start} isDisabled={busy}>
        Refresh now
      </Button>
      {words === null ? null : (
        <span role="status" aria-live="polite" data-testid="refresh-status">
          {' '}
          · {words}
        </span>
      )}
      {problems.map((problem) => (
        <span key={problem} style={{ display: 'block', color: colors.textWarning }}>
          {problem}
        </span>
      ))}
    </span>
  );
}

function ReadBar({ share, label }: { share: number | undefined; label: string }) {
  if (share === undefined) return null;
  const percent = Math.round(share * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      style={{
        height: space['075'],
        marginTop: space['050'],
        borderRadius: radius.small,
        background: colors.backgroundNeutral,
        overflow: 'hidden',
      }}
    >
      <div style={{ width: `${percent}%`, height: '100%', background: colors.link }} />
    </div>
  );
}

/**
 * A scope too large to read while the viewer waits: how far the app's first read of each project is, asked again
 * every few seconds; `onReady` loads the view once every project is stored. No time limit: a large backfill
 * takes as long as Jira's rate limit makes it, and the page says how far it is meanwhile.
 */
export function SyncingState({
  progress,
  onReady,
}: {
  progress: SyncProgress | undefined;
  onReady: (() => void) | undefined;
}) {
  const [latest, setLatest] = useState<SyncProgress | undefined>(progress);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      timer = setTimeout(() => {
        void callResolver('getSyncProgress', {}).then((answer) => {
          if (stopped) return;
          if (!answer.ok) setProblem(answer.error.message);
          else {
            setProblem(null);
            setLatest(answer.data);
            if (everyProjectStored(answer.data) && onReady !== undefined) {
              onReady();
              return;
            }
          }
          ask();
        });
      }, POLL_INTERVAL_MS);
    };
    ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [onReady]);
  const projects = latest?.projects ?? [];
  const problems = [
    ...(latest === undefined ? [] : syncProblems(latest)),
    ...(problem === null ? [] : [problem]),
  ];
  return (
    <div data-state="syncing" role="status" aria-live="polite">
      <SectionMessage appearance="information" title="The app is reading this scope from Jira">
        <p style={{ margin: 0 }}>
          This scope is too large to read while you wait, so the app is storing it in the background. The map
          appears here when the reading is done; you can leave this page and come back.
        </p>
        <ul style={{ listStyle: 'none', margin: `${space['150']} 0 0`, padding: 0 }}>
          {projects.map((project) => (
            <li key={project.project} data-project={project.project} style={{ marginTop: space['100'] }}>
              {readingText(project)}
              <ReadBar share={readShare(project)} label={`${project.project} read`} />
            </li>
          ))}
        </ul>
        {problems.map((line) => (
          <p key={line} style={{ margin: `${space['100']} 0 0`, color: colors.textWarning }}>
            {line}
          </p>
        ))}
        {latest?.nextAt === undefined || problems.length === 0 ? null : (
          <p style={{ margin: `${space['100']} 0 0` }}>It goes on from {formatMoment(latest.nextAt)}.</p>
        )}
      </SectionMessage>
    </div>
  );
}
