import * as vscode from 'vscode';
import { providerLabels } from '../auth/account';
import { viewIds } from '../constants';
import type { PanelIdentity } from '../protocol/logTable';
import { streamDefinitionsFor } from '../providers/providerRegistry';
import type { StreamDefinition } from '../protocol/streamDefinition';
import type { Services } from '../services';
import { LogTablePanel } from './logTablePanel';
import { OpenPanelsStore } from './openPanelsStore';

/** One panel per stream: the key leaves the filters out, so opening a stream again reveals its panel. */
export function panelKey(identity: Pick<PanelIdentity, 'accountId' | 'provider' | 'streamId'>): string {
  return `${identity.accountId}/${identity.provider}/${identity.streamId}`;
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
      this.created,
    ];
  }

  get(identity: Pick<PanelIdentity, 'accountId' | 'provider' | 'streamId'>): LogTablePanel | undefined {
    return this.panels.get(panelKey(identity));
  }

  all(): readonly LogTablePanel[] {
    return [...this.panels.values()];
  }

  /** Reveals the stream's panel, or opens a new one beside the editors; a `query` given replaces the open panel's. */
  createOrShow(identity: PanelIdentity): LogTablePanel {
    const existing = this.get(identity);
    if (existing) {
      existing.reveal();
      if (identity.query !== undefined) existing.applyQuery(identity.query);
      return existing;
    }
    const definition = this.definitionOf(identity);
    const webviewPanel = vscode.window.createWebviewPanel(viewIds.tablePanel, definition.label, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
    });
    return this.adopt(webviewPanel, identity, definition);
  }

  /**
   * Rebuilds a panel after a reload. Without a saved identity (the webview state was lost) the host's record of the
   * panel with this title is used. A panel whose connection is gone is closed with a message instead.
   */
  restore(webviewPanel: vscode.WebviewPanel, saved: PanelIdentity | undefined): LogTablePanel | undefined {
    const title = webviewPanel.title;
    const identity = saved ?? this.openPanels.find(title);
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

  private adopt(webviewPanel: vscode.WebviewPanel, identity: PanelIdentity, definition: StreamDefinition): LogTablePanel {
    const panel = new LogTablePanel(webviewPanel, identity, definition, this.services);
    const key = panelKey(identity);
    this.panels.set(key, panel);
    const sameStream = (other: PanelIdentity) => panelKey(other) === key;
    void this.openPanels.remember(panel.title, identity, sameStream);
    panel.onDidChangeIdentity((changed) => void this.openPanels.remember(panel.title, changed, sameStream));
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
      if (!this.disposing) void this.openPanels.forget(sameStream);
    });
    this.services.logger.child('Panel').info(`Opened ${key}`);
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
