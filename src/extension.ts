import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { contextKeys, viewIds } from './constants';
import type { Services } from './services';
import { createServices } from './services';
import { LogsTreeProvider } from './tree/logsTreeProvider';
import type { TreeNode } from './tree/treeNode';
import type { Prompter } from './ui/prompter';
import { VsCodePrompter } from './ui/prompter';

/** What `activate` returns: used by the integration tests, stable enough for other extensions. */
export interface ApiLogsApi {
  readonly services: Services;
  readonly tree: vscode.TreeDataProvider<TreeNode>;
  /** Answers prompts from a script (tests); undefined restores the VS Code UI. */
  setPrompter(prompter: Prompter | undefined): void;
}

export function activate(context: vscode.ExtensionContext): ApiLogsApi {
  const services = createServices(context);
  const tree = new LogsTreeProvider(services);
  const view = vscode.window.createTreeView(viewIds.explorer, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(tree, view);
  registerCommands(services, tree);

  const updateContext = () =>
    void vscode.commands.executeCommand('setContext', contextKeys.hasAccounts, services.accounts.list().length > 0);
  context.subscriptions.push(services.accounts.onDidChange(updateContext));
  updateContext();
  void vscode.commands.executeCommand('setContext', contextKeys.ready, true);
  services.logger.info(`Activated (${vscode.env.appName} ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);

  return {
    services,
    tree,
    setPrompter: (prompter) => {
      services.prompter = prompter ?? new VsCodePrompter();
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
