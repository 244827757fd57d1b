// The sprint acceptance review as CSV (one row per issue: the completed ones, then the carried-over ones) and as
// Markdown for a retro page: a line with the header figures, the issues table, then the carried-over issues.
import type { AcceptanceReviewView } from '../model/acceptance-table';
import { formatPercent, yesNo } from '../model/format';
import { toCsv, type CsvValue } from '../../../../src/export/csv';
import {
  incompleteCsvNotice,
  incompleteMarkdown,
  type Completeness,
} from '../../../../src/export/completeness';
import { toMarkdownTable } from './markdown';
import { issueUrl } from '../../../shared/jira-urls';

/** `completeness`: the result's; an export of incomplete data says so on its first line . */
export function acceptanceCsv(
  review: AcceptanceReviewView,
  baseUrl: string,
  completeness: Completeness,
): string {
  const header = [
    'Sprint',
    'Issue',
    'Link',
    'Outcome',
    'Accepted by',
    'Assignee',
    'Self-accepted',
    'Acceptance criteria at acceptance',
    'Wait in last status (working days)',
    'Accepted after sprint end',
    'Accepted on',
  ];
  const records: CsvValue[][] = review.issues.map((issue) => [
    review.name,
    issue.issueKey,
    issueUrl(baseUrl, issue.issueKey),
    'Completed',
    issue.acceptorName,
    issue.assigneeName ?? '',
    yesNo(issue.selfAccepted),
    yesNo(issue.criteriaPresent),
    issue.waitDays,
    yesNo(issue.afterSprintEnd),
    issue.acceptedOn,
  ]);
  for (const carried of review.carriedOver) {
    records.push([
      review.name,
      carried.issueKey,
      issueUrl(baseUrl, carried.issueKey),
      `Carried over to ${carried.toSprintName}`,
      ...header.slice(4).map(() => null),
    ]);
  }
  return toCsv(header, records, { notice: incompleteCsvNotice(completeness) });
}

/** The header figures in one sentence, the same ones the page's header shows. */
export function acceptanceSummary(review: AcceptanceReviewView): string {
  const parts = [`${review.completedCount} completed`];
  if (review.selfAcceptanceRate !== null) {
    parts.push(`${review.selfAccepted} self-accepted (${formatPercent(review.selfAcceptanceRate)})`);
  }
  parts.push(`${review.withoutCriteria} without acceptance criteria`);
  parts.push(`${review.acceptedAfterEnd} accepted after the sprint ended`);
  parts.push(`${review.carriedOverCount} carried over`);
  if (review.topAcceptor !== null) {
    parts.push(
      `top acceptor ${review.topAcceptor.name} (${formatPercent(review.topAcceptor.share)} of acceptances)`,
    );
  }
  return parts.join(', ');
}

export function acceptanceMarkdown(
  review: AcceptanceReviewView,
  baseUrl: string,
  completeness: Completeness,
): string {
  const rows: (string | number)[][] = review.issues.map((issue) => [
    `[${issue.issueKey}](${issueUrl(baseUrl, issue.issueKey)})`,
    issue.acceptorName,
    issue.assigneeName ?? '—',
    issue.selfAccepted ? '**yes**' : 'no',
    yesNo(issue.criteriaPresent),
    issue.waitDays.toFixed(1),
    yesNo(issue.afterSprintEnd),
  ]);
  const acceptors = review.acceptors
    .map(
      (a) =>
        `${a.name}: ${a.count} (${formatPercent(a.share)}), median wait ${a.medianWaitDays.toFixed(1)} d`,
    )
    .join('; ');
  const carried = review.carriedOver
    .map((c) => `[${c.issueKey}](${issueUrl(baseUrl, c.issueKey)}) → ${c.toSprintName}`)
    .join(', ');
  const table = toMarkdownTable(
    [
      { header: 'Issue' },
      { header: 'Accepted by' },
      { header: 'Assignee' },
      { header: 'Self-accepted' },
      { header: 'Criteria at acceptance' },
      { header: 'Wait (working days)', align: 'right' },
      { header: 'After sprint end' },
    ],
    rows,
  );
  const capped = [
    ...(review.issues.length < review.completedCount
      ? [`The ${review.issues.length} most recent of ${review.completedCount} completed issues are listed.`]
      : []),
    ...(review.carriedOver.length < review.carriedOverCount
      ? [`${review.carriedOver.length} of ${review.carriedOverCount} carried-over issues are listed.`]
      : []),
  ];
  const lines = [
    `**${review.name}** (${review.boardName}): ${acceptanceSummary(review)}.`,
    ...capped,
    ...(acceptors === '' ? [] : [`Acceptors: ${acceptors}.`]),
    ...review.warnings.map((w) => `> **${w.title}.** ${w.message}`),
    '',
    table,
    ...(carried === '' ? [] : ['', `Carried over: ${carried}.`]),
  ];
  return `${incompleteMarkdown(completeness)}${lines.join('\n')}`;
}
