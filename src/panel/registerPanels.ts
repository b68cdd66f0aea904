import * as vscode from 'vscode';
import { openStream } from '../commands/openStream';
import type { OpenStreamTarget } from '../commands/openStream';
import { registerCommand } from '../commands/registerCommand';
import { commandIds, viewIds } from '../constants';
import type { Services } from '../services';
import { LogTablePanelSerializer } from './logTablePanelSerializer';
import { PanelManager } from './panelManager';
import { registerViewCommands } from '../views/registerViewCommands';

/**
 * Registers the table panel's serializer and the Open Log Stream command. Returns the manager so `activate` can
 * expose it on the test API.
 */
export function registerPanels(services: Services): PanelManager {
  const panels = new PanelManager(services);
  services.context.subscriptions.push(
    panels,
    vscode.window.registerWebviewPanelSerializer(
      viewIds.tablePanel,
      new LogTablePanelSerializer(panels, services.logger.child('Panel')),
    ),
  );
  registerCommand(services, commandIds.openStream, (target?: OpenStreamTarget) => openStream(services, panels, target));
  registerViewCommands(services, panels);
  return panels;
}
