import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, ourExtension } from './support/extensionApi';

describe('extension activation', () => {
  it('loads from package.json, activates and returns the test API', async () => {
    const extension = ourExtension();
    const api = await activateApi();
    assert.equal(extension.isActive, true);
    assert.equal(extension.packageJSON.name, 'api-logs-explorer');
    assert.equal(typeof api.setPrompter, 'function');
    assert.equal(api.services.context.extension.id, extension.id);
    assert.ok(Array.isArray(await api.tree.getChildren(undefined)));
  });

  it('shows its explorer view in the real workbench', async () => {
    await activateApi();
    await vscode.commands.executeCommand('workbench.view.extension.apiLogs');
    await vscode.commands.executeCommand('apiLogs.explorer.focus');
  });

  it('stores account metadata in globalState under apiLogs.accounts', async () => {
    const api = await activateApi();
    const account = await api.services.accounts.add('Activation probe');
    try {
      const stored = api.services.context.globalState.get<{ id: string; name: string }[]>('apiLogs.accounts') ?? [];
      assert.ok(stored.some((entry) => entry.id === account.id && entry.name === 'Activation probe'));
    } finally {
      await api.services.accounts.remove(account.id);
    }
  });
});
