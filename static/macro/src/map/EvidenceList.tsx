// A list of Jira events (evidence): when, which issue (a link to it in Jira, its type, summary and status as the
// viewer sees it now), which field, from → to. Events on issues the viewer may no longer open are left out.
import type { ResultCell } from '../../../../src/contract/analysis';
import { formatDate, formatDateTime } from '../../../shared/format';
import { IssueDetailsNotes, IssueRef, useIssueDetails } from '../../../shared/issue-details';

export type Evidence = ResultCell['evidence'][number];

function Value({ text, prefix }: { text: string | null | undefined; prefix?: string }) {
  const empty = text === null || text === undefined || text === '';
  return (
    <span className={empty ? 'value value-none' : 'value'} title={empty ? undefined : text}>
      {prefix}
      {empty ? '(none)' : text}
    </span>
  );
}

export function EvidenceList({ evidence, siteUrl }: { evidence: readonly Evidence[]; siteUrl: string }) {
  const shown = useIssueDetails(evidence.map((e) => e.issueKey));
  const listed = evidence.filter((e) => !shown.hidden.has(e.issueKey));
  return (
    <>
      <table className="evidence">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Issue</th>
            <th scope="col">Field</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((e, index) => (
            <tr
              key={`${e.issueKey}:${e.historyId ?? ''}:${e.at}:${e.field ?? ''}:${index}`}
              data-evidence={e.issueKey}
            >
              <td className="evidence-when">
                <time dateTime={e.at} title={formatDateTime(e.at)}>
                  {formatDate(e.at)}
                </time>
              </td>
              <td className="evidence-issue">
                <IssueRef issueKey={e.issueKey} detail={shown.detailOf(e.issueKey)} siteUrl={siteUrl} />
              </td>
              <td className="evidence-field">{e.field ?? 'Created'}</td>
              <td className="evidence-change">
                {e.field === undefined && e.from == null && e.to == null ? (
                  <span className="value-none">created the issue</span>
                ) : (
                  <>
                    <Value text={e.from} />
                    <Value text={e.to} prefix="→ " />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <IssueDetailsNotes shown={shown} />
    </>
  );
}
