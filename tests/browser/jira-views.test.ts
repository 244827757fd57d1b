// The Jira views in a real browser against samples/acme through the local preview: the promised figures of the
// sample (the overloaded PM flagged, the self-accepting squad's rate), CSV and Markdown equal to the screen, the
// sprint action opening on its sprint, sorting by keyboard, the states, dark mode, narrow widths, and screenshots.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { WINDOW_PRESETS } from '../../static/jira-views/src/model/window-choice';
import { parseCsv } from '../static/jira-views/fixture';
import {
  appFrame,
  browserSuite,
  openPreviewPage,
  pick,
  pickedLabel,
  pickerOptions,
  typeDate,
  type PreviewPageQuery,
  SAMPLE_DIR,
  screenshot,
} from './harness';

/** From samples/acme/README.md ("Cast"). */
const PRIYA = { id: '8bd7b81342e3c818e496b63f', name: 'Priya Raman' };
const VICTOR = '8cabe2dff28a63d80613434e';

const suite = browserSuite({ surfaces: ['jira-views'] });

/** Opens the project page (or the sprint action) and waits until the analysis or an error is drawn. */
async function jiraView(query: PreviewPageQuery): Promise<Frame> {
  await openPreviewPage(suite.page, suite.preview, { tab: 'project', ...query });
  const frame = await appFrame(suite.page, query.tab === 'sprint' ? '#sprint-frame' : '#project-frame');
  await frame.waitForSelector('[data-view], [role=alert]', { timeout: 45_000 });
  return frame;
}

/** Picks a preset window and waits for its analysis (the result carries the window it was made for). */
async function chooseWindow(
  frame: Frame,
  preset: 'all' | 'sprints-3' | 'sprints-6' | 'sprints-12',
): Promise<void> {
  await pick(frame, 'window', WINDOW_PRESETS.find((p) => p.id === preset)!.label);
  const kind = preset === 'all' ? 'all' : 'sprints';
  await frame.waitForSelector(`[data-loading=false][data-window-kind=${kind}]`, { timeout: 45_000 });
}

async function showAcceptance(frame: Frame): Promise<void> {
  await frame.click('[data-testid=tab-acceptance]');
  await frame.waitForSelector('[data-view=acceptance]');
}

/** "94 %" → 94; "4.9 working days" → 4.9. */
function numberIn(text: string): number {
  const match = /-?\d+(\.\d+)?/.exec(text);
  if (!match) throw new Error(`No number in "${text}"`);
  return Number(match[0]);
}

