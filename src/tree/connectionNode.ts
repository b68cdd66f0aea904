import * as vscode from 'vscode';
import { providerLabels } from '../auth/account';
import { commandIds } from '../constants';
import type { ConnectionStatus } from '../connections/connectionStatus';
import { presentStatus } from '../connections/connectionStatus';
import { streamDefinitionsFor } from '../providers/providerRegistry';
import type { ProviderKind, StreamId } from '../protocol/streamDefinition';
import type { ViewRef } from '../views/viewRefs';
import { StreamNode } from './streamNode';
import { connectionNodeId } from './treeIds';
import type { TreeNode } from './treeNode';

const providerIcons: Readonly<Record<ProviderKind, string>> = {
  daily: 'device-camera-video',
  lago: 'credit-card',
  signalwire: 'call-incoming',
};

/** A provider connection of an account; its description shows the last connection test. */
export class ConnectionNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly accountId: string,
    readonly provider: ProviderKind,
    private readonly status: ConnectionStatus,
    private readonly parent: TreeNode,
    private readonly viewsOf: (streamId: StreamId) => readonly ViewRef[] = () => [],
  ) {
    this.id = connectionNodeId(accountId, provider);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(providerLabels[this.provider], vscode.TreeItemCollapsibleState.Collapsed);
    const presentation = presentStatus(this.status);
    item.id = this.id;
    item.contextValue = `connection;${this.status.state}`;
    item.description = presentation.description;
    item.tooltip = presentation.tooltip;
    item.iconPath = this.icon();
    if (presentation.needsToken) {
      item.command = { command: commandIds.editConnection, title: 'Update Token', arguments: [this] };
    }
    return item;
  }

  getChildren(): TreeNode[] {
    return streamDefinitionsFor(this.provider).map(
      (definition) => new StreamNode(this.accountId, this.provider, definition, this, this.viewsOf(definition.id)),
    );
  }

  getParent(): TreeNode {
    return this.parent;
  }

  private icon(): vscode.ThemeIcon {
    if (this.status.state === 'failed') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    if (this.status.state === 'testing') return new vscode.ThemeIcon('loading~spin');
    return new vscode.ThemeIcon(providerIcons[this.provider]);
  }
}
