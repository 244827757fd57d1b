// Hand-built warning contexts: people, product events, timelines and acceptance records written directly in the
// normalised model, with RACI, delivery people and observed roles derived from the events by DOMAIN.md's rules.
// Rules are tested on exactly the figures they read, one threshold at a time, without the normalise stage.
import type { AcceptanceRecord } from '../../../src/ownership/acceptance-records';
import type { AnalysisConfigInput } from '../../../src/ownership/config';
import {
  AUTOMATION_ID,
  type BoardInfo,
  type IssueTimeline,
  type NormalisedSite,
  type Person,
  type ProductEvent,
  type RaciCell,
  type RaciMap,
  type SprintInfo,
  type SprintMembershipChange,
} from '../../../src/ownership/model';
import type { ObservedRole } from '../../../src/ownership/roles';
import { ROW_KEYS, rowLayer, type RowKey } from '../../../src/ownership/rows';
import type { WarningContext } from '../../../src/ownership/warnings/context';
import type { ResolvedWindow } from '../../../src/ownership/window';
import { config } from '../build';

/** "2026-03-02" → 09:00 UTC that day; "2026-03-02T15:30" → that minute, UTC. */
export function at(when: string): number {
  return Date.parse(when.length === 10 ? `${when}T09:00:00Z` : `${when}:00Z`);
}

/** A Sprint field change from one full list to another, as Jira writes it. */
export function sprintChange(
  when: number,
  historyId: string,
  from: number[],
  to: number[],
  actorId = 'priya',
): SprintMembershipChange {
  return {
    at: when,
    actorId,
    historyId,
    added: to.filter((id) => !from.includes(id)),
    removed: from.filter((id) => !to.includes(id)),
    from,
    to,
  };
}

export const AUTOMATION: Person = {
  id: AUTOMATION_ID,
  displayName: 'Automation',
  active: true,
  isAutomation: true,
};

interface EventOptions {
  issueKey?: string;
  boardIds?: number[];
  weight?: number;
  sprintId?: number;
  count?: number;
}

export class Scenario {
  readonly people = new Map<string, Person>([[AUTOMATION_ID, AUTOMATION]]);
  readonly events: ProductEvent[] = [];
  readonly issues = new Map<string, IssueTimeline>();
  readonly boards: BoardInfo[] = [];
  readonly sprints: SprintInfo[] = [];
  readonly acceptances: AcceptanceRecord[] = [];
  now = at('2026-06-01');
  window: ResolvedWindow | null = null;
  private seq = 0;

  constructor(private configInput: Partial<AnalysisConfigInput> = {}) {}

  person(id: string, displayName: string): this {
    this.people.set(id, { id, displayName, active: true, isAutomation: false });
    return this;
  }

  board(id: number, name: string): this {
    this.boards.push({ id, name, projectKey: 'P' });
    return this;
  }

  sprint(id: number, boardId: number, start: string, end: string, name = `Sprint ${id}`): this {
    this.sprints.push({
      id,
      boardId,
      name,
      state: 'closed',
      start: at(start),
      end: at(end),
      complete: at(end),
    });
    return this;
  }

  /** `count` events of one row by one person, one a day from `when` (same issue unless given). */
  event(row: RowKey, actorId: string, when: string, options: EventOptions = {}): this {
    const count = options.count ?? 1;
    for (let i = 0; i < count; i++) {
      const id = ++this.seq;
      const issueKey = options.issueKey ?? `P-${id}`;
      const time = at(when) + i * 24 * 60 * 60 * 1000;
      this.events.push({
        id: `${issueKey}/${1000 + id}/0`,
        row,
        actorId,
        at: time,
        issueKey,
        projectKey: 'P',
        boardIds: options.boardIds ?? [],
        weight: options.weight ?? 1,
        evidence: { issueKey, historyId: String(1000 + id), at: new Date(time).toISOString(), field: row },
        ...(options.sprintId === undefined ? {} : { sprintId: options.sprintId }),
      });
    }
    return this;
  }

