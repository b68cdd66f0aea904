import * as vscode from 'vscode';
import { providerLabels } from '../auth/account';
import { viewIds } from '../constants';
import type { PanelIdentity } from '../protocol/logTable';
import type { ViewLayout } from '../protocol/savedView';
import { findView } from '../views/viewRefs';
import { streamDefinitionsFor } from '../providers/providerRegistry';
import type { StreamDefinition } from '../protocol/streamDefinition';
import type { Services } from '../services';
import { LogTablePanel, panelTitle } from './logTablePanel';
import { unrevivedTableTabs } from './unrevivedTabs';
import { OpenPanelsStore } from './openPanelsStore';

/**
 * One panel per stream, and one per saved view: the key leaves the filters and query out, so opening a stream or a
 * view again reveals its panel.
 */
export function panelKey(identity: Pick<PanelIdentity, 'accountId' | 'provider' | 'streamId' | 'viewId'>): string {
  const stream = `${identity.accountId}/${identity.provider}/${identity.streamId}`;
  return identity.viewId ? `${stream}/view/${identity.viewId}` : stream;
}

/**
 * Keeps the open table panels by stream identity, creates or reveals them, adopts panels the serializer restores,
 * forwards setting changes, and closes a panel whose account or connection is removed.
 */
export class PanelManager implements vscode.Disposable {
  private readonly panels = new Map<string, LogTablePanel>();
  private readonly created = new vscode.EventEmitter<LogTablePanel>();
  /** Fires for every new or restored panel (tests wait on it). */
  readonly onDidCreatePanel = this.created.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly openPanels: OpenPanelsStore;
  /** Set while the extension shuts down: panels closing then stay remembered for the next window. */
  private disposing = false;

  constructor(private readonly services: Services) {
    this.openPanels = new OpenPanelsStore(services.context.workspaceState);
    this.subscriptions = [
      services.settings.onDidChange(() => this.panels.forEach((panel) => panel.settingsChanged())),
      services.accounts.onDidChange(() => this.accountsChanged()),
      services.views.onDidChange(() => this.viewsChanged()),
      services.workspaceViews.onDidChange(() => this.viewsChanged()),
      this.created,
    ];
  }

  get(identity: Pick<PanelIdentity, 'accountId' | 'provider' | 'streamId' | 'viewId'>): LogTablePanel | undefined {
    return this.panels.get(panelKey(identity));
  }

  /** The panel the user is looking at (the editor title's Save View acts on it). */
  active(): LogTablePanel | undefined {
    return this.all().find((panel) => panel.webviewPanel.active);
  }

  /** The panel now shows a (new) saved view: re-keyed so opening the view reveals it, retitled with its name. */
  showsView(panel: LogTablePanel, viewId: string | undefined): void {
    const oldKey = panelKey(panel.identity);
    panel.setViewId(viewId);
    const key = panelKey(panel.identity);
    if (oldKey === key) return;
    if (this.panels.get(oldKey) === panel) this.panels.delete(oldKey);
    this.panels.get(key)?.dispose();
    this.panels.set(key, panel);
  }

  all(): readonly LogTablePanel[] {
    return [...this.panels.values()];
  }

