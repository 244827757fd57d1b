// Forge's consent flow in the preview, in Chromium: a viewer who has not allowed the app to act for them gets the
// "Allow access" prompt in place of the app (the resolver let NeedsAuthenticationError through); allowing it
// loads the map. The not-installed case: the macro says plainly that Jira is missing and names what is there.
import type { Page } from 'playwright-core';
import type { PreviewServer } from '../../tools/preview/server';
import {
  appFrame,
  ensureBuilt,
  launchBrowser,
  openPreviewPage,
  screenshot,
  startTestPreview,
  type BrowserSession,
} from './harness';

const PRIYA = '8bd7b81342e3c818e496b63f';
const CONFIG = { scope: { projects: ['CHK', 'PAY', 'SRCH'], boards: [] }, window: { kind: 'all' } };

let browser: BrowserSession;
let page: Page;
const previews: PreviewServer[] = [];

beforeAll(async () => {
  await ensureBuilt(['macro']);
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
});
beforeEach(async () => {
  page = await browser.newPage();
});
afterEach(async () => {
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  for (const preview of previews) await preview.close();
});

test('a viewer who never allowed access is asked to, and the map loads once they do', async () => {
  const preview = await startTestPreview({ macroConfig: CONFIG, withoutConsent: [PRIYA] });
  previews.push(preview);
  await openPreviewPage(page, preview, { tab: 'confluence', viewer: PRIYA });
  const prompt = page.locator('.consent');
  await prompt.waitFor();
  expect(await prompt.locator('h2').innerText()).toBe('Allow access');
  expect(await page.locator('#macro-frame').isHidden()).toBe(true);
  // Keyboard: the prompt's button has the focus.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Allow access');
  await screenshot(page, 'consent-prompt');
  await page.keyboard.press('Enter');
  await prompt.waitFor({ state: 'detached' });
  const map = await appFrame(page, '#macro-frame', '[data-state="map"]');
  expect(await map.locator('tr[data-row="roadmap"]').count()).toBeGreaterThan(0);
});

test('without a Jira installation the macro says so and names the contexts the app is installed on', async () => {
  const preview = await startTestPreview({ macroConfig: CONFIG, jiraContext: 'none' });
  previews.push(preview);
  await openPreviewPage(page, preview, { tab: 'confluence', viewer: PRIYA });
  const macro = await appFrame(page, '#macro-frame', '[data-state="not-installed"]');
  const text = await macro.locator('[data-state="not-installed"]').innerText();
  expect(text).toContain('The app is not installed on Jira');
  expect(text).toMatch(/installed on: ari:cloud:confluence::site\/[0-9a-f-]+; none of them is Jira/);
});
