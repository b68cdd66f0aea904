import * as assert from 'node:assert/strict';
import { connect } from 'node:net';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../src/extension';
import type { ProviderKind } from '../../src/protocol/streamDefinition';
import type { SampleServers } from '../../src/sample/fakeServers';
import { activateApi } from './support/extensionApi';
import { removeAllAccounts, secretOf, treeChildren, labelOf } from './support/testAccounts';

const providers: readonly ProviderKind[] = ['daily', 'lago', 'signalwire'];

/** Resolves true when something accepts a TCP connection on 127.0.0.1:port, false when it is refused. */
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

const portOf = (baseUrl: string) => Number(new URL(baseUrl).port);

async function runningServers(api: ApiLogsApi): Promise<SampleServers> {
  const running = api.sampleData.servers();
  assert.ok(running, 'the sample servers are not running');
  return running;
}

async function sampleAccountId(api: ApiLogsApi): Promise<string> {
  const id = api.sampleData.accountId;
  assert.ok(id, 'no Sample account');
  return id;
}

/** The connection works end to end: the registry's client fetches a page of rows from the sample server. */
async function fetchesRows(api: ApiLogsApi, accountId: string, provider: ProviderKind): Promise<void> {
  const connection = await api.services.connections.connect({ accountId, provider });
  const page = await connection.stream(connection.streams[0]!.id).fetchPage({ filters: {}, pageSize: 5 });
  assert.ok(page.rows.length > 0, `${provider}: no rows from the sample server`);
}

describe('sample data (Try with Sample Data / Remove Sample Data)', function () {
  this.timeout(60_000);
  let api: ApiLogsApi;

  before(async () => {
    api = await activateApi();
    await removeAllAccounts(api);
  });
  afterEach(async () => {
    api.panels.all().forEach((panel) => panel.dispose());
    await vscode.commands.executeCommand('apiLogs.removeSampleData');
    await removeAllAccounts(api);
  });

  it('adds a Sample account whose three connections point at local servers holding their tokens', async () => {
    await vscode.commands.executeCommand('apiLogs.trySampleData');
    const accountId = await sampleAccountId(api);
    const { servers } = await runningServers(api);
    const account = api.services.accounts.get(accountId);
    assert.equal(account?.name, 'Sample');
    for (const provider of providers) {
      const server = servers[provider];
      assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+/);
      assert.equal(account?.connections.find((c) => c.provider === provider)?.baseUrlOverride, server.baseUrl);
      assert.equal(await secretOf(api, accountId, provider), server.token);
      assert.equal(api.services.connections.status({ accountId, provider }).state, 'connected');
      await fetchesRows(api, accountId, provider);
    }
    assert.ok(api.panels.get({ accountId, provider: 'daily', streamId: 'daily.api' }), 'Daily API logs did not open');
    const roots = await treeChildren(api);
    assert.deepEqual(roots.map(({ item }) => labelOf(item)), ['Sample']);
  });

  it('adds one account when Try with Sample Data runs twice at once (a double click)', async () => {
    await Promise.all([vscode.commands.executeCommand('apiLogs.trySampleData'), vscode.commands.executeCommand('apiLogs.trySampleData')]);
    assert.deepEqual(api.services.accounts.list().map((account) => account.name), ['Sample']);
    assert.equal(api.sampleData.accountId, api.services.accounts.list()[0]?.id);
  });

  it('removes the account and its secrets and closes the servers\' ports', async () => {
    await vscode.commands.executeCommand('apiLogs.trySampleData');
    const accountId = await sampleAccountId(api);
    const { servers } = await runningServers(api);
    const ports = providers.map((provider) => portOf(servers[provider].baseUrl));
    for (const port of ports) assert.equal(await accepts(port), true, `port ${port} is not listening before removal`);

    await vscode.commands.executeCommand('apiLogs.removeSampleData');

    assert.equal(api.sampleData.accountId, undefined);
    assert.equal(api.services.accounts.get(accountId), undefined);
    assert.equal(api.sampleData.servers(), undefined);
    for (const provider of providers) assert.equal(await secretOf(api, accountId, provider), undefined, `${provider} token left behind`);
    for (const port of ports) assert.equal(await accepts(port), false, `port ${port} still accepts connections`);
    assert.deepEqual(await treeChildren(api), []);
  });

  it('re-points an existing Sample account at fresh servers after the old ones are gone (a reload)', async () => {
    await vscode.commands.executeCommand('apiLogs.trySampleData');
    const accountId = await sampleAccountId(api);
    const old = (await runningServers(api)).servers;
    api.sampleData.dispose();
    const oldPorts = providers.map((provider) => portOf(old[provider].baseUrl));

    await api.sampleData.resumeIfPresent();

    assert.equal(api.sampleData.accountId, accountId, 'the same account is kept');
    const fresh = (await runningServers(api)).servers;
    for (const [index, provider] of providers.entries()) {
      assert.notEqual(fresh[provider].baseUrl, old[provider].baseUrl);
      assert.notEqual(fresh[provider].token, old[provider].token);
      assert.equal(api.services.accounts.get(accountId)?.connections.find((c) => c.provider === provider)?.baseUrlOverride, fresh[provider].baseUrl);
      assert.equal(await secretOf(api, accountId, provider), fresh[provider].token);
      assert.equal(await accepts(oldPorts[index]!), false, `old ${provider} port still open`);
      await fetchesRows(api, accountId, provider);
    }
  });

  it('starts the servers of an existing Sample account only when one of its connections is first used', async () => {
    await vscode.commands.executeCommand('apiLogs.trySampleData');
    const accountId = await sampleAccountId(api);
    const old = (await runningServers(api)).servers;
    api.sampleData.dispose();
    assert.equal(api.sampleData.servers(), undefined, 'the servers stopped');
    await api.services.connections.forget({ accountId, provider: 'lago' });

    await fetchesRows(api, accountId, 'lago');

    const fresh = (await runningServers(api)).servers;
    assert.notEqual(fresh.lago.baseUrl, old.lago.baseUrl);
    assert.ok(fresh.lago.requests.some((request) => request.pathname === '/api/v1/api_logs'), 'the fresh Lago server served the page');
  });

  it('leaves a user\'s own account named "Sample" alone and names the sample account "Sample 2"', async () => {
    const own = await api.services.accounts.add('Sample');
    await vscode.commands.executeCommand('apiLogs.removeSampleData');
    assert.ok(api.services.accounts.get(own.id), 'Remove Sample Data removed a user account');

    await vscode.commands.executeCommand('apiLogs.trySampleData');
    const accountId = await sampleAccountId(api);
    assert.notEqual(accountId, own.id);
    assert.equal(api.services.accounts.get(accountId)?.name, 'Sample 2');
    await vscode.commands.executeCommand('apiLogs.removeSampleData');
    assert.deepEqual(api.services.accounts.list().map((account) => account.id), [own.id]);
  });
});
