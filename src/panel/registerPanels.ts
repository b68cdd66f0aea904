import * as vscode from 'vscode';
import { openStream } from '../commands/openStream';
import type { OpenStreamTarget } from '../commands/openStream';
import { registerCommand } from '../commands/registerCommand';
import { commandIds, viewIds } from '../constants';
import type { Services } from '../services';
import { LogTablePanelSerializer } from './logTablePanelSerializer';
import { PanelManager } from './panelManager';
import { registerViewCommands } from '../views/registerViewCommands';
import { TimelineManager } from '../timeline/timelineManager';
import { registerTimelineCommands } from '../timeline/registerTimeline';
import type { TreeNode } from '../tree/treeNode';

/**
 * Registers the table panel's serializer (stream panels and timelines share the webview) and the commands that open
 * panels. Returns the managers so `activate` can expose them on the test API.
 */
export function registerPanels(services: Services): {
  readonly panels: PanelManager;
  readonly timelines: TimelineManager;
  readonly timelinesTree: vscode.TreeDataProvider<TreeNode>;
} {
  const panels = new PanelManager(services);
  const timelines = new TimelineManager(services);
  services.context.subscriptions.push(
    panels,
    timelines,
    vscode.window.registerWebviewPanelSerializer(
      viewIds.tablePanel,
      new LogTablePanelSerializer(panels, timelines, services.logger.child('Panel')),
    ),
  );
  registerCommand(services, commandIds.openStream, (target?: OpenStreamTarget) => openStream(services, panels, target));
  registerViewCommands(services, panels);
  const timelinesTree = registerTimelineCommands(services, panels, timelines);
  return { panels, timelines, timelinesTree };
}
