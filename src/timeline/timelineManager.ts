import * as vscode from 'vscode';
import { contextKeys, viewIds } from '../constants';
import type { TimelineIdentity } from '../protocol/logTable';
import type { Services } from '../services';
import { TimelinePanel } from './timelinePanel';

/** One timeline panel per set of streams (in order): opening the same set again reveals it. */
export function timelineKey(identity: TimelineIdentity): string {
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
    this.subscriptions = [services.accounts.onDidChange(() => this.accountsChanged()), this.created];
  }

  all(): readonly TimelinePanel[] {
    return [...this.panels.values()];
  }

  /** The timeline the user is looking at, if the active editor is one. */
  active(): TimelinePanel | undefined {
    return this.all().find((panel) => panel.webviewPanel.active);
  }

  createOrShow(identity: TimelineIdentity): TimelinePanel {
    const existing = this.panels.get(timelineKey(identity));
    if (existing) {
      existing.reveal();
      if (identity.query !== undefined) existing.applyQuery(identity.query);
      return existing;
    }
    this.checkConnections(identity);
    const webviewPanel = vscode.window.createWebviewPanel(viewIds.tablePanel, 'Timeline', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
    });
    return this.adopt(webviewPanel, identity);
  }

  /** A timeline after a window reload; closed with a message when one of its connections is gone. */
  restore(webviewPanel: vscode.WebviewPanel, identity: TimelineIdentity): TimelinePanel | undefined {
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
      if (this.panels.get(key) === panel) this.panels.delete(key);
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

  /** A removed connection closes the timelines that merged one of its streams. */
  private accountsChanged(): void {
    for (const panel of this.all()) if (!this.connectionsExist(panel.identity)) panel.dispose();
  }
}
