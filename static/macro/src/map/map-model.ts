// The map's layout from an analysis result, with no React in it: which columns (people by observed role, then the
// Team column), which rows in which group (strategic, tactical, delivery apart; declared rows after the inferred
// ones of their layer), the letter in each cell, and the warnings most severe first.
import {
  OTHERS_ID,
  TEAM_ID,
  type AnalysisResult,
  type ResultCell,
  type ResultPerson,
} from '../../../../src/contract/analysis';

export type Letter = ResultCell['letter'];
export type Severity = AnalysisResult['warnings'][number]['severity'];
export type MapWarning = AnalysisResult['warnings'][number];

export interface MapColumn {
  /** A person id, or TEAM_ID. */
  id: string;
  displayName: string;
  /** Absent for the Team column and for people the result does not describe (declared only). */
  person?: ResultPerson;
  /** Where a squad reads the person differently from the whole scope: "PO-like on CHK". Empty when none. */
  squadRoles: string[];
  team?: { label: string; count: number };
}

export type MapCell = { kind: 'inferred'; cell: ResultCell } | { kind: 'declared'; letter: Letter };

export interface MapRow {
  /** Row key for inferred rows; "declared-<n>" for declared ones. */
  id: string;
  label: string;
  layer: 'strategic' | 'tactical' | 'delivery';
  declared: boolean;
  /** Inferred rows: events and issues behind the row, and whether anyone reaches A. */
  eventCount?: number;
  issueCount?: number;
  automationEventsShare?: number;
  noClearOwner?: boolean;
  cells: Map<string, MapCell>;
}

export interface MapGroup {
  layer: 'strategic' | 'tactical' | 'delivery';
  title: string;
  description: string;
  rows: MapRow[];
}

const ROLE_ORDER: Record<ResultPerson['observedRole'], number> = {
  pm: 0,
  'pm-po': 1,
  po: 2,
  none: 3,
  engineer: 4,
};

const GROUPS: readonly Omit<MapGroup, 'rows'>[] = [
  { layer: 'strategic', title: 'Strategic', description: 'Why and what: vision, roadmap, outcomes' },
  {
    layer: 'tactical',
    title: 'Tactical',
    description: 'When and in what order: backlog, stories, sprints, acceptance',
  },
  {
    layer: 'delivery',
    title: 'Delivery',
    description: "The team's own work, shown apart from the product roles",
  },
];

export const LETTER_MEANING: Record<Letter, string> = {
  A: 'accountable',
  R: 'responsible',
  C: 'consulted',
  I: 'informed',
};

/** The Team column stands for its members unless the user asked to see delivery people one by one. */
function teamColumnShown(result: AnalysisResult): boolean {
  if (result.team.shownIndividually) return false;
  return (
    result.team.count > 0 || result.rows.some((row) => row.cells.some((cell) => cell.personId === TEAM_ID))
  );
}

/**
 * How a person's column is placed: accountable for a strategic row, then for a tactical row, then responsible
 * somewhere, then the rest. This orders by the roles people hold, never by how much they did.
 */
function holdRank(result: AnalysisResult, personId: string): number {
  let rank = 3;
  for (const row of result.rows) {
    const cell = row.cells.find((c) => c.personId === personId);
    if (cell === undefined) continue;
    if (cell.letter === 'A' && row.layer === 'strategic') return 0;
    if (cell.letter === 'A' && row.layer === 'tactical') rank = Math.min(rank, 1);
    if (cell.letter === 'R' && row.layer !== 'delivery') rank = Math.min(rank, 2);
  }
  return rank;
}

/** The person's role on each squad where it is not their role over the whole scope ("PO-like on CHK"). */
function squadRolesOf(result: AnalysisResult, person: ResultPerson): string[] {
  return person.boardRoles
    .filter((board) => board.observedRole !== person.observedRole)
    .map((board) => {
      const known = result.boards.find((b) => b.id === board.boardId);
      return `${board.roleLabel} on ${known === undefined ? `board ${board.boardId}` : squadLabel(known)}`;
    });
}

