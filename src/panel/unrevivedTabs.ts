import * as vscode from 'vscode';
import { viewIds } from '../constants';

/**
 * Table tabs labelled `title` whose webview VS Code has not revived yet. After a reload VS Code revives a webview
 * only when its tab is first shown, so until then the extension has no panel for a background tab; opening its
 * stream would put a second tab beside it. `isLive` tells the tabs of panels the extension does hold.
 */
export function unrevivedTableTabs(title: string, isLive: (title: string) => boolean): vscode.Tab[] {
  if (isLive(title)) return [];
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.label === title && tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewIds.tablePanel));
}
