import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Account } from '../../../src/auth/account';
import type { ApiLogsApi } from '../../../src/extension';
import type { FakeProviderServer } from '../../../src/sample/fakeServers';
import type { TreeNode } from '../../../src/tree/treeNode';
import { ScriptedPrompter } from './scriptedPrompter';

/** Runs "Add Account" end to end (account name, Daily, key, base URL override) with a scripted prompter. */
export async function addDailyAccount(api: ApiLogsApi, name: string, key: string, baseUrl: string): Promise<Account> {
  const prompter = new ScriptedPrompter({ accountName: name, provider: 'Daily', dailyApiKey: key, baseUrlOverride: baseUrl });
  api.setPrompter(prompter);
  await vscode.commands.executeCommand('apiLogs.addAccount');
  assert.deepEqual(prompter.problems, []);
  assert.deepEqual(prompter.asked, ['accountName', 'provider', 'dailyApiKey', 'baseUrlOverride']);
  return accountNamed(api, name);
}

export function accountNamed(api: ApiLogsApi, name: string): Account {
  const account = api.services.accounts.list().find((candidate) => candidate.name === name);
  assert.ok(account, `no account named "${name}"`);
  return account;
}

/** Removes every account the tests created, through the stores rather than the commands under test. */
export async function removeAllAccounts(api: ApiLogsApi): Promise<void> {
  for (const account of api.services.accounts.list()) {
    for (const { provider } of account.connections) {
      await api.services.tokens.delete(account.id, provider);
      await api.services.connections.forget({ accountId: account.id, provider });
    }
    await api.services.accounts.remove(account.id);
  }
  api.setPrompter(undefined);
}

export function secretOf(api: ApiLogsApi, accountId: string, provider: string): Thenable<string | undefined> {
  return api.services.context.secrets.get(`apiLogs.secret.${accountId}.${provider}`);
}

export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The tree's children of `parent` (roots when undefined) with their rendered items. */
export async function treeChildren(api: ApiLogsApi, parent?: TreeNode): Promise<{ node: TreeNode; item: vscode.TreeItem }[]> {
  const nodes = (await api.tree.getChildren(parent)) ?? [];
  return Promise.all(nodes.map(async (node) => ({ node, item: await api.tree.getTreeItem(node) })));
}

export function lastAuthorization(server: FakeProviderServer): string | string[] | undefined {
  return server.requests.at(-1)?.headers.authorization;
}