/** Clicks the view's own Download CSV (both tabs stay mounted) and parses the file the browser saved. */
async function downloadedCsv(frame: Frame, view: 'bandwidth' | 'acceptance'): Promise<string[][]> {
  const [download] = await Promise.all([
    suite.page.waitForEvent('download'),
    frame.click(`[data-view=${view}] [data-testid=download-csv]`),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parseCsv(text.slice(1));
}

/** The figures a sorted column should show, in that direction. */
function inOrder(figures: readonly number[], direction: 'ascending' | 'descending'): number[] {
  return [...figures].sort((a, b) => (direction === 'ascending' ? a - b : b - a));
}

test('the overloaded PM is flagged on the bandwidth breakdown with the engine sentence', async () => {
  const frame = await jiraView({ project: 'CHK' });
  const row = frame.locator(`tr[data-person="${PRIYA.name}"]`);
  // The views open on the last 12 sprints: one trend point per sprint, with a text alternative.
  expect(await row.locator('svg[data-chart=strategic-trend] desc').textContent()).toMatch(
    /^CHK Sprint 1: \d+ %; CHK Sprint 2: \d+ %;/,
  );
  // The README's figures are over CHK's whole history.
  await chooseWindow(frame, 'all');
  await expect(row.getAttribute('data-flagged')).resolves.toBe('true');
  // README: 93.5 % of Priya's product activity on CHK is tactical, over the 80 % line.
  expect(await row.locator('[data-cell=tactical-of-product]').innerText()).toContain('94 %');
  const flag = frame.locator(`li[data-flag=tactical-overload][data-flag-for="${PRIYA.name}"]`);
  const message = await flag.innerText();
  expect(message).toContain(`94 % of ${PRIYA.name}'s product activity is tactical (threshold 80 %)`);
  expect(await row.innerText()).toContain('Over the tactical line');
  // The 80 % line is drawn for who holds roadmap work (Priya), not for the POs whose job is tactical.
  expect(await row.locator('[data-cell=tactical-of-product] svg line').count()).toBe(1);
  const po = frame.locator('tr[data-person]:not([data-person="Priya Raman"])').first();
  expect(await po.locator('[data-cell=tactical-of-product] svg').count()).toBe(1);
  expect(await po.locator('[data-cell=tactical-of-product] svg line').count()).toBe(0);
  // A role read on CHK alone says so, since the map over all three projects reads Priya as PM/PO.
  expect(await frame.locator('[data-table=bandwidth] thead').innerText()).toContain('Role on CHK board');
  expect(await frame.locator('[data-note=roles-scope]').innerText()).toContain('activity on CHK board alone');
  // Roles, not rankings: CHK's five delivery-only people are one Team line.
  expect(await frame.locator('[data-team]').innerText()).toContain('Team (5 people)');
  expect(await frame.locator('tr[data-person="Dana Kowalski"]').count()).toBe(0);
  // The chart is an SVG with a text alternative listing the shares.
  const bar = row.locator('svg[data-chart=stacked-bar]');
  expect(await bar.getAttribute('role')).toBe('img');
  expect(await bar.locator('desc').textContent()).toMatch(
    /^Sets roadmap items \d+ %, Orders the backlog \d+ %/,
  );
});

test('the self-accepting squad shows its self-acceptance rate', async () => {
  const frame = await jiraView({ project: 'PAY' });
  await chooseWindow(frame, 'all');
  await showAcceptance(frame);
  // README: 39.4 % of PAY's standard issues moved to Done were moved by their own assignee.
  const warning = await frame.locator('[data-warning=self-acceptance]').innerText();
  expect(warning).toMatch(/\d+ of \d+ finished issues \(39 %\) were moved to done by their own assignee/);
  // The sprint's own rate agrees with its rows.
  const rows = frame.locator('tr[data-issue]');
  const total = await rows.count();
  const self = await frame.locator('tr[data-issue][data-self-accepted=true]').count();
  expect(total).toBeGreaterThan(0);
  expect(self).toBeGreaterThan(0);
  const figure = await frame.locator('[data-figure=self-accepted] dd').innerText();
  expect(figure).toBe(`${self} of ${total} (${Math.round((self / total) * 100)} %)`);
  expect(await frame.locator('tr[data-self-accepted=true]').first().innerText()).toContain('self-accepted');
  // Default sprint: the last closed one.
  expect(await pickedLabel(frame, 'sprint')).toBe('PAY Sprint 11 (closed 2026-11-03)');
  expect(await pickerOptions(frame, 'sprint')).toHaveLength(12);
});

test('the bandwidth CSV has the same numbers as the screen', async () => {
  const frame = await jiraView({ project: 'CHK' });
  const records = await downloadedCsv(frame, 'bandwidth');
  const header = records[0]!;
  const byName = new Map(records.slice(1).map((r) => [r[0]!, r]));
  const people = frame.locator('tr[data-person]');
  const count = await people.count();
  expect(count).toBeGreaterThan(0);
  expect(records.length).toBe(1 + count + 1); // header, people, Team line
  const columns: [string, string][] = [
    ['strategic', 'Strategic share (%)'],
    ['tactical', 'Tactical share (%)'],
    ['delivery', 'Delivery share (%)'],
    ['tactical-of-product', 'Tactical share of product activity (%)'],
  ];
  for (let i = 0; i < count; i += 1) {
    const row = people.nth(i);
    const name = (await row.getAttribute('data-person'))!;
    const record = byName.get(name)!;
    expect(record).toBeDefined();
    for (const [cell, column] of columns) {
      const shown = numberIn(await row.locator(`[data-cell=${cell}]`).innerText());
      expect([name, column, Number(record[header.indexOf(column)])]).toEqual([name, column, shown]);
    }
  }
  // The shares behind the stacked bars, as the page's table shows them.
  await frame.click('[data-details=shares] summary');
  const shareTable = frame.locator('[data-table=bandwidth-shares]');
  const labels = await shareTable.locator('thead th').allInnerTexts();
  const shareRows = shareTable.locator('tbody tr');
  for (let i = 0; i < (await shareRows.count()); i += 1) {
    const cells = await shareRows.nth(i).locator('th, td').allInnerTexts();
    const record = byName.get(cells[0]!)!;
    for (let c = 1; c < cells.length; c += 1) {
      expect(Number(record[header.indexOf(`${labels[c]} (%)`)])).toBe(numberIn(cells[c]!));
    }
  }
  // The strategic share per sprint, as the page's text alternative lists it.
  await frame.click('[data-details=trend] summary');
  const trendLines = await frame.locator('[data-details=trend] li').allInnerTexts();
  for (const line of trendLines) {
    const [name, rest] = [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)];
    for (const part of rest.split('; ')) {
      const [label, value] = part.split(': ') as [string, string];
      const csv = byName.get(name)![header.indexOf(`Strategic share, ${label} (%)`)];
      expect([name, label, csv]).toEqual([
        name,
        label,
        value === 'no activity' ? '' : String(numberIn(value)),
      ]);
    }
  }
});

test('the acceptance CSV has the same issues and figures as the screen', async () => {
  const frame = await jiraView({ project: 'PAY' });
  await showAcceptance(frame);
  const records = await downloadedCsv(frame, 'acceptance');
  const header = records[0]!;
  const at = (record: string[], column: string) => record[header.indexOf(column)];
  const rows = frame.locator('tr[data-issue]');
  const carried = await frame.locator('[data-list=carried-over] li').count();
  expect(records.length).toBe(1 + (await rows.count()) + carried);
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    const key = (await row.getAttribute('data-issue'))!;
    const cells = await row.locator('th, td').allInnerTexts();
    const record = records.find((r) => at(r, 'Issue') === key)!;
    expect(at(record, 'Link')).toBe(`https://acme.atlassian.net/browse/${key}`);
    // cells[1] is the issue's story points, read from Jira as the viewer (not part of the analysis' export).
    expect(at(record, 'Accepted by')).toBe(cells[2]);
    expect(at(record, 'Assignee') || '—').toBe(cells[3]);
    expect(at(record, 'Self-accepted')).toBe(
      (await row.getAttribute('data-self-accepted')) === 'true' ? 'yes' : 'no',
    );
    expect(at(record, 'Acceptance criteria at acceptance')).toBe(cells[5]!.trim());
    expect(Number(at(record, 'Wait in last status (working days)'))).toBe(numberIn(cells[6]!));
    expect(at(record, 'Accepted after sprint end')).toBe(cells[7]!.includes('after end') ? 'yes' : 'no');
  }
});

