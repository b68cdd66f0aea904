import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, ourExtension } from './support/extensionApi';
import { until } from './support/providerPanels';

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

  it('shows its explorer view in the real workbench, titled from package.json, with the accounts as rows', async () => {
    const api = await activateApi();
    await vscode.commands.executeCommand('workbench.view.extension.apiLogs');
    await vscode.commands.executeCommand('apiLogs.explorer.focus');
    await until(() => api.view.visible, 'the Accounts view to become visible');
    assert.equal(api.view.title, 'Accounts');
    const account = await api.services.accounts.add('Visible probe');
    try {
      const rows = (await api.tree.getChildren(undefined)) ?? [];
      const label = (node: (typeof rows)[number]) => {
        const item = node.getTreeItem().label;
        return typeof item === 'object' ? item.label : item;
      };
      const row = rows.find((node) => label(node) === 'Visible probe');
      assert.ok(row, 'the new account is a row of the view');
      await api.view.reveal(row, { select: true, focus: true });
      await until(() => api.view.selection.some((node) => node.id === row.id), 'the account row to be selected in the view');
    } finally {
      await api.services.accounts.remove(account.id);
    }
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
