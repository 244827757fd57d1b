// The "Over time" tab of the Jira project page in a real browser against samples/acme through the local preview:
// reached by keyboard, PAY's handovers from Felix Brandt to Omar Haddad in the table, on the bands and in the CSV,
// the roadmap held by Priya Raman throughout, the band's own keyboard moves, dark mode, narrow widths, screenshots.
import { readFile } from 'node:fs/promises';
import type { Frame } from 'playwright-core';
import { parseCsv } from '../static/jira-views/fixture';
import {
  appFrame,
  browserSuite,
  openPreviewPage,
  pick,
  typeDate,
  type PreviewPageQuery,
  screenshot,
} from './harness';

/** From samples/acme/README.md ("Cast"). */
const PRIYA = { id: '8bd7b81342e3c818e496b63f', name: 'Priya Raman' };
const FELIX = 'Felix Brandt';
const OMAR = 'Omar Haddad';
/** PAY's rows that Felix handed to Omar on PAY board from PAY Sprint 3 (2026-07-01) on. */
const HANDED_OVER = [
  'prioritization',
  'story-writing',
  'refinement',
  'acceptance-criteria',
  'sprint-planning',
];

const suite = browserSuite({ surfaces: ['jira-views'] });

/** Opens PAY's project page as Priya and waits until the analysis is drawn. */
async function payProjectPage(query: PreviewPageQuery = {}): Promise<Frame> {
  await openPreviewPage(suite.page, suite.preview, {
    tab: 'project',
    project: 'PAY',
    viewer: PRIYA.id,
    ...query,
  });
  const frame = await appFrame(suite.page, '#project-frame');
  await frame.waitForSelector('[data-view=bandwidth]', { timeout: 45_000 });
  return frame;
}

/** Reaches the Over time tab as a keyboard user does: focus the selected tab, then the arrow keys. */
async function showOverTimeByKeyboard(frame: Frame): Promise<void> {
  await frame.focus('[data-testid=tab-bandwidth]');
  await suite.page.keyboard.press('ArrowRight');
  await suite.page.keyboard.press('ArrowRight');
  await frame.waitForSelector('[data-testid=tab-over-time][aria-selected=true]');
  await frame.waitForSelector('[data-view=over-time]', { state: 'visible' });
}

test('the Over time tab lists PAY board’s five handovers from Felix Brandt to Omar Haddad', async () => {
  const frame = await payProjectPage();
  await showOverTimeByKeyboard(frame);
  // PAY has one board: its sprints only, no months view beside it.
  expect(
    await frame
      .locator('[data-view=over-time] [data-scope]')
      .evaluateAll((s) => s.map((e) => e.getAttribute('data-scope'))),
  ).toEqual(['board-2']);

  const rows = frame.locator('[data-table=handovers] tbody tr');
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-handover-row')))).toEqual(
    HANDED_OVER,
  );
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    expect(await row.locator('[data-cell=board]').innerText()).toBe('PAY board');
    expect(await row.locator('[data-cell=from]').innerText()).toBe(FELIX);
    expect(await row.locator('[data-cell=to]').innerText()).toBe(OMAR);
    expect(await row.locator('[data-cell=since]').innerText()).toMatch(/^PAY Sprint 3\n/);
    expect(await row.locator('[data-cell=since] time').getAttribute('datetime')).toMatch(/^2026-07-01T/);
    // The evidence: a count, and the latest issues linking to Jira.
    const links = row.locator('[data-cell=evidence] a');
    expect(await row.locator('[data-cell=evidence]').innerText()).toMatch(/^\d+ events/);
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute('href')).toMatch(
      /^https:\/\/acme\.atlassian\.net\/browse\/PAY-\d+$/,
    );
  }
  // No handover on PAY's roadmap: Priya Raman holds it in every sprint.
  expect(await frame.locator('tr[data-handover-row=roadmap]').count()).toBe(0);
  const roadmap = frame.locator('[data-band=board-2] tr[data-band-row=roadmap] [data-cell-at]');
  expect(
    new Set(await roadmap.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-owner')))),
  ).toEqual(new Set([PRIYA.name]));
  expect(await frame.locator('[data-band=board-2] tr[data-band-row=roadmap] [data-handover]').count()).toBe(
    0,
  );

  // The band for refinement marks the handover at Omar's first sprint, in its accessible name too.
  const marked = frame.locator('[data-band=board-2] tr[data-band-row=refinement] [data-handover=true]');
  expect(await marked.count()).toBe(1);
  expect(await marked.getAttribute('data-period')).toBe('PAY Sprint 3');
  expect(await marked.getAttribute('aria-label')).toMatch(
    new RegExp(`^PAY Sprint 3: ${OMAR}, \\d+ %, handover from ${FELIX}$`),
  );
  // Each owner keeps one colour in every band, and the legend names it.
  const tones = await frame
    .locator('[data-band] [data-cell-at][data-owner]:not([data-owner=""])')
    .evaluateAll((cells) => [
      ...new Set(cells.map((c) => `${c.getAttribute('data-owner')}=${c.getAttribute('data-tone')}`)),
    ]);
  expect(new Set(tones.map((t) => t.split('=')[0])).size).toBe(tones.length);
  expect(await frame.locator('[data-legend=owners]').innerText()).toContain(OMAR);
});

