import * as vscode from 'vscode';
import { providerLabels } from '../auth/account';
import { commandIds } from '../constants';
import type { TimelineSourceRef } from '../protocol/logTable';
import type { Services } from '../services';
import type { TimelineView } from '../timeline/timelineViewStore';
import { streamLabel } from '../views/viewCommands';
import { streamIcons } from './streamNode';
import type { TreeNode } from './treeNode';

/**
 * A saved timeline in the Timelines view: clicking opens it (reveals it when open); expanding lists its streams.
 * Timelines span accounts, so they live in a view of their own rather than under one account's stream.
 */
export class SavedTimelineNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly timelineView: TimelineView,
    private readonly services: Services,
  ) {
    this.id = `/timelines/${timelineView.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { name, identity } = this.timelineView;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = 'savedTimeline';
    item.iconPath = new vscode.ThemeIcon('layers');
    const count = identity.sources.length;
    item.description = [`${count} stream${count === 1 ? '' : 's'}`, identity.query].filter(Boolean).join(' · ');
    const streams = this.getChildren().map((child) => `- ${child.summary}`);
    item.tooltip = new vscode.MarkdownString(`**${name}**\n\n${streams.join('\n')}\n\nQuery: ${identity.query ? `\`${identity.query}\`` : 'none'}`);
    item.command = { command: commandIds.openTimelineView, title: 'Open Saved Timeline', arguments: [this] };
    return item;
  }

  getChildren(): TimelineSourceNode[] {
    return this.timelineView.identity.sources.map((source, index) => new TimelineSourceNode(`${this.id}/sources/${index}`, source, this, this.services));
  }

  getParent(): undefined {
    return undefined;
  }
}

/** One stream of a saved timeline; clicking opens that stream alone. */
export class TimelineSourceNode implements TreeNode {
  constructor(
    readonly id: string,
    private readonly source: TimelineSourceRef,
    private readonly parent: SavedTimelineNode,
    private readonly services: Services,
  ) {}

  /** "Daily · API logs (Acme)", for the timeline's tooltip. */
  get summary(): string {
    return `${this.label} (${this.account ?? 'connection removed'})`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'timelineSource';
    const connected = this.services.accounts.connection(this.source.accountId, this.source.provider) !== undefined;
    item.description = connected ? this.account : 'connection removed';
    item.iconPath = connected
      ? new vscode.ThemeIcon(streamIcons[this.source.streamId] ?? 'list-flat')
      : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    if (connected) item.command = { command: commandIds.openStream, title: 'Open Log Stream', arguments: [{ ...this.source, filters: this.source.filters ?? {} }] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }

  getParent(): TreeNode {
    return this.parent;
  }

  private get label(): string {
    return `${providerLabels[this.source.provider]} · ${streamLabel(this.source)}`;
  }

  private get account(): string | undefined {
    return this.services.accounts.get(this.source.accountId)?.name;
  }
}
