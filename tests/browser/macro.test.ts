// The Confluence macro in a real browser, on the local preview over samples/acme: the map draws exactly the letters
// the resolver computed, a letter opens its evidence (mouse and keyboard), the config panel refuses a bad value
// inline and saves a good one that the map then follows, both themes render, and each outcome has its own state.
// Writes macro-light.png, macro-dark.png and macro-config.png into SCREENSHOT_DIR (docs/screenshots/ for the README).
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { TEAM_ID, type AnalysisResult } from '../../src/contract/analysis';
import { RESOLVERS } from '../../src/contract/requests';
import type { ResolverResult } from '../../src/contract/result';
import type { PreviewServer } from '../../tools/preview/server';
import {
  REPO_DIR,
  SAMPLE_DIR,
  SCREENSHOT_DIR,
  appFrame,
  callBridge,
  ensureBuilt,
  launchBrowser,
  openPreviewPage,
  startTestPreview,
  typeDate,
  type BrowserSession,
} from './harness';

/** The macro as a team would set it up on the sample site: all three squads, all time. */
const SAMPLE_CONFIG = { scope: { projects: ['CHK', 'PAY', 'SRCH'], boards: [] }, window: { kind: 'all' } };
const MACRO_DIST = path.join(REPO_DIR, 'static', 'macro', 'dist');
/** Whatever the macro ends up showing once it has an answer. */
const SETTLED = '[data-state="map"], [data-state="not-configured"], [data-state="empty"], [role="alert"]';

let people: Record<string, string>;
let browser: BrowserSession;
let preview: PreviewServer;
let page: Page;

/** Account ids of the sample's cast, by display name (samples/acme/permissions.json). */
async function readCast(): Promise<Record<string, string>> {
  const file = JSON.parse(await readFile(path.join(SAMPLE_DIR, 'permissions.json'), 'utf8')) as {
    accounts: Record<string, { displayName: string }>;
  };
  return Object.fromEntries(Object.entries(file.accounts).map(([id, account]) => [account.displayName, id]));
}

function idOf(name: string): string {
  const id = people[name];
  if (id === undefined) throw new Error(`${name} is not in samples/acme/permissions.json`);
  return id;
}

