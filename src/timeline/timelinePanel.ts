import * as vscode from 'vscode';
import { exportRows } from '../commands/exportRows';
import { openLink } from '../commands/openLink';
import { isProviderError } from '../http/providerError';
import type { HostNotification, PanelSettings, TimelineIdentity, WebviewMessage } from '../protocol/logTable';
import { parseWebviewMessage } from '../protocol/logTableSchemas';
import type { LogRow, StreamDefinition } from '../protocol/streamDefinition';
import { sameTimeRange } from '../protocol/timeRange';
import { runPanelAction } from '../panel/panelActions';
import { configureTableWebview } from '../panel/tableWebview';
import type { SessionSettings } from '../query/logSession';
import type { Services } from '../services';
import type { Logger } from '../util/logging';
import { RelatedIndex, idLikeValues, type RelatedValue } from './relatedValues';
import { splitMergedRowId } from './sourceRows';
import { timelineSources } from './sourceSessions';
import { timelineDefinition } from './timelineDefinition';
import { TimelineModel, type TimelineEvent } from './timelineModel';

/** Rows per `rows` message in a snapshot. */
const snapshotChunkRows = 5_000;

/**
 * A timeline panel: the log-table webview over the merged rows of several streams. It speaks the same protocol as a
 * stream's panel; row actions (Copy as cURL, call events, …) go to the row's own stream.
 */
export class TimelinePanel implements vscode.Disposable {
  readonly model: TimelineModel;
  readonly definition: StreamDefinition;
  private identityValue: TimelineIdentity;
  private readonly related: RelatedIndex;
  private webviewReady = false;
  private selectedRow: string | undefined;
  private disposed = false;
  private readonly logger: Logger;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<HostNotification>();
  /** Every notification the webview accepted (tests watch this). */
  readonly onDidPost = this.posted.event;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    identity: TimelineIdentity,
    private readonly services: Services,
  ) {
    this.identityValue = identity;
    this.logger = services.logger.child('Timeline');
    this.model = new TimelineModel(timelineSources(services, identity, this.sessionSettings()));
    this.definition = timelineDefinition(this.model.sources.map((source) => source.info));
    this.related = new RelatedIndex(
      (rowId) => this.model.sources[splitMergedRowId(rowId)?.source ?? -1]?.info.label,
      (row) => idLikeValues(this.model.sourceRow(row.id)?.row.fields ?? {}),
    );
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

  get title(): string {
    const streams = this.model.sources.map((source) => source.info.label.split(' · ').slice(1).join(' '));
    return `Timeline · ${streams.join(', ')}`;
  }

  get selectedRowId(): string | undefined {
    return this.selectedRow;
  }

  getRow(rowId: string): LogRow | undefined {
    return this.model.getRow(rowId);
  }

  /** Values of the row that other loaded rows share, other sources first (*Find Related*). */
  relatedValues(row: LogRow): RelatedValue[] {
    return this.related.related(row, (id) => this.model.getRow(id) !== undefined);
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
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.logger.warn(`Dropped an invalid webview message: ${parsed.reason}`);
      return;
    }
    void this.dispatch(parsed.value).catch((error: unknown) => this.reportActionError(error));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.webviewPanel.dispose();
    this.disposedEmitter.fire();
    this.disposedEmitter.dispose();
    this.posted.dispose();
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
        return exportRows(this.definition, rows, message.format);
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
    if (event.type === 'rows') this.related.add(event.rows);
    if (event.type === 'error' && event.error) this.logger.warn(`Timeline load failed (${event.error.kind}): ${event.error.message}`);
    this.post(event);
  }

  private sendSnapshot(): void {
    this.webviewReady = true;
    this.post({
      type: 'init',
      title: this.title,
      definition: this.definition,
      filters: {},
      settings: this.panelSettings(),
      identity: this.identityValue,
      query: this.identityValue.query,
      timeRange: this.identityValue.timeRange,
    });
    const rows = this.model.rows;
    this.post({ type: 'rows', mode: 'replace', rows: rows.slice(0, snapshotChunkRows) });
    for (let start = snapshotChunkRows; start < rows.length; start += snapshotChunkRows) {
      this.post({ type: 'rows', mode: 'append', rows: rows.slice(start, start + snapshotChunkRows) });
    }
    this.post({ type: 'status', status: this.model.status() });
    this.post({ type: 'error', error: this.model.error() });
  }

  private visibilityChanged(): void {
    const visible = this.webviewPanel.visible;
    if (!visible) this.webviewReady = false;
    this.model.setVisible(visible);
  }

  private settingsChanged(): void {
    this.model.updateSettings(this.sessionSettings());
    this.post({ type: 'settings', settings: this.panelSettings() });
  }

  private post(notification: HostNotification): void {
    if (this.disposed || !this.webviewReady || !this.webviewPanel.visible) return;
    this.webviewPanel.webview.postMessage(notification).then(
      (delivered) => {
        if (delivered && !this.disposed) this.posted.fire(notification);
      },
      () => undefined,
    );
  }

  private sessionSettings(): SessionSettings {
    const settings = this.services.settings;
    return { pageSize: settings.pageSize, maxRows: settings.maxRows, tailIntervalMs: settings.liveTailIntervalSeconds * 1000 };
  }

  private panelSettings(): PanelSettings {
    const settings = this.services.settings;
    return { timeZone: settings.timeZone, maxRows: settings.maxRows, liveTailIntervalSeconds: settings.liveTailIntervalSeconds };
  }

  private reportActionError(error: unknown): void {
    if ((isProviderError(error) && error.kind === 'cancelled') || error instanceof vscode.CancellationError) return;
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`Timeline action failed: ${message}`);
    void vscode.window.showErrorMessage(message);
  }
}
