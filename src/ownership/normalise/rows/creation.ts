// Creating an issue is an event of its creator (fields.creator, else reporter): a roadmap item (level >= 1,
// weight createEpic) is `roadmap`; a story-like level-0 issue is `story-writing`; other creations are not
// product events (bugs and subtasks are raised by anyone).
import type { Weights } from '../../config';
import type { Attribution } from './rule';

export function creationAttribution(level: number, storyLike: boolean, weights: Weights): Attribution | null {
  if (level >= 1) return { row: 'roadmap', weight: weights.createEpic };
  if (level === 0 && storyLike) return { row: 'story-writing', weight: weights.default };
  return null;
}
