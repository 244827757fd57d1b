// "Ownership over time" under the Confluence macro's map, in a real browser on the local preview over samples/acme:
// on PAY's board refinement (and the other PO rows) passed from Felix Brandt to Omar Haddad in PAY Sprint 3, shown
// as a marker that opens the events behind it (mouse and keyboard); CHK's roadmap stays Priya's with no marker; the
// site view tells Priya's accretions in words; a 400 px frame scrolls the bands inside their own box; dark renders.
// Writes macro-over-time.png and macro-over-time-dark.png into SCREENSHOT_DIR.
import type { Frame } from 'playwright-core';
import type { AnalysisResult } from '../../src/contract/analysis';
import { RESOLVERS } from '../../src/contract/requests';
import type { ResolverResult } from '../../src/contract/result';
import { appFrame, browserSuite, callBridge, openPreviewPage, screenshot } from './harness';

const SAMPLE_CONFIG = { scope: { projects: ['CHK', 'PAY', 'SRCH'], boards: [] }, window: { kind: 'all' } };
/** samples/acme/permissions.json */
const PRIYA = '8bd7b81342e3c818e496b63f';
const PAY_BOARD = 2;
const CHK_BOARD = 1;

const suite = browserSuite({
  surfaces: ['macro'],
  viewport: { width: 1280, height: 900 },
  preview: { macroConfig: SAMPLE_CONFIG },
});

async function openMacro(theme: 'light' | 'dark' = 'light'): Promise<Frame> {
  await openPreviewPage(suite.page, suite.preview, { tab: 'confluence', viewer: PRIYA, theme });
  return appFrame(suite.page, '#macro-frame', '[data-state="map"]');
}

async function chooseScope(frame: Frame, boardId: number | 'site') {
  const button = frame.locator(`[data-testid="over-time"] [data-scope="${boardId}"]`);
  await button.click();
  await frame.waitForSelector(`[data-testid="over-time"] [data-scope="${boardId}"][aria-pressed="true"]`);
}

function band(frame: Frame, row: string) {
  return frame.locator(`[data-testid="over-time-bands"] tr[data-row="${row}"]`);
}