beforeAll(async () => {
  await ensureBuilt(['macro']);
  people = await readCast();
  [browser, preview] = await Promise.all([
    launchBrowser({ viewport: { width: 1280, height: 900 } }),
    startTestPreview({ macroConfig: SAMPLE_CONFIG }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

beforeEach(async () => {
  preview.setMacroConfig(SAMPLE_CONFIG);
  preview.jira?.setFaults([]);
  page = await browser.newPage();
});

afterEach(async () => {
  await page.close();
});

async function openMacro(query: { viewer?: string; theme?: 'light' | 'dark' } = {}): Promise<Frame> {
  await openPreviewPage(page, preview, { tab: 'confluence', viewer: idOf('Priya Raman'), ...query });
  const frame = await appFrame(page, '#macro-frame', SETTLED);
  return frame;
}

interface DrawnLetter {
  row: string;
  person: string;
  letter: string;
}

async function drawnLetters(frame: Frame): Promise<DrawnLetter[]> {
  return frame.locator('button.letter[data-row][data-person]').evaluateAll((buttons) =>
    buttons.map((b) => ({
      row: b.getAttribute('data-row') ?? '',
      person: b.getAttribute('data-person') ?? '',
      letter: b.getAttribute('data-letter') ?? '',
    })),
  );
}

/** The analysis the macro's resolver answers for this frame's viewer and config, asked through the bridge. */
async function resolverResult(frame: Frame): Promise<AnalysisResult> {
  const answer = await callBridge<ResolverResult<AnalysisResult>>(frame, 'invoke', {
    functionKey: RESOLVERS.ownershipMap,
    payload: {},
  });
  if (!answer.ok) throw new Error(`getOwnershipMap failed: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

function letterButton(frame: Frame, row: string, person: string) {
  return frame.locator(`button.letter[data-row="${row}"][data-person="${person}"]`);
}

async function backgroundOf(frame: Frame): Promise<[number, number, number]> {
  const color = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (!match) throw new Error(`Unexpected background colour ${color}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG relative luminance, 0 (black) … 1 (white). */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

async function writeScreenshot(name: string, take: (file: string) => Promise<unknown>): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // No tooltip or scrolled sticky bar in the picture.
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await take(file);
  return file;
}

test('the map draws the sample cast with exactly the letters the resolver computed', async () => {
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  await writeScreenshot('macro-light', (file) =>
    page.screenshot({ path: file, fullPage: true, animations: 'disabled' }),
  );
  const result = await resolverResult(frame);

  // Every cell of every inferred row is drawn with its letter, and nothing else is; I letters only on request.
  const expected = result.rows.flatMap((row) =>
    row.cells.map((cell) => ({ row: row.key, person: cell.personId, letter: cell.letter })),
  );
  const key = (l: DrawnLetter) => `${l.row}|${l.person}|${l.letter}`;
  const drawnByDefault = await drawnLetters(frame);
  expect(drawnByDefault.map(key).sort()).toEqual(
    expected
      .filter((l) => l.letter !== 'I')
      .map(key)
      .sort(),
  );
  expect(expected.some((l) => l.letter === 'I')).toBe(true);
  const toggle = frame.getByRole('button', { name: 'Show informed (I)' });
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  await toggle.click();
  await frame.getByRole('button', { name: 'Hide informed (I)' }).waitFor();
  const drawn = await drawnLetters(frame);
  expect(drawn.map(key).sort()).toEqual(expected.map(key).sort());
  expect(drawn.length).toBeGreaterThan(20);
  // Each letter shows its share beside it.
  const roadmapA = result.rows.find((r) => r.key === 'roadmap')!.cells.find((c) => c.letter === 'A')!;
  expect(
    await frame
      .locator(
        `td[data-cell]:has(button.letter[data-row="roadmap"][data-person="${roadmapA.personId}"]) .letter-share`,
      )
      .innerText(),
  ).toBe(`${Math.round(roadmapA.share * 100)}%`);

  // samples/acme/README.md, whole site: Priya (the PM) is A of the roadmap and of ordering, planning and accepting;
  // three squads with three POs leave story writing, refinement and criteria without a clear owner.
  const priyaId = idOf('Priya Raman');
  const letterOf = (row: string, person: string) =>
    letterButton(frame, row, person).getAttribute('data-letter');
  for (const row of ['roadmap', 'prioritization', 'sprint-planning', 'acceptance']) {
    expect([row, await letterOf(row, priyaId)]).toEqual([row, 'A']);
  }
  for (const row of ['story-writing', 'refinement', 'acceptance-criteria']) {
    expect([row, await letterOf(row, priyaId)]).toEqual([row, 'R']);
    expect(await frame.locator(`tr[data-row="${row}"] .row-head`).innerText()).toContain('No clear owner');
  }
  const headers = await frame
    .locator('thead .person')
    .evaluateAll((nodes) =>
      nodes.map((n) => ({ id: n.getAttribute('data-person'), text: (n as HTMLElement).innerText })),
    );
  for (const name of ['Priya Raman', 'Omar Haddad', 'Sofia Lindqvist']) {
    expect(headers.find((h) => h.id === idOf(name))?.text).toContain(name);
  }
  const team = headers.find((h) => h.id === TEAM_ID);
  expect(team?.text).toContain(result.team.label);
  expect(result.team.count).toBeGreaterThan(0);
  // Each person column names the role the evidence shows.
  const priya = result.people.find((p) => p.id === idOf('Priya Raman'))!;
  expect(headers.find((h) => h.id === priya.id)?.text).toContain(priya.roleLabel);

  // The share is on the letter: in its accessible text (and its tooltip on hover).
  const roadmapCell = result.rows
    .find((r) => r.key === 'roadmap')!
    .cells.find((c) => c.personId === priya.id)!;
  const share = `${Math.round(roadmapCell.share * 100)}%`;
  const button = letterButton(frame, 'roadmap', priya.id);
  expect(await button.innerText()).toContain(share);
  await button.hover();
  await frame.waitForSelector(`[role="tooltip"]:has-text("${share}")`);

  // Groups: strategic and tactical, delivery apart; warnings above the map, most severe first.
  expect(
    await frame.locator('tbody[data-layer]').evaluateAll((t) => t.map((n) => n.getAttribute('data-layer'))),
  ).toEqual(['strategic', 'tactical', 'delivery']);
  const severities = await frame
    .locator('[data-warning]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-severity')));
  expect(severities.length).toBeGreaterThan(0);
  const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
  expect([...severities].sort((a, b) => rank[a!]! - rank[b!]!)).toEqual(severities);
  expect(await frame.locator('[data-testid="freshness"]').textContent()).toMatch(
    /^(Read live from Jira at|Data as of) .+ · Refresh now/,
  );
});

test("on PAY's board the map names its PO, Omar, accountable for the PO rows and Felix as inactive", async () => {
  preview.setMacroConfig({ scope: { projects: [], boards: [2] }, window: { kind: 'all' } });
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const omar = idOf('Omar Haddad');
  for (const row of [
    'prioritization',
    'story-writing',
    'refinement',
    'acceptance-criteria',
    'sprint-planning',
  ]) {
    expect([row, await letterButton(frame, row, omar).getAttribute('data-letter')]).toEqual([row, 'A']);
  }
  expect(await letterButton(frame, 'roadmap', idOf('Priya Raman')).getAttribute('data-letter')).toBe('A');
  expect(await frame.locator(`thead [data-person="${omar}"]`).innerText()).toContain('PO-like');
  expect(await frame.locator(`thead [data-person="${idOf('Felix Brandt')}"]`).innerText()).toContain(
    '(inactive)',
  );
});

test('"How is this calculated?" opens from the keyboard, states the thresholds that applied, and Escape closes it', async () => {
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const toggle = frame.getByRole('button', { name: 'How is this calculated?' });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  const panel = frame.locator('[data-testid="how-calculated"]');
  await panel.waitFor();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const text = await panel.innerText();
  // samples/acme's map runs on the defaults: A from 35 %, R from 15 %, C from 2 % or comments on 10 % and 3 issues.
  expect(text).toContain('A (accountable) is the largest share when it is at least 35%');
  expect(text).toContain('R (responsible) at least 15%');
  expect(text).toContain('at least 10% of the responsibility’s issues and at least 3 of them');
  expect(text).toContain('creating an epic counts 3 times');
  expect(text).toContain('All settings are the defaults.');
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
});

test('a letter opens its evidence, linking each event to its issue and all of them to a Jira search', async () => {
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const result = await resolverResult(frame);
  const priya = idOf('Priya Raman');
  const cell = result.rows.find((r) => r.key === 'roadmap')!.cells.find((c) => c.personId === priya)!;

  await letterButton(frame, 'roadmap', priya).click();
  const panel = frame.locator('[data-testid="evidence-panel"]');
  await panel.waitFor();
  expect(await panel.locator('h3').innerText()).toContain(
    'Why Priya Raman is A (accountable) for “Sets roadmap items”',
  );
  const rows = panel.locator('tbody tr');
  expect(await rows.count()).toBe(cell.evidence.length);
  const first = cell.evidence[0]!;
  const link = rows.first().locator('a');
  expect(await link.innerText()).toBe(first.issueKey);
  expect(await link.getAttribute('href')).toBe(`https://acme.atlassian.net/browse/${first.issueKey}`);
  if (cell.evidenceTotal > cell.evidence.length) {
    expect(await panel.locator('[data-testid="evidence-more"]').innerText()).toContain(
      `${cell.evidenceTotal - cell.evidence.length} more`,
    );
  }
  const all = panel.locator('a', { hasText: 'in Jira' });
  expect(await all.getAttribute('href')).toBe(
    `https://acme.atlassian.net/issues/?jql=${encodeURIComponent(cell.issues!.jql)}`,
  );

  // Escape closes it and gives focus back to the letter; Enter on a focused letter opens it again.
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  expect(await frame.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe('roadmap');
  await page.keyboard.press('Enter');
  await panel.waitFor();
  expect(await frame.evaluate(() => document.activeElement?.id)).toBe('evidence-title');
});

test('the config panel explains a bad threshold inline, refuses to save it, and saves a good one the map follows', async () => {
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const priya = idOf('Priya Raman');
  const share = Number(await letterButton(frame, 'roadmap', priya).getAttribute('data-share'));
  expect(share).toBeGreaterThan(0.35);

  await page.click('#edit-macro');
  const config = await appFrame(page, '#config-frame', 'form[data-state="config"]');
  // The saved scope is shown as chosen.
  // Named once the viewer's project list has arrived (a bare key until then, never "not visible to you").
  await config.locator('[data-field="scope-projects"]').getByText('Checkout (CHK)').waitFor();
  expect(await config.locator('[data-field="scope-projects"]').innerText()).not.toContain('not visible');
  const save = config.getByRole('button', { name: 'Save' });
  expect(await save.isEnabled()).toBe(true);

  await config.getByRole('button', { name: /Advanced: thresholds/ }).click();
  const input = config.locator('#threshold-accountableShare');
  // Shares are entered in %: 200 % is refused in the settings' own words.
  await input.fill('200');
  const error = config.locator('[data-error-for="threshold-accountableShare"]');
  expect(await error.innerText()).toContain('Accountable (A) share: enter a percentage from 0 to 100.');
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  expect(await save.isDisabled()).toBe(true);
  expect(await config.locator('[data-testid="config-status"]').innerText()).toContain(
    'Accountable (A) share',
  );
  await config.locator('#advanced-heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await writeScreenshot('macro-config', (file) =>
    page.locator('#config-dialog').screenshot({ path: file, animations: 'disabled' }),
  );

  // Just above Priya's roadmap share: she can no longer be accountable for it.
  const threshold = Math.min(1, Math.ceil((share + 0.005) * 100) / 100);
  await input.fill(String(Math.round(threshold * 100)));
  await error.waitFor({ state: 'detached' });
  expect(await save.isEnabled()).toBe(true);
  await save.click();

  await page.waitForSelector('#config-dialog:not([open])', { state: 'attached' });
  expect(preview.macroConfig()).toMatchObject({
    scope: { projects: ['CHK', 'PAY', 'SRCH'] },
    thresholds: { accountableShare: threshold },
  });
  const map = await appFrame(page, '#macro-frame', '[data-state="map"]');
  expect(await letterButton(map, 'roadmap', priya).getAttribute('data-letter')).toBe('R');
  expect(await map.locator('tr[data-row="roadmap"] button[data-letter="A"]').count()).toBe(0);
  expect(await map.locator('tr[data-row="roadmap"] .row-head').innerText()).toContain('No clear owner');
});

test('the config panel finds people by name for the declared PM and a declared row, and remembers their names', async () => {
  await openMacro();
  await page.click('#edit-macro');
  let config = await appFrame(page, '#config-frame', 'form[data-state="config"]');
  const save = config.getByRole('button', { name: 'Save' });

  await config.locator('#declared-pm').fill('Omar');
  await config.getByRole('option', { name: 'Omar Haddad' }).click();

  await config.getByRole('button', { name: 'Add a declared row' }).click();
  // An empty row is explained, not saved.
  expect(await config.locator('[data-error-for="declared-row-0-label"]').innerText()).toContain(
    'Name the responsibility.',
  );
  expect(await save.isDisabled()).toBe(true);
  await config.locator('#declared-row-0-label').fill('Talks to customers');
  await config.getByRole('button', { name: 'Add a person' }).click();
  expect(await config.locator('[data-error-for="declared-row-0-person-0"]').innerText()).toContain(
    'Pick a person.',
  );
  await config.locator('#declared-row-0-person-0').fill('Sofia');
  await config.getByRole('option', { name: 'Sofia Lindqvist' }).click();
  expect(await save.isEnabled()).toBe(true);
  await save.click();

  await page.waitForSelector('#config-dialog:not([open])', { state: 'attached' });
  expect(preview.macroConfig()).toMatchObject({
    declared: {
      pm: idOf('Omar Haddad'),
      rows: [
        {
          label: 'Talks to customers',
          layer: 'strategic',
          people: [{ accountId: idOf('Sofia Lindqvist'), letter: 'A' }],
        },
      ],
    },
    displayNames: { [idOf('Omar Haddad')]: 'Omar Haddad', [idOf('Sofia Lindqvist')]: 'Sofia Lindqvist' },
  });
  const map = await appFrame(page, '#macro-frame', '[data-state="map"]');
  const declared = map.locator('tr.row.declared');
  expect(await declared.locator('.row-label').innerText()).toBe('Talks to customers');
  expect(
    await declared.locator(`[data-person="${idOf('Sofia Lindqvist')}"]`).getAttribute('data-letter'),
  ).toBe('A');

  // Reopened, the panel shows the names, not account ids.
  await page.click('#edit-macro');
  config = await appFrame(page, '#config-frame', 'form[data-state="config"]');
  expect(await config.locator('[data-field="declared-pm"]').innerText()).toContain('Omar Haddad');
  expect(await config.locator('[data-declared-row="0"]').innerText()).toContain('Sofia Lindqvist');
});

test('declared rows saved in the config are drawn apart from the inferred ones', async () => {
  preview.setMacroConfig({
    ...SAMPLE_CONFIG,
    declared: {
      pm: idOf('Priya Raman'),
      rows: [
        {
          label: 'Talks to customers',
          layer: 'strategic',
          people: [
            { accountId: idOf('Priya Raman'), letter: 'A' },
            { accountId: idOf('Sofia Lindqvist'), letter: 'C' },
          ],
        },
      ],
    },
  });
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const row = frame.locator('tr.row.declared');
  expect(await row.count()).toBe(1);
  expect(await row.locator('.row-head').innerText()).toContain('Declared');
  expect(await row.locator(`[data-person="${idOf('Priya Raman')}"]`).getAttribute('data-letter')).toBe('A');
  // Declared letters are not evidence: they are not buttons that open a panel.
  expect(await row.locator('button').count()).toBe(0);
  expect(await row.evaluate((tr) => tr.closest('tbody')?.getAttribute('data-layer'))).toBe('strategic');
});

test('the dark theme renders: a dark background, different from the light one', async () => {
  const light = await backgroundOf(await openMacro({ theme: 'light' }));
  const frame = await openMacro({ theme: 'dark' });
  await frame.waitForSelector('[data-state="map"]');
  const dark = await backgroundOf(frame);
  expect(dark).not.toEqual(light);
  expect(luminance(dark)).toBeLessThan(0.1);
  expect(luminance(light)).toBeGreaterThan(0.8);
  expect(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
  await writeScreenshot('macro-dark', (file) =>
    page.screenshot({ path: file, fullPage: true, animations: 'disabled' }),
  );
});

test('site-wide, a person a squad reads differently says so under their role: Priya PM/PO, PO-like on CHK, PM-like on PAY', async () => {
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const priya = frame.locator(`thead .person[data-person="${idOf('Priya Raman')}"]`);
  expect(await priya.locator('[data-role]').innerText()).toContain('PM/PO');
  expect(await priya.locator('[data-squad-roles] > span').allInnerTexts()).toEqual([
    'PO-like on CHK',
    'PM-like on PAY',
  ]);
  // Read as one header by a screen reader: the scope's role, then the squads'.
  expect((await priya.innerText()).replace(/\s+/g, ' ')).toContain('PM/PO across the scope PO-like on CHK');
  // The POs of one squad read the same there and site-wide: nothing more under their names.
  expect(
    await frame.locator(`thead .person[data-person="${idOf('Sofia Lindqvist')}"] [data-squad-roles]`).count(),
  ).toBe(0);
  expect(await frame.locator('thead [data-squad-roles]').count()).toBe(1);
});

/** The map's visible width and the width of what it holds, in px. */
function widthsOf(scroller: Locator): Promise<{ client: number; scroll: number }> {
  return scroller.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
}

test('site-wide, the map fits a full-width page (968 px) without scrolling sideways', async () => {
  // Once 2,721 px wide in this frame (20 columns); now the product people, the Team and the responsibilities.
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const scroller = frame.locator('.map-scroll');
  const sizes = await widthsOf(scroller);
  expect(sizes.client).toBe(968);
  expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
  expect(await frame.locator(`thead [data-person="${TEAM_ID}"]`).isVisible()).toBe(true);
  // Every name stays whole: wrapped between words, never cut inside one.
  const brokenWords = await frame.locator('thead .person-name').evaluateAll((spans) =>
    spans.flatMap((span) => {
      const text = span.firstChild;
      if (text === null || text.nodeType !== Node.TEXT_NODE) return [];
      return [...(text.textContent ?? '').matchAll(/\S+/g)]
        .filter((word) => {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          return range.getClientRects().length > 1;
        })
        .map((word) => word[0]);
    }),
  );
  expect(await frame.locator('thead .person-name').count()).toBeGreaterThanOrEqual(8);
  expect(brokenWords).toEqual([]);
});

test('at a page column’s width the map scrolls sideways and keeps its responsibility column in place', async () => {
  await page.setViewportSize({ width: 780, height: 900 });
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const scroller = frame.locator('.map-scroll');
  const sizes = await widthsOf(scroller);
  expect(sizes.client).toBeLessThanOrEqual(720);
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  const head = frame.locator('tr[data-row="roadmap"] .row-head');
  const before = await head.boundingBox();
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const after = await head.boundingBox();
  expect(after!.x).toBeCloseTo(before!.x, 0);
  // The last column (the Team) is now in view.
  expect(await frame.locator(`thead [data-person="${TEAM_ID}"]`).isVisible()).toBe(true);
});

test('a viewer who cannot browse the projects sees the no-access state', async () => {
  const frame = await openMacro({ viewer: idOf('Nadia Novak') });
  const state = frame.locator('[data-state="no-access"]');
  await state.waitFor();
  expect(await state.innerText()).toContain('You cannot see this Jira data');
  expect(await frame.locator('table.map').count()).toBe(0);
});

test('a viewer who can browse only part of the scope is told what the map is missing', async () => {
  const frame = await openMacro({ viewer: idOf('Victor Vance') });
  await frame.waitForSelector('[data-state="map"]');
  const notice = frame.locator('[data-state="incomplete"]');
  expect(await notice.innerText()).toContain('This map is missing data');
  const result = await resolverResult(frame);
  expect(result.completeness.complete).toBe(false);
  for (const gap of result.completeness.gaps) expect(await notice.innerText()).toContain(gap.message);
});

test('a window without product events says so instead of drawing an empty map', async () => {
  preview.setMacroConfig({
    ...SAMPLE_CONFIG,
    window: { kind: 'dates', from: '2020-01-01', to: '2020-01-31' },
  });
  const frame = await openMacro();
  const empty = frame.locator('[data-state="empty"]');
  await empty.waitFor();
  expect(await empty.innerText()).toContain('No activity in this window');
  expect(await frame.locator('table.map').count()).toBe(0);
});

test('an unconfigured macro invites configuration and asks the resolver nothing', async () => {
  preview.setMacroConfig(undefined);
  const before = preview.invocations().filter((i) => i.functionKey === RESOLVERS.ownershipMap).length;
  const frame = await openMacro();
  const state = frame.locator('[data-state="not-configured"]');
  await state.waitFor();
  expect(await state.innerText()).toContain('Configure this ownership map');
  expect(await frame.locator('[role="alert"]').count()).toBe(0);
  expect(preview.invocations().filter((i) => i.functionKey === RESOLVERS.ownershipMap).length).toBe(before);
});

test('a saved config the schema rejects lists the settings to fix', async () => {
  preview.setMacroConfig({ scope: { projects: ['chk'] } });
  const frame = await openMacro();
  const state = frame.locator('[data-state="bad-config"]');
  await state.waitFor();
  expect(await state.innerText()).toContain('Projects: Project keys look like ABC.');
});

test('Jira refusing (rate limit, server error) shows its message and a Retry that recovers', async () => {
  preview.jira!.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 120 }]);
  const frame = await openMacro();
  const limited = frame.locator('[data-state="rate-limited"]');
  await limited.waitFor();
  expect(await limited.innerText()).toContain('Jira is busy right now');

  preview.jira!.setFaults([{ kind: 'server-error', status: 500 }]);
  await limited.getByRole('button', { name: 'Retry' }).click();
  const failing = frame.locator('[data-state="jira-error"]');
  await failing.waitFor();
  expect(await failing.innerText()).toContain('Jira did not answer');

  preview.jira!.setFaults([]);
  await failing.getByRole('button', { name: 'Retry' }).click();
  await frame.waitForSelector('[data-state="map"]');
});

/** Where the map's table starts, in page pixels (the frame's offset plus the table's inside it). */
async function mapTop(frame: Frame): Promise<number> {
  const box = await frame.locator('table.map').boundingBox();
  if (box === null) throw new Error('The map is not drawn.');
  return box.y + (await page.evaluate(() => window.scrollY));
}

test('warnings are one line each under a summary, open to their details, and mark their cells in the map', async () => {
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const result = await resolverResult(frame);
  const highs = result.warnings.filter((w) => w.severity === 'high');
  const mediums = result.warnings.filter((w) => w.severity === 'medium');
  expect(highs.length).toBeGreaterThan(0);

  // The summary counts them by severity and names the high ones, above the list and the map.
  const summary = await frame.locator('[data-testid="warnings-summary"]').innerText();
  expect(summary).toContain(`${highs.length} high, ${mediums.length} medium`);
  for (const w of highs) expect(summary).toContain(w.title);

  // Each line: lozenge, title, who and one figure, on one line at 1280 px; no details until it is opened. The
  // most severe come first; the roadmap owner who also accepts is one of them.
  const lines = frame.locator('li[data-warning]');
  expect(await lines.first().getAttribute('data-severity')).toBe('high');
  const first = frame.locator('li[data-warning="strategy-and-acceptance"]');
  const firstWarning = highs.find((w) => w.id === 'strategy-and-acceptance')!;
  const line = first.locator('.warning-line');
  expect(await line.innerText()).toContain('High');
  expect(await line.innerText()).toContain(firstWarning.title);
  expect(await line.innerText()).toContain('Priya Raman');
  const height = (await line.boundingBox())!.height;
  expect(height).toBeLessThan(44);
  expect(await frame.locator('.warning-details').count()).toBe(0);
  // No internal weights anywhere in the warnings' text.
  expect(await frame.locator('.warnings').innerText()).not.toMatch(/weight/i);

  // The map is not buried: it starts within the first screen, and showing every warning adds only lines.
  const before = await mapTop(frame);
  expect(before).toBeLessThan(900);
  const more = frame.getByRole('button', { name: /^Show \d+ more warnings?$/ });
  if ((await more.count()) > 0) {
    const shown = await lines.count();
    await more.click();
    expect(await lines.count()).toBe(result.warnings.length);
    expect(await mapTop(frame)).toBeLessThan(before + (result.warnings.length - shown) * 44 + 8);
  }

  // Opening a line shows its full text, figures against thresholds and its evidence, and marks its cells:
  // the roadmap owner who also accepts is Priya's roadmap and acceptance cells.
  await line.click();
  expect(await line.getAttribute('aria-expanded')).toBe('true');
  const details = first.locator('.warning-details');
  expect(await details.innerText()).toContain(firstWarning.message);
  expect(await details.innerText()).toContain('threshold');
  expect(await details.innerText()).toContain(`Show the ${firstWarning.evidenceTotal} events behind it`);
  const priya = idOf('Priya Raman');
  const marked = await frame
    .locator('td[data-highlighted]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')));
  expect(marked.sort()).toEqual([`acceptance|${priya}`, `roadmap|${priya}`]);
  expect(await frame.locator('th.row-head[data-highlighted]').count()).toBe(2);

  // A "no clear owner" warning marks its row; closing the line clears the marks.
  const noOwner = frame.locator('li[data-warning="no-owner"]').first();
  await noOwner.locator('.warning-line').click();
  expect(await line.getAttribute('aria-expanded')).toBe('false');
  const noOwnerTitle = await noOwner.locator('.warning-title').innerText();
  const row = result.rows.find((r) => noOwnerTitle.includes(r.label))!;
  expect(await frame.locator(`tr[data-row="${row.key}"] th[data-highlighted]`).count()).toBe(1);
  expect(await frame.locator('td[data-highlighted]').count()).toBeGreaterThan(0);
  await noOwner.locator('.warning-line').click();
  expect(await frame.locator('[data-highlighted]').count()).toBe(0);
});

test('the map is one Tab stop: arrow keys move between cells, Tab leaves the grid', async () => {
  const frame = await openMacro();
  await frame.waitForSelector('[data-state="map"]');
  const table = frame.locator('table.map');
  expect(await table.locator('[tabindex="0"]').count()).toBe(1);
  const cellOf = () =>
    frame.evaluate(() => document.activeElement?.closest('td[data-cell]')?.getAttribute('data-cell') ?? null);
  const columns = await frame
    .locator('thead .person')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-person')));
  const rows = await frame
    .locator('tr.row[data-row]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-row')));

  // The first cell's letter (or the cell itself when empty) is where the grid's Tab stop starts.
  await frame.evaluate((cell) => {
    const td = document.querySelector<HTMLElement>(`td[data-cell="${CSS.escape(cell)}"]`)!;
    (td.querySelector<HTMLElement>('[data-letter]') ?? td).focus();
  }, `${rows[0]}|${columns[0]}`);
  expect(await cellOf()).toBe(`${rows[0]}|${columns[0]}`);
  await page.keyboard.press('ArrowRight');
  expect(await cellOf()).toBe(`${rows[0]}|${columns[1]}`);
  await page.keyboard.press('ArrowDown');
  expect(await cellOf()).toBe(`${rows[1]}|${columns[1]}`);
  await page.keyboard.press('End');
  expect(await cellOf()).toBe(`${rows[1]}|${columns[columns.length - 1]}`);
  await page.keyboard.press('Control+End');
  expect(await cellOf()).toBe(`${rows[rows.length - 1]}|${columns[columns.length - 1]}`);
  await page.keyboard.press('Home');
  expect(await cellOf()).toBe(`${rows[rows.length - 1]}|${columns[0]}`);
  // The cell reached is the one Tab stop; Enter on a letter still opens its evidence.
  expect(await table.locator('[tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Enter');
  await frame.locator('[data-testid="evidence-panel"]').waitFor();
  await page.keyboard.press('Escape');
  expect(await cellOf()).toBe(`${rows[0]}|${columns[0]}`);
  // One Tab leaves the grid, whatever its size.
  await page.keyboard.press('Tab');
  expect(await frame.evaluate(() => document.activeElement?.closest('table.map') === null)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await cellOf()).toBe(`${rows[0]}|${columns[0]}`);
});

