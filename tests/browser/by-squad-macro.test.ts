// The Confluence map "by squad" in a real browser, on the local preview over samples/acme site-wide: the toggle
// shows responsibilities × boards with each board's owner and share, exactly as the analysis has them (and as
// samples/acme/README.md promises: CHK's acceptance Priya's, SRCH's Sofia's, PAY's nobody's); arrow keys move
// between its cells, an owner opens the events behind their letter, the choice outlives a reload, and at 400 px in
// the dark theme the table scrolls inside its own frame. Writes macro-by-squad.png and macro-by-squad-dark.png.
import type { Frame } from 'playwright-core';
import type { AnalysisResult } from '../../src/contract/analysis';
import { RESOLVERS } from '../../src/contract/requests';
import type { ResolverResult } from '../../src/contract/result';
import { appFrame, browserSuite, callBridge, openPreviewPage, screenshot } from './harness';

const SAMPLE_CONFIG = { scope: { projects: ['CHK', 'PAY', 'SRCH'], boards: [] }, window: { kind: 'all' } };
/** samples/acme/permissions.json */
const PRIYA = '8bd7b81342e3c818e496b63f';
const SOFIA = '37230b5ff67be16c463e7030';
const BOARD = { CHK: 1, PAY: 2, SRCH: 3 } as const;

const suite = browserSuite({
  surfaces: ['macro'],
  viewport: { width: 1280, height: 900 },
  preview: { macroConfig: SAMPLE_CONFIG },
});

async function openMacro(theme: 'light' | 'dark' = 'light'): Promise<Frame> {
  await openPreviewPage(suite.page, suite.preview, { tab: 'confluence', viewer: PRIYA, theme });
  return appFrame(suite.page, '#macro-frame', '[data-state="map"]');
}

async function bySquad(frame: Frame): Promise<void> {
  await frame.locator('button[data-view="squad"]').click();
  await frame.locator('[data-testid="squad-map"]').waitFor();
}

