// The "Over time" tab: per shown scope (the board, or the whole scope by month and then each board by sprint) a
// band of owners per responsibility with the handovers marked, then the handovers as a table with the events
// behind each, and the periods without a clear owner and the responsibilities taken on, in words. Exports the
// handovers as CSV and Markdown.
import { useMemo } from 'react';
import type { AnalysisResult } from '../../../../src/contract/analysis';
import { formatDate } from '../../../shared/format';
import { JiraLink } from '../../../shared/jira-links';
import { issueUrl } from '../../../shared/jira-urls';
import { EmptyState } from '../../../shared/states';
import { ExportActions } from '../app/ExportActions';
import { handoversCsv, handoversMarkdown } from '../export/over-time-export';
import { formatPercent } from '../model/format';
import {
  changeSentences,
  HOLD_PERIODS,
  MIN_EVENTS,
  overTimeView,
  ROLLING_PERIODS,
  type HandoverRow,
  type OverTimeView as OverTimeModel,
} from '../model/over-time-table';
import { OwnerLegend, OwnershipBand } from './OwnershipBand';

function Evidence({ handover, baseUrl }: { handover: HandoverRow; baseUrl: string }) {
  const count = handover.evidenceTotal;
  return (
    <>
      {count} {count === 1 ? 'event' : 'events'}
      {handover.latestIssueKeys.length === 0 ? null : (
        <span className="jv-note" style={{ display: 'block' }}>
          latest:{' '}
          {handover.latestIssueKeys.map((key, i) => (
            <span key={key}>
              {i > 0 ? ', ' : null}
              <JiraLink href={issueUrl(baseUrl, key)} label={`Open ${key} in Jira`}>
                {key}
              </JiraLink>
            </span>
          ))}
        </span>
      )}
    </>
  );
}

function HandoverTable({ view, baseUrl }: { view: OverTimeModel; baseUrl: string }) {
  if (view.handovers.length === 0) {
    return (
      <p className="jv-note" data-state="no-handovers">
        No handovers: nobody took a responsibility over from someone who had held it for at least{' '}
        {HOLD_PERIODS} periods.
      </p>
    );
  }
  return (
    <div className="jv-scroll">
      <table className="jv-table" data-table="handovers">
        <caption>
          Each handover: who held the responsibility before, who holds it since, and both people&apos;s share
          of its activity on either side of the change. The evidence is both people&apos;s events in the{' '}
          {ROLLING_PERIODS} periods that decided it.
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Board</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Since</th>
            <th scope="col" className="jv-num">
              From share
            </th>
            <th scope="col" className="jv-num">
              To share
            </th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {view.handovers.map((h) => (
            <tr
              key={`${h.boardId ?? 'all'}-${h.row}-${h.since}`}
              data-handover-row={h.row}
              data-board={h.boardId ?? 'all'}
            >
              <th scope="row" style={{ fontWeight: 500 }} data-cell="row">
                {h.rowLabel}
              </th>
              <td data-cell="board">{h.boardName}</td>
              <td data-cell="from">{h.fromName}</td>
              <td data-cell="to">{h.toName}</td>
              <td data-cell="since" className="jv-ot-nowrap">
                {h.sincePeriod}
                <span className="jv-note" style={{ display: 'block' }}>
                  <time dateTime={h.since}>{formatDate(h.since)}</time>
                </span>
              </td>
              <td className="jv-num" data-cell="from-share">
                {formatPercent(h.fromShare)}
                <span className="jv-note" style={{ display: 'block' }}>
                  in {h.untilPeriod}
                </span>
              </td>
              <td className="jv-num" data-cell="to-share">
                {formatPercent(h.toShare)}
                <span className="jv-note" style={{ display: 'block' }}>
                  in {h.sincePeriod}
                </span>
              </td>
              <td data-cell="evidence">
                <Evidence handover={h} baseUrl={baseUrl} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Sentences({ title, lines, name }: { title: string; lines: readonly string[]; name: string }) {
  if (lines.length === 0) return null;
  return (
    <section aria-label={title} data-list={name}>
      <h4 className="jv-ot-subhead">{title}</h4>
      <ul className="jv-ot-sentences">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

export function OverTimeView({
  result,
  baseUrl,
  fileStem,
}: {
  result: AnalysisResult;
  baseUrl: string;
  fileStem: string;
}) {
  const view = useMemo(() => overTimeView(result), [result]);
  const changes = useMemo(() => changeSentences(view, formatDate), [view]);
  const accountable = formatPercent(result.settings.thresholds.accountableShare);

  if (view.empty) {
    return (
      <section aria-labelledby="over-time-heading" data-view="over-time">
        <h2 id="over-time-heading" className="jv-visually-hidden">
          Ownership over time
        </h2>
        <EmptyState title="No owners over time yet">
          Not enough activity to tell who owned what over time (a period needs at least {MIN_EVENTS} events).
        </EmptyState>
      </section>
    );
  }

  return (
    <section aria-labelledby="over-time-heading" data-view="over-time">
      <div className="jv-section-head">
        <h2 id="over-time-heading">Ownership over time</h2>
        <ExportActions
          subject="handovers"
          fileName={`${fileStem}-handovers.csv`}
          csv={() => handoversCsv(view, baseUrl, result.completeness)}
          markdown={() => handoversMarkdown(view, baseUrl, result.completeness)}
        />
      </div>
      <p className="jv-note">
        Who owned each responsibility in each period: the person with the largest share of its activity over
        the last {ROLLING_PERIODS} periods, if that share is at least {accountable} and there were at least{' '}
        {MIN_EVENTS} events. ⇄ marks a handover, where a new owner took over.
      </p>
      <OwnerLegend owners={view.owners} />
      {view.scopes.map((scope) => (
        <section
          key={scope.key}
          aria-labelledby={`over-time-${scope.key}`}
          data-scope={scope.key}
          className="jv-ot-scope"
        >
          <h3 id={`over-time-${scope.key}`} className="jv-ot-subhead">
            {scope.name}, by {scope.unit}
          </h3>
          <OwnershipBand scope={scope} rolling={ROLLING_PERIODS} />
        </section>
      ))}

      <div className="jv-section-head">
        <h3 id="handovers-heading">Handovers ({view.handovers.length})</h3>
      </div>
      <HandoverTable view={view} baseUrl={baseUrl} />
      <Sentences title="Periods without a clear owner" lines={changes.gaps} name="ownership-gaps" />
      <Sentences title="Responsibilities taken on" lines={changes.accretions} name="accretions" />
    </section>
  );
}