async function ownershipAnalysis(frame: Frame): Promise<AnalysisResult> {
  const answer = await callBridge<ResolverResult<AnalysisResult>>(frame, 'invoke', {
    functionKey: RESOLVERS.ownershipMap,
    payload: {},
  });
  if (!answer.ok) throw new Error(`getOwnershipMap failed: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

test("on PAY's board refinement passed from Felix to Omar, and its marker opens the events behind it", async () => {
  const frame = await openMacro();
  // Three boards: the strip opens on the whole site.
  expect(await frame.locator('[data-scope="site"]').getAttribute('aria-pressed')).toBe('true');
  await chooseScope(frame, PAY_BOARD);

  const marker = band(frame, 'refinement').locator('button[data-handover]');
  expect(await marker.count()).toBe(1);
  const name = (await marker.getAttribute('aria-label')) ?? '';
  expect(name).toMatch(/^Handover of .+ from Felix Brandt to Omar Haddad since PAY Sprint 3$/);
  // The marker sits on Omar's first period, right after Felix's last.
  const cell = marker.locator('xpath=ancestor::td[1]');
  expect(await cell.locator('[role="img"]').getAttribute('aria-label')).toMatch(
    /^PAY Sprint 3: Omar Haddad, \d+%$/,
  );
  const before = cell.locator('xpath=preceding-sibling::td[1]');
  expect(await before.locator('[role="img"]').getAttribute('aria-label')).toMatch(
    /^PAY Sprint 2: Felix Brandt, \d+%$/,
  );
  // The roadmap stayed Priya's: no marker on it.
  expect(await band(frame, 'roadmap').locator('button[data-handover]').count()).toBe(0);
  expect(await band(frame, 'roadmap').locator('[role="img"]').first().getAttribute('aria-label')).toMatch(
    /^PAY Sprint 1: Priya Raman, \d+%$/,
  );
  // The other PO rows changed hands the same sprint.
  for (const row of ['prioritization', 'story-writing', 'acceptance-criteria', 'sprint-planning']) {
    expect([row, await band(frame, row).locator('button[data-handover]').getAttribute('aria-label')]).toEqual(
      [row, expect.stringMatching(/from Felix Brandt to Omar Haddad since PAY Sprint 3$/)],
    );
  }
  // The line in words, with both shares and the sprint's start date.
  const line = frame.locator('.ot-changes li[data-row="refinement"]');
  expect(await line.innerText()).toMatch(
    /^PAY board: .+ passed from Felix Brandt \(\d+ %\) to Omar Haddad \(\d+ %\) in PAY Sprint 3 \(.*2026.*\)\./,
  );

  await marker.click();
  const panel = frame.locator('[data-testid="change-evidence"]');
  await panel.waitFor();
  expect(await marker.getAttribute('aria-expanded')).toBe('true');
  const title = await panel.locator('h3').innerText();
  expect(title).toContain('Felix Brandt');
  expect(title).toContain('Omar Haddad');
  expect(title).toContain('PAY Sprint 3');
  // Exactly the events the analysis gives for this handover, each linking to its issue.
  const handover = (await ownershipAnalysis(frame)).handovers.find(
    (h) => h.boardId === PAY_BOARD && h.row === 'refinement',
  )!;
  const rows = panel.locator('tbody tr');
  expect(await rows.count()).toBe(handover.evidence.length);
  expect(handover.evidence.length).toBeGreaterThan(0);
  expect(
    await rows.locator('td.evidence-issue a').evaluateAll((links) => links.map((a) => a.textContent)),
  ).toEqual(handover.evidence.map((e) => e.issueKey));
  if (handover.evidenceTotal > handover.evidence.length) {
    expect(await panel.locator('[data-testid="evidence-more"]').innerText()).toContain(
      `${handover.evidenceTotal - handover.evidence.length} more`,
    );
  }
  await suite.page.mouse.move(0, 0);
  await screenshot(suite.page, 'macro-over-time');

  // Opening a letter of the map closes the change's panel: one panel at a time.
  await frame.locator(`button.letter[data-row="roadmap"][data-person="${PRIYA}"]`).click();
  await frame.locator('[data-testid="evidence-panel"]').waitFor();
  expect(await panel.count()).toBe(0);
});

test('the keyboard reaches a marker, Enter opens its events and Escape closes them, back on the marker', async () => {
  const frame = await openMacro();
  await chooseScope(frame, PAY_BOARD);
  const marker = band(frame, 'refinement').locator('button[data-handover]');
  const key = await marker.getAttribute('data-handover');

  // From the scope buttons, Tab walks forward until the refinement marker has focus.
  await frame.locator(`[data-scope="${PAY_BOARD}"]`).focus();
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await suite.page.keyboard.press('Tab');
    reached = await frame.evaluate(
      (k) => document.activeElement?.getAttribute('data-handover') === k && k !== null,
      key,
    );
  }
  expect(reached).toBe(true);

  await suite.page.keyboard.press('Enter');
  const panel = frame.locator('[data-testid="change-evidence"]');
  await panel.waitFor();
  // Focus moved into the panel, on its title.
  expect(await frame.evaluate(() => document.activeElement?.id)).toBe('over-time-evidence-title');

  await suite.page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  expect(await frame.evaluate(() => document.activeElement?.getAttribute('data-handover'))).toBe(key);

  // Space opens it too.
  await suite.page.keyboard.press('Space');
  await panel.waitFor();
});

test("on CHK's board the roadmap is Priya's in every period that has an owner, with no handover", async () => {
  const frame = await openMacro();
  await chooseScope(frame, CHK_BOARD);
  const roadmap = band(frame, 'roadmap');
  const owners = await roadmap
    .locator('td[data-period]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-owner')));
  expect(owners.length).toBeGreaterThan(6);
  expect(owners.filter((o) => o !== '').length).toBeGreaterThan(6);
  expect(new Set(owners.filter((o) => o !== ''))).toEqual(new Set([PRIYA]));
  expect(await roadmap.locator('button[data-handover]').count()).toBe(0);
  expect(await frame.locator('.ot-changes li[data-row="roadmap"]').count()).toBe(0);
});

test("the whole site tells Priya's accretions in words, and their events open from the line", async () => {
  const frame = await openMacro();
  const lines = frame.locator('.ot-changes li[data-change="accretion"]');
  const texts = await lines.allInnerTexts();
  expect(
    texts.some((t) =>
      /^Whole site: Priya Raman took on .+ in Jul 2026 \(.*2026.*\), keeping .+ and .+\./.test(t),
    ),
  ).toBe(true);
  await lines
    .first()
    .getByRole('button', { name: /Show the events/ })
    .click();
  const panel = frame.locator('[data-testid="change-evidence"]');
  await panel.waitFor();
  expect(await panel.getAttribute('data-change')).toBe('accretion');
  expect(await panel.locator('tbody tr').count()).toBeGreaterThan(0);
  // Another scope closes it: its change is not on the bands any more.
  await chooseScope(frame, PAY_BOARD);
  expect(await panel.count()).toBe(0);
});

test('at 400 px the bands scroll inside their own box with the row names in place; dark mode renders', async () => {
  const frame = await openMacro('dark');
  // The macro frame itself 400 px wide, whatever the preview page puts beside it.
  await suite.page.locator('#macro-frame').evaluate((el: HTMLElement) => (el.style.width = '400px'));
  await frame.waitForFunction(() => document.documentElement.clientWidth === 400);
  await chooseScope(frame, PAY_BOARD);
  const scroller = frame.locator('.ot-scroll');
  const sizes = await scroller.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  // The frame's page itself does not scroll sideways.
  expect(
    await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
  ).toBe(true);
  const head = band(frame, 'refinement').locator('th');
  const before = await head.boundingBox();
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const after = await head.boundingBox();
  expect(after!.x).toBeCloseTo(before!.x, 0);
  expect(await head.innerText()).toBe('Refines stories');
  // Dark: the strip's box is dark like the page.
  const background = await scroller.evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  expect((r! + g! + b!) / 3).toBeLessThan(80);
  await scroller.evaluate((el) => el.scrollTo({ left: 0 }));
  await band(frame, 'refinement').locator('button[data-handover]').click();
  await frame.locator('[data-testid="change-evidence"]').waitFor();
  await suite.page.mouse.move(0, 0);
  await screenshot(suite.page, 'macro-over-time-dark');
});
