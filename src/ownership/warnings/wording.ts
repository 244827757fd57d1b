// How warnings speak: people and boards by display name, shares as "92 %", days as "4 working days", lists in prose.
// Automation is never named here: callers pass only human ids, and unknown ids get a neutral phrase, never an id.
import { AUTOMATION_ID, type NormalisedSite } from '../model';
import type { RowKey } from '../rows';

/** Display name of a person; an id we have no record of reads as a neutral phrase rather than a raw account id. */
export function personName(site: NormalisedSite, id: string): string {
  return site.people.get(id)?.displayName ?? 'a person no longer on this site';
}

/** Human people only: automation must never appear among a warning's people. */
export function isHuman(site: NormalisedSite, id: string): boolean {
  const person = site.people.get(id);
  return id !== AUTOMATION_ID && !(person?.isAutomation ?? false);
}

/** "board Atlas"; a name that already says it is a board ("CHK board") is used as it is, not "board CHK board". */
export function boardName(site: NormalisedSite, boardId: number): string {
  const board = site.boards.find((b) => b.id === boardId);
  if (board === undefined) return `board ${boardId}`;
  return /\bboard$/i.test(board.name.trim()) ? board.name.trim() : `board ${board.name}`;
}

/** 0.915 → "92 %" (the UI's convention: a space before the sign). */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** A share known to be under `limit`, never rounded up to it: "34.7 %" rather than a misleading "35 %". */
export function percentBelow(share: number, limit: number): string {
  return Math.round(share * 100) >= Math.round(limit * 100)
    ? `${(Math.floor(share * 1000) / 10).toFixed(1)} %`
    : percent(share);
}

/** Rounds to at most one decimal so medians of even counts (2.5) stay exact and others stay short. */
export function roundFigure(value: number): number {
  return Math.round(value * 10) / 10;
}

export function workingDays(days: number): string {
  const rounded = roundFigure(days);
  return `${rounded} working day${rounded === 1 ? '' : 's'}`;
}

export function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** ["A", "B", "C"] → "A, B and C". */
export function prose(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Names the first `max` items and counts the rest, so a message stays one readable sentence. */
export function proseCapped(items: readonly string[], max = 5): string {
  if (items.length <= max) return prose(items);
  return prose([...items.slice(0, max), `${items.length - max} more`]);
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Short nouns for rows inside a sentence ("owns acceptance and refinement"); labels are for headings. */
const ROW_WORDS: Record<RowKey, string> = {
  roadmap: 'the roadmap',
  prioritization: 'backlog order',
  'story-writing': 'story writing',
  refinement: 'refinement',
  'acceptance-criteria': 'acceptance criteria',
  'sprint-planning': 'sprint planning',
  acceptance: 'acceptance',
  delivery: 'delivery',
};

export function rowWord(row: RowKey): string {
  return ROW_WORDS[row];
}
