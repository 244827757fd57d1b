// The preview in a real browser: the unchanged bundles run on the preview page with the bridge shim, invoke
// reaches the real resolver, and the page's viewer, theme, config dialog and Jira tabs reach the app's frames.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Frame, Page } from 'playwright-core';
import { RESOLVERS } from '../../src/contract/requests';
import type { PreviewServer } from '../../tools/preview/server';
import { CHK_BOARD, PEOPLE, writePreviewSnapshot } from '../tools/preview/fixture';
import { removeTempSnapshots } from '../tools/snapshot/temp-snapshot';
import {
  appFrame,
  callBridge,
  ensureBuilt,
  launchBrowser,
  openPreviewPage,
  screenshot,
  startTestPreview,
  type BrowserSession,
} from './harness';

type ConfigOptions = { ok: true; data: { projects: { key: string }[] } };
type Context = {
  accountId: string;
  moduleKey: string;
  theme: { colorMode: string };
  extension: Record<string, unknown> & { config?: unknown; macro?: { isConfiguring: boolean } };
};

let browser: BrowserSession;
let preview: PreviewServer;
let page: Page;

beforeAll(async () => {
  await ensureBuilt();
  const snapshotDir = await writePreviewSnapshot();
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview({ snapshotDir })]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await removeTempSnapshots();
});

beforeEach(async () => {
  page = await browser.newPage();
});

afterEach(async () => {
  await page.close();
});

async function macro(): Promise<Frame> {
  return appFrame(page, '#macro-frame');
}

test('the preview page runs the unchanged macro bundle with the bridge defined before it', async () => {
  await openPreviewPage(page, preview);
  const frame = await macro();
  expect(await frame.locator('#root').innerText()).not.toBe('');
  expect(await frame.evaluate(() => typeof (window as unknown as { __bridge?: unknown }).__bridge)).toBe(
    'object',
  );
  // The bundle's own script tag is still there, after the injected bridge.
  const scripts = await frame.evaluate(() =>
    [...document.scripts].map((script) => script.getAttribute('src')),
  );
  expect(scripts[0]).toBe('/__preview/bridge.js');
  expect(scripts[1]).toMatch(/^\.\/assets\/index-[\w-]+\.js$/);
});

/** The app's own resolver that lists what the viewer may browse, invoked from inside the frame. */
async function visibleProjects(frame: Frame): Promise<string[]> {
  const answer = await callBridge<ConfigOptions>(frame, 'invoke', {
    functionKey: RESOLVERS.configOptions,
    payload: {},
  });
  return answer.data.projects.map((project) => project.key);
}

test('invoke through the bridge runs the real resolver and answers its result', async () => {
  await openPreviewPage(page, preview);
  expect(await visibleProjects(await macro())).toEqual(['CHK', 'PAY']);
  const last = preview.invocations().at(-1);
  expect(last).toMatchObject({
    functionKey: RESOLVERS.configOptions,
    moduleKey: 'ownership-map-macro',
    accountId: PEOPLE.pm.accountId,
    ok: true,
  });
});

test('an unknown resolver and an unknown bridge method reject with clear errors', async () => {
  await openPreviewPage(page, preview);
  const frame = await macro();
  await expect(callBridge(frame, 'invoke', { functionKey: 'nothing-here', payload: {} })).rejects.toThrow(
    "Resolver has no definition for 'nothing-here'.",
  );
  await expect(callBridge(frame, 'teleport', {})).rejects.toThrow("does not support 'teleport'");
});

