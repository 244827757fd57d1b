// The parameterised generator for benchmarks: a site of any size built from the same engine and squad
// archetypes as the acme sample, with a cast of plain names drawn from the seed.
import { DAY, HOUR, isoDate, utc } from './calendar';
import { pmRunsSquad, poRunsSquad, poWithoutAcceptance } from './habits';
import { person, type Person } from './people';
import { mixSeed, Random } from './random';
import { buildSite, type Generated } from './site';
import type { ProjectSpec, SiteSpec, SquadSpec } from './spec';

export interface GenerateOptions {
  seed: number;
  /** Roughly the number of issues (epics, standard issues and subtasks together). */
  issues: number;
  boards: number;
  sprintsPerBoard: number;
  /** Pad every issue with backlog ranks and description edits up to this many histories. */
  historiesPerIssue?: number;
}

/** The benchmark sites share acme's clock: recorded on a Monday, the last sprint active. */
export const BENCH_RECORDED_AT = '2026-11-16T09:00:00.000Z';

const FIRST = [
  'Ana',
  'Ben',
  'Cleo',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ike',
  'Jo',
  'Kai',
  'Lea',
  'Max',
  'Nia',
];
const LAST = [
  'Adams',
  'Brook',
  'Cruz',
  'Dahl',
  'Ebert',
  'Frost',
  'Gale',
  'Holt',
  'Ito',
  'Jain',
  'Kerr',
  'Lund',
];
const TOPICS = [
  'onboarding',
  'billing',
  'notifications',
  'reports',
  'settings',
  'exports',
  'permissions',
  'search',
];

function letters(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(65 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

export function benchSpec(opts: GenerateOptions): SiteSpec {
  if (!(opts.boards >= 1 && opts.sprintsPerBoard >= 1 && opts.issues >= opts.boards * 2)) {
    throw new Error('A bench site needs at least one board, one sprint and two issues per board.');
  }
  const rng = new Random(mixSeed(opts.seed, 7));
  let named = 0;
  const newPerson = (): Person => {
    const i = named++;
    const suffix =
      i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : '';
    return person(`${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${suffix}`);
  };

  const recordedAt = utc(BENCH_RECORDED_AT);
  const lastSprintStart = Math.floor((recordedAt - 12 * DAY) / DAY) * DAY + 10 * HOUR;
  const firstSprintStart = lastSprintStart - (opts.sprintsPerBoard - 1) * 14 * DAY;
  const issueFrom = firstSprintStart - 42 * DAY;
  const issueUntil = recordedAt - 3 * DAY;
  const epicUntil = Math.max(issueFrom + 30 * DAY, recordedAt - 45 * DAY);

  const perBoard = Math.floor(opts.issues / opts.boards);
  const people: Person[] = [];
  const pms: Person[] = [];
  const squads: SquadSpec[] = [];
  for (let b = 0; b < opts.boards; b++) {
    // One PM covers three squads: the first she runs herself, the second has a PO who never accepts,
    // the third a PO who does the whole job.
    if (b % 3 === 0) pms.push(newPerson());
    const pm = pms[pms.length - 1] as Person;
    const engineers = Array.from({ length: rng.int(5, 11) }, newPerson);
    const lead = engineers[0] as Person;
    const key = `S${letters(b)}`;
    const releases = Array.from(
      { length: opts.sprintsPerBoard / 3 + 3 },
      (_, i) => firstSprintStart + (i + 1) * 42 * DAY,
    );
    const project: ProjectSpec = {
      id: String(10000 + b),
      key,
      name: `Squad ${letters(b)}`,
      boardId: b + 1,
      components: [
        { id: String(20000 + b * 3), name: 'Web' },
        { id: String(20001 + b * 3), name: 'API' },
      ],
      versions: releases.map((t, i) => ({
        id: String(30000 + b * 100 + i),
        name: `${key} r${i + 1}`,
        releaseDate: isoDate(t),
      })),
      topics: TOPICS,
    };
    let habits;
    if (b % 3 === 0) {
      habits = pmRunsSquad(pm, lead);
    } else if (b % 3 === 1) {
      const po = newPerson();
      people.push(po);
      habits = poWithoutAcceptance(pm, [{ who: po }], engineers, { pSubtasks: 0.05 });
    } else {
      const po = newPerson();
      people.push(po);
      habits = poRunsSquad(pm, po, lead, [{ who: po, weight: 1 }], []);
    }
    if (b % 3 === 0) people.push(pm);
    people.push(...engineers);
    const share = b === 0 ? opts.issues - perBoard * (opts.boards - 1) : perBoard;
    const epics = Math.max(1, Math.round(share * 0.05));
    const standard = Math.max(1, Math.round((share - epics) / (b % 3 === 1 ? 1.06 : 1)));
    squads.push({
      project,
      engineers,
      habits,
      epics,
      issues: standard,
      typeMix: { Story: 0.6, Task: 0.22, Bug: 0.18 },
    });
  }
  const keyOf = (b: number) => squads[b]?.project.key;
  return {
    seed: opts.seed,
    baseUrl: 'https://bench.atlassian.net',
    recordedAt,
    sprintsPerBoard: opts.sprintsPerBoard,
    firstSprintStart,
    issueWindow: { from: issueFrom, until: issueUntil },
    epicWindow: { from: issueFrom - 14 * DAY, until: epicUntil },
    squads,
    people,
    scenarios: {
      slippingEpic: { project: keyOf(0) as string, slips: 3 },
      ...(opts.boards > 1
        ? { staleEpic: { project: keyOf(1) as string, lastEditBefore: recordedAt - 100 * DAY } }
        : {}),
      ...(opts.sprintsPerBoard >= 3
        ? { acceptedAfterSprint: { project: keyOf(0) as string, sprintOrdinal: opts.sprintsPerBoard - 3 } }
        : {}),
    },
    ...(opts.historiesPerIssue !== undefined ? { historiesPerIssue: opts.historiesPerIssue } : {}),
  };
}

export function generateSite(opts: GenerateOptions): Generated {
  return buildSite(benchSpec(opts));
}
