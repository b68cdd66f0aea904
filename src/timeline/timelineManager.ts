import * as vscode from 'vscode';
import { contextKeys, viewIds } from '../constants';
import type { TimelineIdentity } from '../protocol/logTable';
import type { Services } from '../services';
import { unrevivedTableTabs } from '../panel/unrevivedTabs';
import { TimelinePanel, savedTimelineTitle } from './timelinePanel';

/** One timeline panel per set of streams (in order), and one per saved timeline: opening it again reveals it. */
export function timelineKey(identity: TimelineIdentity): string {
  if (identity.viewId) return `view:${identity.viewId}`;
  return identity.sources.map((source) => `${source.accountId}/${source.provider}/${source.streamId}`).join('+');
}

/** Keeps the open timeline panels, creates or reveals them, adopts restored ones, and closes those whose streams went. */
export class TimelineManager implements vscode.Disposable {
  private readonly panels = new Map<string, TimelinePanel>();
  private readonly created = new vscode.EventEmitter<TimelinePanel>();
  /** Fires for every new or restored timeline panel (tests wait on it). */
  readonly onDidCreatePanel = this.created.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.subscriptions = [services.accounts.onDidChange(() => this.accountsChanged()), services.timelineViews.onDidChange(() => this.viewsChanged()), this.created];
  }

  all(): readonly TimelinePanel[] {
    return [...this.panels.values()];
  }

  /** The timeline the user is looking at, if the active editor is one. */
  active(): TimelinePanel | undefined {
    return this.all().find((panel) => panel.webviewPanel.active);
  }

  /** Reveals the timeline's panel (a given query replaces an unsaved one's; a saved one is only revealed) or opens it. */
  createOrShow(identity: TimelineIdentity): TimelinePanel {
    const existing = this.panels.get(timelineKey(identity));
    if (existing) {
      existing.reveal();
      if (identity.query !== undefined && !identity.viewId) existing.applyQuery(identity.query);
      return existing;
    }
    this.checkConnections(identity);
    // A saved timeline's tab a reload left in the background (not revived yet) gives its place to the new panel.
    const name = identity.viewId ? this.services.timelineViews.get(identity.viewId)?.name : undefined;
    const stale = name ? unrevivedTableTabs(savedTimelineTitle(name), (title) => this.all().some((panel) => panel.title === title)) : [];
    const webviewPanel = vscode.window.createWebviewPanel(viewIds.tablePanel, 'Timeline', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
    });
    if (stale.length > 0) void vscode.window.tabGroups.close(stale, true);
    return this.adopt(webviewPanel, identity);
  }

  /** The panel now shows a saved timeline: re-keyed so opening the saved one reveals it, retitled with its name. */
  showsView(panel: TimelinePanel, viewId: string): void {
    const oldKey = timelineKey(panel.identity);
    panel.setViewId(viewId);
    if (this.panels.get(oldKey) === panel) this.panels.delete(oldKey);
    this.panels.set(timelineKey(panel.identity), panel);
  }

  /** A timeline after a window reload (a saved one deleted meanwhile comes back unsaved); closed when a connection is gone. */
  restore(webviewPanel: vscode.WebviewPanel, saved: TimelineIdentity): TimelinePanel | undefined {
    const { viewId, ...unsaved } = saved;
    const identity = viewId && !this.services.timelineViews.get(viewId) ? unsaved : saved;
    if (this.panels.has(timelineKey(identity)) || !this.connectionsExist(identity)) {
      webviewPanel.dispose();
      if (!this.connectionsExist(identity)) void vscode.window.showInformationMessage('A timeline was closed because one of its connections was removed.');
      return undefined;
    }
    return this.adopt(webviewPanel, identity);
  }

  dispose(): void {
    this.panels.forEach((panel) => panel.dispose());
    this.panels.clear();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private adopt(webviewPanel: vscode.WebviewPanel, identity: TimelineIdentity): TimelinePanel {
    const panel = new TimelinePanel(webviewPanel, identity, this.services);
    const key = timelineKey(identity);
    this.panels.set(key, panel);
    const viewState = webviewPanel.onDidChangeViewState(() => this.updateActiveContext());
    panel.onDidDispose(() => {
      viewState.dispose();
      const current = timelineKey(panel.identity);
      if (this.panels.get(current) === panel) this.panels.delete(current);
      this.updateActiveContext();
    });
    this.updateActiveContext();
    this.services.logger.child('Timeline').info(`Opened a timeline of ${identity.sources.length} streams`);
    this.created.fire(panel);
    return panel;
  }

  private updateActiveContext(): void {
    void vscode.commands.executeCommand('setContext', contextKeys.timelineActive, this.active() !== undefined);
  }

  private checkConnections(identity: TimelineIdentity): void {
    if (!this.connectionsExist(identity)) throw new Error('One of the timeline’s connections no longer exists.');
  }

  private connectionsExist(identity: TimelineIdentity): boolean {
    return identity.sources.every((source) => this.services.accounts.connection(source.accountId, source.provider) !== undefined);
  }

  /** A saved timeline was renamed (its panel is retitled) or deleted (its panel closes: what it showed is gone). */
  private viewsChanged(): void {
    for (const panel of this.all()) {
      const viewId = panel.identity.viewId;
      if (!viewId) continue;
      if (this.services.timelineViews.get(viewId)) panel.updateTitle();
      else panel.dispose();
    }
  }

  /** A removed connection closes the timelines that merged one of its streams. */
  private accountsChanged(): void {
    for (const panel of this.all()) if (!this.connectionsExist(panel.identity)) panel.dispose();
  }
}
