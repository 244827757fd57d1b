// Words for summaries, descriptions, criteria and comments, so a generated site reads like real work.
import type { IssueTypeName } from './catalogue';
import type { Random } from './random';

const STORY_ACTIONS = [
  'Show',
  'Validate',
  'Remember',
  'Speed up',
  'Simplify',
  'Localise',
  'Explain',
  'Support',
];
const QUALIFIERS = [
  'on mobile',
  'for returning customers',
  'in the EU',
  'for business accounts',
  'offline',
  '',
];
const TASK_ACTIONS = ['Upgrade', 'Add monitoring for', 'Clean up', 'Document', 'Load-test', 'Migrate'];
const SYMPTOMS = [
  'fails on Safari',
  'shows the wrong total',
  'times out under load',
  'loses state after refresh',
  'submits twice',
  'ignores the locale',
];
const EPIC_GOALS = ['first release', 'v2', 'for enterprise', 'in new markets', 'reliability', 'redesign'];
const SUBTASK_PARTS = ['Backend', 'Frontend', 'Tests', 'Migration', 'Tracking'];
const PERSONAS = ['a shopper', 'a returning customer', 'a merchant', 'an operator', 'a guest'];
const COMMENTS = [
  'Can we ship this behind a flag first?',
  'Design is attached, see the latest frames.',
  'Blocked on the API change, back tomorrow.',
  'Stakeholders asked about this one in the review.',
  'Looks good to me.',
  'Is this still needed for the release?',
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function summaryFor(rng: Random, type: IssueTypeName, topics: string[]): string {
  const topic = rng.pick(topics);
  switch (type) {
    case 'Epic':
      return `${capitalise(topic)}: ${rng.pick(EPIC_GOALS)}`;
    case 'Story':
      return `${rng.pick(STORY_ACTIONS)} ${topic} ${rng.pick(QUALIFIERS)}`.trim();
    case 'Task':
      return `${rng.pick(TASK_ACTIONS)} ${topic}`;
    case 'Bug':
      return `${capitalise(topic)} ${rng.pick(SYMPTOMS)}`;
    case 'Subtask':
      return `${rng.pick(SUBTASK_PARTS)}: ${topic}`;
  }
}

export function descriptionFor(rng: Random, summary: string): string {
  return `${summary}. ${rng.pick(['Customers asked for it.', 'Seen in support tickets.', 'Needed for the release.'])}`;
}

export function criteriaFor(rng: Random, topics: string[]): string {
  return `Given ${rng.pick(PERSONAS)} on ${rng.pick(topics)}, when they finish, then the change is saved and shown.`;
}

/** A description that carries its acceptance criteria as a section, as some teams write them. */
export function descriptionWithCriteria(description: string, criteria: string): string {
  return `${description}\n\nh3. Acceptance criteria\n* ${criteria}`;
}

export function commentFor(rng: Random): string {
  return rng.pick(COMMENTS);
}

/** Atlassian Document Format, which API v3 uses for rich text fields. */
export function adf(text: string) {
  return {
    type: 'doc',
    version: 1,
    content: text
      .split('\n\n')
      .map((para) => ({ type: 'paragraph', content: [{ type: 'text', text: para }] })),
  };
}
