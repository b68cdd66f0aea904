import type * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import { commandIds } from '../constants';
import type { LogTablePanel } from '../panel/logTablePanel';
import type { PanelManager } from '../panel/panelManager';
import type { Services } from '../services';
import type { ViewTarget } from './viewCommands';
import { openView, saveView, saveViewAs } from './viewCommands';
import { deleteView, duplicateView, exportViews, importViews, renameView, saveViewToWorkspace } from './viewManagementCommands';

/** The saved-view commands, and pruning the views of removed connections. */
export function registerViewCommands(services: Services, panels: PanelManager): void {
  registerCommand(services, commandIds.openView, (target?: ViewTarget) => openView(services, panels, target));
  registerCommand(services, commandIds.saveView, (panel?: LogTablePanel) => saveView(services, panels, asPanel(panel)));
  registerCommand(services, commandIds.saveViewAs, (panel?: LogTablePanel) => saveViewAs(services, panels, asPanel(panel)));
  registerCommand(services, commandIds.renameView, (target?: ViewTarget) => renameView(services, target));
  registerCommand(services, commandIds.duplicateView, (target?: ViewTarget) => duplicateView(services, target));
  registerCommand(services, commandIds.deleteView, (target?: ViewTarget) => deleteView(services, target));
  registerCommand(services, commandIds.saveViewToWorkspace, (target?: ViewTarget) =>
    saveViewToWorkspace(services, panels, target?.ref ? target : undefined),
  );
  registerCommand(services, commandIds.exportViews, () => exportViews(services));
  registerCommand(services, commandIds.importViews, (file?: vscode.Uri) => importViews(services, file));
  const prune = () =>
    void services.views.prune((view) => services.accounts.connection(view.accountId, view.provider) !== undefined);
  services.context.subscriptions.push(services.accounts.onDidChange(prune));
}

/** The editor-title button passes the webview's resource URI, not a panel: act on the active panel then. */
function asPanel(value: unknown): LogTablePanel | undefined {
  return typeof value === 'object' && value !== null && 'webviewPanel' in value ? (value as LogTablePanel) : undefined;
}
