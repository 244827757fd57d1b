// Above the map: the bottleneck and health warnings, most severe first. Each says who, the figures against their
// thresholds and what to do (the message), and can show the events that fired it.
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { AnalysisResult } from '../../../../src/contract/analysis';
import { figureLabel, formatFigure } from '../../../shared/format';
import { JiraLink, jqlUrl, keysJql } from '../../../shared/jira-links';
import { EvidenceList } from './EvidenceList';
import { displayNameOf, warningsBySeverity, type MapWarning } from './map-model';

const APPEARANCE = { high: 'error', medium: 'warning', low: 'information' } as const;
const SEVERITY_WORD = { high: 'High', medium: 'Medium', low: 'Low' } as const;

/** "Acceptance share 82% (threshold 70%)"; thresholds without a figure of their own name are listed after. */
export function figureLines(warning: Pick<MapWarning, 'figures' | 'thresholds'>): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(warning.figures)) {
    const threshold = warning.thresholds[key];
    lines.push(
      `${figureLabel(key)} ${formatFigure(key, value)}` +
        (threshold === undefined ? '' : ` (threshold ${formatFigure(key, threshold)})`),
    );
  }
  for (const [key, value] of Object.entries(warning.thresholds)) {
    if (key in warning.figures) continue;
    lines.push(`Threshold: ${figureLabel(key).toLowerCase()} ${formatFigure(key, value)}`);
  }
  return lines;
}

function WarningMessage({
  warning,
  result,
  siteUrl,
}: {
  warning: MapWarning;
  result: AnalysisResult;
  siteUrl: string;
}) {
  const board =
    warning.boardId === undefined ? undefined : result.scope.boards.find((b) => b.id === warning.boardId);
  const more = warning.evidenceTotal - warning.evidence.length;
  const names = warning.people.map((id) => displayNameOf(result, id));
  return (
    <div className="warning" data-warning={warning.id} data-severity={warning.severity}>
      <SectionMessage
        appearance={APPEARANCE[warning.severity]}
        title={`${warning.title} · ${SEVERITY_WORD[warning.severity]}`}
      >
        <p className="warning-message">{warning.message}</p>
        <p className="warning-facts">
          {[
            names.length > 0 ? `Who: ${names.join(', ')}` : null,
            board ? `Board: ${board.name}` : null,
            ...figureLines(warning),
          ]
            .filter((fact): fact is string => fact !== null)
            .join(' · ')}
        </p>
        {warning.evidence.length > 0 ? (
          <details className="warning-evidence">
            <summary>
              Show the {warning.evidenceTotal} {warning.evidenceTotal === 1 ? 'event' : 'events'} behind it
            </summary>
            <EvidenceList evidence={warning.evidence} siteUrl={siteUrl} />
            <p className="subtle">
              {more > 0 ? `${more} more not shown. ` : ''}
              <JiraLink href={jqlUrl(siteUrl, keysJql(warning.evidence.map((e) => e.issueKey)))}>
                Open these issues in Jira
              </JiraLink>
            </p>
          </details>
        ) : null}
      </SectionMessage>
    </div>
  );
}

/** How many warnings show before "Show N more": the most severe stay in view, the map is not pushed away. */
export const WARNINGS_SHOWN = 3;

export function Warnings({ result, siteUrl }: { result: AnalysisResult; siteUrl: string }) {
  const [all, setAll] = useState(false);
  const warnings = warningsBySeverity(result.warnings);
  if (warnings.length === 0) return null;
  // Every high-severity warning shows; the rest beyond the first few wait behind one button.
  const highs = warnings.filter((w) => w.severity === 'high').length;
  const shownCount = all ? warnings.length : Math.max(WARNINGS_SHOWN, highs);
  const hidden = warnings.slice(shownCount);
  return (
    <section
      className="warnings"
      aria-label={`${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`}
    >
      {warnings.slice(0, shownCount).map((warning, index) => (
        <WarningMessage key={`${warning.id}:${index}`} warning={warning} result={result} siteUrl={siteUrl} />
      ))}
      {hidden.length > 0 ? (
        <div className="more-warnings">
          <Button onClick={() => setAll(true)} aria-describedby="more-warnings-titles">
            Show {hidden.length} more {hidden.length === 1 ? 'warning' : 'warnings'}
          </Button>
          <span id="more-warnings-titles" className="subtle">
            {hidden.map((w) => w.title).join(' · ')}
          </span>
        </div>
      ) : null}
    </section>
  );
}

export function Advice({ result }: { result: AnalysisResult }) {
  if (result.advice.length === 0) return null;
  return (
    <section className="advice" aria-label="Split advice">
      {result.advice.map((advice, index) => (
        <div key={`${advice.personId}:${index}`} data-advice={advice.kind}>
          <SectionMessage
            appearance={
              advice.kind === 'combined-role-works' || advice.kind === 'roles-already-split'
                ? 'success'
                : 'discovery'
            }
            title={`${advice.title} · ${displayNameOf(result, advice.personId)}`}
          >
            <p className="warning-message">{advice.message}</p>
            <p className="warning-facts">{figureLines(advice).join(' · ')}</p>
          </SectionMessage>
        </div>
      ))}
    </section>
  );
}
