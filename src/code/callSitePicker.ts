import * as vscode from 'vscode';
import type { CallSiteFinder } from './callSiteFinder';
import type { CallSitePattern } from './callSitePatterns';
import type { RankedCallSite } from './callSiteRanking';
import type { LoggedRequest } from './loggedRequest';
import { describeRequest } from './loggedRequest';

interface ResultItem extends vscode.QuickPickItem {
  readonly result?: RankedCallSite;
}

const searchViewItem: ResultItem = {
  label: '$(search) Show in Search view',
  description: 'the same pattern as a regular expression',
  alwaysShow: true,
};

/**
 * Shows a search's results in a quick pick while they arrive (best first), with progress in the window; closing the
 * pick cancels the search. Accepting a result opens its file at the line.
 */
export async function pickCallSite(finder: CallSiteFinder, request: LoggedRequest, pattern: CallSitePattern): Promise<void> {
  const pick = vscode.window.createQuickPick<ResultItem>();
  const cancel = new vscode.CancellationTokenSource();
  const title = `Call sites of ${describeRequest({ ...request, path: `/${pattern.segments.map((s) => (s.variable ? '*' : s.text)).join('/')}` })}`;
  pick.title = title;
  pick.placeholder = 'Searching the workspace…';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  // Only Escape (or a choice) closes it: the results keep arriving while the user clicks elsewhere.
  pick.ignoreFocusOut = true;
  pick.items = [searchViewItem];
  const done = new Promise<void>((resolve) => {
    pick.onDidHide(() => {
      cancel.cancel();
      resolve();
    });
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems;
      pick.hide();
      if (chosen === searchViewItem) void showInSearchView(pattern);
      else if (chosen?.result) void openCallSite(chosen.result, pattern);
    });
  });
  pick.show();
  const search = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Finding call sites' },
    () => finder.find(request, pattern, cancel.token, (ranked) => (pick.items = toItems(ranked))),
  );
  pick.busy = false;
  pick.placeholder =
    search.results.length > 0
      ? `${search.results.length} call site${search.results.length === 1 ? '' : 's'} in ${search.files} files — best match first`
      : `No call sites in ${search.files} files. Try the Search view for a broader search.`;
  await done;
  cancel.dispose();
  pick.dispose();
}

function toItems(ranked: readonly RankedCallSite[]): ResultItem[] {
  const items = ranked.map((result) => ({
    label: `$(file-code) ${result.file.split('/').pop() ?? result.file}:${result.line + 1}`,
    // The reasons go next to the file: a long line of code would push them out of sight at the end of the detail.
    description: `${result.file}${result.reasons.length ? ` · ${result.reasons.join(', ')}` : ''}`,
    detail: result.lineText.trim().slice(0, 160),
    result,
  }));
  return [...items, searchViewItem];
}

export async function openCallSite(result: RankedCallSite, pattern: CallSitePattern): Promise<vscode.TextEditor | undefined> {
  const uri = resultUri(result);
  if (!uri) return undefined;
  const found = pattern.lineRegex.exec(result.lineText);
  const end = result.column + (found?.[0].length ?? 0);
  const selection = new vscode.Range(result.line, result.column, result.line, end);
  return vscode.window.showTextDocument(uri, { selection, preview: true });
}

/** The alternative: VS Code's own search view with the pattern as a regular expression. */
export function showInSearchView(pattern: CallSitePattern): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.findInFiles', {
    query: pattern.searchViewRegex,
    isRegex: true,
    isCaseSensitive: true,
    triggerSearch: true,
  });
}

/** The file a ranked result names, resolved against the workspace folders. */
export function resultUri(result: Pick<RankedCallSite, 'file'>): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return vscode.Uri.joinPath(folders[0].uri, result.file);
  const [name, ...rest] = result.file.split('/');
  const folder = folders.find((candidate) => candidate.name === name);
  return folder ? vscode.Uri.joinPath(folder.uri, rest.join('/')) : undefined;
}