test('while the map loads it says what it reads, how many projects, and for how long', async () => {
  preview.jira!.setFaults([{ kind: 'slow', delayMs: 4500, times: 1 }]);
  await openPreviewPage(page, preview, { tab: 'confluence', viewer: idOf('Priya Raman') });
  const frame = await appFrame(page, '#macro-frame', '[data-state="loading"]:has-text("Reading")');
  const loading = frame.locator('[data-state="loading"]');
  expect(await loading.innerText()).toContain(
    'Reading CHK, PAY, SRCH (3 projects) from Jira: issues and their full change history…',
  );
  await frame.waitForSelector('[data-state="loading"]:has-text(" s")', { timeout: 10_000 });
  await frame.waitForSelector('[data-state="map"]', { timeout: 45_000 });
});

test('the config dialog has one title, dialog padding, thresholds in % by group, and Enter never submits it', async () => {
  preview.setMacroConfig({ ...SAMPLE_CONFIG, thresholds: { accountableShare: 0.4 } });
  await openMacro();
  await page.click('#edit-macro');
  const config = await appFrame(page, '#config-frame', 'form[data-state="config"]');
  // The host's dialog carries the title; the panel adds none of its own.
  expect(await page.locator('#config-dialog h2').count()).toBe(1);
  expect(await config.locator('h1, h2').count()).toBe(0);
  const form = await config.locator('form').boundingBox();
  const section = await config.locator('#scope-heading').boundingBox();
  expect(section!.x - form!.x).toBeGreaterThanOrEqual(16);

  // A saved 0.4 reads 40 %; groups with plain names and one line each; no jargon.
  const advanced = config.locator('#advanced-body');
  expect(await advanced.count()).toBe(1);
  expect(await config.locator('#threshold-accountableShare').inputValue()).toBe('40');
  expect(await config.locator('[data-field="threshold-accountableShare"]').innerText()).toContain(
    'Default 35 %',
  );
  expect(await config.locator('[data-threshold-group] > legend').allInnerTexts()).toEqual([
    'Letters in the map',
    'Roles',
    'Acceptance warnings',
    'Roadmap and workload warnings',
    'Squad warnings',
    'Bandwidth',
  ]);
  expect(await advanced.innerText()).not.toMatch(/collapse ratio|fraction/i);

  // Enter in the project search (menu closed, or nothing found) and in a threshold keeps the dialog open.
  const search = config.locator('#scope-projects');
  await search.focus();
  await page.keyboard.press('Enter');
  await search.fill('nothing like this');
  await page.keyboard.press('Enter');
  await config.locator('#threshold-responsibleShare').focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect(await page.locator('#config-dialog[open]').count()).toBe(1);
  expect(preview.macroConfig()).toMatchObject({ thresholds: { accountableShare: 0.4 } });
  await writeScreenshot('macro-config-thresholds', (file) =>
    page.locator('#config-dialog').screenshot({ path: file, animations: 'disabled' }),
  );
});

