// Over a snapshot the preview's resolvers run at the moment the snapshot was recorded, so every date-based figure
// (waits, idle days, "since") reads as the CLI reads it over the same snapshot, not against today.
import path from 'node:path';
import { AnalysisResultSchema } from '../../../src/contract/analysis';
import { RESOLVERS } from '../../../src/contract/requests';
import { analyse } from '../../../src/ownership/analyse';
import { AnalysisConfigSchema } from '../../../src/ownership/config';
import { startPreview, type PreviewServer } from '../../../tools/preview/server';
import { readSnapshot, snapshotToSiteData } from '../../../tools/snapshot/read';
import { invoke } from './support';

const ACME = path.resolve(__dirname, '../../../samples/acme');
const RECORDED_AT = Date.parse('2026-11-16T09:00:00.000Z');
const PRIYA = '8bd7b81342e3c818e496b63f';
const CONFIG = { scope: { projects: ['CHK', 'PAY', 'SRCH'] }, window: { kind: 'all' } };

let preview: PreviewServer;
beforeAll(async () => {
  preview = await startPreview({ snapshotDir: ACME, macroConfig: CONFIG });
});
afterAll(() => preview.close());

test("the map's now is the snapshot's recordedAt, and its figures are the CLI's for that moment", async () => {
  const answer = await invoke(preview, { view: 'macro', accountId: PRIYA }, RESOLVERS.ownershipMap);
  const result = AnalysisResultSchema.parse((answer.body.body as { data: unknown }).data);
  const now = Date.parse(result.generatedAt);
  // The clock runs on from the recorded moment while the preview is up: seconds, not the weeks since.
  expect(now).toBeGreaterThanOrEqual(RECORDED_AT);
  expect(now - RECORDED_AT).toBeLessThan(10 * 60_000);
  const site = snapshotToSiteData(await readSnapshot(ACME), { accountId: PRIYA });
  const cli = analyse(site, AnalysisConfigSchema.parse(CONFIG), new Date(now));
  expect(result.warnings.map((w) => w.message)).toEqual(cli.warnings.map((w) => w.message));
  expect(result.acceptance).toEqual(cli.acceptance);
});