async function ownershipAnalysis(frame: Frame): Promise<AnalysisResult> {
  const answer = await callBridge<ResolverResult<AnalysisResult>>(frame, 'invoke', {
    functionKey: RESOLVERS.ownershipMap,
    payload: {},
  });
  if (!answer.ok) throw new Error(`getOwnershipMap failed: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

const cell = (frame: Frame, row: string, boardId: number) =>
  frame.locator(`[data-testid="squad-map"] td[data-cell="${row}|${boardId}"]`);

/** The text a sighted reader sees in a cell (the screen-reader words left out). */
function seenText(frame: Frame, row: string, boardId: number): Promise<string> {
  return cell(frame, row, boardId).evaluate((td) => {
    const copy = td.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Which cell holds the focus, as `row|board`. */
const focusedCell = (frame: Frame) =>
  frame.evaluate(() => document.activeElement?.closest('td[data-cell]')?.getAttribute('data-cell') ?? null);

test("by squad names each board's owner and share as the analysis does: CHK's acceptance Priya's, SRCH's Sofia's, PAY's nobody's", async () => {
  const frame = await openMacro();
  const toggle = frame.getByRole('group', { name: 'Show the map' });
  expect(await toggle.locator('button[aria-pressed="true"]').innerText()).toBe('By person');
  await bySquad(frame);
  expect(await frame.locator('button[data-view="squad"]').getAttribute('aria-pressed')).toBe('true');
  expect(await frame.getByRole('status').filter({ hasText: 'by squad' }).count()).toBe(1);
  // The person grid gave way to the squad grid.
  expect(await frame.locator('[data-testid="ownership-map"]').count()).toBe(0);

  expect(await frame.locator('thead .squad-head .squad-label').allInnerTexts()).toEqual([
    'CHK',
    'PAY',
    'SRCH',
  ]);
  expect(await seenText(frame, 'acceptance', BOARD.CHK)).toBe('Priya Raman · 100%');
  expect(await seenText(frame, 'acceptance', BOARD.SRCH)).toBe('Sofia Lindqvist · 88%');
  expect(await seenText(frame, 'acceptance', BOARD.PAY)).toBe('No clear owner');
  expect(await cell(frame, 'acceptance', BOARD.PAY).innerText()).toContain('the largest share is 12');
  expect(await cell(frame, 'acceptance', BOARD.CHK).getAttribute('data-owner')).toBe(PRIYA);
  expect(await cell(frame, 'acceptance', BOARD.SRCH).getAttribute('data-owner')).toBe(SOFIA);
  // The roadmap is Priya's on every board.
  for (const boardId of Object.values(BOARD))
    expect(await cell(frame, 'roadmap', boardId).getAttribute('data-owner')).toBe(PRIYA);

  // Every product row on every board reads as the analysis's owner of that row there; delivery is not shown.
  const result = await ownershipAnalysis(frame);
  const nameOf = (id: string) => result.people.find((p) => p.id === id)?.displayName;
  const rows = await frame
    .locator('[data-testid="squad-map"] tr.row[data-row]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-row')));
  expect(rows).toEqual(result.rows.filter((r) => r.layer !== 'delivery').map((r) => r.key));
  for (const board of result.boards) {
    for (const row of board.rows.filter((r) => r.key !== 'delivery')) {
      const expected =
        row.owner === null
          ? 'No clear owner'
          : `${nameOf(row.owner.personId)} · ${Math.round(row.owner.share * 100)}%`;
      expect([board.id, row.key, await seenText(frame, row.key, board.id)]).toEqual([
        board.id,
        row.key,
        expected,
      ]);
    }
  }
  await suite.page.mouse.move(0, 0);
  await screenshot(suite.page, 'macro-by-squad');
});

test('arrow keys move between the squad cells, an owner opens the events behind their letter, and the choice outlives a reload', async () => {
  const frame = await openMacro();
  await bySquad(frame);
  const table = frame.locator('[data-testid="squad-map"]');
  expect(await table.locator('[tabindex="0"]').count()).toBe(1);
  await table.locator(`button[data-row="acceptance"][data-board="${BOARD.CHK}"]`).focus();
  expect(await focusedCell(frame)).toBe(`acceptance|${BOARD.CHK}`);
  await suite.page.keyboard.press('ArrowRight');
  // PAY's cell has no owner: the cell itself takes the focus, so the arrows go straight through.
  expect(await focusedCell(frame)).toBe(`acceptance|${BOARD.PAY}`);
  await suite.page.keyboard.press('ArrowRight');
  expect(await focusedCell(frame)).toBe(`acceptance|${BOARD.SRCH}`);
  await suite.page.keyboard.press('ArrowUp');
  expect(await focusedCell(frame)).toBe(`sprint-planning|${BOARD.SRCH}`);
  await suite.page.keyboard.press('Control+Home');
  expect(await focusedCell(frame)).toBe(`roadmap|${BOARD.CHK}`);
  await suite.page.keyboard.press('Control+End');
  expect(await focusedCell(frame)).toBe(`acceptance|${BOARD.SRCH}`);
  expect(await table.locator('[tabindex="0"]').count()).toBe(1);

  // Enter opens Sofia's evidence for SRCH's acceptance: her events on SRCH, as the analysis lists them.
  await suite.page.keyboard.press('Enter');
  const panel = frame.locator('[data-testid="evidence-panel"]');
  await panel.waitFor();
  expect(await panel.locator('h3').innerText()).toBe(
    'Why Sofia Lindqvist is A (accountable) for “Accepts sprint work” on SRCH',
  );
  const result = await ownershipAnalysis(frame);
  const owner = result.boards
    .find((b) => b.id === BOARD.SRCH)
    ?.rows.find((r) => r.key === 'acceptance')?.ownerCell;
  expect(owner?.evidence.length).toBeGreaterThan(0);
  expect(
    await panel
      .locator('tr[data-evidence]')
      .evaluateAll((n) => n.map((r) => r.getAttribute('data-evidence'))),
  ).toEqual(owner?.evidence.map((e) => e.issueKey));
  expect(owner?.evidence.every((e) => e.issueKey.startsWith('SRCH-'))).toBe(true);
  expect(await panel.innerText()).toContain(
    `88% of this row's activity on SRCH · ${owner?.eventCount} events`,
  );
  // Escape closes it, back on the owner that opened it; Tab leaves the grid.
  await suite.page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  expect(await focusedCell(frame)).toBe(`acceptance|${BOARD.SRCH}`);
  await suite.page.keyboard.press('Tab');
  expect(
    await frame.evaluate(() => document.activeElement?.closest('[data-testid="squad-map"]') === null),
  ).toBe(true);

  // The choice lasts for the page session.
  await suite.page.reload();
  await suite.page.waitForSelector('body[data-ready="true"]');
  const again = await appFrame(suite.page, '#macro-frame', '[data-state="map"]');
  await again.locator('[data-testid="squad-map"]').waitFor();
  expect(await again.locator('button[data-view="squad"]').getAttribute('aria-pressed')).toBe('true');
});

test('at 400 px in the dark theme the squad table scrolls inside its own frame with the responsibilities in place', async () => {
  const frame = await openMacro('dark');
  await suite.page.locator('#macro-frame').evaluate((el: HTMLElement) => (el.style.width = '400px'));
  await frame.waitForFunction(() => document.documentElement.clientWidth === 400);
  await bySquad(frame);
  const scroller = frame.locator('.map-scroll:has([data-testid="squad-map"])');
  const sizes = await scroller.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  expect(
    await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
  ).toBe(true);
  const head = frame.locator('[data-testid="squad-map"] tr[data-row="acceptance"] .row-head');
  const before = await head.boundingBox();
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  expect((await head.boundingBox())!.x).toBeCloseTo(before!.x, 0);
  expect(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
  // Dark: the table's box and its owners' text follow the theme's tokens.
  const [r, g, b] = (
    (await scroller.evaluate((el) => getComputedStyle(el).backgroundColor)).match(/\d+/g) ?? []
  ).map(Number);
  expect((r! + g! + b!) / 3).toBeLessThan(80);
  const owner = frame.locator(`button[data-row="acceptance"][data-board="${BOARD.SRCH}"]`);
  const [tr, tg, tb] = ((await owner.evaluate((el) => getComputedStyle(el).color)).match(/\d+/g) ?? []).map(
    Number,
  );
  expect((tr! + tg! + tb!) / 3).toBeGreaterThan(120);
  await owner.click();
  await frame.locator('[data-testid="evidence-panel"]').waitFor();
  await suite.page.mouse.move(0, 0);
  await screenshot(suite.page, 'macro-by-squad-dark');
});