test("the window's dates are Atlaskit date pickers: ISO or the viewer's format, shown in that format, Enter keeps the dialog", async () => {
  preview.setMacroConfig(SAMPLE_CONFIG);
  await openMacro();
  await page.click('#edit-macro');
  const config = await appFrame(page, '#config-frame', 'form[data-state="config"]');
  await config.getByLabel('Between two dates').check();
  const inViewersFormat = (year: number, month: number, day: number) =>
    config.evaluate(
      ([y, m, d]) => new Intl.DateTimeFormat(navigator.language).format(new Date(y, m - 1, d)),
      [year, month, day] as const,
    );
  expect(await typeDate(config, 'window-from', 'window-from', '2026-06-01')).toBe('2026-06-01');
  expect(await typeDate(config, 'window-to', 'window-to', await inViewersFormat(2026, 8, 31))).toBe(
    '2026-08-31',
  );
  expect(await config.locator('[data-testid="window-from--container"]').innerText()).toContain(
    await inViewersFormat(2026, 6, 1),
  );
  expect(await page.locator('#config-dialog[open]').count()).toBe(1);
  await config.getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('#config-dialog:not([open])', { state: 'attached' });
  expect(preview.macroConfig()).toMatchObject({
    window: { kind: 'dates', from: '2026-06-01', to: '2026-08-31' },
  });
});

