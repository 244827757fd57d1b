// Browser test support: Debian's Chromium driven by playwright-core (no browser download), the local preview on
// an ephemeral port, the bridge called from inside an app frame, and screenshots: into tmp/screenshots/ (ignored by
// git) on every test run, into docs/screenshots/ when `npm run screenshots` refreshes the README's pictures.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { startPreview, type PreviewOptions, type PreviewServer } from '../../tools/preview/server';

export const REPO_DIR = path.resolve(__dirname, '../..');
export const SCREENSHOT_DIR =
  process.env.SCREENSHOTS === 'docs'
    ? path.join(REPO_DIR, 'docs', 'screenshots')
    : path.join(REPO_DIR, 'tmp', 'screenshots');
export const SAMPLE_DIR = path.join(REPO_DIR, 'samples', 'acme');

/** What TOOLCHAIN.md found to run headless Chromium reliably in containers and CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserSession {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Closes the browser and deletes its fresh profile. */
  close(): Promise<void>;
}

/** Chromium with a fresh, throw-away user-data dir; CHROMIUM_PATH overrides /usr/bin/chromium. */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserSession> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: install it (apt-get install -y --no-install-recommends chromium) ` +
        'or set CHROMIUM_PATH.',
    );
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'ownership-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  // The tests never leave this machine: the sample's links and issue type icons name acme.atlassian.net, which
  // answers (or not) outside our control, so every request off loopback fails as it does with no network.
  await context.route(
    (url) => !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname),
    (route) => route.abort('internetdisconnected'),
  );
  const session: BrowserSession = {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return session;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`)),
    );
  });
}

/** A lock file shared by jest workers: two vite builds of one surface at once would empty each other's dist. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = path.join(
    os.tmpdir(),
    `ownership-map-build-${createHash('sha1').update(REPO_DIR).digest('hex')}.lock`,
  );
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      try {
        return await work();
      } finally {
        await handle.close();
        await rm(lock, { force: true });
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than any build is left over from a killed run.
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (age > 120_000) await rm(lock, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Builds a surface's bundle when its dist is missing (a fresh clone, or CI before `npm run build`). */
export async function ensureBuilt(surfaces: string[] = ['macro', 'jira-views']): Promise<void> {
  const built = (surface: string) => existsSync(path.join(REPO_DIR, 'static', surface, 'dist', 'index.html'));
  for (const surface of surfaces) {
    if (built(surface)) continue;
    await withBuildLock(async () => {
      if (!built(surface)) await run('npx', ['vite', 'build', '-c', `static/${surface}/vite.config.mts`]);
    });
  }
}

/** The preview on 127.0.0.1:0; over samples/acme unless the options name another snapshot or site. */
export function startTestPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  return startPreview({ snapshotDir: SAMPLE_DIR, ...options, port: 0, host: '127.0.0.1' });
}

export interface PreviewPageQuery {
  viewer?: string;
  theme?: 'light' | 'dark';
  tab?: 'confluence' | 'project' | 'sprint';
  project?: string;
  board?: number;
  sprint?: number;
}

/** Opens the preview page and waits until it has drawn its frames. */
export async function openPreviewPage(page: Page, preview: PreviewServer, query: PreviewPageQuery = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  await page.goto(`${preview.url}/?${params.toString()}`);
  await page.waitForSelector('body[data-ready="true"]');
}

/** The frame inside `iframeSelector` once it has loaded a URL (and optionally content matching `ready`). */
export async function appFrame(page: Page, iframeSelector: string, ready = '#root > *'): Promise<Frame> {
  const element = await page.waitForSelector(`${iframeSelector}[src]`, { state: 'attached' });
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`${iframeSelector} has no frame.`);
  await frame.waitForSelector(ready, { state: 'attached' });
  return frame;
}

interface BridgeWindow {
  __bridge: { callBridge(method: string, args?: unknown): Promise<unknown> };
}

/** Calls window.__bridge.callBridge inside an app frame, exactly as @forge/bridge does. */
export function callBridge<T = unknown>(frame: Frame, method: string, args?: unknown): Promise<T> {
  return frame.evaluate(
    ([name, value]) => (window as unknown as BridgeWindow).__bridge.callBridge(name as string, value),
    [method, args] as const,
  ) as Promise<T>;
}

/** Writes `<name>.png` into SCREENSHOT_DIR (or `dir`); returns its path. */
export async function screenshot(page: Page, name: string, dir: string = SCREENSHOT_DIR): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** What a browser suite holds while it runs: the browser, the preview and the current test's page. */
export interface BrowserSuite {
  readonly browser: BrowserSession;
  readonly preview: PreviewServer;
  readonly page: Page;
}

/**
 * The setup most browser suites share, registered as jest hooks: build the surfaces, one Chromium and one preview
 * for the suite, a fresh page per test. Read the parts through the returned object inside tests and hooks.
 */
export function browserSuite(options: {
  surfaces: string[];
  preview?: PreviewOptions;
  viewport?: { width: number; height: number };
}): BrowserSuite {
  let browser: BrowserSession | undefined;
  let preview: PreviewServer | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    await ensureBuilt(options.surfaces);
    [browser, preview] = await Promise.all([
      launchBrowser(options.viewport === undefined ? {} : { viewport: options.viewport }),
      startTestPreview(options.preview),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });
  beforeEach(async () => {
    page = await browser!.newPage();
  });
  afterEach(async () => {
    await page?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`The browser suite has no ${what} yet (read it inside a test or hook).`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get preview() {
      return ready(preview, 'preview');
    },
    get page() {
      return ready(page, 'page');
    },
  };
}

/** Clicks the picker's control, as a user does: a short list has no visible text input to click. */
function openPicker(frame: Frame, name: string): Promise<void> {
  return frame.click(`[data-picker="${name}"] .jv-picker__control`);
}

/** Opens the Jira views' Atlaskit picker `name` (board, window, sprint) and reads its options, then closes it. */
export async function pickerOptions(frame: Frame, name: string): Promise<string[]> {
  await openPicker(frame, name);
  const options = frame.getByRole('option');
  await options.first().waitFor();
  const texts = await options.allInnerTexts();
  await frame.press(`#picker-${name}`, 'Escape');
  return texts;
}

/** Chooses the option whose text is (or matches) `label` in the Jira views' picker `name`. */
export async function pick(frame: Frame, name: string, label: string | RegExp): Promise<void> {
  await openPicker(frame, name);
  await frame
    .getByRole('option', { name: label, exact: typeof label === 'string' ? true : undefined })
    .first()
    .click();
}

/**
 * Types `text` (an ISO date, or one in the viewer's format) into the Atlaskit date picker whose input has id `id`
 * and commits it with Enter, as a user does; resolves to the ISO value the picker then holds (its hidden input,
 * `${testId}--input`).
 */
export async function typeDate(frame: Frame, id: string, testId: string, text: string): Promise<string> {
  await frame.fill(`#${id}`, text);
  await frame.press(`#${id}`, 'Enter');
  return frame.locator(`[data-testid="${testId}--input"]`).inputValue();
}

/** The text of the picker's current choice. */
export function pickedLabel(frame: Frame, name: string): Promise<string> {
  return frame.locator(`[data-picker="${name}"] .jv-picker__single-value`).innerText();
}