/**
 * People with a letter anywhere (inferred or declared), placed by the roles they hold (see holdRank), then by
 * observed role (PM-like, PM/PO, PO-like, others) and name. The Team column comes last.
 */
export function mapColumns(result: AnalysisResult): MapColumn[] {
  const byId = new Map(result.people.map((person) => [person.id, person]));
  const ids = new Set<string>();
  for (const row of result.rows)
    for (const cell of row.cells) if (cell.personId !== TEAM_ID) ids.add(cell.personId);
  for (const row of result.declaredRows) for (const entry of row.people) ids.add(entry.personId);
  const placed = [...ids].map((id) => {
    const person = byId.get(id);
    const column: MapColumn = person
      ? { id, displayName: person.displayName, person, squadRoles: squadRolesOf(result, person) }
      : { id, displayName: id, squadRoles: [] };
    return {
      column,
      hold: holdRank(result, id),
      role: person ? ROLE_ORDER[person.observedRole] : ROLE_ORDER.none,
    };
  });
  placed.sort(
    (a, b) =>
      a.hold - b.hold ||
      a.role - b.role ||
      a.column.displayName.localeCompare(b.column.displayName) ||
      a.column.id.localeCompare(b.column.id),
  );
  const people = placed.map((p) => p.column);
  if (teamColumnShown(result)) {
    people.push({
      id: TEAM_ID,
      displayName: result.team.label,
      squadRoles: [],
      team: { label: result.team.label, count: result.team.count },
    });
  }
  return people;
}

/**
 * The map's rows by layer. I letters are left out unless `showInformed`: DOMAIN.md hides them in the grid by
 * default (a grid full of C and I says nothing); they stay in the result and its evidence.
 */
export function mapGroups(result: AnalysisResult, options: { showInformed?: boolean } = {}): MapGroup[] {
  const groups = GROUPS.map((group) => ({ ...group, rows: [] as MapRow[] }));
  const groupOf = (layer: MapRow['layer']) => groups.find((group) => group.layer === layer)!;
  for (const row of result.rows) {
    const cells = new Map<string, MapCell>();
    for (const cell of row.cells) {
      if (cell.letter !== 'I' || options.showInformed === true)
        cells.set(cell.personId, { kind: 'inferred', cell });
    }
    groupOf(row.layer).rows.push({
      id: row.key,
      label: row.label,
      layer: row.layer,
      declared: false,
      eventCount: row.eventCount,
      issueCount: row.issueCount,
      automationEventsShare:
        row.totalWeight + row.automationWeight > 0
          ? row.automationWeight / (row.totalWeight + row.automationWeight)
          : 0,
      // Delivery is the whole team's work: having no single owner there is the point, not a problem.
      noClearOwner: row.layer !== 'delivery' && row.eventCount > 0 && row.accountableId === null,
      cells,
    });
  }
  result.declaredRows.forEach((row, index) => {
    const cells = new Map<string, MapCell>();
    for (const entry of row.people) cells.set(entry.personId, { kind: 'declared', letter: entry.letter });
    groupOf(row.layer).rows.push({
      id: `declared-${index}`,
      label: row.label,
      layer: row.layer,
      declared: true,
      cells,
    });
  });
  return groups.filter((group) => group.rows.length > 0);
}

type ResultBoard = AnalysisResult['boards'][number];
type RowKey = AnalysisResult['rows'][number]['key'];

export interface SquadColumn {
  boardId: number;
  /** The project key, else the board's name: what the warnings call the squad. */
  label: string;
  name: string;
}

/** A board's row: who is accountable there (null: no clear owner) and the owner's cell with its evidence. */
export interface SquadCell {
  ownerName: string | null;
  ownerText: string;
  ownerCell: ResultCell | null;
}

export interface SquadRow {
  id: RowKey;
  label: string;
  layer: 'strategic' | 'tactical';
  cells: Map<number, SquadCell>;
}