test('each completed issue shows its story points as Jira holds them, a dash when it has none', async () => {
  const lines = (await readFile(path.join(SAMPLE_DIR, 'issues.ndjson'), 'utf8')).split('\n');
  const points = new Map(
    lines
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { key: string; fields: Record<string, unknown> })
      // acme's one story-points field ("Story point estimate").
      .map((issue) => [issue.key, issue.fields['customfield_10016']]),
  );
  const frame = await jiraView({ project: 'CHK' });
  await showAcceptance(frame);
  const rows = frame.locator('tr[data-issue]');
  expect(await rows.count()).toBeGreaterThan(0);
  // The details arrive after the table: wait until every row has its points.
  await frame.waitForFunction(() =>
    [...document.querySelectorAll('tr[data-issue] td[data-cell=points]')].every(
      (td) => td.textContent !== '',
    ),
  );
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    const key = (await row.getAttribute('data-issue'))!;
    const expected = points.get(key);
    expect(await row.locator('td[data-cell=points]').innerText()).toBe(
      typeof expected === 'number' ? String(expected) : '—',
    );
  }
});

test("the review's issues are Atlaskit's DynamicTable: its headers sort by keyboard, the issue column restores the order", async () => {
  const frame = await jiraView({ project: 'CHK' });
  await chooseWindow(frame, 'all');
  await showAcceptance(frame);
  const waits = () =>
    frame
      .locator('tr[data-issue] td[data-cell=wait]')
      .evaluateAll((cells) => cells.map((c) => Number.parseFloat(c.textContent ?? '')));
  const keys = () =>
    frame.locator('tr[data-issue]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-issue')));
  const engineOrder = await keys();
  expect(engineOrder.length).toBeGreaterThan(1);
  const header = frame.locator('th[data-column=wait]');
  // Atlaskit's header carries aria-sort only once its column sorts.
  expect(await header.getAttribute('aria-sort')).toBeNull();
  await header.locator('button').focus();
  await suite.page.keyboard.press('Enter');
  expect(await header.getAttribute('aria-sort')).toBe('ascending');
  const ascending = await waits();
  expect(ascending).toEqual(inOrder(ascending, 'ascending'));
  await suite.page.keyboard.press('Enter');
  expect(await header.getAttribute('aria-sort')).toBe('descending');
  const descending = await waits();
  expect(descending).toEqual(inOrder(descending, 'descending'));
  expect(new Set(descending)).toEqual(new Set(ascending));
  await frame.locator('th[data-column=issue] button').click();
  expect(await keys()).toEqual(engineOrder);
});

