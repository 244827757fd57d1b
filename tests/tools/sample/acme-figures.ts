// The figures samples/acme/README.md promises, measured from the raw snapshot with raw-figures.ts.
// acme-cast.test.ts asserts them; `npx tsx tests/tools/sample/acme-figures.ts` prints them.
import path from 'node:path';
import {
  deliveringPeople,
  median,
  readSnapshot,
  rowShares,
  tacticalShare,
  TACTICAL,
  workingDaysBetween,
  type Row,
  type Snapshot,
} from './raw-figures';

export const ACME_DIR = path.resolve(__dirname, '../../../samples/acme');
const DAY = 86_400_000;
const pct = (n: number, d: number) => Math.round((1000 * n) / d) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function idOf(s: Snapshot, displayName: string): string {
  const p = [...s.people.values()].find((u) => u.displayName === displayName);
  if (!p?.accountId) throw new Error(`${displayName} is not in the sample`);
  return p.accountId;
}

/** Working days on which some issue of `project` waited in review and nobody accepted anything there. */
export function idleAcceptanceDays(
  s: Snapshot,
  project: string,
): { total: number; longest: number; longestFrom: string } {
  const reviewIntervals: [number, number][] = [];
  for (const issue of s.issues) {
    if (issue.fields.project.key !== project) continue;
    let since: number | null = null;
    for (const h of issue.changelog?.histories ?? []) {
      for (const item of h.items) {
        if ((item.fieldId ?? item.field) !== 'status') continue;
        const at = Date.parse(h.created);
        if (item.toString === 'In Review') since = at;
        else if (since !== null) {
          reviewIntervals.push([since, at]);
          since = null;
        }
      }
    }
    if (since !== null) reviewIntervals.push([since, s.recordedAt]);
  }
  const acceptanceDays = new Set(
    s.acceptances.filter((a) => a.project === project).map((a) => new Date(a.at).toISOString().slice(0, 10)),
  );
  const first = Math.min(...reviewIntervals.map((r) => r[0]));
  let total = 0;
  let run = 0;
  let longest = 0;
  let runFrom = '';
  let longestFrom = '';
  for (let day = Math.floor(first / DAY) * DAY; day < s.recordedAt; day += DAY) {
    const dow = new Date(day).getUTCDay();
    if (dow === 0 || dow === 6) continue;
    const open = day + 9 * 3_600_000;
    const close = day + 17 * 3_600_000;
    const waiting = reviewIntervals.some(([a, b]) => a < close && b > open);
    const iso = new Date(day).toISOString().slice(0, 10);
    if (waiting && !acceptanceDays.has(iso)) {
      total++;
      if (run === 0) runFrom = iso;
      run++;
      if (run > longest) {
        longest = run;
        longestFrom = runFrom;
      }
    } else run = 0;
  }
  return { total, longest, longestFrom };
}

/**
 * Who holds each row of one squad sprint by sprint (DOMAIN.md "Ownership over time", read from the raw events):
 * the A over the events of the last 3 sprints, none with fewer than 5 events; a holder acted in ≥ 2 sprints of a
 * run; a handover is a holder followed by another holder.
 */
export function squadHandovers(s: Snapshot, project: string, boardId: number) {
  const sprints = [...s.sprints.values()]
    .filter((x) => x.boardId === boardId && x.startDate !== undefined)
    .map((x) => ({ name: x.name, start: Date.parse(x.startDate as string) }))
    .sort((a, b) => a.start - b.start);
  const endOf = (i: number) => sprints[i + 1]?.start ?? s.recordedAt + 1;
  const out: { row: Row; from: string; to: string; since: string; sinceSprint: string }[] = [];
  for (const row of ['roadmap', ...TACTICAL] as Row[]) {
    const human = s.events.filter((e) => e.row === row && e.project === project && e.actor !== 'automation');
    const owners = sprints.map((sprint, i) => {
      const from = sprints[Math.max(0, i - 2)]!.start;
      const inWindow = human.filter((e) => e.at >= from && e.at < endOf(i));
      const own = rowShares(inWindow, row).accountable;
      const owner = inWindow.length >= 5 ? own : null;
      const active = human.some((e) => e.actor === owner && e.at >= sprint.start && e.at < endOf(i));
      return { owner, active };
    });
    const runs: { owner: string | null; first: number; active: number }[] = [];
    owners.forEach((o, i) => {
      const last = runs.at(-1);
      if (last && last.owner === o.owner) last.active += o.active ? 1 : 0;
      else runs.push({ owner: o.owner, first: i, active: o.active ? 1 : 0 });
    });
    const held = runs.filter((r) => r.owner !== null && r.active >= 2);
    for (let i = 1; i < held.length; i++) {
      if (held[i]!.owner === held[i - 1]!.owner) continue;
      const sprint = sprints[held[i]!.first]!;
      out.push({
        row,
        from: s.people.get(held[i - 1]!.owner!)?.displayName ?? held[i - 1]!.owner!,
        to: s.people.get(held[i]!.owner!)?.displayName ?? held[i]!.owner!,
        since: new Date(sprint.start).toISOString().slice(0, 10),
        sinceSprint: sprint.name,
      });
    }
  }
  return out;
}

