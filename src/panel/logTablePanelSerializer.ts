import type * as vscode from 'vscode';
import { parsePanelIdentity } from '../protocol/logTableSchemas';
import type { Logger } from '../util/logging';
import type { PanelManager } from './panelManager';

/**
 * Brings table panels back after a window reload from the identity the webview saved with `setState`. Rows are
 * refetched, never restored. A state that does not parse (an older version, a corrupt profile) closes the panel.
 */
export class LogTablePanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(
    private readonly panels: PanelManager,
    private readonly logger: Logger,
  ) {}

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const identity = parsePanelIdentity(state);
    if (!identity.ok) {
      this.logger.warn(`Closed a log panel whose saved state could not be read: ${identity.reason}`);
      webviewPanel.dispose();
      return;
    }
    this.panels.restore(webviewPanel, identity.value);
  }
}
