import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/** A leaf that says something instead of listing things: an empty list's placeholder or a failed load. */
export class MessageNode implements TreeNode {
  constructor(
    readonly id: string,
    private readonly kind: 'placeholder' | 'error',
    private readonly label: string,
    private readonly parent: TreeNode | undefined,
    private readonly command?: vscode.Command,
    private readonly tooltip?: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.kind;
    item.iconPath =
      this.kind === 'error'
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'))
        : new vscode.ThemeIcon('info');
    item.command = this.command;
    item.tooltip = this.tooltip ?? this.label;
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }

  getParent(): TreeNode | undefined {
    return this.parent;
  }
}
