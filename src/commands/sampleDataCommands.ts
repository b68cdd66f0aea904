import * as vscode from 'vscode';
import { commandIds, viewIds } from '../constants';
import type { SampleDataService } from '../sampleData/sampleDataService';

/** Starts the sample servers, adds the Sample account, shows the API Logs view and opens its Daily API logs. */
export async function trySampleData(sampleData: SampleDataService): Promise<string> {
  const accountId = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Starting the sample data servers…' },
    () => sampleData.start(),
  );
  // Run from the palette or the walkthrough, the API Logs view may be closed: show where the account went.
  await vscode.commands.executeCommand(`workbench.view.extension.${viewIds.container}`);
  await vscode.commands.executeCommand(commandIds.openStream, { accountId, provider: 'daily', streamId: 'daily.api' });
  return accountId;
}

export async function removeSampleData(sampleData: SampleDataService): Promise<void> {
  if (!sampleData.accountId) {
    void vscode.window.showInformationMessage('There is no sample data to remove.');
    return;
  }
  await sampleData.remove();
  void vscode.window.showInformationMessage('Removed the sample data and stopped its servers.');
}
