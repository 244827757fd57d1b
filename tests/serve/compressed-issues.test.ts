// The prepare job keeps the stored records deflated and hands them to the analysis one at a time
// (src/serve/compressed-issues.ts): over samples/acme that must give exactly the result of analysing the
// snapshot's issues as one array, whatever order the store's pages arrive in and if a page is read twice.
import path from 'node:path';
import { analyse, analyseFrom } from '../../src/ownership/analyse';
import { AnalysisConfigSchema } from '../../src/ownership/config';
import { CompressedIssues } from '../../src/serve/compressed-issues';
import { packIssue } from '../../src/store/records';
import { readSnapshot, siteProjectKeys, snapshotToSiteData, type Snapshot } from '../../tools/snapshot/read';

const ACME_DIR = path.resolve(__dirname, '../../samples/acme');

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await readSnapshot(ACME_DIR);
});

function analyses(order: (issues: Snapshot['issues']) => Snapshot['issues']) {
  const site = snapshotToSiteData(snapshot);
  const config = AnalysisConfigSchema.parse({ scope: { projects: siteProjectKeys(snapshot.site) } });
  const now = new Date(snapshot.site.recordedAt);
  const kept = new CompressedIssues();
  for (const issue of order(site.issues)) kept.add(packIssue(issue));
  const keptSize = kept.size;
  const { issues, ...withoutIssues } = site;
  return {
    kept,
    keptSize,
    fromArray: analyse(site, config, now),
    fromKept: analyseFrom(withoutIssues, kept.source(), config, now),
    issues,
  };
}

test('kept deflated, the issues analyse to the same result as the array', () => {
  const { kept, keptSize, fromArray, fromKept, issues } = analyses((list) => list);
  expect(keptSize).toBe(issues.length);
  expect(fromKept.stats.issues).toBe(issues.length);
  expect(fromKept.stats.events).toBeGreaterThan(1000);
  expect(JSON.stringify(fromKept)).toBe(JSON.stringify(fromArray));
  // The replay was the last read: the records were let go of, so the rules run without them.
  expect(kept.size).toBe(0);
});

test('reversed and with every tenth issue read twice, still the same result', () => {
  const { keptSize, fromArray, fromKept, issues } = analyses((list) => {
    const reversed = [...list].reverse();
    return [...reversed, ...reversed.filter((_, i) => i % 10 === 0)];
  });
  expect(keptSize).toBeGreaterThan(issues.length);
  expect(fromKept.stats.issues).toBe(issues.length);
  expect(JSON.stringify(fromKept)).toBe(JSON.stringify(fromArray));
});

test('the records are held in under half their JSON size', () => {
  const { kept, issues } = analyses((list) => list);
  const json = issues.reduce((sum, issue) => sum + JSON.stringify(packIssue(issue)).length, 0);
  expect(kept.bytes).toBeGreaterThan(0);
  // samples/acme deflates to about 36 % of its JSON, one record at a time.
  expect(kept.bytes).toBeLessThan(json / 2);
});

test('records that came out of order are laid out in read order, so the replay lets go of each slab as it passes it', () => {
  const site = snapshotToSiteData(snapshot);
  // Small slabs, to see them go; the records come in reverse, as a store's id order may differ from key order.
  const kept = new CompressedIssues(16 * 1024);
  for (const issue of [...site.issues].reverse()) kept.add(packIssue(issue));
  const source = kept.source();
  const slabs = kept.heldSlabs;
  expect(slabs).toBeGreaterThan(10);
  const firstPass: number[] = [];
  source.forEach(() => firstPass.push(kept.heldSlabs), false);
  // The first pass keeps everything: the replay still needs it.
  expect(new Set(firstPass)).toEqual(new Set([slabs]));
  const replay: number[] = [];
  source.forEach(() => replay.push(kept.heldSlabs), true);
  expect(replay).toHaveLength(site.issues.length);
  for (let i = 1; i < replay.length; i++) expect(replay[i]).toBeLessThanOrEqual(replay[i - 1] as number);
  // Halfway through, about half the slabs are gone (one may straddle the middle).
  expect(replay[Math.floor(replay.length / 2)]).toBeLessThanOrEqual(Math.ceil(slabs / 2) + 1);
  expect(kept.heldSlabs).toBe(0);
});
