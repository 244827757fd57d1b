// What the UI can say about the sync: nothing read yet, a backfill paused at its budget (how far, why, when it goes
// on), then every project current. And a view registers its scope for the sync through its invocation.
import path from 'node:path';
import { invocationOf } from '../../src/resolvers/invocation';
import { Storage } from '../../src/store/storage';
import { enqueueSync } from '../../src/sync/jobs';
import { syncProgress } from '../../src/sync/progress';
import { projectsInUse } from '../../src/sync/scopes';
import { startLocalSync } from '../../tools/sync/local-sync';

const ACME = path.resolve(__dirname, '../../samples/acme');
const PROJECTS = ['CHK', 'PAY', 'SRCH'];

it('reports waiting, then a backfill paused at the budget with its reason and resume time, then current', async () => {
  const sync = await startLocalSync({ snapshotDir: ACME, settings: { pointsPerHour: 2_500 } });
  const progress = () =>
    sync.runtime.run(() => syncProgress(new Storage(sync.clock), PROJECTS, sync.clock.now()));
  try {
    await sync.register(PROJECTS);
    expect((await progress()).projects.map((p) => [p.project, p.phase, p.stored])).toEqual([
      ['CHK', 'waiting', 0],
      ['PAY', 'waiting', 0],
      ['SRCH', 'waiting', 0],
    ]);

    // One slice: it spends the hour's 2,500 points and pauses until the next hour.
    await sync.runtime.run(() => enqueueSync({ requestedAt: sync.clock.now(), reason: 'refresh' }));
    await sync.runtime.tick();
    const paused = await progress();
    const chk = paused.projects[0];
    expect(chk?.phase).toBe('backfill');
    expect(chk?.stored).toBeGreaterThan(0);
    expect(chk?.total).toBe(251);
    expect(chk?.stored).toBeLessThan(251);
    expect(chk?.error?.code).toBe('budget-spent');
    expect(chk?.error?.message).toMatch(/budget of 2,500 Jira points/);
    const nextHour = Math.floor(sync.clock.now() / 3_600_000) * 3_600_000 + 3_600_000;
    expect(paused.nextAt).toBe(new Date(nextHour).toISOString());

    await sync.runtime.drain();
    const done = await progress();
    expect(done.projects.every((p) => p.phase === 'current' && p.stored === p.total)).toBe(true);
    expect(done.projects.map((p) => p.stored).reduce((a, b) => a + b, 0)).toBe(587);
    expect(done.projects.every((p) => p.error === undefined && p.lastSuccessAt !== undefined)).toBe(true);
  } finally {
    await sync.close();
  }
});

it('a view registers the projects it reads, once, and the sync then reads their union', async () => {
  const sync = await startLocalSync({ snapshotDir: ACME });
  try {
    const register = invocationOf(sync.clock).store.registerScope;
    expect(register).toBeDefined();
    await sync.runtime.run(async () => {
      await register?.(['chk', 'PAY']);
      await register?.(['PAY', 'CHK']);
      await register?.(['SRCH']);
    });
    expect(await sync.runtime.run(() => projectsInUse(new Storage(sync.clock)))).toEqual(PROJECTS);
    expect(sync.runtime.kvsStats().keys).toBe(2);
  } finally {
    await sync.close();
  }
});
