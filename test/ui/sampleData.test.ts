import * as assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { Page } from 'playwright-core';
import { screenshot, useUiSession } from './uiSession';
import {
  activeTab,
  childTreeRow,
  expandTreeRow,
  gridRows,
  outputChannelText,
  reloadWindow,
  runCommand,
  setColorTheme,
  trySampleData,
  treeRow,
  visibleWebview,
  waitForTreeRow,
  waitUntil,
} from './workbench';

/** The six sample streams, each with a text only its own panel shows. */
const streams = [
  { connection: 'Daily', stream: 'API logs', marker: 'API endpoint' },
  { connection: 'Daily', stream: 'Webhook logs', marker: 'Webhook URL' },
  { connection: 'Daily', stream: 'Meeting logs', marker: 'Recent sessions…' },
  { connection: 'Lago', stream: 'API logs', marker: 'Request path' },
  { connection: 'SignalWire', stream: 'Video logs', marker: 'Room' },
  { connection: 'SignalWire', stream: 'Voice logs', marker: 'Direction' },
] as const;

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** The HTTP status column of the shown rows (Daily API logs: the 4th column). */
async function statusCodes(page: Page): Promise<number[]> {
  const cells = await gridRows(page).locator('[role="gridcell"][aria-colindex="4"]').allTextContents();
  return cells.map(Number);
}

/** Meeting logs need a session: load the recent ones (`GET /meetings`), pick the first, apply. */
async function pickMeetingSession(page: Page): Promise<void> {
  const frame = visibleWebview(page);
  const meeting = frame.locator('.filter', { has: frame.locator('.filter-label', { hasText: 'Meeting session' }) });
  await meeting.locator('vscode-button', { hasText: 'Recent sessions…' }).click();
  const picker = frame.locator('vscode-dropdown[aria-label="Recent Meeting session"]');
  await picker.click();
  await picker.locator('vscode-option').nth(1).click();
  await frame.locator('.filter-bar vscode-button', { hasText: 'Apply' }).click();
}

