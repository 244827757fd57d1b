// Warnings read the events behind a letter straight from the RACI cells when the site's event ids are unique, and
// resolve them through ids otherwise: both ways must cite the same evidence, on a real analysis and on odd input.
import path from 'node:path';
import { analyseSite } from '../../../src/ownership/analyse';
import { AnalysisConfigSchema } from '../../../src/ownership/config';
import type { NormalisedSite, ProductEvent } from '../../../src/ownership/model';
import { computeRaciMaps } from '../../../src/ownership/raci';
import { evidenceOfCells, eventsOfIssue } from '../../../src/ownership/warnings/event-index';
import { evidenceOfDistinctEvents, evidenceOfEvents } from '../../../src/ownership/warnings/evidence-list';
import { evaluateWarnings } from '../../../src/ownership/warnings/index';
import { readSnapshot, siteProjectKeys, snapshotToSiteData } from '../../../tools/snapshot/read';
import { config } from '../build';
import { ev } from '../events';

const ACME = path.resolve(__dirname, '../../../samples/acme');

describe('warning evidence read from the RACI cells', () => {
  it('is the same as resolving event ids, for every warning of the sample site under low thresholds', async () => {
    const snapshot = await readSnapshot(ACME);
    const cfg = AnalysisConfigSchema.parse({
      scope: { projects: siteProjectKeys(snapshot.site) },
      thresholds: { accountableShare: 0.2, maxBoardsPerOwner: 0, maxSquadSize: 1, minDeliveryPeople: 1 },
    });
    const { context } = analyseSite(snapshotToSiteData(snapshot), cfg, new Date(snapshot.site.recordedAt));
    expect(context.site.uniqueEventIds).toBe(true);
    const direct = evaluateWarnings(context);
    const throughIds = evaluateWarnings({ ...context, site: { ...context.site, uniqueEventIds: false } });
    expect(direct.length).toBeGreaterThan(5);
    expect(direct.map((w) => w.id)).toEqual(expect.arrayContaining(['span-of-control', 'squad-size']));
    expect(direct).toEqual(throughIds);
  });

  it('counts an event shared by two boards once, and orders ties by issue and id', () => {
    const at = Date.parse('2026-03-02T09:00:00Z');
    const events: ProductEvent[] = [
      ...Array.from({ length: 30 }, (_, i) =>
        ev('refinement', 'ann', 1, { issueKey: `P-${i % 7}`, at: at + (i % 4) * 1000, boardIds: [1, 2] }),
      ),
      ...Array.from({ length: 5 }, () => ev('refinement', 'ann', 1, { issueKey: 'P-9', at, boardIds: [2] })),
    ];
    const site = { events, uniqueEventIds: true } as unknown as NormalisedSite;
    const maps = computeRaciMaps(events, [], config().thresholds, [1, 2]);
    const picks = [1, 2].map((b) => ({
      raci: maps.byBoard.get(b) as (typeof maps)['overall'],
      personId: 'ann',
      rows: ['refinement'] as const,
    }));
    const direct = evidenceOfCells(site, picks, true);
    expect(direct.evidenceTotal).toBe(35);
    expect(direct).toEqual(evidenceOfCells({ ...site, uniqueEventIds: false }, picks, true));
    expect(direct).toEqual(evidenceOfEvents(events));
  });

  it('gives the oldest events of distinct lists as evidenceOfEvents does', () => {
    const base = Date.parse('2026-03-02T09:00:00Z');
    const lists = [0, 1, 2].map((l) =>
      Array.from({ length: 40 }, (_, i) =>
        ev('acceptance', `p${l}`, 1, {
          issueKey: `P-${(i * 7 + l) % 11}`,
          at: base + ((i * 13 + l) % 9) * 60_000,
        }),
      ),
    );
    expect(evidenceOfDistinctEvents(lists)).toEqual(evidenceOfEvents(lists.flat()));
  });
});

describe("one issue's events", () => {
  it('come in stream order whether the stream is grouped by issue or not', () => {
    const a1 = ev('refinement', 'ann', 1, { issueKey: 'P-1' });
    const b1 = ev('refinement', 'ann', 1, { issueKey: 'P-2' });
    const a2 = ev('acceptance', 'bob', 1, { issueKey: 'P-1' });
    const b2 = ev('acceptance', 'bob', 1, { issueKey: 'P-2' });
    const site = { events: [a1, b1, b1, a2, b2] } as unknown as NormalisedSite;
    expect(eventsOfIssue(site, 'P-1')).toEqual([a1, a2]);
    expect(eventsOfIssue(site, 'P-2')).toEqual([b1, b1, b2]);
    expect(eventsOfIssue(site, 'P-3')).toEqual([]);
    expect(eventsOfIssue({ events: [] } as unknown as NormalisedSite, 'P-1')).toEqual([]);
  });
});
