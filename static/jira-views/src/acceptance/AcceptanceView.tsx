// The sprint acceptance review tab: pick a sprint (every sprint the review covers, grouped by board); a header with
// the acceptor concentration and each acceptor's median wait; the completed issues with who accepted each (self-
// acceptances highlighted), criteria at acceptance, the wait before done, late acceptances; the carried-over issues.
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AnalysisResult } from '../../../../src/contract/analysis';
import type { IssueDetail } from '../../../../src/contract/issue-details';
import { IssueDetailsNotes, IssueRef, useIssueDetails } from '../../../shared/issue-details';
import { JiraLink } from '../../../shared/jira-links';
import { EmptyState } from '../../../shared/states';
import { ExportActions } from '../app/ExportActions';
import type { TableCell, TableHead, TableRow } from '../app/table-rows';
import { Picker } from '../app/Picker';
import { acceptanceCsv, acceptanceMarkdown } from '../export/acceptance-export';
import { issueUrl } from '../../../shared/jira-urls';
import {
  acceptanceReview,
  defaultSprint,
  sprintOptions,
  type AcceptanceReviewView,
} from '../model/acceptance-table';
import { formatDays, formatPercent, yesNo } from '../model/format';

function Figure({
  label,
  value,
  alert = false,
  name,
}: {
  label: string;
  value: string;
  alert?: boolean;
  name: string;
}) {
  return (
    <div className="jv-figure" data-alert={alert ? 'true' : 'false'} data-figure={name}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function ReviewHeader({ review }: { review: AcceptanceReviewView }) {
  const t = review.thresholds;
  const top = review.topAcceptor;
  return (
    <>
      {review.warnings.map((w) => (
        <div key={w.id} style={{ margin: '8px 0' }} data-warning={w.id}>
          <SectionMessage appearance="warning" title={w.title}>
            <p style={{ margin: 0 }}>{w.message}</p>
          </SectionMessage>
        </div>
      ))}
      <dl className="jv-figures" aria-label="Sprint figures">
        <Figure name="completed" label="Issues completed" value={String(review.completedCount)} />
        <Figure
          name="self-accepted"
          label="Self-accepted (by their assignee)"
          value={
            review.selfAcceptanceRate === null
              ? '—'
              : `${review.selfAccepted} of ${review.completedCount} (${formatPercent(review.selfAcceptanceRate)})`
          }
          alert={review.selfAcceptanceRate !== null && review.selfAcceptanceRate >= t.selfAcceptanceShare}
        />
        <Figure
          name="top-acceptor"
          label="Acceptor concentration"
          value={top === null ? '—' : `${top.name}: ${formatPercent(top.share)}`}
          alert={top !== null && top.share >= t.concentrationShare}
        />
        <Figure
          name="without-criteria"
          label="Without acceptance criteria"
          value={String(review.withoutCriteria)}
        />
        <Figure
          name="after-end"
          label="Accepted after the sprint ended"
          value={String(review.acceptedAfterEnd)}
        />
        <Figure name="carried-over" label="Carried over" value={String(review.carriedOverCount)} />
      </dl>
      {review.acceptors.length > 0 ? (
        <div className="jv-scroll" style={{ marginBottom: 12 }}>
          <table className="jv-table" data-table="acceptors">
            <caption>
              Who accepted this sprint&apos;s work, and the median wait in the last status before their
              acceptance. Flags start at {formatPercent(t.concentrationShare)} of acceptances for one person
              or a median wait of {formatDays(t.waitDays)}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Acceptor</th>
                <th scope="col" className="jv-num">
                  Accepted
                </th>
                <th scope="col" className="jv-num">
                  Share
                </th>
                <th scope="col" className="jv-num">
                  Median wait
                </th>
              </tr>
            </thead>
            <tbody>
              {review.acceptors.map((a) => (
                <tr key={a.personId} data-acceptor={a.name}>
                  <th scope="row" style={{ fontWeight: 500 }}>
                    {a.name}
                  </th>
                  <td className="jv-num">{a.count}</td>
                  <td className="jv-num" data-alert={a.share >= t.concentrationShare ? 'true' : undefined}>
                    {formatPercent(a.share)}
                  </td>
                  <td className="jv-num" data-alert={a.medianWaitDays >= t.waitDays ? 'true' : undefined}>
                    {formatDays(a.medianWaitDays)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/** Story points as Jira holds them now (read with the issue's details); a dash when the issue has none. */
function pointsLabel(detail: IssueDetail | undefined): string {
  if (detail === undefined) return '';
  return detail.points === null ? '—' : String(detail.points);
}

/** The table's columns: what each is sorted by (DynamicTable compares the cells' keys). */
const COLUMNS: { key: string; label: string; numeric?: boolean }[] = [
  { key: 'issue', label: 'Issue' },
  { key: 'points', label: 'Points', numeric: true },
  { key: 'acceptor', label: 'Accepted by' },
  { key: 'assignee', label: 'Assignee' },
  { key: 'self-accepted', label: 'Self-accepted' },
  { key: 'criteria', label: 'Criteria at acceptance' },
  { key: 'wait', label: 'Wait in last status', numeric: true },
  { key: 'after-end', label: 'After sprint end' },
  { key: 'accepted-on', label: 'Accepted on' },
];

const HEAD: TableHead = {
  cells: COLUMNS.map((column) => ({
    key: column.key,
    content: column.label,
    isSortable: true,
    'data-column': column.key,
    ...(column.numeric ? { 'data-numeric': 'true' } : {}),
  })),
};

function IssuesTable({ review, baseUrl }: { review: AcceptanceReviewView; baseUrl: string }) {
  // The sprint's issues as the viewer sees them now, read from Jira when the sprint is shown.
  const shown = useIssueDetails(review.issues.map((issue) => issue.issueKey));
  if (review.issues.length === 0) {
    return (
      <EmptyState title="Nothing was completed in this sprint">
        No issue of this sprint moved to done while it was in the sprint.
      </EmptyState>
    );
  }
  const numeric = new Set(COLUMNS.filter((column) => column.numeric).map((column) => column.key));
  const cell = (column: string, key: string | number, content: ReactNode): TableCell => ({
    key,
    content,
    'data-cell': column,
    ...(numeric.has(column) ? { 'data-numeric': 'true' } : {}),
  });
  const rows: TableRow[] = review.issues
    .filter((issue) => !shown.hidden.has(issue.issueKey))
    .map((issue, order) => {
      const detail = shown.detailOf(issue.issueKey);
      const row: TableRow = {
        key: issue.issueKey,
        className: issue.selfAccepted ? 'jv-self-accepted' : undefined,
        'data-issue': issue.issueKey,
        'data-self-accepted': issue.selfAccepted ? 'true' : 'false',
        cells: [
          // The engine's order (the order of acceptance) is the issue column's.
          cell('issue', order, <IssueRef issueKey={issue.issueKey} detail={detail} siteUrl={baseUrl} />),
          // Issues without points sort below any estimate.
          cell('points', detail?.points ?? -1, pointsLabel(detail)),
          cell('acceptor', issue.acceptorName, issue.acceptorName),
          cell('assignee', issue.assigneeName ?? '', issue.assigneeName ?? '—'),
          cell(
            'self-accepted',
            issue.selfAccepted ? 1 : 0,
            issue.selfAccepted ? <Lozenge appearance="moved">self-accepted</Lozenge> : 'no',
          ),
          cell(
            'criteria',
            issue.criteriaPresent ? 1 : 0,
            issue.criteriaPresent ? 'yes' : <Lozenge appearance="removed">{yesNo(false)}</Lozenge>,
          ),
          cell('wait', issue.waitDays, formatDays(issue.waitDays)),
          cell(
            'after-end',
            issue.afterSprintEnd ? 1 : 0,
            issue.afterSprintEnd ? <Lozenge appearance="moved">after end</Lozenge> : 'no',
          ),
          cell('accepted-on', issue.acceptedOn, issue.acceptedOn),
        ],
      };
      return row;
    });
  return (
    <>
      {/* Said above the table, not as DynamicTable's caption, which Atlaskit draws as a heading. */}
      <p className="jv-note" id="accepted-issues-note">
        Issues completed in {review.name}
        {review.issues.length < review.completedCount
          ? ` (the ${review.issues.length} most recent of ${review.completedCount})`
          : ''}
        . Self-acceptances (the assignee moved their own issue to done) are highlighted; the column headers
        sort.
      </p>
      <div className="jv-scroll jv-dynamic" data-table="accepted-issues">
        <DynamicTable
          head={HEAD}
          rows={rows}
          label={`Issues completed in ${review.name}`}
          testId="accepted-issues"
        />
      </div>
      <IssueDetailsNotes shown={shown} />
    </>
  );
}

function CarriedOver({ review, baseUrl }: { review: AcceptanceReviewView; baseUrl: string }) {
  return (
    <section aria-labelledby="carried-heading" style={{ marginTop: 16 }} data-section="carried-over">
      <div className="jv-section-head">
        <h3 id="carried-heading">Carried over ({review.carriedOverCount})</h3>
      </div>
      {review.carriedOver.length < review.carriedOverCount ? (
        <p className="jv-note" data-note="carried-capped">
          {review.carriedOver.length} of {review.carriedOverCount} are listed.
        </p>
      ) : null}
      {review.carriedOverCount === 0 ? (
        <p className="jv-note">
          {review.closed ? 'Nothing was carried over to a later sprint.' : 'The sprint is still active.'}
        </p>
      ) : (
        <ul data-list="carried-over">
          {review.carriedOver.map((c) => (
            <li key={c.issueKey}>
              <JiraLink href={issueUrl(baseUrl, c.issueKey)} label={`Open ${c.issueKey} in Jira`}>
                {c.issueKey}
              </JiraLink>{' '}
              → {c.toSprintName}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AcceptanceView({
  result,
  baseUrl,
  preferredSprintId,
  fileStem,
}: {
  result: AnalysisResult;
  baseUrl: string;
  /** The sprint the sprint action opened on. */
  preferredSprintId?: number;
  fileStem: string;
}) {
  const options = useMemo(() => sprintOptions(result), [result]);
  const initial = useMemo(() => defaultSprint(result, preferredSprintId), [result, preferredSprintId]);
  const [sprintId, setSprintId] = useState<number | null>(initial.sprintId);
  // A new analysis (another board or window) may not have the sprint that was picked: fall back to its default.
  useEffect(() => {
    setSprintId((current) =>
      current !== null && result.acceptance.sprints.some((s) => s.sprintId === current)
        ? current
        : initial.sprintId,
    );
  }, [result, initial]);
  const review = useMemo(
    () => (sprintId === null ? null : acceptanceReview(result, sprintId)),
    [result, sprintId],
  );
  const boards = [...new Set(options.map((o) => o.boardName))];

  if (options.length === 0) {
    return (
      <section aria-labelledby="acceptance-heading" data-view="acceptance">
        <h2 id="acceptance-heading" className="jv-visually-hidden">
          Sprint acceptance review
        </h2>
        <EmptyState title="No sprints to review">
          {result.bandwidth.periodKind === 'week'
            ? 'This board has no sprints in the window, so there is no sprint to review. The bandwidth breakdown uses weeks instead.'
            : 'No sprint of this board started in the window. Pick a longer window or another board.'}
          {result.acceptance.outsideSprints > 0
            ? ` ${result.acceptance.outsideSprints} acceptances in the window were on issues in no sprint.`
            : ''}
        </EmptyState>
      </section>
    );
  }

  return (
    <section aria-labelledby="acceptance-heading" data-view="acceptance">
      <div className="jv-section-head">
        <h2 id="acceptance-heading">Sprint acceptance review</h2>
        {review === null ? null : (
          <ExportActions
            subject="acceptance review"
            fileName={`${fileStem}-${review.name.replace(/[^\w.-]+/g, '-')}-acceptance.csv`}
            csv={() => acceptanceCsv(review, baseUrl, result.completeness)}
            markdown={() => acceptanceMarkdown(review, baseUrl, result.completeness)}
          />
        )}
      </div>
      <div className="jv-toolbar">
        <Picker
          name="sprint"
          label="Sprint"
          value={sprintId === null ? '' : String(sprintId)}
          options={boards.map((board) => ({
            label: board,
            options: options
              .filter((o) => o.boardName === board)
              .map((o) => ({ value: String(o.sprintId), label: o.label })),
          }))}
          onChange={(value) => setSprintId(Number(value))}
        />
        {review === null ? null : (
          <p className="jv-note" style={{ margin: 0 }}>
            {review.boardName} · {review.start || 'not started'} –{' '}
            {review.complete || review.end || 'no end date'}
            {review.closed ? '' : ' (active)'}
          </p>
        )}
      </div>
      {result.acceptance.sprintsTotal > result.acceptance.sprints.length ? (
        <p className="jv-note">
          The {result.acceptance.sprints.length} most recent of {result.acceptance.sprintsTotal} sprints in
          the window are listed.
        </p>
      ) : null}
      {initial.missing && preferredSprintId !== undefined && sprintId === initial.sprintId ? (
        <div style={{ margin: '8px 0' }} data-state="sprint-missing">
          <SectionMessage appearance="information" title="This sprint is not in the review">
            <p style={{ margin: 0 }}>
              The sprint you opened this from has not started, or lies outside the chosen window, so it has no
              acceptances to review. Showing the most recently closed sprint instead.
            </p>
          </SectionMessage>
        </div>
      ) : null}
      {review === null ? null : (
        <>
          <ReviewHeader review={review} />
          <IssuesTable review={review} baseUrl={baseUrl} />
          <CarriedOver review={review} baseUrl={baseUrl} />
        </>
      )}
    </section>
  );
}