describe('sample data UI (the .vsix in code-server, fresh profile)', function () {
  this.timeout(90_000);
  const ui = useUiSession({ name: 'sample-data', settings: { 'workbench.colorTheme': 'Dark Modern' } });

  it('offers Try with Sample Data in the welcome view, which opens Daily API logs with rows', async () => {
    const { page } = ui;
    await trySampleData(page);
    assert.ok((await gridRows(page).count()) > 10);
    for (const connection of ['Daily', 'Lago', 'SignalWire']) {
      const row = treeRow(page, 'apiLogs', connection);
      await waitUntil(async () => (await row.innerText().catch(() => '')).includes('Connected'), `${connection} "Connected"`);
    }
  });

  it('opens each of the six streams from the tree and shows rows in each', async () => {
    const { page } = ui;
    for (const connection of ['Daily', 'Lago', 'SignalWire']) await expandTreeRow(treeRow(page, 'apiLogs', connection));
    for (const { connection, stream, marker } of streams) {
      await (await childTreeRow(page, 'apiLogs', connection, stream)).click();
      await activeTab(page, `${connection} · ${stream} — Sample`).waitFor();
      await visibleWebview(page).getByText(marker, { exact: true }).first().waitFor();
      if (stream === 'Meeting logs') await pickMeetingSession(page);
      await gridRows(page).first().waitFor({ timeout: 20_000 });
      assert.ok((await gridRows(page).count()) > 0, `${connection} ${stream}: no rows`);
      if (stream === 'Video logs') await screenshot(page, 'sample-data-tree.png');
    }
  });

  it('filters Daily API logs to failed requests, loads them all and opens one, in the dark and the light theme', async () => {
    const { page } = ui;
    await (await childTreeRow(page, 'apiLogs', 'Daily', 'API logs')).click();
    await gridRows(page).first().waitFor();
    const frame = visibleWebview(page);
    for (const status of ['4xx client error', '5xx server error']) await frame.locator('vscode-checkbox', { hasText: status }).click();
    await frame.locator('.filter-bar vscode-button', { hasText: 'Apply' }).click();
    const onlyFailures = (codes: number[]) => codes.length > 0 && codes.every((code) => code >= 400 && code < 600);
    await waitUntil(async () => onlyFailures(await statusCodes(page)), 'only 4xx and 5xx rows');
    await frame.locator('vscode-button', { hasText: 'Load all' }).click();
    await frame.getByText(/ · all loaded/).waitFor();
    assert.ok((await statusCodes(page)).length > 20, 'the sample data has failed requests');
    assert.ok(onlyFailures(await statusCodes(page)));
    await screenshot(page, 'sample-data-panel-dark.png');

    await setColorTheme(page, 'Light Modern', 'vs');
    await gridRows(page).nth(1).dblclick();
    await frame.locator('.detail .detail-toolbar').waitFor();
    const background = await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    assert.equal(background, 'rgb(255, 255, 255)', 'the panel follows the light theme');
    await screenshot(page, 'sample-data-panel-light.png');
  });

  it('queries Daily API logs with status:>=400 method:POST and shows only those rows, in the light and the dark theme', async () => {
    const { page } = ui;
    const frame = visibleWebview(page);
    const query = frame.locator('.query-input');
    await query.fill('');
    await query.pressSequentially('status:>=400 method:POST');
    await query.press('Enter');
    const methods = () => gridRows(page).locator('[role="gridcell"][aria-colindex="2"]').allTextContents();
    await waitUntil(async () => {
      const [codes, shown] = [await statusCodes(page), await methods()];
      return codes.length > 0 && codes.every((code) => code >= 400) && shown.length === codes.length && shown.every((method) => method === 'POST');
    }, 'only failed POST rows');
    assert.equal(await frame.locator('.query-error').isHidden(), true);
    await screenshot(page, 'query-panel-light.png');
    await setColorTheme(page, 'Dark Modern', 'vs-dark');
    await screenshot(page, 'query-panel-dark.png');
  });

  it('after a reload, opening a stream whose tab is still in the background shows one tab for it, with rows', async () => {
    const { page } = ui;
    const title = 'SignalWire · Video logs — Sample';
    const tabs = page.locator(`.tabs-container .tab[aria-label="${title}"]`);
    await reloadWindow(page);
    await tabs.first().waitFor();
    assert.equal(await activeTab(page, title).count(), 0, 'the Video logs tab is in the background (not revived yet)');
    await expandTreeRow(treeRow(page, 'apiLogs', 'SignalWire'));
    await (await waitForTreeRow(page, 'apiLogs', ['SignalWire', 'Video logs'])).click();
    await activeTab(page, title).waitFor();
    await gridRows(page).first().waitFor({ timeout: 20_000 });
    await waitUntil(async () => (await tabs.count()) === 1, `one "${title}" tab (not a second beside the one the reload left)`);
  });

  it('logs the servers\' addresses, and Remove Sample Data removes the account and closes their ports', async () => {
    const { page } = ui;
    const log = await outputChannelText(page, 'API Logs: Show Extension Log');
    const match = /Sample data servers: daily http:\/\/127\.0\.0\.1:(\d+)\/v1, lago http:\/\/127\.0\.0\.1:(\d+)\/api\/v1, signalwire http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
    assert.ok(match, `no server addresses in the log:\n${log}`);
    const ports = match.slice(1).map(Number);
    for (const port of ports) assert.equal(await accepts(port), true, `port ${port} is not listening`);

    await runCommand(page, 'API Logs: Remove Sample Data');
    await treeRow(page, 'apiLogs', 'Sample').waitFor({ state: 'detached' });
    const welcome = page.locator('[id="workbench.view.extension.apiLogs"] .welcome-view-content');
    await welcome.getByRole('button', { name: 'Try with Sample Data' }).waitFor();
    for (const port of ports) assert.equal(await accepts(port), false, `port ${port} still accepts connections`);
    await page.locator('.tabs-container .tab[aria-label$="— Sample"]').first().waitFor({ state: 'detached' });
  });
});
