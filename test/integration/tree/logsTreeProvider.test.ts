import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ApiLogsApi } from '../../../src/extension';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';
import { activateApi } from '../support/extensionApi';
import { addDailyAccount, labelOf, lastAuthorization, removeAllAccounts, secretOf, treeChildren } from '../support/testAccounts';

describe('explorer tree', () => {
  const token = `daily-key-${randomUUID()}`;
  let api: ApiLogsApi;
  let server: FakeProviderServer;

  before(async () => {
    api = await activateApi();
    server = await startFakeServer('daily', { token, rowCount: 20 });
  });
  afterEach(() => removeAllAccounts(api));
  after(() => server?.close());

  async function connectionRow(accountName: string) {
    const roots = await treeChildren(api);
    const account = roots.find(({ item }) => labelOf(item) === accountName);
    assert.ok(account, `no tree row for ${accountName}`);
    assert.match(String(account.item.contextValue), /^account/);
    const connections = await treeChildren(api, account.node);
    assert.deepEqual(connections.map(({ item }) => labelOf(item)), ['Daily']);
    return connections[0]!;
  }

  it('shows Account → Daily ("Connected") → its log streams', async () => {
    await addDailyAccount(api, 'Tree account', token, server.baseUrl);
    const daily = await connectionRow('Tree account');
    assert.equal(daily.item.description, 'Connected');
    assert.match(String(daily.item.contextValue), /^connection/);
    const streams = await treeChildren(api, daily.node);
    const labels = streams.map(({ item }) => labelOf(item));
    for (const expected of ['API logs', 'Webhook logs', 'Meeting logs']) assert.ok(labels.includes(expected), labels.join());
    for (const { node, item } of streams) {
      assert.match(String(item.contextValue), /^stream/);
      assert.equal(item.command?.command, 'apiLogs.openStream');
      assert.equal(item.command?.arguments?.[0], node);
    }
  });

  it('shows a rejected key in the connection description and offers to update it', async () => {
    await addDailyAccount(api, 'Bad key account', 'not-the-right-key', server.baseUrl);
    const daily = await connectionRow('Bad key account');
    assert.equal(daily.item.description, 'Token rejected — click to update');
    assert.match(String(daily.item.tooltip), /401/);
    assert.equal(daily.item.command?.command, 'apiLogs.editConnection');
    assert.equal(lastAuthorization(server), 'Bearer not-the-right-key');
  });

  it('shows any other failure verbatim in the description and keeps the stored key', async () => {
    server.setFault('unprocessable', { count: 1 });
    const account = await addDailyAccount(api, 'Failing account', token, server.baseUrl);
    const daily = await connectionRow('Failing account');
    assert.match(String(daily.item.description), /422/);
    assert.notEqual(daily.item.command?.command, 'apiLogs.editConnection');
    assert.equal(await secretOf(api, account.id, 'daily'), token);
  });

  it('lists accounts sorted by name', async () => {
    await api.services.accounts.add('Zulu');
    await api.services.accounts.add('alpha');
    const labels = (await treeChildren(api)).map(({ item }) => labelOf(item));
    assert.deepEqual(labels, ['alpha', 'Zulu']);
  });
});
