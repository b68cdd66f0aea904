import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import { commandIds, contextKeys, viewIds } from '../constants';
import type { PanelManager } from '../panel/panelManager';
import type { TimelineSourceRef } from '../protocol/logTable';
import type { Services } from '../services';
import { TimelinesTreeProvider } from '../tree/timelinesTreeProvider';
import type { TreeNode } from '../tree/treeNode';
import { findRelated, showAroundTime } from './rowCommands';
import { openTimeline, openTogether } from './timelineCommands';
import type { TimelineManager } from './timelineManager';
import type { TimelinePanel } from './timelinePanel';
import { deleteTimelineView, openTimelineView, renameTimelineView, saveTimelineView, saveTimelineViewAs, type TimelineViewTarget } from './timelineViewCommands';
import type { TimelineView } from './timelineViewStore';

/**
 * Open Timeline…, Open Together (the tree's multi-selection), the row commands of every log panel, and saved
 * timelines: their commands and the Timelines view, shown once a timeline is saved. Returns its tree (tests).
 */
export function registerTimelineCommands(services: Services, panels: PanelManager, timelines: TimelineManager): vscode.TreeDataProvider<TreeNode> {
  registerCommand(services, commandIds.openTimeline, (sources?: readonly TimelineSourceRef[]) => openTimeline(services, timelines, sources));
  registerCommand(services, commandIds.openTogether, (clicked?: object, selected?: readonly object[]) => openTogether(services, timelines, clicked, selected));
  registerCommand(services, commandIds.showAroundTime, (target?: unknown) => showAroundTime(services, panels, timelines, target));
  registerCommand(services, commandIds.findRelated, (target?: unknown) => findRelated(services, panels, timelines, target));

  const tree = new TimelinesTreeProvider(services);
  const view = vscode.window.createTreeView(viewIds.timelines, { treeDataProvider: tree, showCollapseAll: true });
  const revealSaved = async (saved: TimelineView) => {
    const node = tree.nodeOf(saved.id);
    if (node && view.visible) await view.reveal(node, { select: true, focus: false });
    return saved;
  };
  registerCommand(services, commandIds.saveTimelineView, (panel?: unknown) => saveTimelineView(services, timelines, asTimeline(panel)).then(revealSaved));
  registerCommand(services, commandIds.saveTimelineViewAs, (panel?: unknown) => saveTimelineViewAs(services, timelines, asTimeline(panel)).then(revealSaved));
  registerCommand(services, commandIds.openTimelineView, (target?: TimelineViewTarget) => openTimelineView(services, timelines, asViewTarget(target)));
  registerCommand(services, commandIds.renameTimelineView, (target?: TimelineViewTarget) => renameTimelineView(services, asViewTarget(target)));
  registerCommand(services, commandIds.deleteTimelineView, (target?: TimelineViewTarget) => deleteTimelineView(services, asViewTarget(target)));
  const updateContext = () => void vscode.commands.executeCommand('setContext', contextKeys.hasSavedTimelines, services.timelineViews.list().length > 0);
  const following = services.timelineViews.onDidChange(updateContext);
  services.context.subscriptions.push(tree, view, following);
  updateContext();
  return tree;
}

/** The editor-title button passes the webview's resource URI, not a panel: act on the active timeline then. */
function asTimeline(value: unknown): TimelinePanel | undefined {
  return typeof value === 'object' && value !== null && 'model' in value && 'webviewPanel' in value ? (value as TimelinePanel) : undefined;
}

/** A node of the Timelines view (or a test's object with a view); anything else means "ask". */
function asViewTarget(value: unknown): TimelineViewTarget | undefined {
  return typeof value === 'object' && value !== null && 'timelineView' in value ? (value as TimelineViewTarget) : undefined;
}
