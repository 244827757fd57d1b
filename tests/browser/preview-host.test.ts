// What the preview page does for an app frame, as Confluence and Jira would: modals with their close payload,
// flags with actions, navigation, resizing the macro to its content, and reporting what Forge's CSP would block.
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import type { PreviewServer } from '../../tools/preview/server';
import { PEOPLE, writePreviewSnapshot } from '../tools/preview/fixture';
import { removeTempSnapshots } from '../tools/snapshot/temp-snapshot';
import {
  appFrame,
  callBridge,
  ensureBuilt,
  launchBrowser,
  openPreviewPage,
  REPO_DIR,
  startTestPreview,
  type BrowserSession,
} from './harness';

type HostRecord = {
  navigations: Array<{ url: string; newTab: boolean }>;
  flags: Array<{ id: string; title: string }>;
  cspViolations: Array<{ directive: string; blocked: string }>;
};
type TestWindow = Window & {
  __bridge: { callBridge(method: string, args?: unknown): Promise<unknown> };
  __seen?: unknown[];
};

let browser: BrowserSession;
let snapshotDir: string;
const tempApps: string[] = [];

/** The app folder with the repo's bundles and a manifest stripped of permissions.content. */
async function strictApp(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'preview-strict-app-'));
  tempApps.push(dir);
  const manifest = parse(await readFile(path.join(REPO_DIR, 'manifest.yml'), 'utf8')) as {
    permissions?: { content?: unknown };
  };
  delete manifest.permissions?.content;
  await writeFile(path.join(dir, 'manifest.yml'), stringify(manifest));
  await symlink(path.join(REPO_DIR, 'static'), path.join(dir, 'static'));
  return dir;
}
let preview: PreviewServer;
let page: Page;
let macro: Frame;

beforeAll(async () => {
  await ensureBuilt();
  snapshotDir = await writePreviewSnapshot();
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview({ snapshotDir })]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await removeTempSnapshots();
  await Promise.all(tempApps.map((dir) => rm(dir, { recursive: true, force: true })));
});

beforeEach(async () => {
  page = await browser.newPage();
  await openPreviewPage(page, preview);
  macro = await appFrame(page, '#macro-frame');
});

afterEach(async () => {
  await page.close();
});

function hostRecord(): Promise<HostRecord> {
  return page.evaluate(
    () => (window as unknown as { __previewHost: { record: HostRecord } }).__previewHost.record,
  );
}

test('a modal opens with its context, and closing it hands the payload to the opener’s onClose', async () => {
  await macro.evaluate(() => {
    const win = window as unknown as TestWindow;
    win.__seen = [];
    return win.__bridge.callBridge('openModal', {
      resource: null,
      size: 'large',
      title: 'Evidence',
      context: { row: 'acceptance', accountId: 'acc-po' },
      onClose: (payload: unknown) => win.__seen?.push(payload),
    });
  });
  expect(await page.locator('#modal-title').innerText()).toBe('Evidence');
  const modal = await appFrame(page, '#modal-frame');
  const context = await callBridge<{ extension: { modal: unknown; type: string } }>(modal, 'getContext');
  expect(context.extension).toMatchObject({
    type: 'macro',
    modal: { row: 'acceptance', accountId: 'acc-po' },
  });
  expect(await callBridge(modal, 'close', { chosen: 'CHK-7' })).toBe(true);
  await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('#app-modal')?.open);
  await macro.waitForFunction(() => ((window as unknown as TestWindow).__seen ?? []).length === 1);
  expect(await macro.evaluate(() => (window as unknown as TestWindow).__seen)).toEqual([{ chosen: 'CHK-7' }]);
});

test('the macro on a page cannot close itself; its config dialog can', async () => {
  await expect(callBridge(macro, 'close')).resolves.toBe(false);
  await page.click('#edit-macro');
  const config = await appFrame(page, '#config-frame');
  expect(await callBridge(config, 'close')).toBe(true);
  await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('#config-dialog')?.open);
  expect(preview.macroConfig()).toBeUndefined();
});