test('switching the viewer reloads the macro as that person: context, resolver and Jira answers follow', async () => {
  await openPreviewPage(page, preview);
  await macro();
  expect(await page.locator('#viewer option').count()).toBe(3);
  await page.selectOption('#viewer', PEOPLE.outsider.accountId);
  await page.waitForFunction(
    (id) => document.querySelector<HTMLIFrameElement>('#macro-frame')?.src.includes(`accountId=${id}`),
    PEOPLE.outsider.accountId,
  );
  const frame = await macro();
  const context = await callBridge<Context>(frame, 'getContext');
  expect(context.accountId).toBe(PEOPLE.outsider.accountId);
  expect(await visibleProjects(frame)).toEqual(['PAY']);
  expect(preview.invocations().at(-1)?.accountId).toBe(PEOPLE.outsider.accountId);
  expect(page.url()).toContain(`viewer=${PEOPLE.outsider.accountId}`);
});

test('the theme switch reaches a frame that enabled theming, as data-color-mode on its html', async () => {
  await openPreviewPage(page, preview, { theme: 'light' });
  const frame = await macro();
  await callBridge(frame, 'enableTheming');
  expect(await frame.evaluate(() => document.documentElement.dataset.colorMode)).toBe('light');
  await page.click('#theme-toggle');
  await frame.waitForFunction(() => document.documentElement.dataset.colorMode === 'dark');
  expect(await frame.evaluate(() => document.documentElement.getAttribute('data-theme'))).toContain(
    'dark:dark',
  );
  expect((await callBridge<Context>(frame, 'getContext')).theme.colorMode).toBe('dark');
  expect(await page.evaluate(() => document.documentElement.dataset.colorMode)).toBe('dark');
});

test('the config dialog submits a config that the macro then reads from its context', async () => {
  preview.setMacroConfig(undefined);
  await openPreviewPage(page, preview);
  expect((await callBridge<Context>(await macro(), 'getContext')).extension.config).toBeUndefined();
  const before = await page.getAttribute('#macro-frame', 'src');
  await page.click('#edit-macro');
  const config = await appFrame(page, '#config-frame');
  const configContext = await callBridge<Context>(config, 'getContext');
  expect(configContext.extension.macro?.isConfiguring).toBe(true);
  await callBridge(config, 'submit', { config: { projects: ['CHK'], window: { sprints: 6 } } });
  await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('#config-dialog')?.open);
  // The page re-renders the macro after a submit, as Confluence does.
  await page.waitForFunction(
    (old) => document.querySelector<HTMLIFrameElement>('#macro-frame')?.getAttribute('src') !== old,
    before,
  );
  const saved = await callBridge<Context>(await macro(), 'getContext');
  expect(saved.extension.config).toEqual({ projects: ['CHK'], window: { sprints: 6 } });
  expect(preview.macroConfig()).toEqual({ projects: ['CHK'], window: { sprints: 6 } });
});

test('the Jira tabs render the jira-views bundle on project CHK and on its last closed sprint', async () => {
  await openPreviewPage(page, preview, { tab: 'project' });
  const project = await callBridge<Context>(await appFrame(page, '#project-frame'), 'getContext');
  expect(project.extension).toMatchObject({ type: 'jira:projectPage', project: { key: 'CHK', id: '10001' } });
  expect(project.moduleKey).toBe('ownership-project-page');
  await page.selectOption('#project-select', 'PAY');
  await page.waitForFunction(() =>
    document.querySelector<HTMLIFrameElement>('#project-frame')?.src.includes('project=PAY'),
  );
  const payments = await callBridge<Context>(await appFrame(page, '#project-frame'), 'getContext');
  expect(payments.extension).toMatchObject({ project: { key: 'PAY', id: '10002' } });
  await page.selectOption('#project-select', 'CHK');

  await page.click('#tab-sprint');
  const sprint = await callBridge<Context>(await appFrame(page, '#sprint-frame'), 'getContext');
  expect(sprint.extension).toMatchObject({
    type: 'jira:sprintAction',
    sprint: { id: 102 },
    board: { id: CHK_BOARD },
  });
});

test('screenshots are PNG files written where the caller says', async () => {
  await openPreviewPage(page, preview);
  await macro();
  const file = await screenshot(page, 'preview-smoke', os.tmpdir());
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
});
