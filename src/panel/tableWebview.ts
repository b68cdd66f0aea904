import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { createNonce, renderPanelHtml } from './html';

/** Options, title, icon and page of a log-table webview (a stream's panel or a timeline): one front end for both. */
export function configureTableWebview(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, title: string): void {
  const webviewRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  panel.webview.options = {
    enableScripts: true,
    localResourceRoots: [webviewRoot, vscode.Uri.joinPath(extensionUri, 'media')],
  };
  panel.title = title;
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
  const webview = panel.webview;
  const styleFile = vscode.Uri.joinPath(webviewRoot, 'main.css');
  webview.html = renderPanelHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.js')).toString(),
    styleUri: fileExists(styleFile) ? webview.asWebviewUri(styleFile).toString() : undefined,
    title,
    nonce: createNonce(),
  });
}

/** esbuild writes `main.css` only when the front end imports CSS. */
function fileExists(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && existsSync(uri.fsPath);
}
