import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeServer, type FakeProviderServer } from '../../src/sample/fakeServers';
import type { ProviderKind } from '../../src/protocol/streamDefinition';
import { browserStores, diskFiles, placesContaining } from './secretStores';
import { useUiSession } from './uiSession';
import { answerQuickInput, expandTreeRow, gridRows, reloadWindow, runCommand, selectors, treeRow, visibleWebview, waitForTreeRow, waitUntil } from './workbench';

const labels: Readonly<Record<ProviderKind, string>> = { daily: 'Daily', lago: 'Lago', signalwire: 'SignalWire' };
const streams: Readonly<Record<ProviderKind, string>> = { daily: 'API logs', lago: 'API logs', signalwire: 'Video logs' };

/**
 * A full UI run (add three connections with known tokens, browse, export, reload, remove), then every store is
 * searched for every token: browser storage (globalState, workspace state, webview state, localStorage), the
 * browser profile and the code-server user data (settings.json, output channel and extension host logs) on disk,
 * and the exported file.
 */
describe('secrets UI: no token outside SecretStorage after a full run (the .vsix in code-server)', function () {
  this.timeout(240_000);
  const ui = useUiSession({ name: 'secrets' });
  const { dirs } = ui;
  const account = `Secret UI ${randomUUID().slice(0, 6)}`;
  const exportFile = join(dirs.workspace, 'secrets-export.ndjson');
  const servers = new Map<ProviderKind, FakeProviderServer>();

  const needles = () =>
    [...servers.values()].flatMap((s) => [s.token, ...(s.projectId ? [Buffer.from(`${s.projectId}:${s.token}`).toString('base64')] : [])]);

  before(async () => {
    for (const provider of ['daily', 'lago', 'signalwire'] as const) {
      servers.set(provider, await startFakeServer(provider, { token: `ui-secret-${provider}-${randomUUID()}`, rowCount: 150 }));
    }
  });

  after(async () => {
    await Promise.all([...servers.values()].map((server) => server.close()));
  });

  async function connectionAnswers(provider: ProviderKind): Promise<void> {
    const { page } = ui;
    const server = servers.get(provider)!;
    await answerQuickInput(page, /Choose a provider/, labels[provider]);
    if (provider === 'lago') await answerQuickInput(page, /Lago organisation hosted/, 'US');
    if (provider === 'signalwire') {
      await answerQuickInput(page, /Space name/, 'uisecrets');
      await answerQuickInput(page, /Project ID/, server.projectId ?? '');
    }
    await answerQuickInput(page, new RegExp(`${labels[provider]} API (key|token)`), server.token);
    await answerQuickInput(page, /base URL override/, server.baseUrl);
    const row = treeRow(page, 'apiLogs', labels[provider]);
    await waitUntil(async () => (await row.innerText().catch(() => '')).includes('Connected'), `${labels[provider]} "Connected"`);
  }

  it('adds Daily, Lago and SignalWire connections and opens a stream of each', async () => {
    const { page } = ui;
    await page.locator(selectors.activityBarItem('API Logs')).click();
    await runCommand(page, 'API Logs: Add Account');
    await answerQuickInput(page, /organisation or environment/, account);
    await connectionAnswers('daily');
    for (const provider of ['lago', 'signalwire'] as const) {
      await runCommand(page, 'API Logs: Add Provider Connection');
      await connectionAnswers(provider);
    }
    for (const provider of ['daily', 'lago', 'signalwire'] as const) {
      await expandTreeRow(treeRow(page, 'apiLogs', labels[provider]));
      await (await waitForTreeRow(page, 'apiLogs', [labels[provider], streams[provider]])).click();
      await gridRows(page).first().waitFor({ timeout: 30_000 });
    }
  });

  it('exports the loaded rows through the panel and the save dialog', async () => {
    const { page } = ui;
    const frame = visibleWebview(page);
    await frame.getByRole('button', { name: /Export/ }).click();
    await frame.getByRole('menuitem', { name: 'Loaded rows as NDJSON…' }).click();
    await answerQuickInput(page, /Export [\d,]+ rows|secrets-export|\.ndjson|Save/i, exportFile);
    await waitUntil(async () => existsSync(exportFile) && readFileSync(exportFile, 'utf8').length > 0, 'the exported file');
  });

  it('after a reload the panels come back, and no token is in browser storage, webview state or on disk', async () => {
    const { page } = ui;
    await reloadWindow(page);
    await gridRows(page).first().waitFor({ timeout: 60_000 });
    const stores = await browserStores(page);
    assert.ok(placesContaining(stores, [account]).length > 0, 'the search does not see globalState');
    assert.ok(placesContaining(stores, ['signalwire.video']).length > 0, 'the search does not see the saved webview state');
    assert.ok(placesContaining(stores, [servers.get('signalwire')!.projectId!]).length > 0, 'the search does not see the connection settings');
    assert.deepEqual(placesContaining(stores, needles()), []);
    assert.deepEqual(placesContaining(diskFiles(dirs.userDataDir, dirs.workspace, ui.browser.profile), needles()), []);
  });

  it('removing a connection and the account leaves no token in any store, on disk or in the logs', async () => {
    const { page } = ui;
    await runCommand(page, 'API Logs: Remove Connection');
    await answerQuickInput(page, /Choose a connection/, 'Lago');
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Remove' }).click();
    await treeRow(page, 'apiLogs', 'Lago').waitFor({ state: 'detached' });
    await runCommand(page, 'API Logs: Remove Account');
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Remove' }).click();
    await page.locator('[id="workbench.view.extension.apiLogs"] .welcome-view-content').getByRole('button', { name: 'Add Account' }).waitFor();
    await reloadWindow(page);
    await page.locator('[id="workbench.view.extension.apiLogs"] .welcome-view-content').getByRole('button', { name: 'Add Account' }).waitFor();
    const stores = await browserStores(page);
    assert.deepEqual(placesContaining(stores, needles()), []);
    await ui.context.close();
    const disk = diskFiles(dirs.userDataDir, dirs.workspace, ui.browser.profile);
    assert.ok(placesContaining(disk, ['Activated in']).some((path) => /API Logs/.test(path)), 'the search does not see the API Logs log file');
    assert.ok(placesContaining(disk, ['"id"']).includes(exportFile), 'the search does not see the exported file');
    assert.deepEqual(placesContaining(disk, needles()), []);
  });
});
