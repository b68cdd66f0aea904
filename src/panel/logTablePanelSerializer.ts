import type * as vscode from 'vscode';
import { parsePanelIdentity } from '../protocol/logTableSchemas';
import type { Logger } from '../util/logging';
import type { PanelManager } from './panelManager';
import type { TimelineManager } from '../timeline/timelineManager';
import { parseTimelineIdentity } from '../timeline/timelineSchemas';

/**
 * Brings table panels (and timelines) back after a window reload from the identity the webview saved with `setState`. Rows are
 * refetched, never restored. When the state does not parse (lost on a browser reload, an older version), the panel
 * manager falls back to its own record of the panel by title, and closes the panel if it has none.
 */
export class LogTablePanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(
    private readonly panels: PanelManager,
    private readonly timelines: TimelineManager,
    private readonly logger: Logger,
  ) {}

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const timeline = parseTimelineIdentity(state);
    if (timeline.ok) {
      this.timelines.restore(webviewPanel, timeline.value);
      return;
    }
    const identity = parsePanelIdentity(state);
    if (!identity.ok) {
      this.logger.warn(`The saved state of log panel "${webviewPanel.title}" could not be read (${identity.reason}); using the host's record.`);
    }
    this.panels.restore(webviewPanel, identity.ok ? identity.value : undefined);
  }
}
