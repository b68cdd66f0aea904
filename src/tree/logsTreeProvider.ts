import * as vscode from 'vscode';
import type { Services } from '../services';
import { commandIds } from '../constants';
import { AccountNode } from './accountNode';
import { MessageNode } from './messageNode';
import { byLabel } from './treeIds';
import { viewsForStream } from '../views/viewRefs';
import type { TreeNode } from './treeNode';

/** The explorer tree: accounts > provider connections > log streams. Delegates rendering to the nodes. */
export class LogsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.subscriptions = [
      services.accounts.onDidChange(() => this.refresh()),
      services.connections.onDidChange(() => this.refresh()),
      services.tokens.onDidChange(() => this.refresh()),
      services.views.onDidChange(() => this.refresh()),
      services.workspaceViews.onDidChange(() => this.refresh()),
    ];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      if (node) return await node.getChildren();
      return [...this.services.accounts.list()]
        .sort(byLabel((account) => account.name))
        .map(
          (account) =>
            new AccountNode(account, this.services.connections, (accountId, provider, streamId) =>
              viewsForStream(this.services, accountId, provider, streamId),
            ),
        );
    } catch (error) {
      this.services.logger.error(error instanceof Error ? error : String(error));
      const label = `Failed to load: ${error instanceof Error ? error.message : String(error)}`;
      return [
        new MessageNode(`${node?.id ?? ''}/error`, 'error', label, node, {
          command: commandIds.showLogs,
          title: 'Show Logs',
        }),
      ];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.getParent();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
  }
}
