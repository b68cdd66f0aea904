import * as vscode from 'vscode';
import { loadExportRows } from '../export/loadExportRows';
import { openLink } from '../commands/openLink';
import type { HostNotification, TimelineIdentity, WebviewMessage } from '../protocol/logTable';
import type { LogRow, StreamDefinition } from '../protocol/streamDefinition';
import { sameTimeRange } from '../protocol/timeRange';
import { runPanelAction } from '../panel/panelActions';
import { TableChannel, panelSettingsOf, sessionSettingsOf } from '../panel/tableChannel';
import { configureTableWebview } from '../panel/tableWebview';
import type { Services } from '../services';
import type { Logger } from '../util/logging';
import { RelatedIndex, type RelatedValue } from './relatedIndex';
import { runRowCommand } from './rowCommands';
import { followSession } from './sessionRelatedIndex';
import { mergedRowId } from './sourceRows';
import { timelineSources } from './sourceSessions';
import { timelineDefinition } from './timelineDefinition';
import { TimelineModel, type TimelineEvent } from './timelineModel';

/**
 * A timeline panel: the log-table webview over the merged rows of several streams. It speaks the same protocol as a
 * stream's panel; row actions (Copy as cURL, call events, …) go to the row's own stream.
 */
export class TimelinePanel implements vscode.Disposable {
  readonly model: TimelineModel;
  readonly definition: StreamDefinition;
  private identityValue: TimelineIdentity;
  private readonly related: RelatedIndex;
  private selectedRow: string | undefined;
  private disposed = false;
  private readonly logger: Logger;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly channel: TableChannel;
  /** Every notification the webview accepted (tests watch this). */
  readonly onDidPost: vscode.Event<HostNotification>;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    identity: TimelineIdentity,
    private readonly services: Services,
  ) {
    this.identityValue = identity;
    this.logger = services.logger.child('Timeline');
    this.channel = new TableChannel(webviewPanel, this.logger, (message) => this.dispatch(message), () => services.logger.show());
    this.onDidPost = this.channel.onDidPost;
    this.model = new TimelineModel(timelineSources(services, identity, sessionSettingsOf(services.settings)));
    this.definition = timelineDefinition(this.model.sources.map((source) => source.info));
    this.related = new RelatedIndex((source) => this.model.sources[source]?.info.label ?? '');
    // The index follows each source's session until the model disposes it (which drops its listeners).
    for (const { info, session } of this.model.sources) void followSession(this.related, session, info.index, (rowId) => mergedRowId(info.index, rowId));
    configureTableWebview(webviewPanel, services.context.extensionUri, this.title);
    const modelEvents = this.model.onEvent((event) => this.modelEvent(event));
    this.subscriptions.push(
      { dispose: () => modelEvents.dispose() },
      webviewPanel.webview.onDidReceiveMessage((message: unknown) => this.handleMessage(message)),
      webviewPanel.onDidChangeViewState(() => this.visibilityChanged()),
      webviewPanel.onDidDispose(() => this.dispose()),
      services.settings.onDidChange(() => this.settingsChanged()),
    );
    void this.model.refresh();
  }

  get identity(): TimelineIdentity {
    return this.identityValue;
  }

  /** "Checkout incident · Timeline" for a saved timeline, else "Timeline · Daily API logs, Lago API logs". */
  get title(): string {
    const viewId = this.identityValue.viewId;
    const name = viewId ? this.services.timelineViews.get(viewId)?.name : undefined;
    if (name) return savedTimelineTitle(name);
    const streams = this.model.sources.map((source) => source.info.label.split(' · ').slice(-2).join(' '));
    return `Timeline · ${streams.join(', ')}`;
  }

  /** The panel now shows a saved timeline (Save As…): retitled, and the page persists it for a reload. */
  setViewId(viewId: string): void {
    this.identityValue = { ...this.identityValue, viewId };
    this.post({ type: 'identity', identity: this.identityValue });
    this.updateTitle();
  }

  /** The saved timeline may have been renamed. */
  updateTitle(): void {
    this.webviewPanel.title = this.title;
  }

  get selectedRowId(): string | undefined {
    return this.selectedRow;
  }

  getRow(rowId: string): LogRow | undefined {
    return this.model.getRow(rowId);
  }

  /** Values of the row that other loaded rows share, other sources first (*Find Related*). */
  relatedValues(row: LogRow): RelatedValue[] {
    return this.related.related(row.id);
  }

  reveal(): void {
    this.webviewPanel.reveal();
  }

  /** Replaces the query (Show Around This Time, Find Related): the page applies it and reports it back. */
  applyQuery(query: string): void {
    this.identityValue = { ...this.identityValue, query };
    this.post({ type: 'setQuery', query });
  }

  handleMessage(raw: unknown): void {
    this.channel.receive(raw);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.webviewPanel.dispose();
    this.disposedEmitter.fire();
    this.disposedEmitter.dispose();
    this.channel.dispose();
  }

  private async dispatch(message: WebviewMessage): Promise<unknown> {
    const model = this.model;
    switch (message.type) {
      case 'ready':
        return this.sendSnapshot();
      case 'rowSelected':
        this.selectedRow = message.rowId;
        return undefined;
      case 'loadOlder':
        return model.loadOlder();
      case 'loadAll':
        return model.loadAll();
      case 'cancelLoad':
        return model.cancel();
      case 'retry':
        return model.retry();
      case 'setLiveTail':
        return model.setLiveTail(message.enabled);
      case 'setTailPaused':
        return model.setTailPaused(message.paused);
      case 'queryChanged': {
        const changedRange = !sameTimeRange(message.timeRange, this.identityValue.timeRange);
        this.identityValue = { ...this.identityValue, query: message.query, timeRange: message.timeRange };
        return changedRange ? model.setTimeRange(message.timeRange) : undefined;
      }
      case 'export': {
        const rows = message.rowIds ? message.rowIds.map((id) => model.getRow(id)).filter((row): row is LogRow => row !== undefined) : model.rows;
        return (await loadExportRows()).exportRows(this.definition, rows, message.format);
      }
      case 'copyRowAsJson':
      case 'openRowAsJson':
      case 'copyCurl':
      case 'findCallSites':
      case 'listCallEvents':
        return this.inSourceOf(message);
      case 'copyText':
        return vscode.env.clipboard.writeText(message.text);
      case 'openLink':
        return openLink(message.url);
      case 'setTimeZone':
        return this.services.settings.setTimeZone(message.timeZone);
      case 'rowCommand':
        return runRowCommand(message);
      default:
        return undefined;
    }
  }

  /** Runs a row action as the row's own stream panel would, with the stream's row id. */
  private inSourceOf(message: Extract<WebviewMessage, { type: 'copyRowAsJson' | 'openRowAsJson' | 'copyCurl' | 'findCallSites' | 'listCallEvents' }>): Promise<unknown> {
    const found = this.model.sourceRow(message.rowId);
    if (!found) throw new Error('That row is no longer loaded. Refresh the panel and try again.');
    const { source, row } = found;
    const ref = this.identityValue.sources[source.info.index];
    return runPanelAction({ ...message, rowId: row.id }, {
      services: this.services,
      identity: { accountId: ref.accountId, provider: ref.provider, streamId: ref.streamId, filters: ref.filters ?? {} },
      definition: source.info.definition,
      session: source.session,
      reply: (notification) => this.post(notification),
    });
  }

  private modelEvent(event: TimelineEvent): void {
    if (event.type === 'error' && event.error) this.logger.warn(`Timeline load failed (${event.error.kind}): ${event.error.message}`);
    this.post(event);
  }

  private sendSnapshot(): void {
    this.post({
      type: 'init',
      title: this.title,
      definition: this.definition,
      filters: {},
      settings: panelSettingsOf(this.services.settings),
      identity: this.identityValue,
      query: this.identityValue.query,
      timeRange: this.identityValue.timeRange,
    });
    this.channel.postRows(this.model.rows);
    this.post({ type: 'status', status: this.model.status() });
    this.post({ type: 'error', error: this.model.error() });
  }

  private visibilityChanged(): void {
    this.channel.visibilityChanged();
    this.model.setVisible(this.webviewPanel.visible);
  }

  private settingsChanged(): void {
    this.model.updateSettings(sessionSettingsOf(this.services.settings));
    this.post({ type: 'settings', settings: panelSettingsOf(this.services.settings) });
  }

  private post(notification: HostNotification): void {
    if (!this.disposed) this.channel.post(notification);
  }
}

/** The tab title of a saved timeline's panel. */
export function savedTimelineTitle(name: string): string {
  return `${name} · Timeline`;
}
