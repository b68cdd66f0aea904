import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFakeServer, type FakeProviderServer } from '../../src/sample/fakeServers';
import { resultsDir, screenshot, useUiSession } from './uiSession';
import {
  activeTab,
  addDailyAccount,
  answerQuickInput,
  expandTreeRow,
  gridRows,
  runCommand,
  selectors,
  treeRow,
  trySampleData,
  visibleWebview,
  waitForTreeRow,
  waitUntil,
} from './workbench';

/** A file of the user's that calls Daily's presence endpoint, one of the paths the sample data logs. */
const presenceFile = `// Who is in a room, for the lobby screen.
export interface Participant {
  readonly id: string;
  readonly userName: string;
}

export async function roomPresence(room: string, apiKey: string): Promise<Participant[]> {
  const response = await fetch(\`https://api.daily.co/v1/rooms/\${room}/presence\`, {
    headers: { Authorization: \`Bearer \${apiKey}\` },
  });
  if (!response.ok) throw new Error(\`presence of \${room}: \${response.status}\`);
  const body = (await response.json()) as { data: Participant[] };
  return body.data;
}
`;
/** 1-based, as the editor's status bar shows it. */
const callLine = presenceFile.split('\n').findIndex((line) => line.includes('fetch(')) + 1;
const presenceUrl = /^\/v1\/rooms\/[^/]+\/presence$/;

const lens = (page: Page) => page.locator('.monaco-editor .codelens-decoration a', { hasText: /^Daily · / });
const statusBarItem = (page: Page) => page.locator('.part.statusbar .statusbar-item', { hasText: 'API Logs' });
const statusBarText = async (page: Page) => ((await statusBarItem(page).textContent()) ?? '').trim();
const queryText = (page: Page) => visibleWebview(page).locator('.query-input').inputValue();
/** The shown rows' cells of one column (Daily API logs: 2 Method, 3 URL, 4 Status). */
const cells = (page: Page, column: number) => gridRows(page).locator(`[role="gridcell"][aria-colindex="${column}"]`).allTextContents();

