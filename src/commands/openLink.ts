import * as vscode from 'vscode';

/** True for the only schemes a link from log content may open with: http and https. */
export function isOpenableLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Opens a link found in log content. Log content is untrusted, so the scheme is checked and the user sees the
 * full URL and confirms before anything opens. Returns whether it opened.
 */
export async function openLink(
  url: string,
  confirm: (message: string) => Thenable<boolean> = confirmWithModal,
): Promise<boolean> {
  if (!isOpenableLink(url)) {
    void vscode.window.showWarningMessage('Only http and https links can be opened from log content.');
    return false;
  }
  if (!(await confirm(`Open this link from the log in your browser?\n\n${url}`))) {
    return false;
  }
  return vscode.env.openExternal(vscode.Uri.parse(url, true));
}

function confirmWithModal(message: string): Thenable<boolean> {
  return vscode.window
    .showWarningMessage(message, { modal: true }, 'Open Link')
    .then((choice) => choice === 'Open Link');
}
