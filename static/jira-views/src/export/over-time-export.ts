// The handovers of the "Over time" tab as CSV (one row per handover, every figure the table shows, the latest
// evidence issues with their links) and as Markdown for a retro page: the table, then the gaps and accretions.
import { changeSentences, HOLD_PERIODS, type OverTimeView } from '../model/over-time-table';
import { formatPercent, percentOf } from '../model/format';
import { toCsv, type CsvValue } from '../../../../src/export/csv';
import {
  incompleteCsvNotice,
  incompleteMarkdown,
  type Completeness,
} from '../../../../src/export/completeness';
import { toMarkdownTable } from './markdown';
import { issueUrl } from '../../../shared/jira-urls';

/** `completeness`: the result's; an export of incomplete data says so on its first line. */
export function handoversCsv(view: OverTimeView, baseUrl: string, completeness: Completeness): string {
  const header = [
    'Row',
    'Board',
    'From',
    'To',
    'Since (period)',
    'Since (date)',
    'Last period of the previous owner',
    'From share (%)',
    'To share (%)',
    'Evidence (events)',
    'Latest evidence issues',
    'Latest evidence links',
  ];
  const records: CsvValue[][] = view.handovers.map((h) => [
    h.rowLabel,
    h.boardName,
    h.fromName,
    h.toName,
    h.sincePeriod,
    h.sinceDate,
    h.untilPeriod,
    percentOf(h.fromShare),
    percentOf(h.toShare),
    h.evidenceTotal,
    h.latestIssueKeys.join(' '),
    h.latestIssueKeys.map((key) => issueUrl(baseUrl, key)).join(' '),
  ]);
  return toCsv(header, records, { notice: incompleteCsvNotice(completeness) });
}

export function handoversMarkdown(view: OverTimeView, baseUrl: string, completeness: Completeness): string {
  const table =
    view.handovers.length === 0
      ? `No handovers: nobody took a responsibility over from someone who had held it for at least ${HOLD_PERIODS} periods.`
      : toMarkdownTable(
          [
            { header: 'Row' },
            { header: 'Board' },
            { header: 'From' },
            { header: 'To' },
            { header: 'Since' },
            { header: 'From share', align: 'right' },
            { header: 'To share', align: 'right' },
            { header: 'Evidence' },
          ],
          view.handovers.map((h) => [
            h.rowLabel,
            h.boardName,
            h.fromName,
            h.toName,
            `${h.sincePeriod} (${h.sinceDate})`,
            formatPercent(h.fromShare),
            formatPercent(h.toShare),
            [
              `${h.evidenceTotal} ${h.evidenceTotal === 1 ? 'event' : 'events'}`,
              ...h.latestIssueKeys.map((key) => `[${key}](${issueUrl(baseUrl, key)})`),
            ].join(' '),
          ]),
        );
  const sentences = (title: string, lines: readonly string[]) =>
    lines.length === 0 ? [] : ['', `**${title}:**`, '', ...lines.map((line) => `- ${line}`)];
  const changes = changeSentences(view);
  const lines = [
    table,
    ...sentences('Periods without a clear owner', changes.gaps),
    ...sentences('Responsibilities taken on', changes.accretions),
  ];
  return `${incompleteMarkdown(completeness)}${lines.join('\n')}`;
}
