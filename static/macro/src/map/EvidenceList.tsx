// A list of Jira events (evidence): when, which issue (a link to it in Jira), which field, from → to.
import type { ResultCell } from '../../../../src/contract/analysis';
import { formatDate, formatDateTime } from '../../../shared/format';
import { JiraLink, issueUrl } from '../../../shared/jira-links';

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
  return (
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
        {evidence.map((e, index) => (
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
              <JiraLink href={issueUrl(siteUrl, e.issueKey)} label={`Open ${e.issueKey} in Jira`}>
                {e.issueKey}
              </JiraLink>
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
  );
}
