/**
 * Serves the built webview bundle in the same page shape and CSP as the host (`src/panel/html.ts`) over a local
 * HTTP server, opens it in headless Chromium with a stand-in `acquireVsCodeApi`, and lets a test play host
 * notifications and read what the webview posted. The host-side tests can reuse `stubScript`; the page itself is the host's `renderPanelHtml`.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNonce, renderPanelHtml } from '../../src/panel/html';
import { chromiumLaunchOptions } from '../support/chromium';
import { themeBody, themeVariables, type ThemeName } from './themes';

const root = resolve(__dirname, '..', '..');
const distDir = join(root, 'dist', 'webview');


let built = false;

/** Builds both bundles with the project's `esbuild.mjs`, once per test run. */
export function buildWebview(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, `esbuild failed: ${result.stderr}`);
  built = true;
}

const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === '/') {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const assets = `${origin}/dist/webview`;
      response.end(renderPanelHtml({ cspSource: origin, nonce: createNonce(), scriptUri: `${assets}/main.js`, styleUri: `${assets}/main.css`, title: 'API logs' }));
      return;
    }
    const file = join(distDir, url.pathname.replace(/^\/dist\/webview\//, ''));
    if (!url.pathname.startsWith('/dist/webview/') || !file.startsWith(distDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/**
 * Runs in the page before any page script: the VS Code API stand-in (one `acquireVsCodeApi` call only, posted
 * messages recorded), a CSP violation recorder, and the theme (variables on <html>, classes and theme kind on <body>).
 */
export function stubScript(arg: { vars: Record<string, string>; bodyClasses: readonly string[]; themeKind: string; state: unknown }): void {
  const w = window as unknown as Record<string, unknown>;
  const posted: unknown[] = [];
  const violations: unknown[] = [];
  let state = arg.state;
  let acquired = false;
  w.__posted = posted;
  w.__csp = violations;
  w.__state = () => state;
  document.addEventListener('securitypolicyviolation', (e) =>
    violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile }),
  );
  w.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage: (message: unknown) => posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => state,
      setState: (next: unknown) => (state = next),
    });
  };
  const applyTheme = () => {
    if (!document.documentElement || !document.body) return false;
    for (const [name, value] of Object.entries(arg.vars)) document.documentElement.style.setProperty(name, value);
    document.body.classList.add(...arg.bodyClasses);
    document.body.dataset.vscodeThemeKind = arg.themeKind;
    return true;
  };
  if (!applyTheme()) {
    const observer = new MutationObserver(() => applyTheme() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true });
  }
}

/**
 * The stub as script text. tsx compiles with esbuild's keepNames, whose `__name` helper does not exist in the
 * page, so the page gets an identity `__name` first (evaluated test callbacks need it too).
 */
export function stubSource(arg: Parameters<typeof stubScript>[0]): string {
  return `globalThis.__name = (fn) => fn;\n(${stubScript.toString()})(${JSON.stringify(arg)});`;
}