export function acmeFigures(dir = ACME_DIR) {
  const s = readSnapshot(dir);
  const priya = idOf(s, 'Priya Raman');
  const omar = idOf(s, 'Omar Haddad');
  const sofia = idOf(s, 'Sofia Lindqvist');
  const felix = idOf(s, 'Felix Brandt');
  const name = (id: string | null) => (id ? (s.people.get(id)?.displayName ?? id) : null);
  const scopes = { site: undefined, CHK: 'CHK', PAY: 'PAY', SRCH: 'SRCH' } as const;
  const rows: Row[] = ['roadmap', ...TACTICAL];

  const accountable = Object.fromEntries(
    Object.entries(scopes).map(([label, scope]) => [
      label,
      Object.fromEntries(rows.map((r) => [r, name(rowShares(s.events, r, scope).accountable)])),
    ]),
  );
  const topShare = (row: Row, scope?: string) =>
    pct(rowShares(s.events, row, scope).shares[0]?.weight ?? 0, rowShares(s.events, row, scope).total);

  const acceptancesIn = (project?: string) => s.acceptances.filter((a) => !project || a.project === project);
  const acceptanceBy = (project: string | undefined, actor: string) => {
    const all = acceptancesIn(project);
    const mine = all.filter((a) => a.actor === actor);
    const human = all.filter((a) => a.actor !== 'automation');
    return {
      count: mine.length,
      shareOfAll: pct(mine.length, all.length),
      shareOfHuman: pct(mine.length, human.length),
      medianWait: round2(median(mine.map((a) => workingDaysBetween(a.waitingSince, a.at)))),
      minWait: round2(Math.min(...mine.map((a) => workingDaysBetween(a.waitingSince, a.at)))),
    };
  };
  const selfAcceptance = (project?: string) => {
    const all = acceptancesIn(project);
    const self = all.filter((a) => a.assignee !== null && a.actor === a.assignee);
    const issues = s.issues.filter((i) => !project || i.fields.project.key === project).length;
    const standard = all.filter((a) => a.level === 0);
    const standardSelf = standard.filter((a) => a.assignee !== null && a.actor === a.assignee);
    return {
      doneMoves: all.length,
      selfMoves: self.length,
      standardShare: pct(standardSelf.length, standard.length),
      shareOfDoneMoves: pct(self.length, all.length),
      shareOfIssues: pct(new Set(self.map((a) => a.issueKey)).size, issues),
    };
  };
  const vague = (project?: string) => {
    const entries = s.sprintEntries.filter(
      (e) => (!project || e.project === project) && e.typeName === 'Story',
    );
    const firsts = entries.filter((e) => e.first);
    const standardFirsts = s.sprintEntries.filter((e) => (!project || e.project === project) && e.first);
    const isVague = (e: (typeof entries)[number]) => !e.hasCriteria || !e.hasEstimate;
    return {
      storiesEntering: firsts.length,
      withoutCriteria: pct(firsts.filter((e) => !e.hasCriteria).length, firsts.length),
      withoutCriteriaOrEstimate: pct(firsts.filter(isVague).length, firsts.length),
      everyStoryEntryIncludingCarryOver: pct(entries.filter(isVague).length, entries.length),
      everyStandardIssue: pct(standardFirsts.filter(isVague).length, standardFirsts.length),
    };
  };
  const laterMoves = new Map<string, Set<string>>();
  for (const m of s.targetMoves.filter((x) => x.later)) {
    const set = laterMoves.get(m.issueKey) ?? new Set<string>();
    set.add(m.historyId);
    laterMoves.set(m.issueKey, set);
  }
  const staleEpics = [...s.openEpicLastHumanEdit]
    .map(([key, at]) => ({ key, days: Math.floor((s.recordedAt - at) / DAY) }))
    .sort((a, b) => b.days - a.days);
  const team = (scope?: string) => [...deliveringPeople(s.events, scope).onlyDelivery].map(name).sort();
  const boardsWhereAccountableOfTactical = new Map<string, Set<string>>();
  for (const board of ['CHK', 'PAY', 'SRCH']) {
    for (const r of TACTICAL) {
      const a = rowShares(s.events, r, board).accountable;
      if (!a) continue;
      const set = boardsWhereAccountableOfTactical.get(a) ?? new Set<string>();
      set.add(board);
      boardsWhereAccountableOfTactical.set(a, set);
    }
  }
  const felixEvents = s.events.filter((e) => e.actor === felix);
  const entriesIn = (project: string) => s.sprintEntries.filter((e) => e.project === project);

  return {
    issues: s.issues.length,
    byType: Object.fromEntries(
      ['Epic', 'Story', 'Task', 'Bug', 'Subtask'].map((t) => [
        t,
        s.issues.filter((i) => i.fields.issuetype.name === t).length,
      ]),
    ),
    histories: s.totalHistories,
    historiesWithoutAuthor: s.historiesWithoutAuthor,
    historiesByApp: s.historiesByApp,
    accountable,
    topShare: {
      siteAcceptance: topShare('acceptance'),
      siteStoryWriting: topShare('story-writing'),
      siteRefinement: topShare('refinement'),
      siteCriteria: topShare('acceptance-criteria'),
      srchPrioritization: topShare('prioritization', 'SRCH'),
      payAcceptance: topShare('acceptance', 'PAY'),
    },
    srchPrioritizers: rowShares(s.events, 'prioritization', 'SRCH').shares.map((x) => [
      name(x.actor),
      pct(x.weight, rowShares(s.events, 'prioritization', 'SRCH').total),
    ]),
    priyaTactical: {
      site: pct(tacticalShare(s.events, priya) * 1000, 1000),
      CHK: pct(tacticalShare(s.events, priya, 'CHK') * 1000, 1000),
      PAY: pct(tacticalShare(s.events, priya, 'PAY') * 1000, 1000),
      SRCH: pct(tacticalShare(s.events, priya, 'SRCH') * 1000, 1000),
    },
    omarTacticalOnPay: pct(tacticalShare(s.events, omar, 'PAY') * 1000, 1000),
    priyaAcceptance: { CHK: acceptanceBy('CHK', priya), site: acceptanceBy(undefined, priya) },
    sofiaAcceptance: acceptanceBy('SRCH', sofia),
    omarDoneMoves: s.acceptances.filter((a) => a.actor === omar).length,
    omarDeliveryEvents: s.events.filter((e) => e.actor === omar && e.row === 'delivery').length,
    chkIdleAcceptanceDays: idleAcceptanceDays(s, 'CHK'),
    handovers: {
      CHK: squadHandovers(s, 'CHK', 1),
      PAY: squadHandovers(s, 'PAY', 2),
      SRCH: squadHandovers(s, 'SRCH', 3),
    },
    selfAcceptance: {
      site: selfAcceptance(),
      CHK: selfAcceptance('CHK'),
      PAY: selfAcceptance('PAY'),
      SRCH: selfAcceptance('SRCH'),
    },
    delivering: {
      site: deliveringPeople(s.events).delivering.size,
      CHK: deliveringPeople(s.events, 'CHK').delivering.size,
      PAY: deliveringPeople(s.events, 'PAY').delivering.size,
      SRCH: deliveringPeople(s.events, 'SRCH').delivering.size,
    },
    team: { site: team(), CHK: team('CHK'), PAY: team('PAY'), SRCH: team('SRCH') },
    vague: { site: vague(), CHK: vague('CHK'), PAY: vague('PAY'), SRCH: vague('SRCH') },
    epicsWithLaterTargetMoves: Object.fromEntries([...laterMoves].map(([k, v]) => [k, v.size])),
    laterTargetItemsOnSlippingEpic: s.targetMoves.filter(
      (m) => m.later && (laterMoves.get(m.issueKey)?.size ?? 0) >= 2,
    ).length,
    openEpics: s.openEpicLastHumanEdit.size,
    staleEpics: staleEpics.filter((e) => e.days >= 90),
    freshestOpenEpicGap: staleEpics.filter((e) => e.days < 90)[0]?.days ?? null,
    boardsPerTacticalOwner: Object.fromEntries(
      [...boardsWhereAccountableOfTactical].map(([id, set]) => [name(id), [...set].sort()]),
    ),
    felix: {
      events: felixEvents.length,
      lastEventAt: new Date(Math.max(...felixEvents.map((e) => e.at))).toISOString(),
    },
    scopeChanges: {
      CHK: entriesIn('CHK').filter((e) => e.scopeChange).length,
      PAY: entriesIn('PAY').filter((e) => e.scopeChange).length,
      SRCH: entriesIn('SRCH').filter((e) => e.scopeChange).length,
    },
    carryOvers: {
      CHK: entriesIn('CHK').filter((e) => e.carryOver).length,
      PAY: entriesIn('PAY').filter((e) => e.carryOver).length,
      SRCH: entriesIn('SRCH').filter((e) => e.carryOver).length,
    },
    acceptedAfterSprint: s.acceptedAfterSprint,
  };
}

if (require.main === module) console.log(JSON.stringify(acmeFigures(process.argv[2] ?? ACME_DIR), null, 1));
