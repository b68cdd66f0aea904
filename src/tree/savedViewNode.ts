import * as vscode from 'vscode';
import { commandIds } from '../constants';
import type { ViewRef } from '../views/viewRefs';
import type { TreeNode } from './treeNode';

/** A saved view under its stream; clicking opens it. Shared (workspace) views show where they come from. */
export class SavedViewNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly accountId: string,
    readonly ref: ViewRef,
    private readonly parent: TreeNode,
  ) {
    this.id = `${parent.id}/views/${ref.kind}/${ref.view.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { view } = this.ref;
    const item = new vscode.TreeItem(view.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = `savedView;${this.ref.kind}`;
    item.iconPath = new vscode.ThemeIcon(this.ref.kind === 'account' ? 'bookmark' : 'repo');
    item.description = this.ref.kind === 'workspace' ? 'workspace' : undefined;
    const query = view.query.trim() === '' ? 'no query' : view.query;
    const where = this.ref.kind === 'workspace' ? `\nShared in ${vscode.workspace.asRelativePath(this.ref.view.file)}` : '';
    item.tooltip = `${view.name}: ${query}${where}`;
    item.command = { command: commandIds.openView, title: 'Open View', arguments: [this] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }

  getParent(): TreeNode {
    return this.parent;
  }
}