  /**
   * Reveals the stream's (or view's) panel, or opens a new one beside the editors. A `query` given replaces an open
   * stream panel's; an open view panel is only revealed. `layout` is a saved view's column layout.
   */
  createOrShow(identity: PanelIdentity, layout?: ViewLayout): LogTablePanel {
    const existing = this.get(identity);
    if (existing) {
      existing.reveal();
      if (identity.query !== undefined && !identity.viewId) existing.applyQuery(identity.query);
      return existing;
    }
    const definition = this.definitionOf(identity);
    const stale = unrevivedTableTabs(panelTitle(identity, definition, this.services), (title) => this.all().some((panel) => panel.title === title));
    const webviewPanel = vscode.window.createWebviewPanel(viewIds.tablePanel, definition.label, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
    });
    // The new panel takes the place of a tab a reload left for this stream (it would show the same).
    if (stale.length > 0) void vscode.window.tabGroups.close(stale, true);
    return this.adopt(webviewPanel, identity, definition, layout);
  }

  /**
   * Rebuilds a panel after a reload. Without a saved identity (the webview state was lost) the host's record of the
   * panel with this title is used. A panel whose connection is gone is closed with a message instead.
   */
  restore(webviewPanel: vscode.WebviewPanel, saved: PanelIdentity | undefined): LogTablePanel | undefined {
    const title = webviewPanel.title;
    const identity = withoutDeletedView(saved ?? this.openPanels.find(title), this.services);
    if (!identity) {
      webviewPanel.dispose();
      this.services.logger.child('Panel').warn(`Closed the restored panel "${title}": its identity is unknown.`);
      return undefined;
    }
    if (!this.exists(identity) || this.get(identity)) {
      webviewPanel.dispose();
      if (!this.exists(identity)) this.announceClosed(identity, { notify: true });
      return undefined;
    }
    return this.adopt(webviewPanel, identity, this.definitionOf(identity));
  }

  dispose(): void {
    this.disposing = true;
    this.panels.forEach((panel) => panel.dispose());
    this.panels.clear();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private adopt(webviewPanel: vscode.WebviewPanel, identity: PanelIdentity, definition: StreamDefinition, layout?: ViewLayout): LogTablePanel {
    const panel = new LogTablePanel(webviewPanel, identity, definition, this.services, layout);
    this.panels.set(panelKey(identity), panel);
    const sameStream = (other: PanelIdentity) => panelKey(other) === panelKey(panel.identity);
    void this.openPanels.remember(panel.title, identity, sameStream);
    panel.onDidChangeIdentity((changed) => void this.openPanels.remember(panel.title, changed, sameStream));
    panel.onDidDispose(() => {
      const key = panelKey(panel.identity);
      if (this.panels.get(key) === panel) this.panels.delete(key);
      if (!this.disposing) void this.openPanels.forget(sameStream);
    });
    this.services.logger.child('Panel').info(`Opened ${panelKey(identity)}`);
    this.created.fire(panel);
    return panel;
  }

  private definitionOf(identity: PanelIdentity): StreamDefinition {
    const definition = streamDefinitionsFor(identity.provider).find((stream) => stream.id === identity.streamId);
    if (!definition) {
      throw new Error(`Unknown log stream ${identity.streamId}.`);
    }
    return definition;
  }

  private exists(identity: PanelIdentity): boolean {
    return this.services.accounts.connection(identity.accountId, identity.provider) !== undefined;
  }

  /** Closes panels whose connection was removed and retitles the rest (an account may have been renamed). */
  private accountsChanged(): void {
    for (const panel of this.all()) {
      if (this.exists(panel.identity)) {
        panel.updateTitle();
        void this.openPanels.remember(panel.title, panel.identity, (other) => panelKey(other) === panelKey(panel.identity));
      } else {
        panel.dispose();
        this.announceClosed(panel.identity, { notify: false });
      }
    }
  }

  /** A view was renamed (retitle its panel) or deleted (its panel closes: it showed something that is gone). */
  private viewsChanged(): void {
    for (const panel of this.all()) {
      const viewId = panel.identity.viewId;
      if (!viewId) continue;
      if (findView(this.services, viewId)) panel.updateTitle();
      else panel.dispose();
    }
  }

  /**
   * Logs why a panel closed. Only a panel restored after a reload tells the user too: when the connection is removed
   * now, the user just did it (removing an account with six open streams would otherwise raise six toasts).
   */
  private announceClosed(identity: PanelIdentity, { notify }: { notify: boolean }): void {
    const label = streamDefinitionsFor(identity.provider).find((stream) => stream.id === identity.streamId)?.label;
    const stream = `${providerLabels[identity.provider]} · ${label ?? identity.streamId}`;
    this.services.logger.child('Panel').info(`Closed the ${stream} panel: its connection no longer exists.`);
    if (notify) void vscode.window.showInformationMessage(`The ${stream} panel was closed because its connection was removed.`);
  }
}

/** A panel restored for a view deleted meanwhile shows its stream; workspace views may still be loading, so they stay. */
function withoutDeletedView(identity: PanelIdentity | undefined, services: Services): PanelIdentity | undefined {
  if (!identity?.viewId?.startsWith('account:') || findView(services, identity.viewId)) return identity;
  const { viewId: _deleted, ...rest } = identity;
  return rest;
}
