import * as vscode from 'vscode';
import { commandIds } from '../constants';
import type { ErrorWatcher } from './errorWatcher';
import type { Watch } from './watch';

/** "API Logs: 3 new errors" while something is watched; the tooltip lists the streams, a click opens the errors. */
export class WatchStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('apiLogs.watch', vscode.StatusBarAlignment.Left, 10);
  private readonly listener: vscode.Disposable;

  constructor(private readonly watcher: ErrorWatcher) {
    this.item.name = 'API Logs: Watch for Errors';
    this.item.command = commandIds.showNewErrors;
    this.listener = watcher.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const watches = this.watcher.list();
    if (watches.length === 0) {
      this.item.hide();
      return;
    }
    const count = watches.reduce((sum, watch) => sum + watch.newErrorCount, 0);
    const paused = this.watcher.paused ? ' (paused)' : '';
    this.item.text = count > 0 ? `$(bug) API Logs: ${count} new error${count === 1 ? '' : 's'}${paused}` : `$(eye) API Logs${paused}`;
    this.item.backgroundColor = count > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = tooltipOf(watches, this.watcher.paused);
    this.item.accessibilityInformation = { label: `API Logs: ${count} new errors in ${watches.length} watched streams${paused}` };
    this.item.show();
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}

function tooltipOf(watches: readonly Watch[], paused: boolean): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**Watching for errors**${paused ? ' — paused while the window is not focused' : ''}\n\n`);
  tooltip.appendText('Errors are failed requests (status 400 or more) in request logs, the error level in other logs.');
  tooltip.appendMarkdown('\n\n');
  for (const watch of watches) {
    const latest = watch.newErrors[0];
    tooltip.appendText(`${watch.label}: ${watch.newErrorCount} new${latest ? ` — last ${latest.summary}` : ''}`);
    tooltip.appendMarkdown('\n\n');
  }
  tooltip.appendMarkdown('Click to open the new errors.');
  return tooltip;
}
