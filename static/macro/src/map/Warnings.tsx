// Above the map: a one-line summary of the warnings, then one line per warning (severity, title, who, the key
// figure), most severe first. Opening a line shows its full text, figures against thresholds and evidence, and
// marks its rows and cells in the map below, so the warnings explain the map instead of pushing it off screen.
import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { AnalysisResult } from '../../../../src/contract/analysis';
import { figureLabel, formatFigure } from '../../../shared/format';
import { JiraLink, jqlUrl, keysJql } from '../../../shared/jira-links';
import { EvidenceList } from './EvidenceList';
import {
  boardNameOf,
  displayNameOf,
  keyFigure,
  readableFigures,
  warningsSummary,
  type MapWarning,
} from './map-model';

const APPEARANCE = { high: 'removed', medium: 'moved', low: 'default' } as const;
const SEVERITY_WORD = { high: 'High', medium: 'Medium', low: 'Low' } as const;

/** "Acceptance share 82% (threshold 70%)"; thresholds without a figure of their own name are listed after. */
export function figureLines(warning: Pick<MapWarning, 'figures' | 'thresholds'>): string[] {
  const lines: string[] = [];
  for (const [key, value] of readableFigures(warning.figures)) {
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

function WarningLine({
  warning,
  index,
  open,
  onToggle,
  result,
  siteUrl,
}: {
  warning: MapWarning;
  index: number;
  open: boolean;
  onToggle: () => void;
  result: AnalysisResult;
  siteUrl: string;
}) {
  const board = boardNameOf(result, warning.boardId);
  const more = warning.evidenceTotal - warning.evidence.length;
  const names = warning.people.map((id) => displayNameOf(result, id));
  const figure = keyFigure(warning);
  // The events are listed (and their issues read from Jira) only once the viewer opens them.
  const [evidenceOpen, setEvidenceOpen] = useState(false);
  const detailsId = `warning-details-${index}`;
  const who = [names.length > 3 ? `${names.slice(0, 2).join(', ')} +${names.length - 2}` : names.join(', ')]
    .concat(board === undefined ? [] : [`on ${board}`])
    .filter((part) => part !== '')
    .join(' ');
  return (
    <li
      className={`warning${open ? ' open' : ''}`}
      data-warning={warning.id}
      data-severity={warning.severity}
      data-index={index}
    >
      <button
        type="button"
        className="warning-line"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={onToggle}
      >
        <span className="warning-chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <Lozenge appearance={APPEARANCE[warning.severity]}>{SEVERITY_WORD[warning.severity]}</Lozenge>
        <span className="warning-title">{warning.title}</span>
        {who === '' ? null : <span className="warning-who">{who}</span>}
        {figure === undefined ? null : (
          <span className="warning-figure">
            {figureLabel(figure[0])} {formatFigure(figure[0], figure[1])}
          </span>
        )}
      </button>
      {open ? (
        <div className="warning-details" id={detailsId}>
          <p className="warning-message">{warning.message}</p>
          <p className="warning-facts">
            {[names.length > 0 ? `Who: ${names.join(', ')}` : null, ...figureLines(warning)]
              .filter((fact): fact is string => fact !== null)
              .join(' · ')}
          </p>
          {warning.evidence.length > 0 ? (
            <details
              className="warning-evidence"
              onToggle={(event) => setEvidenceOpen(event.currentTarget.open)}
            >
              <summary>
                Show the {warning.evidenceTotal} {warning.evidenceTotal === 1 ? 'event' : 'events'} behind it
              </summary>
              {evidenceOpen ? <EvidenceList evidence={warning.evidence} siteUrl={siteUrl} /> : null}
              <p className="subtle">
                {more > 0 ? `${more} more not shown. ` : ''}
                <JiraLink href={jqlUrl(siteUrl, keysJql(warning.evidence.map((e) => e.issueKey)))}>
                  Open these issues in Jira
                </JiraLink>
              </p>
            </details>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** How many lines show before "Show N more": every high one, and at least this many in all. */
export const WARNINGS_SHOWN = 5;

/**
 * The warnings in severity order (`warnings`, see warningsBySeverity); `selected` is the index of the open one,
 * which the map highlights.
 */
export function Warnings({
  result,
  warnings,
  siteUrl,
  selected,
  onSelect,
}: {
  result: AnalysisResult;
  warnings: readonly MapWarning[];
  siteUrl: string;
  selected: number | null;
  onSelect: (index: number | null) => void;
}) {
  const [all, setAll] = useState(false);
  if (warnings.length === 0) return null;
  const highs = warnings.filter((w) => w.severity === 'high').length;
  const shownCount = all ? warnings.length : Math.max(WARNINGS_SHOWN, highs);
  const hidden = warnings.slice(shownCount);
  return (
    <section
      className="warnings"
      aria-label={`${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`}
    >
      <p className="warnings-summary" data-testid="warnings-summary">
        <strong>
          {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
        </strong>{' '}
        · {warningsSummary(result, warnings)}
      </p>
      <ul className="warning-list">
        {warnings.slice(0, shownCount).map((warning, index) => (
          <WarningLine
            key={`${warning.id}:${index}`}
            warning={warning}
            index={index}
            open={selected === index}
            onToggle={() => onSelect(selected === index ? null : index)}
            result={result}
            siteUrl={siteUrl}
          />
        ))}
      </ul>
      {hidden.length > 0 ? (
        <div className="more-warnings">
          <Button appearance="subtle" onClick={() => setAll(true)} aria-describedby="more-warnings-titles">
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
