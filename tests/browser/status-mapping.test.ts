// A status the site no longer lists, end to end in Chromium: the map says it is incomplete and names the status;
// mapping it in the settings (keyboard only, Enter never submits) puts the acceptances back and the notice goes.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { PreviewServer } from '../../tools/preview/server';
import {
  appFrame,
  ensureBuilt,
  launchBrowser,
  openPreviewPage,
  SAMPLE_DIR,
  startTestPreview,
  type BrowserSession,
} from './harness';

const PRIYA = '8bd7b81342e3c818e496b63f';
const CONFIG = { scope: { projects: ['CHK', 'PAY', 'SRCH'], boards: [] }, window: { kind: 'all' } };

let dir: string;
let browser: BrowserSession;
let preview: PreviewServer;
let page: Page;

beforeAll(async () => {
  await ensureBuilt(['macro']);
  // samples/acme whose workflow lost its "Done" status: Jira no longer lists it, the histories still name it.
  dir = await mkdtemp(path.join(os.tmpdir(), 'acme-deleted-done-'));
  await cp(SAMPLE_DIR, dir, { recursive: true });
  const statuses = JSON.parse(await readFile(path.join(dir, 'statuses.json'), 'utf8')) as { name: string }[];
  await writeFile(path.join(dir, 'statuses.json'), JSON.stringify(statuses.filter((s) => s.name !== 'Done')));
  [browser, preview] = await Promise.all([
    launchBrowser({ viewport: { width: 1280, height: 900 } }),
    startTestPreview({ snapshotDir: dir, macroConfig: CONFIG }),
  ]);
  page = await browser.newPage();
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
});

test('the map names the unknown status; mapping it to done in the settings makes it whole again', async () => {
  await openPreviewPage(page, preview, { tab: 'confluence', viewer: PRIYA });
  let map = await appFrame(page, '#macro-frame', '[data-state="map"]');
  const notice = map.locator('[data-state="incomplete"]');
  expect(await notice.innerText()).toContain('Status "Done" (id 10003) is not one of this site\'s statuses');

  await page.click('#edit-macro');
  const config = await appFrame(page, '#config-frame', 'form[data-state="config"]');
  await config.getByRole('button', { name: /Statuses Jira no longer lists/ }).click();
  await config.getByRole('button', { name: 'Add a status' }).click();
  const save = config.getByRole('button', { name: 'Save' });
  // An unnamed status is explained, not saved.
  expect(await config.locator('[data-error-for="status-0-name"]').innerText()).toContain('Name the status');
  expect(await save.isDisabled()).toBe(true);
  const name = config.locator('#status-0-name');
  await name.fill('Done');
  await name.press('Enter');
  // Enter in the field did not submit the dialog.
  expect(preview.macroConfig()).toEqual(CONFIG);
  await config.locator('#status-0-category').selectOption('done');
  expect(await save.isEnabled()).toBe(true);
  await save.click();

  await page.waitForSelector('#config-dialog:not([open])', { state: 'attached' });
  expect(preview.macroConfig()).toMatchObject({ statusMapping: { Done: 'done' } });
  map = await appFrame(page, '#macro-frame', '[data-state="map"]');
  await map.locator('[data-state="incomplete"]').waitFor({ state: 'detached' });
  expect(await map.locator('tr[data-row="acceptance"] button[data-letter="A"]').count()).toBeGreaterThan(0);
});
