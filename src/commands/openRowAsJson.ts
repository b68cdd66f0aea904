import * as vscode from 'vscode';
import type { LogRow } from '../protocol/streamDefinition';

/** Opens a row as an untitled JSON document, so the editor's folding, search and formatting apply. */
export async function openRowAsJson(row: LogRow): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(row, null, 2) });
  return vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
