// The analysis window resolved to epoch milliseconds: events outside it are not counted; timelines keep everything.
import type { AnalysisConfig } from './config';
import type { NormalisedSite, SprintInfo } from './model';

export interface ResolvedWindow {
  kind: 'sprints' | 'dates' | 'all';
  /** Inclusive start; null = from the beginning of the data. */
  from: number | null;
  /** Inclusive end (the `now` of the analysis, or the end of the chosen dates). */
  to: number;
  /** kind 'sprints': the sprints that make up the window, oldest first. */
  sprintIds: number[];
  /** Set when the window could not be what the config asked for (e.g. no sprints: all history instead). */
  note?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The boards the scope names, else the boards located in the scope's projects, else every board of the site. */
export function scopeBoardIds(site: NormalisedSite, config: AnalysisConfig): number[] {
  const known = new Set(site.boards.map((b) => b.id));
  const named = config.scope.boards.filter((id) => known.has(id));
  if (named.length > 0) return [...new Set(named)].sort((a, b) => a - b);
  const projects = new Set(config.scope.projects);
  const located = site.boards.filter((b) => b.projectKey !== undefined && projects.has(b.projectKey));
  if (located.length > 0) return located.map((b) => b.id).sort((a, b) => a - b);
  return config.scope.projects.length === 0 ? [...known].sort((a, b) => a - b) : [];
}

/** Sprints of the given boards that have started by `now`, oldest first (then by id). */
export function startedSprints(site: NormalisedSite, boardIds: readonly number[], now: number): SprintInfo[] {
  const boards = new Set(boardIds);
  return site.sprints
    .filter((s) => boards.has(s.boardId) && s.start !== null && s.start <= now && s.state !== 'future')
    .sort((a, b) => (a.start as number) - (b.start as number) || a.id - b.id);
}

export function resolveWindow(site: NormalisedSite, config: AnalysisConfig, now: number): ResolvedWindow {
  const w = config.window;
  if (w.kind === 'all') return { kind: 'all', from: null, to: now, sprintIds: [] };
  if (w.kind === 'dates') {
    return {
      kind: 'dates',
      from: Date.parse(`${w.from}T00:00:00Z`),
      to: Date.parse(`${w.to}T00:00:00Z`) + DAY_MS - 1,
      sprintIds: [],
    };
  }
  // The last N started sprints of each board in scope; the window opens at the earliest of their starts.
  const chosen: SprintInfo[] = [];
  for (const boardId of scopeBoardIds(site, config)) {
    chosen.push(...startedSprints(site, [boardId], now).slice(-w.lastSprints));
  }
  if (chosen.length === 0) {
    return {
      kind: 'all',
      from: null,
      to: now,
      sprintIds: [],
      note: `No started sprints on the boards in scope, so the whole history is analysed instead of the last ${w.lastSprints} sprints.`,
    };
  }
  chosen.sort((a, b) => (a.start as number) - (b.start as number) || a.id - b.id);
  return {
    kind: 'sprints',
    from: chosen[0]?.start ?? null,
    to: now,
    sprintIds: chosen.map((s) => s.id),
  };
}

export function inWindow(window: ResolvedWindow, at: number): boolean {
  return (window.from === null || at >= window.from) && at <= window.to;
}

/** The site with events and comments limited to the window; timelines, people, boards and sprints unchanged. */
export function applyWindow(site: NormalisedSite, window: ResolvedWindow): NormalisedSite {
  if (window.from === null && site.events.every((e) => e.at <= window.to)) {
    if (site.comments.every((c) => c.at <= window.to)) return site;
  }
  return {
    ...site,
    events: site.events.filter((e) => inWindow(window, e.at)),
    comments: site.comments.filter((c) => inWindow(window, c.at)),
  };
}
