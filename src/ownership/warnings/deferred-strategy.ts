// deferred-strategy: roadmap decisions keep getting postponed — target dates slip again and again, or open epics
// sit untouched ("strategic decisions keep getting deferred").
//
// Two findings, each one warning listing every item it concerns:
// - slipping items (severity medium): a roadmap item (hierarchy level >= 1) whose target date (duedate, Target
//   start/end…) was moved later in >= `targetDateSlips` separate changes inside the window. A change counts once
//   even when it moves several date fields; it is "later" when both dates parse and the new one is after the old
//   one (setting a first date or clearing one is not a slip). people = who moved the dates.
// - stale epics (severity low: neglect, not yet harm): an open roadmap item (status category not done) whose last
//   product edit (or creation, when none) is >= `staleEpicDays` calendar days before now. people = the A of
//   `roadmap`, who would decide what happens to them.
import type { Evidence, IssueTimeline, NormalisedSite } from '../model';
import { fieldOf, historyIdOf } from '../normalise/events';
import type { Warning } from '../warning';
import { inWindow } from '../window';
import type { WarningContext } from './context';
import { eventsOfIssue } from './event-index';
import { evidenceList, timelineEvidence } from './evidence-list';
import { isHuman, personName, plural, prose, proseCapped } from './wording';

const DAY_MS = 24 * 60 * 60 * 1000;

export function deferredStrategy(ctx: WarningContext): Warning[] {
  const roadmapItems = [...ctx.site.issues.values()]
    .filter((t) => t.hierarchyLevel >= 1)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [...slippingItems(ctx, roadmapItems), ...staleItems(ctx, roadmapItems)];
}

interface Slips {
  key: string;
  count: number;
  actors: string[];
  evidence: Evidence[];
}

function slippingItems(ctx: WarningContext, items: readonly IssueTimeline[]): Warning[] {
  const threshold = ctx.config.thresholds.targetDateSlips;
  const slipping: Slips[] = [];
  for (const t of items) {
    const slipHistories = new Set<string>();
    const actors: string[] = [];
    const evidence: Evidence[] = [];
    for (const change of t.targetDateChanges) {
      if (!inWindow(ctx.window, change.at) || !movedLater(change.from, change.to)) continue;
      slipHistories.add(change.historyId);
      actors.push(change.actorId);
      evidence.push(
        findEvidence(ctx.site, t.key, change.historyId, change.field) ??
          timelineEvidence(t.key, change.at, {
            historyId: change.historyId,
            field: change.field,
            from: change.from,
            to: change.to,
          }),
      );
    }
    // threshold 0 would make every item slip; an item needs at least one later move to be "deferred".
    if (slipHistories.size === 0 || slipHistories.size < threshold) continue;
    slipping.push({ key: t.key, count: slipHistories.size, actors, evidence });
  }
  if (slipping.length === 0) return [];
  slipping.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

  const people = [...new Set(slipping.flatMap((s) => s.actors))].filter((id) => isHuman(ctx.site, id)).sort();
  const movedBy =
    people.length > 0
      ? ` The dates were moved by ${prose(people.map((id) => personName(ctx.site, id)))}.`
      : '';
  const message =
    `${plural(slipping.length, 'roadmap item')} had the target date moved later ${threshold} or more times ` +
    `(threshold ${threshold}): ${proseCapped(slipping.map((s) => `${s.key} (${plural(s.count, 'time')})`))}.` +
    `${movedBy} Strategic decisions keep getting deferred; review these items and either commit to a date ` +
    `or take them off the roadmap.`;
  return [
    {
      id: 'deferred-strategy',
      severity: 'medium',
      title: 'Roadmap dates keep slipping',
      message,
      people,
      figures: {
        slippingItems: slipping.length,
        maxSlips: slipping.reduce((max, s) => Math.max(max, s.count), 0),
        totalSlips: slipping.reduce((sum, s) => sum + s.count, 0),
      },
      thresholds: { targetDateSlips: threshold },
      ...evidenceList(slipping.flatMap((s) => s.evidence)),
    },
  ];
}

function staleItems(ctx: WarningContext, items: readonly IssueTimeline[]): Warning[] {
  const threshold = ctx.config.thresholds.staleEpicDays;
  const stale: { key: string; days: number; evidence: Evidence }[] = [];
  for (const t of items) {
    if (t.currentCategory === 'done') continue;
    const lastEdit = t.lastProductEditAt ?? t.created;
    const days = Math.floor((ctx.now - lastEdit) / DAY_MS);
    if (days < threshold || days < 0) continue;
    const event = eventsOfIssue(ctx.site, t.key)
      .filter((e) => e.row !== 'delivery' && e.at === lastEdit)
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    stale.push({ key: t.key, days, evidence: event?.evidence ?? timelineEvidence(t.key, lastEdit) });
  }
  if (stale.length === 0) return [];
  stale.sort((a, b) => b.days - a.days || (a.key < b.key ? -1 : 1));

  const owner = ctx.raci.roadmap.accountableId;
  const people = owner !== null && isHuman(ctx.site, owner) ? [owner] : [];
  const ownerSentence =
    people.length > 0 ? ` The roadmap is owned by ${personName(ctx.site, people[0] ?? '')}.` : '';
  const message =
    `${plural(stale.length, 'open roadmap item')} saw no product edit for ${threshold} days or more ` +
    `(threshold ${threshold} days): ${proseCapped(stale.map((s) => `${s.key} (${s.days} days)`))}.` +
    `${ownerSentence} Review whether they are still planned; re-plan them or close them.`;
  return [
    {
      id: 'deferred-strategy',
      severity: 'low',
      title: 'Open epics nobody touches',
      message,
      people,
      figures: { staleItems: stale.length, maxIdleDays: stale.reduce((max, s) => Math.max(max, s.days), 0) },
      thresholds: { staleEpicDays: threshold },
      ...evidenceList(stale.map((s) => s.evidence)),
    },
  ];
}

function movedLater(from: string | null, to: string | null): boolean {
  if (from === null || to === null) return false;
  const before = Date.parse(from);
  const after = Date.parse(to);
  return Number.isFinite(before) && Number.isFinite(after) && after > before;
}

function findEvidence(
  site: NormalisedSite,
  issueKey: string,
  historyId: string,
  field: string,
): Evidence | undefined {
  return eventsOfIssue(site, issueKey).find(
    (e) => e.row === 'roadmap' && historyIdOf(e) === historyId && fieldOf(e) === field,
  )?.evidence;
}