export interface Harness {
  readonly browser: Browser;
  open(options?: { theme?: ThemeName; state?: unknown; width?: number; height?: number }): Promise<PanelPage>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  buildWebview();
  const server = await serve();
  // A zone with a half-hour offset, so local and UTC times differ in every test run.
  const env = { ...process.env, TZ: 'Asia/Kolkata' } as Record<string, string>;
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), env });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    browser,
    async open(options = {}) {
      const theme = options.theme ?? 'dark';
      const page = await browser.newPage({ viewport: { width: options.width ?? 1200, height: options.height ?? 700 } });
      // Playwright's 30 s per action is a hang guard that a busy 2-core CI machine can reach on the 1 MB cases.
      page.setDefaultTimeout(50_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => {
        errors.push(error.message);
        if (process.env.WEBVIEW_DEBUG) process.stderr.write(`[page exception] ${error.stack}\n`);
      });
      page.on('response', (response) => {
        if (process.env.WEBVIEW_DEBUG) process.stderr.write(`[page response] ${response.status()} ${response.url()}\n`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
        if (process.env.WEBVIEW_DEBUG) process.stderr.write(`[page ${message.type()}] ${message.text()}\n`);
      });
      const body = themeBody[theme];
      const stub = stubSource({ vars: themeVariables[theme], bodyClasses: body.classes, themeKind: body.kind, state: options.state });
      await page.addInitScript({ content: stub });
      await page.goto(origin + '/');
      await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
      return new PanelPage(page, errors);
    },
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

type Posted = { readonly type: string; readonly [key: string]: unknown };

/** One open panel page: play notifications, read posted messages, state and CSP violations. */
export class PanelPage {
  /** `errors`: uncaught page errors and console errors, which a test expects to stay empty. */
  constructor(
    readonly page: Page,
    readonly errors: string[],
  ) {}

  /** Posts host notifications like VS Code does and waits until the page has handled them. */
  async notify(...messages: unknown[]): Promise<void> {
    await this.page.evaluate(async (list) => {
      for (const message of list) window.postMessage(message, '*');
      await new Promise<void>((done) => {
        const marker = { harnessSync: Math.random() };
        const listener = (event: MessageEvent) => {
          if (event.data?.harnessSync !== marker.harnessSync) return;
          window.removeEventListener('message', listener);
          requestAnimationFrame(() => done());
        };
        window.addEventListener('message', listener);
        window.postMessage(marker, '*');
      });
    }, messages);
  }

  posted(): Promise<Posted[]> {
    return this.page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted.slice());
  }

  async postedOfType(type: string): Promise<Posted[]> {
    return (await this.posted()).filter((message) => message.type === type);
  }

  async clearPosted(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as { __posted: unknown[] }).__posted.length = 0;
    });
  }

  /** Switches the theme live, as VS Code does when the user picks another one, and waits for the next frame. */
  async setTheme(theme: ThemeName): Promise<void> {
    const allVariables = [...new Set(Object.values(themeVariables).flatMap((vars) => Object.keys(vars)))];
    const allClasses = [...new Set(Object.values(themeBody).flatMap((body) => body.classes))];
    const arg = { vars: themeVariables[theme], ...themeBody[theme], allVariables, allClasses };
    await this.page.evaluate(async ({ vars, classes, kind, allVariables, allClasses }) => {
      const style = document.documentElement.style;
      for (const name of allVariables) style.removeProperty(name);
      for (const [name, value] of Object.entries(vars)) style.setProperty(name, value);
      document.body.dataset.vscodeThemeKind = kind;
      document.body.classList.remove(...allClasses);
      document.body.classList.add(...classes);
      await new Promise((done) => requestAnimationFrame(done));
    }, arg);
  }

  cspViolations(): Promise<unknown[]> {
    return this.page.evaluate(() => (window as unknown as { __csp: unknown[] }).__csp.slice());
  }

  state(): Promise<unknown> {
    return this.page.evaluate(() => (window as unknown as { __state: () => unknown }).__state());
  }

  /**
   * Scrolls the grid and waits until the page has handled it: the scroll event has fired (the grid's own listener
   * first) and the render it scheduled for the next frame has run. The scroll must move the grid.
   */
  async scrollGrid(to: { readonly top: number | 'end' } | { readonly by: number }): Promise<void> {
    await this.page.locator('[role=grid]').evaluate(async (grid, target) => {
      const scrolled = new Promise<void>((done) => {
        grid.addEventListener('scroll', () => requestAnimationFrame(() => done()), { once: true });
      });
      if ('by' in target) grid.scrollBy(0, target.by);
      else grid.scrollTo(0, target.top === 'end' ? grid.scrollHeight : target.top);
      await scrolled;
    }, to);
  }
}

/**
 * Polls `read` until it deep-equals `expected` (toolkit controls render their value a frame later, state writes
 * are batched, so a read may also fail until the first write). The bound only turns a hang into a readable
 * failure; the test's own timeout is larger.
 */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assert.deepStrictEqual(await read(), expected);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, 25));
    }
  }
}

/**
 * Mocha hooks for a webview suite: one harness for the file, a fresh page per test, and after each test no CSP
 * violation, no page error and the hostile-content sentinel still unset.
 */
export function usePanelPages(): { readonly harness: Harness; readonly panel: PanelPage } {
  let harness: Harness | undefined;
  let panel: PanelPage | undefined;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => {
    panel = await harness!.open();
  });
  afterEach(async () => {
    assert.equal(await panel!.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    assert.deepEqual(await panel!.cspViolations(), [], 'no CSP violation from our own code');
    assert.deepEqual(panel!.errors, []);
    await panel!.page.close();
  });
  return {
    get harness() {
      return harness!;
    },
    get panel() {
      return panel!;
    },
  };
}