test('a refused saved threshold reads the same on the map as in the settings', async () => {
  preview.setMacroConfig({
    ...SAMPLE_CONFIG,
    window: { kind: 'sprints', lastSprints: 0 },
    thresholds: { accountableShare: 2 },
  });
  const frame = await openMacro();
  const state = frame.locator('[data-state="bad-config"]');
  await state.waitFor();
  const text = await state.innerText();
  expect(text).toContain('Accountable (A) share: enter a percentage from 0 to 100.');
  expect(text).toContain('Number of sprints: enter a whole number from 1 to 52.');
  expect(text).not.toMatch(/Too (small|big)|expected number/);

  await page.click('#edit-macro');
  const config = await appFrame(page, '#config-frame', 'form[data-state="config"]');
  expect(await config.locator('#threshold-accountableShare').inputValue()).toBe('200');
  expect(await config.locator('[data-error-for="threshold-accountableShare"]').innerText()).toContain(
    'Accountable (A) share: enter a percentage from 0 to 100.',
  );
});

test('at 400 px the warnings wrap inside the frame and an opened one still marks the map', async () => {
  const frame = await openMacro({ theme: 'dark' });
  await frame.waitForSelector('[data-state="map"]');
  // The macro frame itself 400 px wide, whatever the preview page puts beside it.
  await page.locator('#macro-frame').evaluate((el: HTMLElement) => (el.style.width = '400px'));
  await frame.waitForFunction(() => document.documentElement.clientWidth === 400);
  const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const first = frame.locator('li[data-warning]').first();
  const box = await first.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(400);
  await first.locator('.warning-line').click();
  expect(await frame.locator('td[data-highlighted]').count()).toBeGreaterThan(0);
  expect(
    await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await writeScreenshot('macro-warnings-400-dark', (file) =>
    page.screenshot({ path: file, fullPage: true, animations: 'disabled' }),
  );
});

test('the built macro bundle contains no @forge/ui', async () => {
  expect(existsSync(path.join(MACRO_DIST, 'index.html'))).toBe(true);
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.push(full);
    }
  };
  await walk(MACRO_DIST);
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  for (const file of files) {
    expect(await readFile(file, 'utf8')).not.toContain('@forge/ui');
  }
});
