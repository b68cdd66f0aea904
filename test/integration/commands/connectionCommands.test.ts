import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../../src/extension';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';
import { activateApi } from '../support/extensionApi';
import { ScriptedPrompter } from '../support/scriptedPrompter';
import { addDailyAccount, lastAuthorization, removeAllAccounts, secretOf } from '../support/testAccounts';

describe('account and Daily connection commands', () => {
  const token = `daily-key-${randomUUID()}`;
  let api: ApiLogsApi;
  let server: FakeProviderServer;

  before(async () => {
    api = await activateApi();
    server = await startFakeServer('daily', { token, rowCount: 20 });
  });
  afterEach(() => removeAllAccounts(api));
  after(() => server?.close());

  it('stores the token in SecretStorage, checks it against the server, and keeps it out of globalState', async () => {
    const account = await addDailyAccount(api, 'Acme integration', token, server.baseUrl);
    assert.deepEqual(account.connections, [{ provider: 'daily', baseUrlOverride: server.baseUrl }]);
    assert.equal(await secretOf(api, account.id, 'daily'), token);
    assert.equal(lastAuthorization(server), `Bearer ${token}`);

    const globalState = api.services.context.globalState;
    const dump = globalState.keys().map((key) => `${key}=${JSON.stringify(globalState.get(key))}`).join('\n');
    assert.ok(dump.includes(account.id), 'the account metadata is in globalState');
    assert.ok(!dump.includes(token), 'the token leaked into globalState');
    const workspaceState = api.services.context.workspaceState;
    assert.ok(!workspaceState.keys().some((key) => JSON.stringify(workspaceState.get(key)).includes(token)));
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('apiLogs')).includes(token));
  });

  it('removing the connection deletes its secret and its settings', async () => {
    const account = await addDailyAccount(api, 'Acme removal', token, server.baseUrl);
    const prompter = new ScriptedPrompter({ confirmRemove: true });
    api.setPrompter(prompter);
    await vscode.commands.executeCommand('apiLogs.removeConnection', { accountId: account.id, provider: 'daily' });
    assert.deepEqual(prompter.asked, ['confirmRemove']);
    assert.equal(await secretOf(api, account.id, 'daily'), undefined);
    assert.deepEqual(api.services.accounts.get(account.id)?.connections, []);
  });

  it('keeps the connection and its secret when the removal is not confirmed', async () => {
    const account = await addDailyAccount(api, 'Acme kept', token, server.baseUrl);
    api.setPrompter(new ScriptedPrompter({ confirmRemove: false }));
    await vscode.commands.executeCommand('apiLogs.removeConnection', { accountId: account.id, provider: 'daily' });
    assert.equal(await secretOf(api, account.id, 'daily'), token);
    assert.equal(api.services.accounts.get(account.id)?.connections.length, 1);
  });

  it('rejects a plain http:// base URL that is not loopback while typing', async () => {
    const prompter = new ScriptedPrompter({
      accountName: 'Acme insecure',
      provider: 'Daily',
      dailyApiKey: token,
      baseUrlOverride: 'http://example.com/v1',
    });
    api.setPrompter(prompter);
    await vscode.commands.executeCommand('apiLogs.addAccount');
    assert.equal(prompter.problems.length, 1);
    assert.match(prompter.problems[0] ?? '', /^baseUrlOverride: "http:\/\/example.com\/v1" was rejected/);
    const account = api.services.accounts.list().find((candidate) => candidate.name === 'Acme insecure');
    assert.deepEqual(account?.connections ?? [], []);
    if (account) assert.equal(await secretOf(api, account.id, 'daily'), undefined);
  });
});
