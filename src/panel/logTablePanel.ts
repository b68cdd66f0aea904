import * as vscode from 'vscode';
import { providerLabels } from '../auth/account';
import { contextKeys } from '../constants';
import { ProviderError, isProviderError } from '../http/providerError';
import type { HostNotification, PanelIdentity, WebviewMessage } from '../protocol/logTable';
import { requiredGroup } from '../protocol/filterValues';
import type { Page, PageRequest, ProviderConnection } from '../providers/connection';
import type { StreamDefinition } from '../protocol/streamDefinition';
import { LogSession } from '../query/logSession';
import { sameTimeRange } from '../protocol/timeRange';
import { walkedTimeRangeStreams } from '../providers/timeRangeParams';
import type { Services } from '../services';
import type { Logger } from '../util/logging';
import { TableChannel, panelSettingsOf, sessionSettingsOf } from './tableChannel';
import { configureTableWebview } from './tableWebview';
import { runPanelAction } from './panelActions';
import type { ViewLayout } from '../protocol/savedView';
import { findView } from '../views/viewRefs';

/** Messages that complete a step of the Get Started walkthrough. */
const walkthroughSteps: Partial<Record<WebviewMessage['type'], string>> = {
  setFilters: contextKeys.didFilter,
  export: contextKeys.didExport,
  setLiveTail: contextKeys.didLiveTail,
};

/**
 * One table panel: owns its `WebviewPanel` and the `LogSession` holding its rows, and answers each `ready` of its
 * page with a full snapshot (see `TableChannel`).
 */