test('the handovers CSV carries what the table shows', async () => {
  const frame = await payProjectPage();
  await frame.click('[data-testid=tab-over-time]');
  await frame.waitForSelector('[data-view=over-time]', { state: 'visible' });
  const [download] = await Promise.all([
    suite.page.waitForEvent('download'),
    frame.click('[data-view=over-time] [data-testid=download-csv]'),
  ]);
  expect(download.suggestedFilename()).toBe('pay-handovers.csv');
  const text = await readFile(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...records] = parseCsv(text.slice(1));
  const at = (record: string[], column: string) => record[header!.indexOf(column)];

  const rows = frame.locator('[data-table=handovers] tbody tr');
  expect(records.length).toBe(await rows.count());
  for (let i = 0; i < records.length; i += 1) {
    const record = records[i]!;
    const row = rows.nth(i);
    expect(at(record, 'Row')).toBe(await row.locator('[data-cell=row]').innerText());
    expect(at(record, 'Board')).toBe('PAY board');
    expect([at(record, 'From'), at(record, 'To')]).toEqual([FELIX, OMAR]);
    expect(at(record, 'Since (period)')).toBe('PAY Sprint 3');
    expect(at(record, 'Since (date)')).toBe('2026-07-01');
    const shown = async (cell: string) =>
      Number.parseInt(await row.locator(`[data-cell=${cell}]`).innerText(), 10);
    expect(Number(at(record, 'From share (%)'))).toBe(await shown('from-share'));
    expect(Number(at(record, 'To share (%)'))).toBe(await shown('to-share'));
    expect(Number(at(record, 'Evidence (events)'))).toBe(await shown('evidence'));
    const keys = await row.locator('[data-cell=evidence] a').allInnerTexts();
    expect(at(record, 'Latest evidence issues')).toBe(keys.join(' '));
  }
});

test('the band is one tab stop: arrow keys move between periods and show each owner', async () => {
  const frame = await payProjectPage();
  await frame.click('[data-testid=tab-over-time]');
  const band = frame.locator('[data-band=board-2]');
  await band.waitFor({ state: 'visible' });
  expect(await band.locator('[data-cell-at][tabindex="0"]').count()).toBe(1);
  await band.locator('[data-cell-at="0:0"]').focus();
  await suite.page.keyboard.press('ArrowDown'); // Orders the backlog
  await suite.page.keyboard.press('ArrowDown'); // Writes user stories
  await suite.page.keyboard.press('ArrowDown'); // Refines stories
  await suite.page.keyboard.press('ArrowRight');
  await suite.page.keyboard.press('ArrowRight');
  const focused = () => frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  expect(await focused()).toMatch(new RegExp(`^PAY Sprint 3: ${OMAR}, \\d+ %, handover from ${FELIX}$`));
  // Its tooltip opens on focus as on hover.
  await frame.waitForSelector(`[role=tooltip]:has-text("PAY Sprint 3: ${OMAR}")`);
  await suite.page.keyboard.press('Home');
  expect(await focused()).toMatch(new RegExp(`^PAY Sprint 1: ${FELIX}, \\d+ %$`));
  expect(await band.locator('[data-cell-at][tabindex="0"]').getAttribute('data-cell-at')).toBe('3:0');
});

test('a window with too little activity says so instead of drawing empty bands', async () => {
  const frame = await payProjectPage();
  await pick(frame, 'window', 'Between dates…');
  expect(await typeDate(frame, 'jv-window-from', 'window-from', '2025-01-01')).toBe('2025-01-01');
  expect(await typeDate(frame, 'jv-window-to', 'window-to', '2025-01-31')).toBe('2025-01-31');
  await frame.click('button[type=submit]');
  await frame.waitForSelector('[data-loading=false][data-window-from^="2025-01-01"]', { timeout: 45_000 });
  await frame.click('[data-testid=tab-over-time]');
  const empty = frame.locator('[data-view=over-time] [data-state=empty]');
  expect(await empty.innerText()).toContain(
    'Not enough activity to tell who owned what over time (a period needs at least 5 events).',
  );
  expect(await frame.locator('[data-view=over-time] [data-band]').count()).toBe(0);
});

test('screenshots, dark mode and narrow widths: the band scrolls in its own box', async () => {
  await suite.page.setViewportSize({ width: 1280, height: 900 });
  const light = await payProjectPage();
  await light.click('[data-testid=tab-over-time]');
  await light.waitForSelector('[data-band=board-2]', { state: 'visible' });
  await screenshot(suite.page, 'jira-over-time');

  const dark = await payProjectPage({ theme: 'dark' });
  await dark.waitForFunction(() => document.documentElement.dataset.colorMode === 'dark');
  await dark.click('[data-testid=tab-over-time]');
  await dark.waitForSelector('[data-band=board-2]', { state: 'visible' });
  const [surface, owner] = await dark.evaluate(() => [
    getComputedStyle(document.body).backgroundColor,
    getComputedStyle(document.querySelector('[data-band] [data-tone="0"]')!).color,
  ]);
  expect(surface).not.toBe('rgb(255, 255, 255)');
  // The initials on a coloured cell are the theme's inverse text: dark on the dark theme's lighter accents.
  expect(owner).not.toBe('rgb(255, 255, 255)');
  await screenshot(suite.page, 'jira-over-time-dark');

  await suite.page.setViewportSize({ width: 600, height: 900 });
  const narrow = await payProjectPage();
  await narrow.click('[data-testid=tab-over-time]');
  await narrow.waitForSelector('[data-band=board-2]', { state: 'visible' });
  const [pageOverflow, bandOverflow] = await narrow.evaluate(() => {
    const box = document.querySelector('[data-band=board-2]')!.parentElement!;
    return [
      document.documentElement.scrollWidth - document.documentElement.clientWidth,
      box.scrollWidth - box.clientWidth,
    ];
  });
  expect(pageOverflow).toBeLessThanOrEqual(0);
  expect(bandOverflow).toBeGreaterThan(0);
  await screenshot(suite.page, 'jira-over-time-narrow');
});
