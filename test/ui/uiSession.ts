import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  installExtension,
  makeTempDirs,
  quietSettings,
  repoRoot,
  startCodeServer,
  writeUserSettings,
  type CodeServerDirs,
  type RunningCodeServer,
} from '../codeServer/codeServer';
import { launchBrowser, type BrowserSession } from '../support/chromium';
import { openWorkbench, selectors } from './workbench';

export const vsix = process.env.API_LOGS_VSIX ?? join(repoRoot, 'dist-vsix', 'api-logs-explorer.vsix');
export const resultsDir = join(repoRoot, 'test-results');

export interface UiSessionOptions {
  /** Names the failure screenshot: `test-results/ui-<name>-failure.png`. */
  readonly name: string;
  /** User settings on top of the quiet workbench ones. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Files written into the workspace before code-server starts, by path relative to it. */
  readonly workspaceFiles?: Readonly<Record<string, string>>;
}

/** What the suite's hooks set up; the fields are there from the suite's first test on. */
export interface UiSession {
  readonly dirs: CodeServerDirs;
  readonly codeServer: RunningCodeServer;
  readonly browser: BrowserSession;
  readonly context: BrowserContext;
  readonly page: Page;
}

/** A started session and how to end it (stops code-server and the browser, removes the folders). */
export interface RunningUiSession extends UiSession {
  stop(): Promise<void>;
}

/**
 * The UI layer's one setup: the production .vsix installed into a fresh code-server profile and a headless
 * Chromium on the workbench of a temp workspace. Tests use it through `useUiSession`; benchmarks call it directly.
 */
export async function startUiSession(
  options: Omit<UiSessionOptions, 'name'>,
  dirs: CodeServerDirs & { remove(): void } = makeTempDirs(),
): Promise<RunningUiSession> {
  assert.ok(existsSync(vsix), `${vsix} is missing: run npm run package first`);
  const stops: (() => Promise<void> | void)[] = [() => dirs.remove()];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step();
  };
  try {
    for (const [path, text] of Object.entries(options.workspaceFiles ?? {})) {
      mkdirSync(dirname(join(dirs.workspace, path)), { recursive: true });
      writeFileSync(join(dirs.workspace, path), text);
    }
    installExtension(vsix, dirs);
    writeUserSettings(dirs, { ...quietSettings, ...options.settings });
    const codeServer = await startCodeServer({ dirs });
    stops.push(() => codeServer.stop());
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    const context = browser.context;
    const page = context.pages()[0] ?? (await context.newPage());
    await openWorkbench(page, codeServer.origin, dirs.workspace);
    return { dirs, codeServer, browser, context, page, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * `startUiSession` as mocha hooks of the calling suite, with a screenshot when a test fails; everything is stopped
 * and removed after the suite.
 */
export function useUiSession(options: UiSessionOptions): UiSession {
  // The folders exist from the start, so a suite can name paths in them while it is defined.
  const dirs = makeTempDirs();
  let session: RunningUiSession | undefined;

  before(async () => {
    session = await startUiSession(options, dirs);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !session) return;
    await screenshot(session.page, `ui-${options.name}-failure.png`).catch(() => undefined);
  });

  after(async () => {
    if (session) await session.stop();
    else dirs.remove();
  });

  return new Proxy({} as UiSession, {
    get(_target, key: keyof UiSession) {
      const value = key === 'dirs' ? dirs : session?.[key];
      if (value === undefined) throw new Error(`the UI session's ${String(key)} is not set up yet (use it inside a test or hook)`);
      return value;
    },
  });
}

/**
 * A screenshot in test-results/, with the pointer parked on the empty part of the side bar and no hover or tooltip
 * left in the picture.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  await page.mouse.move(150, 700);
  await page.locator(`${selectors.workbench} .monaco-hover:visible, ${selectors.workbench} .workbench-hover:visible`).first().waitFor({ state: 'hidden' });
  const path = join(resultsDir, name);
  await page.screenshot({ path });
  return path;
}
