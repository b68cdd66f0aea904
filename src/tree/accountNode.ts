import * as vscode from 'vscode';
import type { Account } from '../auth/account';
import { providerKinds } from '../auth/account';
import { commandIds } from '../constants';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import type { ProviderKind, StreamId } from '../protocol/streamDefinition';
import type { ViewRef } from '../views/viewRefs';
import { ConnectionNode } from './connectionNode';
import { MessageNode } from './messageNode';
import { accountNodeId } from './treeIds';
import type { TreeNode } from './treeNode';

/** An account: a named group of provider connections. */
export class AccountNode implements TreeNode {
  readonly id: string;
  readonly accountId: string;

  constructor(
    readonly account: Account,
    private readonly connections: ConnectionRegistry,
    private readonly viewsOf: (accountId: string, provider: ProviderKind, streamId: StreamId) => readonly ViewRef[] = () => [],
  ) {
    this.accountId = account.id;
    this.id = accountNodeId(account.id);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.account.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.contextValue = 'account';
    item.iconPath = new vscode.ThemeIcon('organization');
    const count = this.account.connections.length;
    item.tooltip = `${this.account.name}: ${count} provider connection${count === 1 ? '' : 's'}`;
    return item;
  }

  getChildren(): TreeNode[] {
    const connections = [...this.account.connections].sort(
      (a, b) => providerKinds.indexOf(a.provider) - providerKinds.indexOf(b.provider),
    );
    if (connections.length === 0) {
      return [
        new MessageNode(`${this.id}/empty`, 'placeholder', 'No provider connections — click to add one', this, {
          command: commandIds.addProvider,
          title: 'Add Provider Connection',
          arguments: [this],
        }),
      ];
    }
    return connections.map(
      ({ provider }) =>
        new ConnectionNode(
          this.accountId,
          provider,
          this.connections.status({ accountId: this.accountId, provider }),
          this,
          (streamId) => this.viewsOf(this.accountId, provider, streamId),
        ),
    );
  }

  getParent(): undefined {
    return undefined;
  }
}
