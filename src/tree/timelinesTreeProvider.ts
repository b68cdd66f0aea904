import * as vscode from 'vscode';
import type { Services } from '../services';
import { SavedTimelineNode } from './savedTimelineNode';
import { byLabel } from './treeIds';
import type { TreeNode } from './treeNode';

/** The Timelines view: the timelines saved in this VS Code, by name. It follows the store and account changes. */
export class TimelinesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: { dispose(): void }[];

  constructor(private readonly services: Services) {
    const refresh = () => this.changed.fire(undefined);
    this.subscriptions = [services.timelineViews.onDidChange(refresh), services.accounts.onDidChange(refresh), this.changed];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    if (node) return node.getChildren();
    return [...this.services.timelineViews.list()].sort(byLabel((view) => view.name)).map((view) => new SavedTimelineNode(view, this.services));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.getParent();
  }

  /** The node of a saved timeline (to reveal it after a save). */
  nodeOf(viewId: string): SavedTimelineNode | undefined {
    const view = this.services.timelineViews.get(viewId);
    return view ? new SavedTimelineNode(view, this.services) : undefined;
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
