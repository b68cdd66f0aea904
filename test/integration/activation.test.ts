import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as net from 'node:net';
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../src/extension';
import { startFakeServer } from '../../src/sample/fakeServers';
import { activateApi, ourExtension, useReactivatedApi } from './support/extensionApi';

/** The real SecretStorage, with every read, write and delete recorded. */
function recordingSecrets(real: vscode.SecretStorage, calls: string[]): vscode.SecretStorage {
  return {
    get: (key) => (calls.push(`get ${key}`), real.get(key)),
    store: (key, value) => (calls.push(`store ${key}`), real.store(key, value)),
    delete: (key) => (calls.push(`delete ${key}`), real.delete(key)),
    onDidChange: real.onDidChange,
  };
}

/**
 * Every outgoing connection and listening server started while `recording` runs, by it or by anything it set going
 * (an async context follows the work through promises, timers and VS Code's proxy agent, which opens sockets from
 * its own callbacks): the extension host is shared with built-in extensions whose sockets must not count.
 */
async function recordingNetwork<T>(calls: string[], recording: () => Promise<T>): Promise<T> {
  const connect = net.Socket.prototype.connect;
  const listen = net.Server.prototype.listen;
  const scope = new AsyncLocalStorage<true>();
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    if (scope.getStore()) calls.push(`connect ${JSON.stringify(args[0])}`);
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    if (scope.getStore()) calls.push('listen');
    return (listen as (...a: unknown[]) => net.Server).apply(this, args);
  } as typeof listen;
  try {
    return await scope.run(true, recording);
  } finally {
    net.Socket.prototype.connect = connect;
    net.Server.prototype.listen = listen;
  }
}

describe('activation path', function () {
  this.timeout(60_000);

  it('reads no secret, starts no server and opens no connection when no Sample account exists', async () => {
    const extension = ourExtension();
    const running = await activateApi();
    const realContext = running.services.context;
    assert.equal(running.sampleData.accountId, undefined, 'this profile already has a Sample account');
    const account = await running.services.accounts.add(`Activation ${randomUUID()}`);
    await running.services.accounts.putConnection(account.id, { provider: 'daily', baseUrlOverride: 'http://127.0.0.1:9/v1' });
    const main = join(extension.extensionPath, extension.packageJSON.main as string);
    const { activate } = (await import(main)) as { activate(context: vscode.ExtensionContext): Promise<ApiLogsApi> };
    const secretCalls: string[] = [];
    const networkCalls: string[] = [];
    const secrets = recordingSecrets(realContext.secrets, secretCalls);
    // VS Code freezes the context: a new object on top of it, with its own `secrets`.
    const spyContext = Object.create(realContext, { secrets: { value: secrets, enumerable: true } }) as vscode.ExtensionContext;

    // Only one activation can own the command IDs, views and serializer: stand the running one down as VS Code's
    // deactivation would. The one activated here stays (a log channel cannot be created twice more under one
    // name), so the later tests get its API.
    for (const disposable of realContext.subscriptions.splice(0).reverse()) disposable.dispose();
    const spied = await recordingNetwork(networkCalls, () => activate(spyContext));
    useReactivatedApi(spied);
    // (Lengths, not deepEqual: its type assertion would narrow the arrays to never[] for the checks below.)
    assert.equal(secretCalls.length, 0, `activation touched SecretStorage: ${secretCalls.join(', ')}`);
    assert.equal(networkCalls.length, 0, `activation opened a connection or started a server: ${networkCalls.join(', ')}`);
    assert.equal(spied.sampleData.accountId, undefined);
    assert.ok(spied.activationMs > 0, 'activate reports how long it took');

    // The same recorders see the extension's first real use of a connection: its token and its socket.
    const token = `daily-activation-${randomUUID()}`;
    const daily = await startFakeServer('daily', { token, rowCount: 5 });
    try {
      await spied.services.tokens.set(account.id, 'daily', token);
      await spied.services.accounts.putConnection(account.id, { provider: 'daily', baseUrlOverride: daily.baseUrl });
      const status = await recordingNetwork(networkCalls, () => spied.services.connections.test({ accountId: account.id, provider: 'daily' }));
      assert.equal(status.state, 'connected', JSON.stringify(status));
      assert.ok(secretCalls.includes(`get apiLogs.secret.${account.id}.daily`), `secret calls: ${secretCalls.join(', ')}`);
      assert.ok(networkCalls.some((call) => call.startsWith('connect')), 'the network recorder saw the connection test');
      assert.ok(daily.requests.length > 0, 'the fake server saw the connection test');
    } finally {
      await spied.services.tokens.delete(account.id, 'daily');
      await spied.services.connections.forget({ accountId: account.id, provider: 'daily' });
      await spied.services.accounts.remove(account.id);
      await daily.close();
    }
  });
});
