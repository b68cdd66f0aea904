import * as vscode from 'vscode';
import { commandIds } from '../constants';
import type { ProviderKind, StreamDefinition, StreamId } from '../protocol/streamDefinition';
import type { ViewRef } from '../views/viewRefs';
import { SavedViewNode } from './savedViewNode';
import { streamNodeId } from './treeIds';
import type { TreeNode } from './treeNode';

/** The codicon of each stream, in the Accounts tree and under a saved timeline. */
export const streamIcons: Readonly<Record<StreamId, string>> = {
  'daily.api': 'globe',
  'daily.webhook': 'radio-tower',
  'daily.meeting': 'device-camera-video',
  'lago.api': 'credit-card',
  'signalwire.video': 'device-camera-video',
  'signalwire.voice': 'call-outgoing',
  timeline: 'layers',
};

/** A log stream; clicking it opens its table panel. */
export class StreamNode implements TreeNode {
  readonly id: string;
  readonly streamId: StreamId;

  constructor(
    readonly accountId: string,
    readonly provider: ProviderKind,
    readonly definition: StreamDefinition,
    private readonly parent: TreeNode,
    private readonly views: readonly ViewRef[] = [],
  ) {
    this.streamId = definition.id;
    this.id = streamNodeId(accountId, provider, definition.id);
  }

  getTreeItem(): vscode.TreeItem {
    const state = this.views.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(this.definition.label, state);
    item.id = this.id;
    // Streams that cannot be queried without a filter (Daily meeting logs) cannot be watched as a whole.
    item.contextValue = this.definition.filters.some((filter) => filter.required) ? 'stream.needsFilter' : 'stream';
    item.iconPath = new vscode.ThemeIcon(streamIcons[this.streamId] ?? 'list-flat');
    item.tooltip = `Open ${this.definition.label}`;
    item.command = { command: commandIds.openStream, title: 'Open Log Stream', arguments: [this] };
    return item;
  }

  getChildren(): TreeNode[] {
    return this.views.map((ref) => new SavedViewNode(this.accountId, ref, this));
  }

  getParent(): TreeNode {
    return this.parent;
  }
}
