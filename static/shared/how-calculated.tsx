// "How is this calculated?": the same short explanation on every surface, from the settings that applied to this
// result (defaults unless someone changed them): what a share of activity is, how changes are weighted, and what
// makes each letter. A disclosure (a button that opens a panel beside it), keyboard-operable, closed by Escape.
import Button from '@atlaskit/button/default/button';
import { useId, useState, type KeyboardEvent } from 'react';
import type { AnalysisResult } from '../../src/contract/analysis';
import {
  CONSULTED_COMMENT_ISSUES,
  CONSULTED_COMMENT_SHARE,
  ThresholdsSchema,
  WeightsSchema,
} from '../../src/ownership/config';
import { percent } from './format';
import { colors, fonts, space } from './theme';

type Settings = AnalysisResult['settings'];

/** A weight as "counts 3 times", "counts half", "counts once". */
function counts(weight: number): string {
  if (weight === 1) return 'counts once';
  if (weight === 0.5) return 'counts half';
  if (weight === 0) return 'does not count';
  return `counts ${weight} times`;
}

/** The explanation as paragraphs (the same text the panel shows; exported for tests and exports). */
export function howCalculated(settings: Settings): {
  heading: string;
  paragraphs: string[];
  changed: string[];
} {
  const { thresholds: t, weights: w } = settings;
  const defaults = { thresholds: ThresholdsSchema.parse({}), weights: WeightsSchema.parse({}) };
  const changed = [
    ...Object.entries(t).filter(([key, value]) => defaults.thresholds[key as keyof typeof t] !== value),
    ...Object.entries(w).filter(([key, value]) => defaults.weights[key as keyof typeof w] !== value),
  ].map(([key]) => key);
  return {
    heading: 'How is this calculated?',
    paragraphs: [
      'Every change in Jira is attributed to the responsibility it serves: creating and dating epics sets the ' +
        'roadmap, ranking orders the backlog, writing criteria defines acceptance criteria, moving work to done ' +
        'accepts it, and so on. A person’s share of activity in a responsibility is the part of its weighted ' +
        'changes they made in the chosen window — a share of changes, not of time.',
      `Weights: a change ${counts(w.default)}; creating an epic ${counts(w.createEpic)}; writing acceptance ` +
        `criteria ${counts(w.acceptanceCriteria)}; a rank move ${counts(w.rank)}. Automation’s changes are shown ` +
        'apart and give no one a letter.',
      `Letters: A (accountable) is the largest share when it is at least ${percent(t.accountableShare)} ` +
        '(otherwise the responsibility has no clear owner); R ' +
        `(responsible) at least ${percent(t.responsibleShare)}; C (consulted) at least ` +
        `${percent(t.consultedShare)}, or comments on at least ${percent(CONSULTED_COMMENT_SHARE)} of the ` +
        `responsibility’s issues and at least ${CONSULTED_COMMENT_ISSUES} of them; I (informed) anyone else seen ` +
        'on its issues (hidden in the grid unless you show them).',
      changed.length === 0
        ? 'All settings are the defaults.'
        : `Changed from the defaults in this map’s settings: ${changed.length} value${changed.length === 1 ? '' : 's'}.`,
    ],
    changed,
  };
}

export function HowCalculated({ settings }: { settings: Settings }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const text = howCalculated(settings);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <div className="how-calculated" onKeyDown={onKeyDown} style={{ font: fonts.body }}>
      <Button appearance="subtle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {text.heading}
      </Button>
      {open ? (
        <section
          id={id}
          aria-label={text.heading}
          data-testid="how-calculated"
          style={{
            maxWidth: '60ch',
            marginTop: space['100'],
            padding: space['200'],
            border: `1px solid ${colors.border}`,
            borderRadius: '4px',
            background: colors.surfaceRaised,
            color: colors.text,
          }}
        >
          {text.paragraphs.map((paragraph) => (
            <p key={paragraph} style={{ margin: `0 0 ${space['100']}` }}>
              {paragraph}
            </p>
          ))}
        </section>
      ) : null}
    </div>
  );
}
