import * as vscode from 'vscode';
import { isProviderError } from '../http/providerError';
import type { HostNotification, PanelSettings, WebviewMessage } from '../protocol/logTable';
import { parseWebviewMessage } from '../protocol/logTableSchemas';
import type { HeldRows } from '../query/heldRows';
import type { SessionSettings } from '../query/logSession';
import type { Settings } from '../util/settings';
import type { Logger } from '../util/logging';

/** Rows per `rows` message in a snapshot, so a 100,000-row panel is not one giant message. */
const snapshotChunkRows = 5_000;

/**
 * The message channel between a table panel (a stream's or a timeline's) and its log-table page. Nothing is posted
 * until the page says `ready`, and nothing while it is hidden (a hidden webview without `retainContextWhenHidden`
 * is torn down and would drop the message); the panel answers each `ready` with a full snapshot instead.
 */
export class TableChannel implements vscode.Disposable {
  private ready = false;
  private disposed = false;
  private readonly posted = new vscode.EventEmitter<HostNotification>();
  /** Every notification the webview accepted (tests watch this). */
  readonly onDidPost = this.posted.event;

  constructor(
    private readonly webviewPanel: vscode.WebviewPanel,
    private readonly logger: Logger,
    private readonly dispatch: (message: WebviewMessage) => Promise<unknown>,
    private readonly showLogs: () => void,
  ) {}

  /** Entry point for everything the webview sends; invalid or unknown messages are logged and dropped. */
  receive(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.logger.warn(`Dropped an invalid webview message: ${parsed.reason}`);
      return;
    }
    if (parsed.value.type === 'ready') this.ready = true;
    void this.dispatch(parsed.value).catch((error: unknown) => this.reportActionError(error));
  }

  /** The page was hidden (and torn down): post nothing until it is ready again. */
  visibilityChanged(): void {
    if (!this.webviewPanel.visible) this.ready = false;
  }

  post(notification: HostNotification): void {
    if (this.disposed || !this.ready || !this.webviewPanel.visible) return;
    this.webviewPanel.webview.postMessage(notification).then(
      (delivered) => {
        if (delivered && !this.disposed) this.posted.fire(notification);
      },
      () => undefined,
    );
  }

  /** All rows of a snapshot, in chunks. */
  postRows(rows: HeldRows): void {
    this.post({ type: 'rows', mode: 'replace', rows: rows.slice(0, snapshotChunkRows) });
    for (let start = snapshotChunkRows; start < rows.length; start += snapshotChunkRows) {
      this.post({ type: 'rows', mode: 'append', rows: rows.slice(start, start + snapshotChunkRows) });
    }
  }

  dispose(): void {
    this.disposed = true;
    this.posted.dispose();
  }

  private reportActionError(error: unknown): void {
    if ((isProviderError(error) && error.kind === 'cancelled') || error instanceof vscode.CancellationError) return;
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`Panel action failed: ${message}`);
    void vscode.window.showErrorMessage(message, 'Show Logs').then((choice) => {
      if (choice) this.showLogs();
    });
  }
}

export function sessionSettingsOf(settings: Settings): SessionSettings {
  return { pageSize: settings.pageSize, maxRows: settings.maxRows, tailIntervalMs: settings.liveTailIntervalSeconds * 1000 };
}

export function panelSettingsOf(settings: Settings): PanelSettings {
  return { timeZone: settings.timeZone, maxRows: settings.maxRows, liveTailIntervalSeconds: settings.liveTailIntervalSeconds };
}