describe('logs meet code UI: CodeLens, Find Call Sites and Watch for Errors (the .vsix in code-server)', function () {
  this.timeout(180_000);
  const ui = useUiSession({
    name: 'logs-meet-code',
    settings: { 'workbench.colorTheme': 'Dark Modern', 'apiLogs.watchIntervalSeconds': 15 },
    workspaceFiles: { 'src/presence.ts': presenceFile, 'src/format.ts': 'export const label = (name: string) => `Room ${name}`;\n' },
  });

  it('shows a lens with counts from the loaded sample logs above the call, which opens Daily API logs filtered to the path', async () => {
    const { page } = ui;
    await trySampleData(page);
    await page.keyboard.press('F1');
    await page.locator(selectors.quickInputBox).fill('presence.ts');
    await page.locator(`${selectors.quickInput} .monaco-list-row`, { hasText: 'presence.ts' }).first().click();
    await activeTab(page, 'presence.ts').waitFor();

    // Counts come from the rows the panel loaded plus the lens's own fetch; a lens with no calls would say so.
    await lens(page).first().waitFor({ timeout: 30_000 });
    await waitUntil(async () => /^Daily · [1-9]\d* calls? today/.test((await lens(page).first().textContent()) ?? ''), 'a lens with calls today');
    assert.equal(await lens(page).count(), 1, 'one lens, on the one line that names the endpoint');
    // Monaco re-renders lenses and lines as tokens and counts arrive; the boxes are read until both are laid out.
    const fetchLine = page.locator('.monaco-editor .view-line', { hasText: 'fetch(' });
    await waitUntil(async () => {
      const [lensBox, lineBox] = [await lens(page).boundingBox(), await fetchLine.boundingBox()];
      return !!lensBox && !!lineBox && lensBox.y < lineBox.y && lineBox.y - lensBox.y < 2 * lineBox.height;
    }, 'the lens right above the fetch line');
    const title = (await lens(page).textContent()) ?? '';
    await screenshot(page, 'ui-code-lens.png');

    await lens(page).click();
    await activeTab(page, 'Daily · API logs — Sample').waitFor();
    await waitUntil(async () => (await queryText(page)) === 'path:/v1/rooms/*/presence', 'the path query in the panel');
    await waitUntil(async () => {
      const urls = await cells(page, 3);
      return urls.length > 0 && urls.every((url) => presenceUrl.test(url));
    }, 'only presence rows');
    const failed = /· (\d+) failed/.exec(title)?.[1];
    if (failed) assert.ok((await cells(page, 4)).some((status) => Number(status) >= 400), `the lens counts ${failed} failed, the panel shows none`);
    await screenshot(page, 'ui-code-lens-panel.png');
  });

  it('runs Find Call Sites from a presence row: the quick pick lists the file and line, and picking it opens the editor there', async () => {
    const { page } = ui;
    await gridRows(page).first().locator('[role="gridcell"][aria-colindex="3"]').click({ button: 'right' });
    await visibleWebview(page).locator('.context-menu').getByRole('menuitem', { name: 'Find Call Sites' }).click();

    const pick = page.locator(selectors.quickInput);
    await pick.locator('.quick-input-title', { hasText: /^Call sites of GET \/rooms\/\*\/presence$/ }).waitFor();
    await waitUntil(async () => /^1 call site in \d+ files/.test((await page.locator(selectors.quickInputBox).getAttribute('placeholder')) ?? ''), 'the search to finish');
    const results = pick.locator('.monaco-list-row', { hasText: /presence\.ts:\d+/ });
    assert.equal(await results.count(), 1);
    assert.match((await results.textContent()) ?? '', new RegExp(`presence\\.ts:${callLine}(?!\\d).*src/presence\\.ts · same host.*fetch\\(`));
    await screenshot(page, 'ui-call-sites-pick.png');

    await results.click();
    await activeTab(page, 'presence.ts').waitFor();
    const selection = page.locator('.part.statusbar [id="status.editor.selection"]');
    await waitUntil(async () => new RegExp(`^Ln ${callLine}, Col \\d+`).test((await selection.textContent()) ?? ''), `the cursor on line ${callLine}`);
    await screenshot(page, 'ui-call-site-opened.png');
  });

  describe('with a Daily account of its own (its server can log a new error)', () => {
    const token = `daily-watch-${randomUUID()}`;
    let daily: FakeProviderServer;
    const logReads = () => daily.requests.filter((request) => request.pathname === '/v1/logs/api').length;

    before(async () => {
      daily = await startFakeServer('daily', { token, rowCount: 60 });
    });

    after(async () => {
      await daily?.close();
    });

    it('Watch for Errors on its stream shows the new error in the status bar; a click opens it and clears the count', async () => {
      const { page } = ui;
      await addDailyAccount(page, 'Watched', token, daily.baseUrl);
      await expandTreeRow(treeRow(page, 'apiLogs', 'Watched'));
      await waitUntil(async () => (await (await waitForTreeRow(page, 'apiLogs', ['Watched', 'Daily'])).innerText()).includes('Connected'), 'Daily "Connected"');
      await expandTreeRow(await waitForTreeRow(page, 'apiLogs', ['Watched', 'Daily']));

      const readsBefore = logReads();
      const stream = await waitForTreeRow(page, 'apiLogs', ['Watched', 'Daily', 'API logs']);
      await stream.hover();
      await stream.locator('.action-label[aria-label="Watch for Errors"]').click();
      await page.locator(selectors.toast, { hasText: 'Watching Daily · API logs — Watched for errors' }).waitFor();
      await waitUntil(async () => logReads() > readsBefore, 'the baseline poll');
      await waitUntil(async () => (await statusBarText(page)) === 'API Logs', 'the watching status bar item');

      const at = new Date().toISOString();
      daily.addApiLogs!([
        { id: 'ui-new-error', userId: 'u', domainId: 'd', source: 'api', ip: '203.0.113.7', method: 'POST', url: '/v1/rooms', status: 400, createdAt: at, request: '{}', response: '{"error":"invalid-request-error","info":"name must be a string"}' },
      ]);
      await waitUntil(async () => (await statusBarText(page)) === 'API Logs: 1 new error', 'one new error in the status bar', 60_000);
      await page.locator(selectors.toast, { hasText: '1 new error in Daily · API logs — Watched: 400 POST /v1/rooms' }).waitFor();
      await statusBarItem(page).hover();
      const tooltip = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Watching for errors' });
      await tooltip.waitFor();
      assert.match((await tooltip.innerText()).replace(/\s+/g, ' '), /Daily · API logs — Watched: 1 new — last 400 POST \/v1\/rooms/);
      await page.screenshot({ path: join(resultsDir, 'ui-watch-tooltip.png') });

      await statusBarItem(page).click();
      await activeTab(page, 'Daily · API logs — Watched').waitFor();
      await waitUntil(async () => (await queryText(page)) === `status:>=400 time:>=${at}`, 'the new-errors query');
      await waitUntil(async () => (await cells(page, 4)).join() === '400', 'the one new error row');
      assert.deepEqual(await cells(page, 3), ['/v1/rooms']);
      await waitUntil(async () => (await statusBarText(page)) === 'API Logs', 'the count to clear');
      await screenshot(page, 'ui-watch-opened.png');
    });

    it('Watch for Errors on a saved view: the eye on the view\'s tree row watches it next to the stream', async () => {
      const { page } = ui;
      await runCommand(page, 'API Logs: Save View As…');
      await answerQuickInput(page, /Name the view/, 'Room errors');
      const streamRow = await waitForTreeRow(page, 'apiLogs', ['Watched', 'Daily', 'API logs']);
      await waitUntil(async () => (await streamRow.getAttribute('aria-expanded')) !== null, 'the stream row to get its view');
      await expandTreeRow(streamRow);
      const viewRow = await waitForTreeRow(page, 'apiLogs', ['Watched', 'Daily', 'API logs', 'Room errors']);
      await viewRow.hover();
      const eye = viewRow.locator('.action-label[aria-label="Watch for Errors"]');
      await eye.waitFor();
      await page.screenshot({ path: join(resultsDir, 'ui-watch-view-row.png') });
      await eye.click();
      await page.locator(selectors.toast, { hasText: 'Watching "Room errors" · Daily · API logs — Watched for errors' }).waitFor();
      await viewRow.hover();
      await statusBarItem(page).hover();
      await page.locator('.monaco-hover, .workbench-hover', { hasText: '"Room errors" · Daily · API logs — Watched: 0 new' }).waitFor();
      await page.screenshot({ path: join(resultsDir, 'ui-watch-view-tooltip.png') });
    });
  });
});