test('Copy as Markdown puts the acceptance table with the header figures on the clipboard', async () => {
  await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: suite.preview.url,
  });
  const frame = await jiraView({ project: 'PAY' });
  await showAcceptance(frame);
  await frame.click('[data-view=acceptance] [data-testid=copy-markdown]');
  await frame.waitForFunction(
    () => document.querySelector('[data-view=acceptance] [role=status]')?.textContent !== '',
  );
  const copied = (await frame.locator('[data-view=acceptance] textarea').count())
    ? await frame.locator('[data-view=acceptance] textarea').inputValue()
    : await frame.evaluate(() => navigator.clipboard.readText());
  const selfFigure = await frame.locator('[data-figure=self-accepted] dd').innerText();
  expect(copied).toContain(
    `**PAY Sprint 11** (PAY board): ${await frame.locator('tr[data-issue]').count()} completed`,
  );
  expect(copied).toContain(selfFigure.replace(/^(\d+) of \d+ /, '$1 self-accepted '));
  expect(copied).toContain('| Issue | Accepted by | Assignee | Self-accepted | Criteria at acceptance |');
});

test('the sprint action opens the review on its own sprint, with late acceptances marked', async () => {
  // README: CHK-170 was left in CHK Sprint 9 (completed 2026-10-06) and accepted on 2026-10-12.
  const frame = await jiraView({ tab: 'sprint', project: 'CHK', board: 1, sprint: 9 });
  expect(await frame.locator('[data-view=acceptance]').count()).toBe(1);
  expect(await frame.locator('[data-picker=sprint]').getAttribute('data-value')).toBe('9');
  const late = frame.locator('tr[data-issue="CHK-170"]');
  expect(await late.locator('[data-cell=after-end]').innerText()).toContain('after end');
  expect(await frame.locator('[data-figure=after-end] dd').innerText()).toBe('1');
  // CHK: Priya accepts every human acceptance after ≥ 3 working days: the concentration shows in the header.
  expect(await frame.locator('[data-figure=top-acceptor] dd').innerText()).toMatch(
    new RegExp(`^${PRIYA.name}: \\d+ %$`),
  );
  expect(await frame.locator(`tr[data-acceptor="${PRIYA.name}"]`).innerText()).toMatch(/working days/);
  // Each issue links to Jira.
  expect(await late.locator('a').getAttribute('href')).toBe('https://acme.atlassian.net/browse/CHK-170');
  // Picking another sprint redraws the review.
  await pick(frame, 'sprint', /^CHK Sprint 8\b/);
  await frame.waitForFunction(() => !document.querySelector('tr[data-issue="CHK-170"]'));
  expect(await frame.locator('[data-figure=after-end] dd').innerText()).toBe('0');
});

test('the bandwidth table is DynamicTable: headers sort by keyboard with aria-sort, the product filter hides engineers', async () => {
  const frame = await jiraView({ project: 'SRCH' });
  const names = () =>
    frame.locator('tr[data-person]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-person')));
  const before = await names();
  expect(before).toEqual([...before].sort((a, b) => a!.localeCompare(b!)));
  const header = frame.locator('th[data-column=strategic]');
  await header.locator('button').focus();
  await suite.page.keyboard.press('Enter');
  expect(await header.getAttribute('aria-sort')).toBe('descending');
  // Atlaskit's DynamicTable: only the sorted column's header carries aria-sort.
  expect(await frame.locator('th[data-column=name]').getAttribute('aria-sort')).toBeNull();
  const strategicShares = () =>
    frame
      .locator('tr[data-person] [data-cell=strategic]')
      .evaluateAll((cells) => cells.map((c) => Number.parseInt(c.textContent ?? '', 10)));
  const strategic = await strategicShares();
  expect(strategic).toEqual(inOrder(strategic, 'descending'));
  await suite.page.keyboard.press('Space');
  expect(await header.getAttribute('aria-sort')).toBe('ascending');
  const ascending = await strategicShares();
  expect(ascending).toEqual(inOrder(ascending, 'ascending'));
  expect(await frame.locator('[data-note=bandwidth-sort]').innerText()).toContain(
    'Sorted by strategic share, ascending',
  );

  // README: Rafael Souza is an engineer with product work on SRCH; the filter keeps PM/PO-like people only.
  const roles = () => frame.locator('tr[data-person] [data-cell=role]').allInnerTexts();
  expect(await roles()).toContain('Engineer');
  await frame.check('[data-filter=product-only]');
  expect((await roles()).every((role) => ['PM-like', 'PO-like', 'PM/PO'].includes(role))).toBe(true);
  expect(await frame.locator('[data-team]').count()).toBe(0);
});

