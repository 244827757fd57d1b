// The sync after the backfill: an incremental pass after 1 % of the issues changed costs a sliver of the cold
// sync, deleted issues leave the store, a slice killed mid-way resumes to the identical store, and the sync stops
// at its points budget and after Jira's 429, then finishes on its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { changeSnapshot } from '../../tools/snapshot/change';
import { readSnapshot, siteProjectKeys, snapshotToSiteData } from '../../tools/snapshot/read';
import { analyseSite, startLocalSync, type LocalSync } from '../../tools/sync/local-sync';

const ACME = path.resolve(__dirname, '../../samples/acme');
const HOUR = 3_600_000;
let projects: string[];
let scratch: string;

beforeAll(async () => {
  projects = siteProjectKeys((await readSnapshot(ACME)).site);
  scratch = mkdtempSync(path.join(tmpdir(), 'sync-changes-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The store as text, with the local server's address (a new port per server) written as one placeholder. */
const storeText = async (sync: LocalSync) =>
  JSON.stringify(await sync.storedSite(projects)).replaceAll(sync.server.url, 'JIRA');

async function backfilled(
  options: Parameters<typeof startLocalSync>[0] = { snapshotDir: ACME },
): Promise<LocalSync> {
  const sync = await startLocalSync(options);
  await sync.register(projects);
  await sync.syncNow();
  return sync;
}

describe('incremental sync', () => {
  it('after 1 % of the issues changed, reads only them, for under 5 % of the cold points; deletions leave', async () => {
    const sync = await backfilled({ snapshotDir: ACME, settings: { sweepEveryHours: 1 } });
    const cold = sync.server.points().total;
    sync.server.resetPoints();
    sync.clock.advance(HOUR);
    const later = path.join(scratch, 'later');
    const { edited, deleted } = await changeSnapshot(ACME, later, { editEvery: 100, at: sync.clock.now() });
    expect(edited).toHaveLength(6);
    sync.clock.advance(60_000);
    await sync.server.reload(later);
    await sync.syncNow();
    const incremental = sync.server.points().total;
    // The id sweep (1 point per issue) ran too: sweepEveryHours is 1 here. Without it the pass is cheaper still.
    expect(incremental).toBeLessThan(cold * 0.05 + 587 + 10);
    const snapshot = await readSnapshot(later);
    const now = new Date(snapshot.site.recordedAt);
    const stored = await sync.storedSite(projects);
    expect(JSON.stringify(analyseSite(stored, projects, now))).toBe(
      JSON.stringify(analyseSite(snapshotToSiteData(snapshot), projects, now)),
    );
    expect(deleted).toHaveLength(0);

    // Now delete every 50th issue: the next sweep removes them from the store.
    sync.clock.advance(HOUR);
    const pruned = path.join(scratch, 'pruned');
    const removed = await changeSnapshot(later, pruned, {
      editEvery: 1_000_000,
      deleteEvery: 50,
      at: sync.clock.now(),
    });
    await sync.server.reload(pruned);
    await sync.syncNow();
    const after = await sync.storedSite(projects);
    expect(after.issues).toHaveLength(587 - removed.deleted.length);
    expect(after.issues.some((issue) => removed.deleted.includes(issue.id))).toBe(false);
    await sync.close();
  });

  it('without an id sweep due, an incremental pass after 1 % changed costs under 5 % of the cold sync', async () => {
    const sync = await backfilled();
    const cold = sync.server.points().total;
    sync.server.resetPoints();
    sync.clock.advance(HOUR);
    const later = path.join(scratch, 'later-2');
    await changeSnapshot(ACME, later, { editEvery: 100, at: sync.clock.now() });
    await sync.server.reload(later);
    await sync.syncNow();
    expect(sync.server.points().total).toBeLessThan(cold * 0.05);
    await sync.close();
  });
});

describe('a slice killed mid-way', () => {
  it.each([3, 7, 12])(
    '(a request %i hangs past the consumer limit) resumes to the identical store',
    async (nth) => {
      const reference = await backfilled();
      const expected = await storeText(reference);
      await reference.close();

      const sync = await startLocalSync({ snapshotDir: ACME });
      await sync.register(projects);
      // Requests before the nth answer at once; the nth hangs 20 minutes: Forge abandons the slice at 600 s.
      sync.server.setFaults([
        { kind: 'slow', delayMs: 0, times: nth - 1 },
        { kind: 'slow', delayMs: 20 * 60_000, times: 1 },
      ]);
      await sync.syncNow();
      const summary = sync.runtime.summary();
      expect(summary.byOutcome.timeout).toBe(1);
      expect(await storeText(sync)).toBe(expected);
      await sync.close();
    },
  );
});

describe('rate limits', () => {
  it('stops at its hourly points budget and finishes in later hours, never over it', async () => {
    const sync = await startLocalSync({ snapshotDir: ACME, settings: { pointsPerHour: 2_500 } });
    await sync.register(projects);
    const started = sync.clock.now();
    await sync.syncNow();
    // 6,154 points at 2,500 an hour (with a page's worth of headroom each hour): three hours or more.
    expect(sync.clock.now() - started).toBeGreaterThan(2 * HOUR);
    const reference = await backfilled();
    expect(await storeText(sync)).toBe(await storeText(reference));
    await reference.close();
    expect(sync.runtime.summary().overLimit).toBe(0);
    await sync.close();
  });

  it("pauses on Jira's 429 until its Retry-After, then completes", async () => {
    const sync = await startLocalSync({ snapshotDir: ACME, pointsPerHour: 3_000 });
    await sync.register(projects);
    await sync.syncNow();
    const states = await Promise.all(projects.map((project) => sync.state(project)));
    expect(states.every((state) => state.phase === 'current')).toBe(true);
    // The quota (3,000 an hour) is below the 6,154 the backfill needs: Jira refused at least once.
    const stored = await sync.storedSite(projects);
    expect(stored.issues).toHaveLength(587);
    expect(sync.runtime.summary().overLimit).toBe(0);
    await sync.close();
  });
});
