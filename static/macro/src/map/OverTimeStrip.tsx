// "Ownership over time", below the map: for the whole site (months) or one board (its sprints), one band per row
// with the owner of every period, a marker where a row changed hands that opens the events behind it, and each
// handover and accretion in words. The shaping is over-time-model.ts; the evidence opened is the map view's state,
// so only one panel (a letter's or a change's) is open at a time and Escape closes either.
import Button from '@atlaskit/button/default/button';
import Tooltip from '@atlaskit/tooltip';
import { useMemo, useState, type MouseEvent } from 'react';
import type { AnalysisResult } from '../../../../src/contract/analysis';
import { MIN_EVENTS } from '../../../../src/ownership/over-time/period-owners';
import { formatDate } from '../../../shared/format';
import { CHANGE_PANEL_ID, ChangeEvidencePanel } from './ChangeEvidencePanel';
import {
  changeByKey,
  defaultOverTimeScope,
  overTimeScopes,
  overTimeView,
  type Band,
  type BandCell,
  type OverTimeChange,
  type OverTimeOwner,
  type OverTimeScope,
  type OwnerLook,
} from './over-time-model';

/** Up to this many scopes read as one row of buttons; more (a site with many boards) get a select. */
const MAX_SCOPE_BUTTONS = 5;

const swatchClass = (look: OwnerLook) =>
  look === 'none' ? 'ot-swatch ot-none' : look === 'team' ? 'ot-swatch ot-team' : `ot-swatch accent-${look}`;

