import * as vscode from 'vscode';
import { encodeAll } from './exportEncoder';
import { writeExport } from './writeExport';
import type { ExportFormat } from '../protocol/logTable';
import type { StreamDefinition } from '../protocol/streamDefinition';
import type { HeldRows } from '../query/heldRows';

const formatFilters: Readonly<Record<ExportFormat, Record<string, string[]>>> = {
  csv: { CSV: ['csv'] },
  json: { JSON: ['json'] },
  ndjson: { 'Newline-delimited JSON': ['ndjson', 'jsonl'] },
};

/** Asks where to save, then streams the rows to that file with a cancellable progress notification. */
export async function exportRows(definition: StreamDefinition, rows: HeldRows, format: ExportFormat): Promise<void> {
  if (rows.length === 0) {
    void vscode.window.showInformationMessage('There are no rows to export.');
    return;
  }
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const target = await vscode.window.showSaveDialog({
    title: `Export ${rows.length.toLocaleString()} rows`,
    defaultUri: defaultLocation(`${definition.id.replace('.', '-')}-${stamp}.${format}`),
    filters: formatFilters[format],
  });
  if (!target) {
    return;
  }
  if (target.scheme !== 'file') {
    // Not on this machine's disk (a virtual file system): no streaming, but still a correct export.
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(encodeAll(rows, format, definition.columns)));
  } else if (!(await streamWithProgress(target.fsPath, rows, format, definition))) {
    void vscode.window.showInformationMessage('Export cancelled.');
    return;
  }
  void vscode.window.showInformationMessage(`Exported ${rows.length.toLocaleString()} rows to ${target.fsPath}.`);
}

/** Resolves false when the user cancelled (the partial file is already removed). */
function streamWithProgress(
  filePath: string,
  rows: HeldRows,
  format: ExportFormat,
  definition: StreamDefinition,
): Thenable<boolean> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Exporting logs', cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      const onProgress = (written: number, total: number): void => {
        const message = `${written.toLocaleString()} of ${total.toLocaleString()} rows`;
        progress.report({ message, increment: ((written - reported) / total) * 100 });
        reported = written;
      };
      try {
        await writeExport(filePath, rows, { format, columns: definition.columns, signal: controller.signal, onProgress });
        return true;
      } catch (error) {
        if (controller.signal.aborted) return false;
        throw error;
      }
    },
  );
}

function defaultLocation(fileName: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, fileName) : undefined;
}