  issue(key: string, partial: Partial<IssueTimeline> = {}): this {
    const created = partial.created ?? at('2026-01-05');
    this.issues.set(key, {
      key,
      projectKey: 'P',
      boardIds: [],
      summary: `Summary of ${key}`,
      typeName: 'Story',
      hierarchyLevel: 0,
      storyLike: true,
      created,
      creatorId: 'creator',
      reporterId: null,
      assignees: [{ at: created, accountId: null }],
      statusChanges: [],
      initialStatus: 'To Do',
      initialCategory: 'new',
      currentStatus: 'To Do',
      currentCategory: 'new',
      sprintChanges: [],
      currentSprints: [],
      initialSprints: partial.currentSprints && !partial.sprintChanges?.length ? partial.currentSprints : [],
      criteria: [],
      estimate: [],
      targetDateChanges: [],
      lastProductEditAt: null,
      ...partial,
    });
    return this;
  }

  /** An acceptance of a standard issue; `wait` is its working days in the last status before done. */
  acceptance(acceptorId: string, options: Partial<AcceptanceRecord> & { wait?: number } = {}): this {
    const id = ++this.seq;
    const issueKey = options.issueKey ?? `P-${id}`;
    const time = options.at ?? at('2026-03-10') + id * 60_000;
    const { wait, ...rest } = options;
    this.acceptances.push({
      issueKey,
      projectKey: 'P',
      boardIds: [],
      hierarchyLevel: 0,
      storyLike: true,
      sprintId: null,
      acceptorId,
      acceptorIsAutomation: acceptorId === AUTOMATION_ID,
      at: time,
      historyId: String(5000 + id),
      fromStatus: 'In Review',
      toStatus: 'Done',
      assigneeId: null,
      selfAccepted: false,
      criteriaPresent: true,
      estimatePresent: true,
      waitingSince: time,
      waitWorkingDays: wait ?? 0,
      afterSprintEnd: false,
      evidence: {
        issueKey,
        historyId: String(5000 + id),
        at: new Date(time).toISOString(),
        field: 'status',
        from: 'In Review',
        to: 'Done',
      },
      ...rest,
    });
    return this;
  }

  /** Several identical acceptances. */
  acceptMany(
    count: number,
    acceptorId: string,
    options: Partial<AcceptanceRecord> & { wait?: number } = {},
  ): this {
    for (let i = 0; i < count; i++) this.acceptance(acceptorId, options);
    return this;
  }

  context(overrides: Partial<WarningContext> = {}): WarningContext {
    const cfg = config(this.configInput);
    const site: NormalisedSite = {
      baseUrl: 'https://example.atlassian.net',
      people: this.people,
      events: this.events,
      comments: [],
      issues: this.issues,
      boards: this.boards,
      sprints: this.sprints,
      ignoredItems: 0,
      totalItems: this.events.length,
      ignoredByField: {},
      eventsFromItems: this.events.length,
      histories: this.events.length,
      issuesOutOfScope: 0,
    };
    const raciByBoard = new Map<number, RaciMap>();
    const deliveryPeopleByBoard = new Map<number, Set<string>>();
    for (const board of this.boards) {
      const events = this.events.filter((e) => e.boardIds.includes(board.id));
      raciByBoard.set(board.id, raciOf(site, events, cfg.thresholds));
      deliveryPeopleByBoard.set(board.id, deliverers(site, events));
    }
    return {
      site,
      config: cfg,
      now: this.now,
      window: this.window ?? { kind: 'all', from: null, to: this.now, sprintIds: [] },
      raci: raciOf(site, this.events, cfg.thresholds),
      raciByBoard,
      deliveryPeople: deliverers(site, this.events),
      deliveryPeopleByBoard,
      roles: rolesOf(site, this.events),
      acceptances: [...this.acceptances].sort((a, b) => a.at - b.at || (a.issueKey < b.issueKey ? -1 : 1)),
      team: new Set(),
      present: (id) => id,
      overTime: [],
      ...overrides,
    };
  }
}