test('a flag shows on the page and its action runs back in the frame', async () => {
  await macro.evaluate(() => {
    const win = window as unknown as TestWindow;
    win.__seen = [];
    return win.__bridge.callBridge('showFlag', {
      id: 'saved',
      title: 'Map refreshed',
      description: 'Read 42 issues.',
      type: 'success',
      actions: [{ text: 'Undo', onClick: () => win.__seen?.push('undo') }],
    });
  });
  const flag = page.locator('[data-flag-id="saved"]');
  await expect(flag.innerText()).resolves.toContain('Map refreshed');
  await flag.getByText('Undo').click();
  await macro.waitForFunction(() => ((window as unknown as TestWindow).__seen ?? []).includes('undo'));
  await callBridge(macro, 'closeFlag', { id: 'saved' });
  await page.waitForFunction(() => !document.querySelector('[data-flag-id="saved"]'));
  expect((await hostRecord()).flags).toHaveLength(1);
});

test('navigation targets become the site URLs they stand for', async () => {
  await callBridge(macro, 'navigate', { target: 'issue', issueKey: 'CHK-1', type: 'same-tab' });
  await callBridge(macro, 'navigate', { url: '/jira/software/projects/CHK/boards/11', type: 'same-tab' });
  expect(await callBridge(macro, 'getUrl', { target: 'spaceView', spaceKey: 'PROD' })).toBe(
    'https://acme.atlassian.net/wiki/spaces/PROD',
  );
  await expect(
    callBridge(macro, 'navigate', { target: 'module', moduleKey: 'x', type: 'same-tab' }),
  ).rejects.toThrow("cannot navigate to target 'module'");
  await page.waitForFunction(
    () =>
      (window as unknown as { __previewHost: { record: HostRecord } }).__previewHost.record.navigations
        .length === 2,
  );
  expect((await hostRecord()).navigations).toEqual([
    { url: 'https://acme.atlassian.net/browse/CHK-1', newTab: false },
    { url: 'https://acme.atlassian.net/jira/software/projects/CHK/boards/11', newTab: false },
  ]);
});

test('the macro frame takes the height of its content, as Confluence resizes macros', async () => {
  const content = await macro.evaluate(() => {
    const style = getComputedStyle(document.body);
    return Math.ceil(
      document.body.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom),
    );
  });
  await page.waitForFunction(
    (height) => document.querySelector<HTMLIFrameElement>('#macro-frame')?.style.height === `${height}px`,
    Math.max(80, content),
  );
  await macro.evaluate(() => {
    const tall = document.createElement('div');
    tall.style.height = '900px';
    document.body.appendChild(tall);
  });
  await page.waitForFunction(
    () => parseInt(document.querySelector<HTMLIFrameElement>('#macro-frame')?.style.height ?? '0', 10) > 900,
  );
});

test('an inline style Forge would block is blocked here too, and the page says how to allow it', async () => {
  // A copy of the app whose manifest allows no inline styles, whatever the real manifest allows by now.
  const strict = await startTestPreview({ snapshotDir, appDir: await strictApp() });
  try {
    await openPreviewPage(page, strict);
    const frame = await appFrame(page, '#macro-frame');
    await frame.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.appendChild(style);
    });
    await page.waitForFunction(() =>
      (
        window as unknown as { __previewHost: { record: HostRecord } }
      ).__previewHost.record.cspViolations.some((violation) => violation.directive.startsWith('style-src')),
    );
    await expect(page.locator('#notes').innerText()).resolves.toContain(
      "permissions.content.styles: ['unsafe-inline']",
    );
  } finally {
    await strict.close();
  }
});

test('a viewer named in the page URL is the one the frames act as', async () => {
  await openPreviewPage(page, preview, { viewer: PEOPLE.po.accountId });
  const frame = await appFrame(page, '#macro-frame');
  expect((await callBridge<{ accountId: string }>(frame, 'getContext')).accountId).toBe(PEOPLE.po.accountId);
  expect(await page.locator('#viewer').inputValue()).toBe(PEOPLE.po.accountId);
});