export class LogTablePanel implements vscode.Disposable {
  readonly session: LogSession;
  private identityValue: PanelIdentity;
  private readonly logger: Logger;
  private readonly channel: TableChannel;
  /** Every notification the webview accepted (tests watch this). */
  readonly onDidPost: vscode.Event<HostNotification>;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;
  private readonly identityChanged = new vscode.EventEmitter<PanelIdentity>();
  /** The filters changed: the identity a reload restores is different now. */
  readonly onDidChangeIdentity = this.identityChanged.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;
  /** A saved view's layout, sent with the next `init` only: afterwards the page's own state is the truth. */
  private layoutToApply: ViewLayout | undefined;
  private selectedRow: string | undefined;

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    identity: PanelIdentity,
    readonly definition: StreamDefinition,
    private readonly services: Services,
    private layoutValue: ViewLayout = {},
  ) {
    this.identityValue = identity;
    this.layoutToApply = Object.keys(layoutValue).length > 0 ? layoutValue : undefined;
    this.logger = services.logger.child('Panel');
    this.channel = new TableChannel(webviewPanel, this.logger, (message) => this.dispatch(message), () => services.logger.show());
    this.onDidPost = this.channel.onDidPost;
    this.session = new LogSession({
      ...sessionSettingsOf(services.settings),
      fetchPage: (request) => this.fetchPage(request),
      fetchPages: (request) => this.fetchPages(request),
      filters: identity.filters,
      timeRange: identity.timeRange,
      walkTimeRange: walkedTimeRangeStreams.has(definition.id),
      requiredFilters: definition.filters
        .filter((filter) => filter.required)
        .map(requiredGroup),
    });
    this.configureWebview();
    const sessionEvents = this.session.onEvent((event) => {
      if (event.type === 'error' && event.error) {
        this.logger.warn(`${this.definition.id} load failed (${event.error.kind}): ${event.error.message}`);
      }
      this.post(event);
    });
    this.subscriptions.push(
      { dispose: () => sessionEvents.dispose() },
      webviewPanel.webview.onDidReceiveMessage((message: unknown) => this.handleMessage(message)),
      webviewPanel.onDidChangeViewState(() => this.visibilityChanged()),
      webviewPanel.onDidDispose(() => this.dispose()),
    );
    void this.session.refresh();
  }

  /** The row last selected in the grid (the palette's Find Call Sites acts on it). */
  get selectedRowId(): string | undefined {
    return this.selectedRow;
  }

  get identity(): PanelIdentity {
    return this.identityValue;
  }

  /** The columns, widths and sort the page last reported: what Save View stores. */
  get layout(): ViewLayout {
    return this.layoutValue;
  }

  get title(): string {
    return panelTitle(this.identityValue, this.definition, this.services);
  }

  /** The panel shows a saved view now (Save As), or none. */
  setViewId(viewId: string | undefined): void {
    const { viewId: _previous, ...rest } = this.identityValue;
    this.identityValue = viewId ? { ...rest, viewId } : rest;
    this.identityChanged.fire(this.identityValue);
    this.post({ type: 'identity', identity: this.identityValue });
    this.updateTitle();
  }

  /** The account may have been renamed. */
  updateTitle(): void {
    this.webviewPanel.title = this.title;
  }

  reveal(): void {
    this.webviewPanel.reveal();
  }

  /** Replaces the panel's query (opened again from a CodeLens, a related row or a view): the page applies it. */
  applyQuery(query: string): void {
    this.changeIdentity({ query });
    this.post({ type: 'setQuery', query });
  }

  /** Entry point for everything the webview sends; invalid or unknown messages are logged and dropped. */
  handleMessage(raw: unknown): void {
    this.channel.receive(raw);
  }

  /** Pushes changed settings to the session and the page. */
  settingsChanged(): void {
    this.session.updateSettings(sessionSettingsOf(this.services.settings));
    this.post({ type: 'settings', settings: panelSettingsOf(this.services.settings) });
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.session.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.webviewPanel.dispose();
    this.disposedEmitter.fire();
    this.disposedEmitter.dispose();
    this.identityChanged.dispose();
    this.channel.dispose();
  }

  private async dispatch(message: WebviewMessage): Promise<unknown> {
    const walkthroughStep = walkthroughSteps[message.type];
    if (walkthroughStep) void vscode.commands.executeCommand('setContext', walkthroughStep, true);
    switch (message.type) {
      case 'ready':
        return this.sendSnapshot();
      case 'rowSelected':
        this.selectedRow = message.rowId;
        return undefined;
      case 'setFilters':
        this.changeIdentity({ filters: message.filters });
        return this.session.setFilters(message.filters);
      case 'loadOlder':
        return this.session.loadOlder();
      case 'loadAll':
        return this.session.loadAll();
      case 'loadGap':
        return this.session.loadGap(message.gapId);
      case 'cancelLoad':
        return this.session.cancel();
      case 'retry':
        return this.session.retry();
      case 'setLiveTail':
        return this.session.setLiveTail(message.enabled);
      case 'setTailPaused':
        return this.session.setTailPaused(message.paused);
      case 'layoutChanged':
        this.layoutValue = message.layout;
        return undefined;
      case 'queryChanged':
        this.changeIdentity({ query: message.query, timeRange: message.timeRange });
        return sameTimeRange(message.timeRange, this.session.timeRange) ? undefined : this.session.setTimeRange(message.timeRange);
      default:
        return runPanelAction(message, {
          services: this.services,
          identity: this.identityValue,
          definition: this.definition,
          session: this.session,
          reply: (notification) => this.post(notification),
        });
    }
  }

  private changeIdentity(patch: Partial<Pick<PanelIdentity, 'filters' | 'query' | 'timeRange'>>): void {
    this.identityValue = { ...this.identityValue, ...patch };
    this.identityChanged.fire(this.identityValue);
  }

  private configureWebview(): void {
    configureTableWebview(this.webviewPanel, this.services.context.extensionUri, this.title);
  }

  private sendSnapshot(): void {
    this.post({
      type: 'init',
      title: this.title,
      definition: this.definition,
      filters: this.identityValue.filters,
      settings: panelSettingsOf(this.services.settings),
      identity: this.identityValue,
      query: this.identityValue.query,
      timeRange: this.identityValue.timeRange,
      layout: this.layoutToApply,
    });
    this.layoutToApply = undefined;
    this.channel.postRows(this.session.rows);
    this.post(this.session.gapRows);
    this.post({ type: 'status', status: this.session.status() });
    this.post({ type: 'error', error: this.session.error });
  }

  private visibilityChanged(): void {
    this.channel.visibilityChanged();
    this.session.setVisible(this.webviewPanel.visible);
  }

  private post(notification: HostNotification): void {
    if (!this.disposed) this.channel.post(notification);
  }

  /** Opens the connection per request, so an updated token or base URL applies to the next fetch. */
  private async fetchPage(request: PageRequest): Promise<Page> {
    return (await this.connect()).stream(this.definition.id).fetchPage(request);
  }

  private async *fetchPages(request: PageRequest): AsyncGenerator<Page> {
    yield* (await this.connect()).stream(this.definition.id).pages(request);
  }

  private async connect(): Promise<ProviderConnection> {
    const key = { accountId: this.identityValue.accountId, provider: this.identityValue.provider };
    try {
      return await this.services.connections.connect(key);
    } catch (error) {
      if (isProviderError(error)) throw error;
      throw new ProviderError('auth', error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
}

/** "<view> · <provider> · <stream> — <account>": the tab title of the panel showing `identity`. */
export function panelTitle(identity: PanelIdentity, definition: StreamDefinition, services: Services): string {
  const account = services.accounts.get(identity.accountId);
  const stream = `${providerLabels[identity.provider]} · ${definition.label}`;
  const view = identity.viewId ? findView(services, identity.viewId) : undefined;
  const named = view ? `${view.view.name} · ${stream}` : stream;
  return account ? `${named} — ${account.name}` : named;
}
