import * as vscode from 'vscode';

/** Names each prompt, so a scripted prompter (tests) can answer by id instead of by position. */
export type PromptId =
  | 'accountName'
  | 'provider'
  | 'dailyApiKey'
  | 'lagoRegion'
  | 'lagoUrl'
  | 'lagoApiKey'
  | 'signalwireSpace'
  | 'signalwireProjectId'
  | 'signalwireToken'
  | 'baseUrlOverride'
  | 'account'
  | 'connection'
  | 'stream'
  | 'confirmRemove'
  | 'viewName'
  | 'view'
  | 'confirmDeleteView'
  | 'callSitePath'
  | 'watch'
  | 'watchKind'
  | 'streams'
  | 'aroundSpan'
  | 'relatedValue';

/** Every question the extension asks goes through here; undefined / false means the user cancelled. */
export interface Prompter {
  input(id: PromptId, options: vscode.InputBoxOptions): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(
    id: PromptId,
    items: readonly T[],
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined>;
  /** Several items at once; undefined when cancelled. */
  pickMany<T extends vscode.QuickPickItem>(id: PromptId, items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined>;
  confirm(id: PromptId, message: string, action: string): Promise<boolean>;
}

export class VsCodePrompter implements Prompter {
  async input(_id: PromptId, options: vscode.InputBoxOptions): Promise<string | undefined> {
    return vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  }

  async pick<T extends vscode.QuickPickItem>(
    _id: PromptId,
    items: readonly T[],
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined> {
    return vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options });
  }

  async pickMany<T extends vscode.QuickPickItem>(_id: PromptId, items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    return vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options, canPickMany: true });
  }

  async confirm(_id: PromptId, message: string, action: string): Promise<boolean> {
    const answer = await vscode.window.showWarningMessage(message, { modal: true }, action);
    return answer === action;
  }
}
