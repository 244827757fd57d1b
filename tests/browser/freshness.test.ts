// The store in the browser, on the local preview over samples/acme with its Forge runtime running the app's sync
// in the background: the first view is read live and says so, the sync it started lands and the next view is
// served from the store ("Data as of"), on the macro and the Jira views alike; "Refresh now" queues a sync and
// the view updates once it has landed; a scope too large to read live shows the first read's progress and then
// the map. Writes macro-syncing.png into SCREENSHOT_DIR.
import type { Frame } from 'playwright-core';
import type { SyncProgress } from '../../src/contract/sync';
import { RESOLVERS } from '../../src/contract/requests';
import { handler as appHandler } from '../../src/index';
import type { ResolverHandler } from '../../tools/preview/invoke';
import {
  appFrame,
  browserSuite,
  openPreviewPage,
  screenshot,
  startTestPreview,
  type BrowserSuite,
} from './harness';
import type { PreviewServer } from '../../tools/preview/server';

/** From samples/acme/README.md ("Cast"). */
const PRIYA = '8bd7b81342e3c818e496b63f';
const SAMPLE_CONFIG = { scope: { projects: ['CHK', 'PAY', 'SRCH'], boards: [] }, window: { kind: 'all' } };
/** The views ask how the sync goes every 5 s; a refresh or a read lands within a few of those. */
const LANDS_WITHIN_MS = 40_000;

const suite = browserSuite({ surfaces: ['macro', 'jira-views'], preview: { macroConfig: SAMPLE_CONFIG } });

async function openMacro(on: BrowserSuite = suite, preview: PreviewServer = on.preview): Promise<Frame> {
  await openPreviewPage(on.page, preview, { tab: 'confluence', viewer: PRIYA });
  return appFrame(on.page, '#macro-frame', '[data-state="map"], [data-state="syncing"], [role="alert"]');
}

const freshness = (frame: Frame) => frame.locator('[data-testid="freshness"]');
const consumed = () => suite.preview.runtime.invocations.filter((record) => record.kind === 'consumer');

test('the first view is read live and says so; once the sync it started has landed, views come from the store', async () => {
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  expect(await freshness(frame).getAttribute('data-served')).toBe('live');
  expect(await freshness(frame).textContent()).toMatch(
    /^Read live from Jira at .+ · the app is storing this scope for faster views · Refresh now/,
  );

  // The view pushed a sync job; the preview's runtime delivers it to the app's consumer in the background.
  await suite.preview.syncSettled();
  expect(consumed().length).toBeGreaterThan(0);
  expect(consumed().every((record) => record.outcome === 'ok')).toBe(true);

  const again = await openMacro();
  await again.waitForSelector('[data-state="map"]');
  expect(await freshness(again).getAttribute('data-served')).toBe('store');
  expect(await freshness(again).textContent()).toMatch(/^Data as of .+ · refreshes hourly · Refresh now/);

  // The project page reads the same store: CHK was synced with the macro's scope.
  await openPreviewPage(suite.page, suite.preview, { tab: 'project', viewer: PRIYA, project: 'CHK' });
  const project = await appFrame(suite.page, '#project-frame', '[data-view], [role=alert]');
  await project.waitForSelector('[data-view]');
  expect(await freshness(project).getAttribute('data-served')).toBe('store');
});

test('Refresh now queues a sync, says what it waits for, and updates the view once the sync has landed', async () => {
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const asOf = async () =>
    Date.parse((await freshness(frame).locator('time').getAttribute('datetime')) ?? '');
  const before = await asOf();
  const runs = consumed().length;

  await frame.getByRole('button', { name: 'Refresh now' }).click();
  const status = frame.locator('[data-testid="refresh-status"]');
  await status.filter({ hasText: /Refreshing…/ }).waitFor();
  await status.filter({ hasText: 'Updated' }).waitFor({ timeout: LANDS_WITHIN_MS });
  await frame.waitForFunction(
    (shown) =>
      Date.parse(document.querySelector('[data-testid="freshness"] time')?.getAttribute('datetime') ?? '') >
      shown,
    before,
    { timeout: LANDS_WITHIN_MS },
  );
  expect(await freshness(frame).getAttribute('data-served')).toBe('store');
  expect(await asOf()).toBeGreaterThan(before);
  expect(consumed().length).toBeGreaterThan(runs);
  expect(await frame.locator('table.map').count()).toBe(1);
});

describe('a scope too large to read while the viewer waits', () => {
  // The preview takes any resolver entry: this one answers as the app does for a large scope that is being read
  // (the same `syncing` answer, its progress moving on each time it is asked), then hands over to the app.
  let asked = 0;
  const READ_AT = '2026-11-16T09:05:00.000Z';
  const reading = (chk: number): SyncProgress => ({
    projects: [
      { project: 'CHK', phase: 'backfill', stored: chk, total: 251 },
      { project: 'PAY', phase: 'waiting', stored: 0 },
    ],
    nextAt: '2026-11-16T10:00:00.000Z',
  });
  const stored: SyncProgress = {
    projects: [
      { project: 'CHK', phase: 'current', stored: 251, total: 251, lastSuccessAt: READ_AT },
      { project: 'PAY', phase: 'current', stored: 202, total: 202, lastSuccessAt: READ_AT },
    ],
  };
  const handler: ResolverHandler = async (request, context) => {
    if (request.call.functionKey === RESOLVERS.syncProgress) {
      asked += 1;
      return { ok: true, data: asked === 1 ? reading(120) : stored };
    }
    if (request.call.functionKey === RESOLVERS.ownershipMap && asked < 2) {
      return {
        ok: false,
        error: { code: 'syncing', message: 'This scope has more than 1,500 issues.', progress: reading(42) },
      };
    }
    return (appHandler as ResolverHandler)(request, context);
  };
  let preview: PreviewServer | undefined;
  beforeAll(async () => {
    preview = await startTestPreview({ macroConfig: SAMPLE_CONFIG, handler });
  });
  afterAll(async () => {
    await preview?.close();
  });

  test('shows how far the read is per project, follows it, and draws the map when it is done', async () => {
    const frame = await openMacro(suite, preview);
    const syncing = frame.locator('[data-state="syncing"]');
    await syncing.waitFor();
    expect(await syncing.innerText()).toContain('Reading CHK: 42 of 251 issues');
    expect(await syncing.innerText()).toContain('PAY: waiting to be read');
    const bar = syncing.getByRole('progressbar', { name: 'CHK read' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('17');
    // PAY has no count from Jira yet: words, no bar.
    expect(await syncing.getByRole('progressbar').count()).toBe(1);
    await screenshot(suite.page, 'macro-syncing');

    await syncing.filter({ hasText: 'Reading CHK: 120 of 251 issues' }).waitFor({ timeout: LANDS_WITHIN_MS });
    await frame.waitForSelector('[data-state="map"]', { timeout: LANDS_WITHIN_MS });
    expect(await frame.locator('[role="alert"]').count()).toBe(0);
  });
});
