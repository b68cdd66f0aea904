import type * as vscode from 'vscode';

/** One row of the explorer tree. Nodes render themselves; the provider only delegates. */
export interface TreeNode {
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  getChildren(): TreeNode[] | Promise<TreeNode[]>;
  getParent(): TreeNode | undefined;
}