export interface SquadGrid {
  columns: SquadColumn[];
  groups: { layer: 'strategic' | 'tactical'; title: string; description: string; rows: SquadRow[] }[];
}

/** The squad's name as the map writes it ("CHK"), for a board of the result. */
export function squadLabel(board: Pick<ResultBoard, 'id' | 'name' | 'projectKey'>): string {
  return board.projectKey ?? board.name;
}

/**
 * "By squad": the product responsibilities × the boards, each cell the board's owner of the row. Delivery is left
 * out: it is the squad's own work, where having no single owner is the point (as in the map by person).
 */
export function squadGrid(result: AnalysisResult): SquadGrid {
  const columns = result.boards.map((board) => ({
    boardId: board.id,
    label: squadLabel(board),
    name: board.name,
  }));
  const groups = (['strategic', 'tactical'] as const).map((layer) => ({
    ...GROUPS.find((group) => group.layer === layer)!,
    layer,
    rows: result.rows
      .filter((row) => row.layer === layer)
      .map((row) => {
        const cells = new Map<number, SquadCell>();
        for (const board of result.boards) {
          const boardRow = board.rows.find((r) => r.key === row.key);
          if (boardRow === undefined) continue;
          cells.set(board.id, {
            ownerName: boardRow.owner === null ? null : displayNameOf(result, boardRow.owner.personId),
            ownerText: boardRow.ownerText,
            ownerCell: boardRow.ownerCell,
          });
        }
        return { id: row.key, label: row.label, layer, cells };
      }),
  }));
  return { columns, groups: groups.filter((group) => group.rows.length > 0) };
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Most severe first; warnings of one severity keep the order the analysis gave them. */
export function warningsBySeverity(warnings: readonly MapWarning[]): MapWarning[] {
  return warnings
    .map((warning, index) => ({ warning, index }))
    .sort(
      (a, b) => SEVERITY_RANK[a.warning.severity] - SEVERITY_RANK[b.warning.severity] || a.index - b.index,
    )
    .map((entry) => entry.warning);
}

/** Whether the window holds any product event at all ("No activity in this window" otherwise). */
export function hasActivity(result: AnalysisResult): boolean {
  return result.stats.eventsInWindow > 0 || result.rows.some((row) => row.eventCount > 0);
}

export function displayNameOf(result: AnalysisResult, personId: string): string {
  if (personId === TEAM_ID) return result.team.label;
  if (personId === OTHERS_ID) return result.others.label;
  return result.people.find((person) => person.id === personId)?.displayName ?? personId;
}

/** "Last 6 sprints", "1 Mar 2026 – 30 Apr 2026", "All time" — what the map covers. */
export function windowLabel(window: AnalysisResult['window'], formatDate: (iso: string) => string): string {
  if (window.kind === 'sprints') {
    const n = window.sprintIds.length;
    return n === 1 ? 'Last sprint' : `Last ${n} sprints`;
  }
  if (window.kind === 'dates' && window.from !== null)
    return `${formatDate(window.from)} – ${formatDate(window.to)}`;
  return 'All time';
}

/**
 * Which responsibilities each warning is about, as DOMAIN.md defines the rule ("held": the tactical rows its
 * people hold an A or R in). A warning does not carry its rows, so the map derives them here; a warning id this
 * list does not know yet falls back to "held" rather than highlighting nothing.
 */
const WARNING_ROWS: Partial<Record<MapWarning['id'], readonly RowKey[] | 'held' | 'named'>> = {
  'strategy-and-acceptance': ['roadmap', 'acceptance'],
  'tactical-overload': 'held',
  'acceptance-concentration': ['acceptance'],
  'vague-stories': ['refinement', 'acceptance-criteria'],
  'deferred-strategy': ['roadmap'],
  'span-of-control': 'held',
  'squad-size': 'held',
  'self-acceptance': ['acceptance'],
  // One warning per row, named in its title ("No clear owner: Refines stories").
  'no-owner': 'named',
  'single-point': ['acceptance'],
  // Its figures are keyed by row ("acceptanceOwnerShare").
  'declared-mismatch': 'named',
};

/** Where a warning sits in the grid: its rows, and in them the columns of the people it names (none: whole rows). */
export interface WarningTarget {
  rows: string[];
  /** `${rowId}|${columnId}` of the highlighted cells. */
  cells: string[];
}

export const cellKey = (rowId: string, columnId: string) => `${rowId}|${columnId}`;

export function warningTarget(
  result: AnalysisResult,
  warning: MapWarning,
  columns: readonly MapColumn[],
): WarningTarget {
  const shown = new Set(columns.map((column) => column.id));
  // A person folded into the Team column is found there.
  const columnOf = (personId: string): string | undefined => {
    if (shown.has(personId)) return personId;
    return shown.has(TEAM_ID) && result.team.memberIds.includes(personId) ? TEAM_ID : undefined;
  };
  const people = [...new Set(warning.people.map(columnOf).filter((id): id is string => id !== undefined))];
  const rule = WARNING_ROWS[warning.id] ?? 'held';
  const rows =
    rule === 'held'
      ? result.rows
          .filter(
            (row) =>
              row.layer === 'tactical' &&
              row.cells.some(
                (cell) => people.includes(cell.personId) && (cell.letter === 'A' || cell.letter === 'R'),
              ),
          )
          .map((row) => row.key)
      : rule === 'named'
        ? result.rows
            .filter(
              (row) =>
                warning.title.includes(row.label) ||
                Object.keys(warning.figures).some((k) => k.startsWith(`${row.key}Owner`)),
            )
            .map((row) => row.key)
        : rule;
  const present = rows.filter((key) => result.rows.some((row) => row.key === key));
  const cells = present.flatMap((rowId) =>
    people
      .filter((personId) =>
        result.rows.find((row) => row.key === rowId)?.cells.some((cell) => cell.personId === personId),
      )
      .map((personId) => cellKey(rowId, personId)),
  );
  return { rows: present, cells };
}

/** Figures that are internal weights (sums of event weights): never shown to people, only shares and counts. */
const isInternal = (key: string) => /weight/i.test(key);

/** The figures a person may read, in the order the analysis gave them. */
export function readableFigures(figures: Record<string, number>): [string, number][] {
  return Object.entries(figures).filter(([key]) => !isInternal(key));
}

/** The one figure a warning's line shows: the first that was compared with a threshold of its name, else the first. */
export function keyFigure(warning: Pick<MapWarning, 'figures' | 'thresholds'>): [string, number] | undefined {
  const figures = readableFigures(warning.figures);
  return figures.find(([key]) => key in warning.thresholds) ?? figures[0];
}

export function boardNameOf(result: AnalysisResult, boardId: number | undefined): string | undefined {
  if (boardId === undefined) return undefined;
  const board = result.scope.boards.find((b) => b.id === boardId);
  return board === undefined ? `board ${boardId}` : squadLabel(board);
}

/**
 * The line above the map: "2 high, 8 medium, 1 low: Roadmap owner also owns acceptance, … on CHK". It names the
 * high warnings (or, without any, the first ones), so the worst is read before the map.
 */
export function warningsSummary(result: AnalysisResult, warnings: readonly MapWarning[]): string {
  const counts = (['high', 'medium', 'low'] as const)
    .map((severity) => ({ severity, n: warnings.filter((w) => w.severity === severity).length }))
    .filter((c) => c.n > 0)
    .map((c) => `${c.n} ${c.severity}`);
  const highs = warnings.filter((w) => w.severity === 'high');
  const named = (highs.length > 0 ? highs : warnings).slice(0, 3).map((w) => {
    const board = boardNameOf(result, w.boardId);
    return board === undefined ? w.title : `${w.title} on ${board}`;
  });
  const rest = (highs.length > 0 ? highs.length : warnings.length) > named.length ? ', …' : '';
  return `${counts.join(', ')}: ${named.join(', ')}${rest}`;
}