function ScopeChooser({
  scopes,
  value,
  onChange,
}: {
  scopes: OverTimeScope[];
  value: number | null;
  onChange: (boardId: number | null) => void;
}) {
  if (scopes.length > MAX_SCOPE_BUTTONS) {
    return (
      <label className="ot-scope">
        <span className="field-label">Scope</span>
        <select
          className="native-select"
          data-picker="over-time-scope"
          value={value === null ? '' : String(value)}
          onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
        >
          {scopes.map((scope) => (
            <option key={scope.boardId ?? 'site'} value={scope.boardId === null ? '' : String(scope.boardId)}>
              {scope.label}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <div className="ot-scope" role="group" aria-label="Scope">
      {scopes.map((scope) => (
        <Button
          key={scope.boardId ?? 'site'}
          spacing="compact"
          isSelected={scope.boardId === value}
          aria-pressed={scope.boardId === value}
          data-scope={scope.boardId ?? 'site'}
          onClick={() => onChange(scope.boardId)}
        >
          {scope.label}
        </Button>
      ))}
    </div>
  );
}

function Legend({ owners }: { owners: OverTimeOwner[] }) {
  return (
    <ul className="ot-legend subtle" aria-label="Owners">
      {owners.map((owner) => (
        <li key={owner.id} data-owner={owner.id}>
          <span className={swatchClass(owner.look)} aria-hidden="true" />
          {owner.name}
          {owner.inactive ? ' (inactive)' : ''}
        </li>
      ))}
      <li>
        <span className={swatchClass('none')} aria-hidden="true" />
        no clear owner
      </li>
      <li>
        <span className="ot-marker ot-marker-sample" aria-hidden="true">
          ⇄
        </span>
        handover (open it for the events)
      </li>
    </ul>
  );
}

function PeriodCell({
  cell,
  opened,
  onOpen,
}: {
  cell: BandCell | null;
  opened: string | null;
  onOpen: (change: OverTimeChange, opener: HTMLElement) => void;
}) {
  if (cell === null) {
    return (
      <td className="ot-cell">
        <span className="visually-hidden">no data</span>
      </td>
    );
  }
  const handover = cell.handover;
  return (
    <td className="ot-cell" data-period={cell.period.id} data-owner={cell.owner?.id ?? ''}>
      <Tooltip content={cell.description}>
        {(props) => (
          <span
            {...props}
            role="img"
            aria-label={cell.description}
            className={swatchClass(cell.owner?.look ?? 'none')}
          />
        )}
      </Tooltip>
      {handover !== null && handover.kind === 'handover' ? (
        <Tooltip content={`${handover.fromName} → ${handover.toName}: show the events`}>
          {(props) => (
            <button
              {...props}
              type="button"
              className="ot-marker"
              data-handover={handover.key}
              aria-label={handover.label}
              aria-expanded={opened === handover.key}
              aria-controls={CHANGE_PANEL_ID}
              onClick={(event: MouseEvent<HTMLButtonElement>) => onOpen(handover, event.currentTarget)}
            >
              <span aria-hidden="true">⇄</span>
            </button>
          )}
        </Tooltip>
      ) : null}
    </td>
  );
}

function Bands({
  bands,
  axis,
  axisCommon,
  scopeLabel,
  opened,
  onOpen,
}: {
  bands: Band[];
  axis: { id: string; label: string; short: string }[];
  axisCommon: string;
  scopeLabel: string;
  opened: string | null;
  onOpen: (change: OverTimeChange, opener: HTMLElement) => void;
}) {
  return (
    <div
      className="ot-scroll"
      role="region"
      aria-label={`Owners per period, ${scopeLabel} (scrolls sideways)`}
      tabIndex={0}
    >
      <table className="ot-bands" data-testid="over-time-bands">
        <caption className="visually-hidden">
          Who owned each responsibility in each period of {scopeLabel}, and where it changed hands.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="ot-corner">
              {axisCommon}
            </th>
            {axis.map((period) => (
              <th scope="col" key={period.id} className="ot-period" title={period.label}>
                <span aria-hidden="true">{period.short}</span>
                <span className="visually-hidden">{period.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bands.map((band) => (
            <tr key={band.row} data-row={band.row}>
              <th scope="row" className="ot-row">
                {band.label}
              </th>
              {band.cells.map((cell, index) => (
                <PeriodCell
                  key={cell?.period.id ?? `gap-${index}`}
                  cell={cell}
                  opened={opened}
                  onOpen={onOpen}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OverTimeStrip({
  result,
  siteUrl,
  opened,
  onOpen,
  onClose,
  onDismiss,
}: {
  result: AnalysisResult;
  siteUrl: string;
  /** The key of the handover or accretion whose evidence is open, if any. */
  opened: string | null;
  onOpen: (key: string, opener: HTMLElement) => void;
  /** Closes the evidence and gives focus back to what opened it. */
  onClose: () => void;
  /** Closes the evidence without moving focus (the viewer chose another scope). */
  onDismiss: () => void;
}) {
  const scopes = useMemo(() => overTimeScopes(result), [result]);
  const [chosen, setChosen] = useState<number | null>(() => defaultOverTimeScope(result));
  // A refresh whose scope no longer lists the chosen board falls back to the default.
  const boardId = scopes.some((s) => s.boardId === chosen) ? chosen : defaultOverTimeScope(result);
  const view = useMemo(() => overTimeView(result, boardId, formatDate), [result, boardId]);
  const openedChange = opened === null ? undefined : changeByKey(result, opened, formatDate);
  const open = (change: OverTimeChange, opener: HTMLElement) => onOpen(change.key, opener);

  return (
    <section className="over-time" aria-labelledby="over-time-title" data-testid="over-time">
      <div className="ot-head">
        <h3 id="over-time-title">Ownership over time</h3>
        <ScopeChooser
          scopes={scopes}
          value={boardId}
          onChange={(next) => {
            if (next === boardId) return;
            if (openedChange !== undefined && openedChange.boardId !== next) onDismiss();
            setChosen(next);
          }}
        />
      </div>
      {view.hasOwner ? (
        <>
          <p className="subtle ot-intro">
            {boardId === null ? 'Each calendar month' : `Each sprint of ${view.scope.label}`}: who held the
            row over the last few periods. Hover a period for its owner and share.
          </p>
          <Legend owners={view.owners} />
          <Bands
            bands={view.bands}
            axis={view.axis}
            axisCommon={view.axisCommon}
            scopeLabel={view.scope.label}
            opened={opened}
            onOpen={open}
          />
          {openedChange !== undefined && openedChange.boardId === boardId ? (
            <ChangeEvidencePanel change={openedChange} siteUrl={siteUrl} onClose={onClose} />
          ) : null}
          {view.changes.length > 0 ? (
            <ul className="ot-changes" aria-label="Changes of owner">
              {view.changes.map((change) => (
                <li key={change.key} data-change={change.kind} data-row={change.row}>
                  <span>{change.sentence}</span>{' '}
                  <button
                    type="button"
                    className="ot-link"
                    aria-expanded={opened === change.key}
                    aria-controls={CHANGE_PANEL_ID}
                    aria-label={`Show the events: ${change.sentence}`}
                    onClick={(event) => open(change, event.currentTarget)}
                  >
                    Show the events
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="subtle ot-none-changed">
              No row changed hands {boardId === null ? 'on the whole site' : `on ${view.scope.label}`}.
            </p>
          )}
        </>
      ) : (
        <p className="ot-empty" data-state="over-time-empty">
          Not enough activity to tell who owned what over time (a period needs at least {MIN_EVENTS} events).
        </p>
      )}
    </section>
  );
}
