// The background sync over samples/acme through the local Forge runtime: what it stores is what Jira holds, and the
// analysis over the store equals the analysis over the site, at a real site's pace and within every limit.
import path from 'node:path';
import { readSnapshot, siteProjectKeys, snapshotToSiteData } from '../../tools/snapshot/read';
import { analyseSite, startLocalSync, type LocalSync } from '../../tools/sync/local-sync';

const ACME = path.resolve(__dirname, '../../samples/acme');

describe('backfill of samples/acme', () => {
  let sync: LocalSync;
  let projects: string[];
  beforeAll(async () => {
    const snapshot = await readSnapshot(ACME);
    projects = siteProjectKeys(snapshot.site);
    sync = await startLocalSync({ snapshotDir: ACME });
    await sync.register(projects);
    await sync.syncNow();
  });
  afterAll(() => sync.close());

  it('stores every issue and history, and the analysis over the store equals the analysis over the site', async () => {
    const snapshot = await readSnapshot(ACME);
    const now = new Date(snapshot.site.recordedAt);
    const stored = await sync.storedSite(projects);
    expect(stored.issues).toHaveLength(587);
    expect(stored.issues.reduce((n, i) => n + (i.changelog?.histories.length ?? 0), 0)).toBe(5469);
    const fromStore = analyseSite(stored, projects, now);
    const fromSite = analyseSite(snapshotToSiteData(snapshot), projects, now);
    expect(JSON.stringify(fromStore)).toBe(JSON.stringify(fromSite));
  });

  it('runs inside every limit and records each project as current', async () => {
    const summary = sync.runtime.summary();
    expect(summary.overLimit).toBe(0);
    expect(summary.byOutcome.error).toBe(0);
    for (const project of projects) {
      const state = await sync.state(project);
      expect(state).toMatchObject({ phase: 'current' });
      expect(state.pass).toBeUndefined();
      expect(Object.keys(state.issues).length).toBe(state.total);
    }
  });
});