test('the board picker lists the project boards and reloads the analysis for the chosen one', async () => {
  const frame = await jiraView({ project: 'SRCH' });
  const options = await pickerOptions(frame, 'board');
  expect(options).toEqual(['All boards of SRCH', 'SRCH board']);
  const before = suite.preview.invocations().length;
  await pick(frame, 'board', 'SRCH board');
  for (let waited = 0; suite.preview.invocations().length === before && waited < 20_000; waited += 50) {
    await suite.page.waitForTimeout(50);
  }
  await frame.waitForSelector('main[aria-busy=false] [data-loading=false] [data-view=bandwidth]');
  const calls = suite.preview.invocations().slice(before);
  expect(calls.map((c) => [c.functionKey, c.moduleKey, c.ok])).toEqual([
    ['getProjectAnalysis', 'ownership-project-page', true],
  ]);
  expect(await frame.locator('[data-picker=board]').getAttribute('data-value')).toBe('3');
  expect(await frame.locator('tr[data-person="Sofia Lindqvist"]').count()).toBe(1);
});

test('a window without sprints falls back to weeks and says so; an empty window says so too', async () => {
  const frame = await jiraView({ project: 'CHK' });
  const pickDates = async (from: string, to: string) => {
    await pick(frame, 'window', 'Between dates…');
    expect(await typeDate(frame, 'jv-window-from', 'window-from', from)).toBe(from);
    expect(await typeDate(frame, 'jv-window-to', 'window-to', to)).toBe(to);
    await frame.click('button[type=submit]');
  };
  // The first CHK sprint starts 2026-06-03; before it there is activity but no sprint.
  await pickDates('2026-04-01', '2026-06-02');
  await frame.waitForSelector('[data-loading=false][data-window-from^="2026-04-01"]');
  expect(await frame.locator('[data-state=weeks]').innerText()).toContain('ISO weeks');
  expect(await frame.locator('tr[data-person]').count()).toBeGreaterThan(0);
  await showAcceptance(frame);
  expect(await frame.locator('[data-view=acceptance] [data-state=empty]').innerText()).toContain(
    'no sprints',
  );

  await pickDates('2025-01-01', '2025-01-31');
  await frame.waitForSelector('[data-loading=false][data-window-from^="2025-01-01"]');
  await frame.click('[data-testid=tab-bandwidth]');
  expect(await frame.locator('[data-view=bandwidth] [data-state=empty]').innerText()).toContain(
    'No product work in this window',
  );
  // A window that ends before it starts is refused before it reaches the resolver.
  await pickDates('2026-03-01', '2026-02-01');
  expect(await frame.locator('[role=alert]').innerText()).toBe('The window must start before it ends.');
});

test('a viewer who cannot browse the project gets a clear no-permission message', async () => {
  // README: Victor Vance may browse SRCH only.
  const frame = await jiraView({ project: 'CHK', viewer: VICTOR });
  const alert = frame.locator('[data-state=no-access]');
  expect(await alert.innerText()).toContain('You cannot see this Jira data');
  expect(await alert.innerText()).toContain('CHK');
  expect(await frame.locator('[data-view]').count()).toBe(0);
});

test('dark mode follows the host theme and narrow widths scroll the tables inside their own box', async () => {
  const frame = await jiraView({ project: 'CHK', theme: 'dark' });
  await frame.waitForFunction(() => document.documentElement.dataset.colorMode === 'dark');
  const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await screenshot(suite.page, 'jira-bandwidth-dark');

  await suite.page.setViewportSize({ width: 720, height: 900 });
  const narrow = await jiraView({ project: 'PAY' });
  await showAcceptance(narrow);
  const overflow = await narrow.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(suite.page, 'jira-acceptance-narrow');
});

test('screenshots of both views for the README', async () => {
  await suite.page.setViewportSize({ width: 1280, height: 900 });
  const bandwidth = await jiraView({ project: 'CHK' });
  await bandwidth.waitForSelector(`tr[data-person="${PRIYA.name}"]`);
  await screenshot(suite.page, 'jira-bandwidth');
  const acceptance = await jiraView({ project: 'PAY' });
  await showAcceptance(acceptance);
  await screenshot(suite.page, 'jira-acceptance');
});
