// The preview runs the app's background sync as a site does: the first view of a scope is read live and pushes a
// sync job, the preview's Forge runtime delivers it to the app's consumer on the resolvers' clock (the snapshot's
// recordedAt, running on), and the next view is served from the store it wrote; "Refresh now" syncs again.
import path from 'node:path';
import { AnalysisResultSchema } from '../../../src/contract/analysis';
import { RESOLVERS } from '../../../src/contract/requests';
import { SyncProgressSchema, type SyncProgress } from '../../../src/contract/sync';
import { startPreview, type PreviewServer } from '../../../tools/preview/server';
import { invoke } from './support';

const ACME = path.resolve(__dirname, '../../../samples/acme');
const RECORDED_AT = Date.parse('2026-11-16T09:00:00.000Z');
const PRIYA = '8bd7b81342e3c818e496b63f';
const CONFIG = { scope: { projects: ['CHK', 'PAY', 'SRCH'] }, window: { kind: 'all' } };
const MACRO = { view: 'macro', accountId: PRIYA };

let preview: PreviewServer;
beforeAll(async () => {
  preview = await startPreview({ snapshotDir: ACME, macroConfig: CONFIG });
});
afterAll(() => preview.close());

async function served() {
  const answer = await invoke(preview, MACRO, RESOLVERS.ownershipMap);
  return AnalysisResultSchema.parse((answer.body.body as { data: unknown }).data).served;
}

async function progress(payload: { refresh?: true } = {}): Promise<SyncProgress> {
  const answer = await invoke(preview, MACRO, RESOLVERS.syncProgress, payload);
  return SyncProgressSchema.parse((answer.body.body as { data: unknown }).data);
}

const lastSyncs = (of: SyncProgress) => of.projects.map((p) => Date.parse(p.lastSuccessAt ?? ''));

test('a first view is read live; the sync it started lands in the store the next view is served from', async () => {
  expect((await served())?.from).toBe('live');

  await preview.syncSettled();
  const consumers = preview.runtime.invocations.filter((record) => record.kind === 'consumer');
  expect(consumers.length).toBeGreaterThan(0);
  expect(consumers.map((record) => record.outcome)).not.toContain('error');
  const synced = await progress();
  expect(synced.projects.map((p) => [p.project, p.phase, p.stored])).toEqual([
    ['CHK', 'current', 251],
    ['PAY', 'current', 202],
    ['SRCH', 'current', 134],
  ]);
  // The sync runs on the resolvers' clock: its times are the snapshot's moment, not today's.
  for (const at of lastSyncs(synced)) expect(at - RECORDED_AT).toBeLessThan(10 * 60_000);

  const fromStore = await served();
  expect(fromStore?.from).toBe('store');
  expect(Date.parse(fromStore?.asOf ?? '') - RECORDED_AT).toBeLessThan(10 * 60_000);
});

test('Refresh now queues a sync that brings every project up to date again', async () => {
  const asked = await progress({ refresh: true });
  await preview.syncSettled();
  const after = await progress();
  lastSyncs(after).forEach((at, index) => expect(at).toBeGreaterThan(lastSyncs(asked)[index]!));
  expect((await served())?.from).toBe('store');
});
