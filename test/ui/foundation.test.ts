import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startFakeServer, type FakeProviderServer } from '../../src/sample/fakeServers';
import { screenshot, useUiSession } from './uiSession';
import { addDailyAccount, selectors, treeRow, waitUntil } from './workbench';

describe('foundation UI (the .vsix in code-server)', function () {
  this.timeout(180_000);
  const token = `daily-ui-${randomUUID()}`;
  const ui = useUiSession({ name: 'foundation' });
  let daily: FakeProviderServer;

  before(async () => {
    daily = await startFakeServer('daily', { token, rowCount: 20 });
  });

  after(async () => {
    await daily?.close();
  });

  it('shows the API Logs view with its welcome content', async () => {
    const { page } = ui;
    await page.locator(selectors.activityBarItem('API Logs')).click();
    const welcome = page.locator('[id="workbench.view.extension.apiLogs"] .welcome-view-content');
    await welcome.getByRole('button', { name: 'Add Account' }).waitFor();
  });

  it('adds an account and a Daily connection from the palette and shows it as Connected', async () => {
    const { page } = ui;
    assert.equal(await addDailyAccount(page, 'Acme UI', token, daily.baseUrl), 'password');

    const connection = treeRow(page, 'apiLogs', 'Daily');
    await waitUntil(async () => (await connection.innerText().catch(() => '')).includes('Connected'), 'Daily "Connected"');
    assert.ok(await treeRow(page, 'apiLogs', 'Acme UI').isVisible());
    assert.equal(daily.requests.at(-1)?.headers.authorization, `Bearer ${token}`);
    await page.locator(selectors.toast, { hasText: 'Daily connected for "Acme UI".' }).waitFor();
    await connection.click();
    await treeRow(page, 'apiLogs', 'API logs').waitFor();
    assert.ok(await treeRow(page, 'apiLogs', 'Webhook logs').isVisible());
    await screenshot(page, 'ui-foundation.png');
  });
});