function human(site: NormalisedSite, id: string): boolean {
  return !(site.people.get(id)?.isAutomation ?? id === AUTOMATION_ID);
}

function deliverers(site: NormalisedSite, events: readonly ProductEvent[]): Set<string> {
  return new Set(events.filter((e) => e.row === 'delivery' && human(site, e.actorId)).map((e) => e.actorId));
}

/** DOMAIN.md "From events to RACI letters", without comments (no test here needs them). */
function raciOf(
  site: NormalisedSite,
  events: readonly ProductEvent[],
  t: { accountableShare: number; responsibleShare: number; consultedShare: number },
): RaciMap {
  const map = {} as RaciMap;
  for (const row of ROW_KEYS) {
    const inRow = events.filter((e) => e.row === row);
    const humanEvents = inRow.filter((e) => human(site, e.actorId));
    const total = humanEvents.reduce((s, e) => s + e.weight, 0);
    const byPerson = new Map<string, ProductEvent[]>();
    for (const e of humanEvents) byPerson.set(e.actorId, [...(byPerson.get(e.actorId) ?? []), e]);
    const cells: RaciCell[] = [...byPerson.entries()].map(([personId, own]) => {
      const weight = own.reduce((s, e) => s + e.weight, 0);
      const share = total > 0 ? weight / total : 0;
      return {
        personId,
        weight,
        share,
        eventCount: own.length,
        commented: false,
        commentedIssues: 0,
        letter: share >= t.responsibleShare ? 'R' : share >= t.consultedShare ? 'C' : 'I',
        eventIds: own.map((e) => e.id),
      };
    });
    cells.sort((a, b) => b.share - a.share || (a.personId < b.personId ? -1 : 1));
    const top = cells[0];
    const accountableId = top && top.share >= t.accountableShare ? top.personId : null;
    if (top && accountableId !== null) top.letter = 'A';
    map[row] = {
      row,
      totalWeight: total,
      automationWeight: inRow.filter((e) => !human(site, e.actorId)).reduce((s, e) => s + e.weight, 0),
      eventCount: inRow.length,
      accountableId,
      cells,
    };
  }
  return map;
}

function rolesOf(site: NormalisedSite, events: readonly ProductEvent[]): Map<string, ObservedRole> {
  const roles = new Map<string, ObservedRole>();
  for (const e of events) {
    if (!human(site, e.actorId)) continue;
    const r = roles.get(e.actorId) ?? {
      personId: e.actorId,
      role: 'none',
      strategicWeight: 0,
      tacticalWeight: 0,
      deliveryWeight: 0,
      totalWeight: 0,
      strategicShare: 0,
      tacticalShare: 0,
      deliveryShare: 0,
      tacticalShareOfProduct: 0,
      eventCount: 0,
    };
    const layer = rowLayer(e.row);
    if (layer === 'strategic') r.strategicWeight += e.weight;
    else if (layer === 'tactical') r.tacticalWeight += e.weight;
    else r.deliveryWeight += e.weight;
    r.eventCount += 1;
    roles.set(e.actorId, r);
  }
  for (const r of roles.values()) {
    r.totalWeight = r.strategicWeight + r.tacticalWeight + r.deliveryWeight;
    r.strategicShare = r.totalWeight > 0 ? r.strategicWeight / r.totalWeight : 0;
    r.tacticalShare = r.totalWeight > 0 ? r.tacticalWeight / r.totalWeight : 0;
    r.deliveryShare = r.totalWeight > 0 ? r.deliveryWeight / r.totalWeight : 0;
    const product = r.strategicWeight + r.tacticalWeight;
    r.tacticalShareOfProduct = product > 0 ? r.tacticalWeight / product : 0;
  }
  return roles;
}

/** Every name a warning must never show: automation's id and display name. */
export function expectNoAutomation(warnings: readonly { message: string; people: string[] }[]): void {
  for (const w of warnings) {
    expect(w.people).not.toContain(AUTOMATION_ID);
    expect(w.message).not.toMatch(/automation/i);
  }
}
