import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  installExtension,
  makeTempDirs,
  repoRoot,
  startCodeServer,
  writeUserSettings,
  type RunningCodeServer,
} from '../codeServer/codeServer';
import { launchBrowser, type BrowserSession } from '../support/chromium';
import { startFakeServer, type FakeProviderServer } from '../../src/sample/fakeServers';
import { answerQuickInput, openWorkbench, runCommand, selectors, treeRow, waitUntil } from './workbench';

const vsix = process.env.API_LOGS_VSIX ?? join(repoRoot, 'dist-vsix', 'api-logs-explorer.vsix');
const screenshot = join(repoRoot, 'test-results', 'ui-foundation.png');

describe('foundation UI (the .vsix in code-server)', function () {
  this.timeout(180_000);
  const token = `daily-ui-${randomUUID()}`;
  const dirs = makeTempDirs();
  let daily: FakeProviderServer;
  let codeServer: RunningCodeServer;
  let browser: BrowserSession;
  let page: Page;

  before(async () => {
    assert.ok(existsSync(vsix), `${vsix} is missing: run npm run package first`);
    installExtension(vsix, dirs);
    writeUserSettings(dirs);
    daily = await startFakeServer('daily', { token, rowCount: 20 });
    codeServer = await startCodeServer({ dirs });
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await openWorkbench(page, codeServer.origin, dirs.workspace);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test-results', 'ui-foundation-failure.png') }).catch(() => undefined);
  });

  after(async () => {
    await browser?.close();
    await codeServer?.stop();
    await daily?.close();
    dirs.remove();
  });

  it('shows the API Logs view with its welcome content', async () => {
    await page.locator(selectors.activityBarItem('API Logs')).click();
    const welcome = page.locator('[id="workbench.view.extension.apiLogs"] .welcome-view-content');
    await welcome.getByRole('button', { name: 'Add Account' }).waitFor();
  });

  it('adds an account and a Daily connection from the palette and shows it as Connected', async () => {
    await runCommand(page, 'API Logs: Add Account');
    await answerQuickInput(page, /organisation or environment/, 'Acme UI');
    await answerQuickInput(page, /Choose a provider/, 'Daily');
    const keyInputType = await answerQuickInput(page, /Daily API key/, token);
    assert.equal(keyInputType, 'password');
    await answerQuickInput(page, /base URL override/, daily.baseUrl);

    const connection = treeRow(page, 'apiLogs', 'Daily');
    await waitUntil(async () => (await connection.innerText().catch(() => '')).includes('Connected'), 'Daily "Connected"');
    assert.ok(await treeRow(page, 'apiLogs', 'Acme UI').isVisible());
    assert.equal(daily.requests.at(-1)?.headers.authorization, `Bearer ${token}`);
    await page.locator(selectors.toast, { hasText: 'Daily connected for "Acme UI".' }).waitFor();
    await connection.click();
    await treeRow(page, 'apiLogs', 'API logs').waitFor();
    assert.ok(await treeRow(page, 'apiLogs', 'Webhook logs').isVisible());
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: screenshot });
  });
});
